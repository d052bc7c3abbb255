package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.BadInputException;
import io.netimpact.input.SweepReader;
import io.netimpact.model.Change;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.model.Sweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pair generator as read and expanded (contract section 7.3), without routing. */
class PairGeneratorTest {
  @TempDir
  Path tmp;

  /** Three devices (two at site s1), three links, l2 in SRLG g. */
  private static Snapshot tiny() {
    Link l2 = Link.simple("l2", "a", "c", 1, 10);
    l2 = new Link(l2.id(), l2.a(), l2.b(), l2.metric(), l2.metricBa(), l2.members(),
        l2.minLinks(), l2.up(), l2.latencyMs(), List.of("g"));
    return new Snapshot(SnapshotInfo.of("tiny"), List.of(
        new Device("a", "s1", "r", "core", false), new Device("b", "s1", "r", "edge", false),
        new Device("c", "s2", "r", "core", false)), List.of(Link.simple("l0", "a", "b", 1, 10),
        Link.simple("l1", "b", "c", 1, 10), l2), List.of(Demand.of("a", "c", 1)));
  }

  private Sweep read(String json) throws IOException {
    Path p = tmp.resolve("s" + json.hashCode() + ".json");
    Files.writeString(p, json);
    return SweepReader.read(p.toString(), new Configuration());
  }

  @Test
  void pairs_areEveryUnorderedPairOfDistinctSingles_inGeneratorOrder_firstOpsThenSecond()
      throws IOException {
    Sweep s = read("{\"id\": \"n2\", \"generators\": [{\"each\": \"link\"}, "
        + "{\"each\": \"pair\", \"of\": [\"srlg\", \"link\", \"srlg\"]}]}");
    Sweep.Expansion e = s.expansion(tiny());
    List<String> ids = e.changes().stream().map(Change::id).toList();
    assertEquals(List.of("link_down:l0", "link_down:l1", "link_down:l2",
        "srlg_down:g+link_down:l0", "srlg_down:g+link_down:l1", "srlg_down:g+link_down:l2",
        "link_down:l0+link_down:l1", "link_down:l0+link_down:l2",
        "link_down:l1+link_down:l2"), ids);
    assertEquals(6, e.pairCount());
    assertTrue(!e.isPair(2) && e.isPair(3));
    Change c = e.changes().get(3);
    assertEquals("srlg_down", c.ops().get(0).opName());
    assertEquals("link_down", c.ops().get(1).opName());
    assertEquals("l0", c.ops().get(1).target());
  }

  @Test
  void pairsOfDevices_removeThem_andTheDeviceFiltersApply() throws IOException {
    Sweep s = read("{\"id\": \"n2\", \"generators\": [{\"each\": \"pair\", \"of\": "
        + "[\"device\", \"site\"], \"role\": \"core\"}]}");
    List<String> ids = s.expand(tiny()).stream().map(Change::id).toList();
    assertEquals(List.of("remove_device:a+remove_device:c", "remove_device:a+site_down:s1",
        "remove_device:a+site_down:s2", "remove_device:c+site_down:s1",
        "remove_device:c+site_down:s2", "site_down:s1+site_down:s2"), ids);
  }

  @Test
  void aPairGenerator_withoutKinds_orWithAnUnknownKind_isLocatedBadInput() {
    BadInputException missing = assertThrows(BadInputException.class,
        () -> read("{\"id\": \"x\", \"generators\": [{\"each\": \"pair\"}]}"));
    assertEquals("generators[0]", missing.problems().get(0).location());
    assertEquals("of", missing.problems().get(0).field());
    BadInputException unknown = assertThrows(BadInputException.class,
        () -> read("{\"id\": \"x\", \"generators\": [{\"each\": \"pair\", \"of\": [\"lsp\"]}]}"));
    assertEquals("of", unknown.problems().get(0).field());
    assertTrue(unknown.getMessage().contains("lsp"), unknown.getMessage());
    BadInputException filter = assertThrows(BadInputException.class,
        () -> read("{\"id\": \"x\", \"generators\": [{\"each\": \"pair\", \"of\": [\"link\"], "
            + "\"role\": \"core\"}]}"));
    assertTrue(filter.getMessage().contains("filter devices only"), filter.getMessage());
  }

  @Test
  void aPairGenerator_ofOneElement_matchesNothing_andSaysSo() throws IOException {
    Sweep s = read("{\"id\": \"x\", \"changes\": [{\"id\": \"c\", \"ops\": [{\"op\": "
        + "\"link_down\", \"link\": \"l0\"}]}], \"generators\": [{\"each\": \"pair\", \"of\": "
        + "[\"srlg\"]}]}");
    assertEquals(List.of("generators[0] (each pair of [srlg]) matches no two distinct failures "
        + "of the snapshot"), s.unmatched(tiny()));
  }
}
