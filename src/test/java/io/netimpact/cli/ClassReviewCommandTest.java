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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review with {@code classes.json} end to end through the CLI on the sample: the class table
 * and columns appear, the other tables are the same as without, and a snapshot without the
 * file writes exactly the tables and columns it wrote before.
 */
class ClassReviewCommandTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /** The JSON lines of a table, sorted (part files in any order). */
  static List<String> lines(Path out, String table) throws IOException {
    List<String> all = new ArrayList<>();
    Path dir = out.resolve(table);
    if (!Files.isDirectory(dir)) {
      return all;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p)
          && p.getFileName().toString().contains("part-")
          && !p.getFileName().toString().startsWith(".")).toList()) {
        all.addAll(Files.readAllLines(f));
      }
    }
    all.sort(null);
    return all;
  }

  /** The same rows, strings equal and numbers within 1e-9 relative. */
  static void sameRows(String table, List<String> want, List<String> got)
      throws IOException {
    assertEquals(want.size(), got.size(), table);
    java.util.Comparator<JsonNode> byText = java.util.Comparator.comparing(
        n -> textFields(n).toString());
    List<JsonNode> w = new ArrayList<>();
    List<JsonNode> g = new ArrayList<>();
    for (int i = 0; i < want.size(); i++) {
      w.add(Json.MAPPER.readTree(want.get(i)));
      g.add(Json.MAPPER.readTree(got.get(i)));
    }
    w.sort(byText);
    g.sort(byText);
    for (int i = 0; i < w.size(); i++) {
      assertEquals(textFields(w.get(i)), textFields(g.get(i)), table);
      var names = w.get(i).fieldNames();
      while (names.hasNext()) {
        String f = names.next();
        if (w.get(i).get(f).isNumber()) {
          double a = w.get(i).get(f).doubleValue();
          double b = g.get(i).get(f).doubleValue();
          assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), table + " " + f);
        }
      }
    }
  }

  private static java.util.Map<String, String> textFields(JsonNode n) {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().isNumber()) {
        m.put(e.getKey(), e.getValue().asText());
      }
    });
    return m;
  }

  private ReviewCommandTest.Run review(Path snapshot, Path out) {
    return ReviewCommandTest.run("review", "--snapshot", snapshot.toString(), "--change",
        ReviewCommandTest.CHANGES + "block-srlg-conduit.json", "--out", out.toString(),
        "--format", "json", "--run-id", "r1");
  }

  @Test
  void classesJson_addsClassImpactAndTwoColumns_andLeavesTheOtherTablesAsTheyWere()
      throws IOException {
    Path plain = ReviewCommandTest.copyOfSample(tmp.resolve("plain"));
    Path classed = ReviewCommandTest.copyOfSample(tmp.resolve("classed"));
    // Every sample demand is best-effort or bulk: bulk served last, best-effort protected.
    Files.writeString(classed.resolve("classes.json"), """
        [{"class": "best-effort", "priority": 0, "protected": true},
         {"class": "bulk", "priority": 1}]""");
    Path outPlain = tmp.resolve("out-plain");
    Path outClassed = tmp.resolve("out-classed");
    ReviewCommandTest.Run p = review(plain, outPlain);
    ReviewCommandTest.Run c = review(classed, outClassed);
    assertEquals(0, p.code(), p.err());
    assertEquals(0, c.code(), c.err());
    // Without the file: no class table, no class column, no class line.
    assertEquals(List.of(), lines(outPlain, ClassTable.CLASS_IMPACT));
    String plainSummary = lines(outPlain, ReportTables.SCENARIO_SUMMARY).get(0);
    assertFalse(plainSummary.contains(ClassTable.DROPPED), plainSummary);
    assertFalse(p.out().contains("dropped by class"), p.out());
    // With it: the same link and demand rows (to rounding: the review with classes is summed
    // on the driver in another order).
    for (String t : List.of(ReportTables.LINK_IMPACT, ReportTables.DEMAND_IMPACT,
        ReportTables.LINK_BASELINE)) {
      sameRows(t, lines(outPlain, t), lines(outClassed, t));
    }
    List<String> classRows = lines(outClassed, ClassTable.CLASS_IMPACT);
    assertFalse(classRows.isEmpty(), "the conduit cut overloads arcs: something drops");
    for (String row : classRows) {
      assertTrue(row.contains("\"class\":\"best-effort\"") || row.contains("\"class\":\"bulk\""),
          row);
    }
    String summary = lines(outClassed, ReportTables.SCENARIO_SUMMARY).get(0);
    assertTrue(summary.contains("\"" + ClassTable.PROTECTED_DROPPED + "\":"), summary);
    assertTrue(summary.contains("\"" + ClassTable.DROPPED + "\":"), summary);
    assertTrue(c.out().contains("dropped by class"), c.out());
    assertTrue(c.out().contains("class best-effort drops"), c.out());
    // best-effort is protected and newly drops on the overloaded arcs: BLOCK, saying so.
    assertTrue(c.out().contains("VERDICT: BLOCK"), c.out());
    assertTrue(summary.contains("protected class best-effort newly drops"), summary);
    // The page says which classes drop where; without classes it has no such section.
    assertTrue(page(outClassed).contains("Dropped by class of service"));
    assertTrue(page(outClassed).contains("<li>class bulk drops 7.0 Gbps"), page(outClassed));
    assertFalse(page(outPlain).contains("Dropped by class of service"));
  }

  private static String page(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("_runs").resolve("r1"))) {
      Path html = files.filter(f -> f.getFileName().toString().endsWith("-summary.html"))
          .findFirst().orElseThrow();
      return Files.readString(html);
    }
  }

  @Test
  void badClassesJson_exitsTwoNamingRecordAndField_andWritesNothing() throws IOException {
    Path classed = ReviewCommandTest.copyOfSample(tmp.resolve("bad"));
    Files.writeString(classed.resolve("classes.json"),
        "[{\"class\": \"gold\", \"priority\": 0}, {\"class\": \"silver\", \"priority\": -2}]");
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run r = review(classed, out);
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("classes.json, record 2, field priority"), r.err());
    assertFalse(Files.exists(out.resolve(ReportTables.SCENARIO_SUMMARY)));
  }
}
