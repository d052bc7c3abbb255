package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.deduce.Measured;
import io.netimpact.input.Json;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Demand;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deduce} end to end on the sample backbone: its own demands routed give the counters,
 * the deduced snapshot explains them, is an ordinary snapshot (read back, reviewed), and bad
 * measurements exit 2 with a located message and nothing written.
 */
class DeduceCommandTest {
  static final String SNAPSHOT = ReviewCommandTest.SNAPSHOT;

  @TempDir
  Path tmp;

  static Snapshot sample() {
    return new SnapshotReader(new Configuration())
        .read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL).snapshot();
  }

  /** The sample's counters: every usable arc, and every device's totals. */
  static MeasuredLoads sampleLoads() {
    Snapshot s = sample();
    Network net = NetworkCompiler.compile(s);
    return Measured.of(s, net, BaselineLoads.of(net).load(), arc -> true, true);
  }

  /** Writes measurements as the JSON-lines files deduce and --loads read. */
  static Path write(Path dir, MeasuredLoads m) throws IOException {
    Files.createDirectories(dir);
    List<String> arcs = new ArrayList<>();
    for (MeasuredLoads.ArcLoad a : m.arcs()) {
      arcs.add(String.format("{\"link\": \"%s\", \"from\": \"%s\", \"gbps\": %s}", a.link(),
          a.from(), a.gbps()));
    }
    Files.write(dir.resolve("interface_loads.jsonl"), arcs);
    List<String> totals = new ArrayList<>();
    for (MeasuredLoads.DeviceTotal t : m.totals()) {
      totals.add(String.format("{\"device\": \"%s\", \"in_gbps\": %s, \"out_gbps\": %s}",
          t.device(), t.inGbps(), t.outGbps()));
    }
    if (!totals.isEmpty()) {
      Files.write(dir.resolve("device_totals.jsonl"), totals);
    }
    return dir;
  }

  @Test
  void deduce_ofTheSamplesCounters_writesASnapshotThatExplainsThem_andReviewsAsAnyOther()
      throws IOException {
    MeasuredLoads m = sampleLoads();
    Path loads = write(tmp.resolve("loads"), m);
    Path out = tmp.resolve("deduced");
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot", SNAPSHOT,
        "--loads", loads.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("fit: relative L2 residual over " + m.arcs().size()
        + " measured arcs"), r.out());
    assertTrue(r.out().contains("0 usable arcs unmeasured"), r.out());

    Snapshot deduced = new SnapshotReader(new Configuration())
        .read(out.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    assertEquals(sample().devices(), deduced.devices());
    assertEquals(sample().links(), deduced.links());
    assertTrue(deduced.info().notes().contains("method: tomogravity"), deduced.info().notes());
    assertTrue(deduced.info().notes().contains("fit: relative L2 residual"));
    // Routed again, the deduced demands give the measured loads.
    Network net = NetworkCompiler.compile(deduced);
    double[] routed = BaselineLoads.of(net).load();
    double num = 0;
    double den = 0;
    for (MeasuredLoads.ArcLoad a : m.arcs()) {
      int l = net.link(a.link()).orElseThrow();
      int arc = net.nodeId(net.linkA(l)).equals(a.from()) ? 2 * l : 2 * l + 1;
      num += (routed[arc] - a.gbps()) * (routed[arc] - a.gbps());
      den += a.gbps() * a.gbps();
    }
    assertTrue(Math.sqrt(num / den) <= 1e-2, "fit " + Math.sqrt(num / den));

    List<String> fit = Files.readAllLines(out.resolve("deduce_fit.jsonl"));
    assertEquals(m.arcs().size(), fit.size());
    JsonNode row = Json.MAPPER.readTree(fit.get(0));
    for (String column : List.of("link", "from", "measured_gbps", "predicted_gbps",
        "residual_gbps")) {
      assertTrue(row.has(column), column + " in " + row);
    }
    assertEquals(row.get("predicted_gbps").asDouble() - row.get("measured_gbps").asDouble(),
        row.get("residual_gbps").asDouble(), 1e-9);

    ReviewCommandTest.Run review = ReviewCommandTest.run("review", "--snapshot", out.toString(),
        "--change", ReviewCommandTest.CHANGES + "safe-member-down.json", "--out",
        tmp.resolve("reports").toString(), "--format", "json");
    assertEquals(0, review.code(), review.err());
    assertTrue(review.out().contains("VERDICT:"), review.out());
  }

  @Test
  void deduce_withParquet_writesParquetTablesTheReaderTakes() throws IOException {
    Path loads = write(tmp.resolve("loads"), sampleLoads());
    Path out = tmp.resolve("deduced");
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot", SNAPSHOT,
        "--loads", loads.toString(), "--out", out.toString(), "--format", "parquet");
    assertEquals(0, r.code(), r.err());
    for (String table : List.of("devices", "links", "demands", "deduce_fit")) {
      assertTrue(Files.isDirectory(out.resolve(table)), table);
    }
    Snapshot deduced = new SnapshotReader(new Configuration())
        .read(out.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    assertEquals(sample().links(), deduced.links());
    assertFalse(deduced.demands().isEmpty());
  }

  @Test
  void deduce_badCounters_exit2_namingFileLineAndField_andWriteNothing() throws IOException {
    Snapshot s = sample();
    String link = s.links().get(0).id();
    String a = s.links().get(0).a();
    String stranger = s.devices().stream().map(d -> d.id())
        .filter(id -> !id.equals(s.links().get(0).a()) && !id.equals(s.links().get(0).b()))
        .findFirst().orElseThrow();
    Map<String, List<String>> cases = new HashMap<>();
    cases.put("field link", List.of(
        "{\"link\": \"" + link + "\", \"from\": \"" + a + "\", \"gbps\": 1}",
        "{\"link\": \"no-such-link\", \"from\": \"" + a + "\", \"gbps\": 1}"));
    cases.put("not an end of link", List.of(
        "{\"link\": \"" + link + "\", \"from\": \"" + a + "\", \"gbps\": 1}",
        "{\"link\": \"" + link + "\", \"from\": \"" + stranger + "\", \"gbps\": 1}"));
    cases.put("a second row for the arc", List.of(
        "{\"link\": \"" + link + "\", \"from\": \"" + a + "\", \"gbps\": 1}",
        "{\"link\": \"" + link + "\", \"from\": \"" + a + "\", \"gbps\": 2}"));
    cases.put("field gbps", List.of(
        "{\"link\": \"" + link + "\", \"from\": \"" + a + "\", \"gbps\": 1}",
        "{\"link\": \"" + link + "\", \"from\": \"" + a + "\", \"gbps\": -3}"));
    int n = 0;
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      Path loads = Files.createDirectories(tmp.resolve("bad" + n));
      Files.write(loads.resolve("interface_loads.jsonl"), c.getValue());
      Files.write(loads.resolve("device_totals.jsonl"),
          List.of("{\"device\": \"" + a + "\", \"in_gbps\": 1, \"out_gbps\": 1}"));
      Path out = tmp.resolve("out" + n++);
      ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot", SNAPSHOT,
          "--loads", loads.toString(), "--out", out.toString());
      assertEquals(2, r.code(), c.getKey() + ": " + r.err());
      assertTrue(r.err().contains("interface_loads.jsonl, line 2"), r.err());
      assertTrue(r.err().contains(c.getKey()), c.getKey() + " in " + r.err());
      assertFalse(Files.exists(out), "nothing written for " + c.getKey());
    }
    // An unknown device in the totals, located too.
    Path loads = Files.createDirectories(tmp.resolve("badtotals"));
    Files.write(loads.resolve("interface_loads.jsonl"), List.of());
    Files.write(loads.resolve("device_totals.jsonl"),
        List.of("{\"device\": \"nowhere\", \"in_gbps\": 1, \"out_gbps\": 1}"));
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot", SNAPSHOT,
        "--loads", loads.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("device_totals.jsonl, line 1, field device"), r.err());
  }

  @Test
  void deduce_withoutTotals_byTotals_isRefused_butEveryPairWorks() throws IOException {
    MeasuredLoads m = sampleLoads();
    Path loads = write(tmp.resolve("loads"), new MeasuredLoads(m.arcs(), List.of(),
        List.<Demand>of()));
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot", SNAPSHOT,
        "--loads", loads.toString(), "--out", tmp.resolve("o1").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--pairs all"), r.err());
    ReviewCommandTest.Run all = ReviewCommandTest.run("deduce", "--snapshot", SNAPSHOT,
        "--loads", loads.toString(), "--out", tmp.resolve("o2").toString(), "--pairs", "all");
    assertEquals(0, all.code(), all.err());
  }
}
