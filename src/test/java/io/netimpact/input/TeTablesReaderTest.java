package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Segment;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SrPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The optional TE tables sr_policies and lsps: read with defaults, every problem located. */
class TeTablesReaderTest {
  static final String POLICY =
      "{\"id\":\"p1\",\"head\":\"a\",\"endpoint\":\"c\",\"classes\":[\"gold\"],"
          + "\"candidate_paths\":[[{\"node\":\"b\"}],[{\"adj\":\"ab\"},{\"node\":\"c\"}]]}";
  static final String LSP = "{\"id\":\"l1\",\"head\":\"a\",\"tail\":\"c\",\"bandwidth_gbps\":5}";

  @TempDir
  Path dir;

  private Snapshot read(String policies, String lsps) throws IOException {
    SnapshotReaderTest.write(dir, SnapshotReaderTest.MANIFEST, SnapshotReaderTest.DEVICES,
        SnapshotReaderTest.LINKS, SnapshotReaderTest.DEMANDS);
    if (policies != null) {
      Files.writeString(dir.resolve("sr_policies.jsonl"), policies);
    }
    if (lsps != null) {
      Files.writeString(dir.resolve("lsps.jsonl"), lsps);
    }
    return new SnapshotReader(new Configuration())
        .read(dir.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
  }

  @Test
  void absentTables_meanNoTrafficEngineering() throws IOException {
    assertTrue(read(null, null).te().isEmpty());
  }

  @Test
  void policyAndLsp_readWithTheirDefaults() throws IOException {
    // The LSP steers the class-less row, the policy the gold one: no row is steered twice.
    Snapshot s = read(POLICY + "\n", "{\"id\":\"l1\",\"head\":\"a\",\"tail\":\"c\","
        + "\"bandwidth_gbps\":5,\"classes\":[\"\"]}\n".replace("[\"\"]", "[\"bulk\"]"));
    SrPolicy p = s.te().policies().get(0);
    assertEquals(List.of("gold"), p.classes());
    assertTrue(p.up());
    assertEquals(List.of(new Segment.Adj("ab"), new Segment.Node("c")),
        p.candidatePaths().get(1));
    assertEquals(7, s.te().lsps().get(0).setupPriority());
    assertTrue(s.te().lsps().get(0).up());
  }

  static Stream<Arguments> badRecords() {
    return Stream.of(
        Arguments.of("sr_policies", POLICY.replace("\"head\":\"a\"", "\"head\":\"zz\""), "head",
            "unknown device"),
        Arguments.of("sr_policies", POLICY.replace("\"adj\":\"ab\"", "\"adj\":\"nope\""),
            "candidate_paths[1][0].adj", "unknown link"),
        Arguments.of("sr_policies", POLICY.replace("\"endpoint\":\"c\"", "\"endpoint\":\"a\""),
            "endpoint", "must differ"),
        Arguments.of("sr_policies", POLICY.replace("[[{\"node\":\"b\"}],", "[[],"),
            "candidate_paths[0]", "non-empty"),
        Arguments.of("sr_policies", POLICY + "\n" + POLICY, "id", "duplicate policy id"),
        Arguments.of("sr_policies", POLICY + "\n" + POLICY.replace("p1", "p2"), "classes",
            "could both steer"),
        Arguments.of("lsps", LSP.replace("5}", "5,\"setup_priority\":8}"), "setup_priority",
            "0..7"),
        Arguments.of("lsps", LSP.replace("\"bandwidth_gbps\":5", "\"bandwidth_gbps\":-1"),
            "bandwidth_gbps", ">= 0"),
        Arguments.of("lsps", LSP.replace("\"tail\":\"c\"", "\"tail\":\"a\""), "tail",
            "must differ"),
        Arguments.of("lsps", LSP + "\n" + LSP, "id", "duplicate LSP id"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badRecords")
  void badTeRecord_isLocatedByFileLineAndField(String table, String text, String field,
      String message) throws IOException {
    BadInputException e = assertThrows(BadInputException.class,
        () -> read(table.equals("sr_policies") ? text + "\n" : null,
            table.equals("lsps") ? text + "\n" : null));
    InputProblem p = e.problems().get(0);
    assertTrue(p.file().endsWith(table + ".jsonl"), p.toString());
    assertTrue(p.location().startsWith("line "), p.toString());
    assertEquals(field, p.field(), p.toString());
    assertTrue(p.message().contains(message), p.toString());
  }

  @Test
  void rowThatAPolicyAndAnLspCouldSteer_isBadInputAtTheLsp() throws IOException {
    BadInputException e = assertThrows(BadInputException.class, () -> read(POLICY + "\n",
        LSP + "\n"));
    InputProblem p = e.problems().get(0);
    assertTrue(p.file().endsWith("lsps.jsonl"));
    assertEquals("line 1", p.location());
    assertTrue(p.message().contains("policy p1 and LSP l1 could both steer"), p.toString());
  }
}
