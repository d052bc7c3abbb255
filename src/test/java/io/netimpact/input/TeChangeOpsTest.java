package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.te.TeOverlay;
import io.netimpact.testing.Net;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TE ops of docs/inputs.md#change-request: parsed with their fields, unknown policies and LSPs
 * located. */
class TeChangeOpsTest {
  @TempDir
  Path dir;

  private Change read(String ops) throws IOException {
    Path f = dir.resolve("change.json");
    Files.writeString(f, "{\"id\":\"c\",\"ops\":[" + ops + "]}");
    return ChangeReader.read(f.toString(), new Configuration());
  }

  private static Snapshot snapshot() {
    return Net.create().link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100)
        .demand("a", "c", 5).demand("a", "b", 1).snapshot().withTe(new TrafficEngineering(
            List.of(new SrPolicy("p", "a", "c", List.of(), true,
                List.of(List.of(new Segment.Node("b"))))),
            List.of(new Lsp("l", "a", "b", 2, 7, List.of(), true))));
  }

  @Test
  void everyTeOp_isParsedWithItsFields() throws IOException {
    Change c = read("{\"op\":\"policy_down\",\"policy\":\"p\"},{\"op\":\"policy_up\",\"policy\":\"p\"},"
        + "{\"op\":\"lsp_down\",\"lsp\":\"l\"},{\"op\":\"lsp_up\",\"lsp\":\"l\"},"
        + "{\"op\":\"set_lsp_bandwidth\",\"lsp\":\"l\",\"bandwidth_gbps\":4.5},"
        + "{\"op\":\"add_lsp\",\"lsp\":{\"id\":\"l2\",\"head\":\"b\",\"tail\":\"c\",\"bandwidth_gbps\":1}},"
        + "{\"op\":\"add_policy\",\"policy\":{\"id\":\"p2\",\"head\":\"c\",\"endpoint\":\"a\","
        + "\"candidate_paths\":[[{\"adj\":\"bc\"}]]}}");
    assertEquals(List.of(new ChangeOp.SetPolicyUp("p", false), new ChangeOp.SetPolicyUp("p", true),
        new ChangeOp.SetLspUp("l", false), new ChangeOp.SetLspUp("l", true),
        new ChangeOp.SetLspBandwidth("l", 4.5),
        new ChangeOp.AddLsp(new Lsp("l2", "b", "c", 1, 7, List.of(), true)),
        new ChangeOp.AddPolicy(new SrPolicy("p2", "c", "a", List.of(), true,
            List.of(List.of(new Segment.Adj("bc")))))), c.ops());
  }

  @Test
  void badNestedLsp_isLocatedAtItsField() {
    BadInputException e = assertThrows(BadInputException.class, () -> read(
        "{\"op\":\"add_lsp\",\"lsp\":{\"id\":\"l2\",\"head\":\"b\",\"tail\":\"c\","
            + "\"bandwidth_gbps\":1,\"setup_priority\":9}}"));
    assertEquals("lsp.setup_priority", e.problems().get(0).field(), e.problems().toString());
  }

  private static InputProblem rejected(Snapshot s, Change c) {
    TeOverlay ov = TeOverlay.of(s, true);
    BadInputException e = assertThrows(BadInputException.class, () -> ChangeReader.located(
        "change.json", "", () -> ov.scenario(c, ChangeReader.mask(ov.network(), c,
            "change.json", ""))));
    return e.problems().get(0);
  }

  @Test
  void unknownPolicyOrLsp_isRejectedLikeAnUnknownElement() {
    InputProblem p = rejected(snapshot(), new Change("c", "", List.of(
        new ChangeOp.SetLinkUp("ab", false), new ChangeOp.SetLspUp("nope", false))));
    assertEquals("ops[1]", p.location());
    assertEquals("lsp", p.field());
    assertTrue(p.message().contains("unknown LSP \"nope\""), p.toString());
    InputProblem q = rejected(snapshot(), new Change("c", "", List.of(
        new ChangeOp.SetPolicyUp("zz", true))));
    assertEquals("ops[0]", q.location());
    assertTrue(q.message().contains("unknown policy \"zz\""), q.toString());
  }

  @Test
  void addedLspOnAPolicysRow_isBadInput() {
    InputProblem p = rejected(snapshot(), new Change("c", "", List.of(new ChangeOp.AddLsp(
        new Lsp("l3", "a", "c", 1, 7, List.of(), true)))));
    assertTrue(p.message().contains("could both steer"), p.toString());
  }
}
