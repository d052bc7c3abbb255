package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.input.Json;
import io.netimpact.report.ClassTable;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes of service in sweeps, end to end through the CLI on the sample: a sweep's class rows,
 * verdict and class columns for an explicit change equal those of a review of the same change,
 * both with a handful of scenarios (the fused plan) and with many (the surveyed plan, generated
 * single failures and pairs of them); without {@code classes.json} a sweep writes no class
 * table and no class column. About two minutes: eight CLI runs on the sample.
 */
@Tag("slow")
class ClassSweepCommandTest {
  private static final String CLASSES = """
      [{"class": "best-effort", "priority": 0, "protected": true},
       {"class": "bulk", "priority": 1}]""";
  private static final String CONDUIT = """
      {"id": "CR-1003", "ops": [{"op": "srlg_down", "srlg": "conduit-i80"}]}""";
  private static final String DRAIN = """
      {"id": "CR-1001", "ops": [{"op": "drain_device", "device": "chi-cr2"}]}""";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private Path classed() throws IOException {
    Path snap = ReviewCommandTest.copyOfSample(tmp.resolve("classed"));
    Files.writeString(snap.resolve("classes.json"), CLASSES);
    return snap;
  }

  private ReviewCommandTest.Run sweep(Path snapshot, String generators, Path out)
      throws IOException {
    Path file = tmp.resolve(out.getFileName() + "-sweep.json");
    Files.writeString(file, "{\"id\": \"classes\", \"changes\": [" + CONDUIT + ", " + DRAIN
        + "], \"generators\": [" + generators + "]}");
    return ReviewCommandTest.run("sweep", "--snapshot", snapshot.toString(), "--sweep",
        file.toString(), "--out", out.toString(), "--format", "json", "--run-id", "r1",
        "--all-rows");
  }

  private static ReviewCommandTest.Run review(Path snapshot, String change, Path out)
      throws IOException {
    Path file = out.resolveSibling(out.getFileName() + "-change.json");
    Files.writeString(file, change);
    return ReviewCommandTest.run("review", "--snapshot", snapshot.toString(), "--change",
        file.toString(), "--out", out.toString(), "--format", "json", "--run-id", "r1");
  }

  /** The rows of {@code table} of scenario {@code id}. */
  private static List<String> of(Path out, String table, String id) throws IOException {
    return ClassReviewCommandTest.lines(out, table).stream()
        .filter(l -> l.contains("\"scenario_id\":\"" + id + "\"")).toList();
  }

  private static void sameAsReviews(Path snap, Path sweepOut) throws IOException {
    int classRows = 0;
    for (String[] c : List.of(new String[] {"CR-1003", CONDUIT},
        new String[] {"CR-1001", DRAIN})) {
      Path reviewOut = sweepOut.resolveSibling(sweepOut.getFileName() + "-review-" + c[0]);
      ReviewCommandTest.Run r = review(snap, c[1], reviewOut);
      assertTrue(r.code() == 0 || r.code() == 3, r.err());
      List<String> want = of(reviewOut, ClassTable.CLASS_IMPACT, c[0]);
      ClassReviewCommandTest.sameRows(ClassTable.CLASS_IMPACT + " " + c[0], want,
          of(sweepOut, ClassTable.CLASS_IMPACT, c[0]));
      classRows += want.size();
      for (String t : List.of(ReportTables.LINK_IMPACT, ReportTables.DEMAND_IMPACT)) {
        ClassReviewCommandTest.sameRows(t + " " + c[0], of(reviewOut, t, c[0]),
            of(sweepOut, t, c[0]));
      }
      JsonNode rs = Json.MAPPER.readTree(of(reviewOut, ReportTables.SCENARIO_SUMMARY, c[0])
          .get(0));
      JsonNode ss = Json.MAPPER.readTree(of(sweepOut, ReportTables.SCENARIO_SUMMARY, c[0])
          .get(0));
      for (String f : List.of("verdict", "reason")) {
        assertEquals(rs.get(f).asText(), ss.get(f).asText(), c[0] + " " + f);
      }
      for (String f : List.of(ClassTable.PROTECTED_DROPPED, ClassTable.DROPPED)) {
        assertEquals(rs.get(f).asDouble(), ss.get(f).asDouble(),
            1e-9 * Math.max(1, rs.get(f).asDouble()), c[0] + " " + f);
      }
    }
    assertTrue(classRows > 0, "the conduit cut drops traffic: rows to compare");
  }

