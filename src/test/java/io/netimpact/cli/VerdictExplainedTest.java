package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review says why on the console, in scenario_summary and on its page, and where it is. */
class VerdictExplainedTest {
  static final String BLOCK_REASON =
      "lax-cr1->atl-cr1 (lag-atl-lax-cr1) over capacity, 25.0% -> 122.7%";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  @Test
  void blockingReview_namesTheArcOnTheConsoleInTheTableAndOnThePage() throws Exception {
    Path out = tmp.resolve("reports");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change",
        ReviewCommandTest.CHANGES + "block-srlg-conduit.json", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERDICT: BLOCK\n  because:                   " + BLOCK_REASON),
        r.out());
    assertTrue(r.out().contains("demands affected:          104 (52 rerouted, 52 at risk)"),
        r.out());
    // The page is the one the run marker names (versioned under its publish id).
    Path page = io.netimpact.testing.PublishedRuns.page(out, "CR-1003").toAbsolutePath();
    assertTrue(r.out().contains("page:   " + page + "\n"), r.out());
    assertTrue(r.out().contains("run_id=CR-1003, parquet): scenario_summary, link_impact, "
        + "demand_impact, link_baseline\n"), r.out());
    assertFalse(r.out().contains("{REROUTED"), "no Java map on the console: " + r.out());
    Row row = SparkTestSession.get().read().parquet(out.resolve(ReportTables.SCENARIO_SUMMARY)
        .resolve("run_id=CR-1003").toString()).collectAsList().get(0);
    assertEquals("BLOCK: " + BLOCK_REASON, row.getAs("reason"));
    String html = Files.readString(page);
    assertTrue(html.contains("id=\"reason\">BLOCK: " + BLOCK_REASON.replace(">", "&gt;")), html);
    assertTrue(html.contains("Civil works in conduit I-80"), "change title in the header");
  }

  @Test
  void memberDown_showsCapacityBeforeAndAfterOnTheConsole() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change",
        ReviewCommandTest.CHANGES + "safe-member-down.json", "--out",
        tmp.resolve("safe").toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("because:                   nothing newly above 80%, no traffic "
        + "lost"), r.out());
    // lag-chi-den-cr1 loses one of four members: 400 Gbps before, 300 after.
    assertTrue(r.out().matches("(?s).*lag-chi-den-cr1 .*400\\.0 -> 300\\.0 .*"), r.out());
  }
}