  @Test
  void fusedSweep_givesTheReviewsClassRowsVerdictsAndColumns() throws IOException {
    Path snap = classed();
    Path out = tmp.resolve("fused");
    ReviewCommandTest.Run s = sweep(snap, "", out);
    assertTrue(s.code() == 0 || s.code() == 3, s.err());
    assertFalse(s.err().contains("not applied to sweeps"), s.err());
    sameAsReviews(snap, out);
    // The conduit cut newly drops protected best-effort: BLOCK with classes, said so.
    String summary = of(out, ReportTables.SCENARIO_SUMMARY, "CR-1003").get(0);
    assertTrue(summary.contains("protected class best-effort newly drops"), summary);
    // The console says which classes drop where, as the page does.
    assertTrue(s.out().lines().anyMatch(l -> l.startsWith("class best-effort drops in ")
        && l.contains("srlg_down:conduit-i80") || l.startsWith("class best-effort drops in ")
        && l.contains("CR-1003")), s.out());
  }

  @Test
  void surveyedSweepWithPairs_givesTheReviewsClassRows_andEveryScenarioTheColumns()
      throws IOException {
    Path snap = classed();
    Path out = tmp.resolve("surveyed");
    ReviewCommandTest.Run s = sweep(snap, "{\"each\": \"srlg\"}, "
        + "{\"each\": \"pair\", \"of\": [\"srlg\"]}", out);
    assertTrue(s.code() == 0 || s.code() == 3, s.err());
    sameAsReviews(snap, out);
    List<String> summaries = ClassReviewCommandTest.lines(out, ReportTables.SCENARIO_SUMMARY);
    assertTrue(summaries.size() > 4, "more than the fused plan's scenarios");
    for (String row : summaries) {
      assertTrue(row.contains("\"" + ClassTable.DROPPED + "\":"), row);
    }
    // A generated pair of failures is reviewed like the same explicit two-op change.
    String pair = summaries.stream().map(l -> l.replaceAll(".*\"scenario_id\":\"([^\"]*)\".*",
        "$1")).filter(id -> id.contains("+")).findFirst().orElseThrow();
    String[] two = pair.split("\\+");
    String ops = "[" + op(two[0]) + ", " + op(two[1]) + "]";
    Path reviewOut = tmp.resolve("pair-review");
    ReviewCommandTest.Run r = review(snap, "{\"id\": \"" + pair + "\", \"ops\": " + ops + "}",
        reviewOut);
    assertTrue(r.code() == 0 || r.code() == 3, r.err());
    ClassReviewCommandTest.sameRows(pair, of(reviewOut, ClassTable.CLASS_IMPACT, pair),
        of(out, ClassTable.CLASS_IMPACT, pair));
  }

  /** The op of a generated single failure's id, {@code srlg_down:conduit-i80}. */
  private static String op(String id) {
    String[] p = id.split(":", 2);
    return "{\"op\": \"" + p[0] + "\", \"srlg\": \"" + p[1] + "\"}";
  }

  @Test
  void sweepWithoutClassesJson_writesNoClassTableAndNoClassColumn() throws IOException {
    Path plain = ReviewCommandTest.copyOfSample(tmp.resolve("plain"));
    Path out = tmp.resolve("plain-out");
    ReviewCommandTest.Run s = sweep(plain, "", out);
    assertTrue(s.code() == 0 || s.code() == 3, s.err());
    assertFalse(Files.exists(out.resolve(ClassTable.CLASS_IMPACT)));
    for (String row : ClassReviewCommandTest.lines(out, ReportTables.SCENARIO_SUMMARY)) {
      assertFalse(row.contains(ClassTable.DROPPED), row);
    }
    String summary = of(out, ReportTables.SCENARIO_SUMMARY, "CR-1003").get(0);
    assertTrue(summary.contains("\"verdict\":\"BLOCK\""), summary);
    assertFalse(s.out().lines().anyMatch(l -> l.startsWith("class ")), s.out());
  }
}
