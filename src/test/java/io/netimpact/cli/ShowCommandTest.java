package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.input.Json;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} reads published runs through their markers, Parquet and JSON, and exports. */
class ShowCommandTest {
  @TempDir
  static Path tmp;

  static Path parquet;
  static Path json;

  @BeforeAll
  static void runs() {
    SparkTestSession.get();
    parquet = tmp.resolve("parquet");
    json = tmp.resolve("json");
    review(parquet, "block-srlg-conduit.json", "parquet", "CR-1003");
    // Published first, named last: the newest run is the one published last, not the last name.
    review(json, "safe-member-down.json", "json", "zz-older");
    review(json, "block-srlg-conduit.json", "json", "aa-newer");
  }

  private static void review(Path out, String change, String format, String runId) {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change", ReviewCommandTest.CHANGES + change, "--out",
        out.toString(), "--format", format, "--run-id", runId);
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void show_ofParquetRun_printsTheSummaryWithItsReason() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", parquet.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("run CR-1003 (parquet, published "), r.out());
    assertTrue(r.out().contains("tables: scenario_summary, link_impact, demand_impact, "
        + "link_baseline\n"), r.out());
    assertTrue(r.out().contains("scenario_summary: 1 of 1 rows"), r.out());
    assertTrue(r.out().contains("BLOCK: lax-cr1->atl-cr1 (lag-atl-lax-cr1) over capacity, "
        + "25.0% -> 122.7%"), r.out());
  }

  @Test
  void csvExport_filtersSelectsAndOrdersWorstFirst() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", parquet.toString(),
        "--table", "link_impact", "--where", "status_after = 'OVER'", "--columns",
        "link_id,from_device,to_device,util_after", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("link_id,from_device,to_device,util_after", lines.get(0), r.out());
    assertEquals(2, lines.size(), "one arc over capacity: " + r.out());
    assertTrue(lines.get(1).startsWith("lag-atl-lax-cr1,lax-cr1,atl-cr1,1.227"), r.out());
  }

  @Test
  void jsonRun_newestByPublishTime_exportsJsonLinesWithNulls() throws Exception {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", json.toString(),
        "--table", "scenario_summary", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode row = Json.MAPPER.readTree(r.out().lines().findFirst().orElseThrow());
    assertEquals("aa-newer", row.get("run_id").asText(), r.out());
    assertEquals("BLOCK", row.get("verdict").asText());
    ReviewCommandTest.Run d = ReviewCommandTest.run("show", "--out", json.toString(),
        "--run", "aa-newer", "--table", "demand_impact", "--top", "3", "--format", "json");
    assertEquals(0, d.code(), d.err());
    List<String> lines = d.out().lines().toList();
    assertEquals(3, lines.size(), d.out());
    // Worst first: nothing is unroutable here, so AT_RISK demands lead.
    assertEquals("AT_RISK", Json.MAPPER.readTree(lines.get(0)).get("status").asText());
    ReviewCommandTest.Run older = ReviewCommandTest.run("show", "--out", json.toString(),
        "--run", "zz-older", "--format", "table");
    assertEquals(0, older.code(), older.err());
    assertTrue(older.out().contains("SAFE: nothing newly above 80%"), older.out());
  }

  @Test
  void unknownTable_exits2WithTheClosestNameAndTheRunsTables() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", parquet.toString(),
        "--table", "link_impacts");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("run CR-1003 has no table \"link_impacts\" (did you mean "
        + "\"link_impact\"?); its tables: scenario_summary, link_impact"), r.err());
  }

  @Test
  void badFilter_exits2NamingTheColumns() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", parquet.toString(),
        "--where", "verdictt = 'BLOCK'");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--where/--columns on scenario_summary: "), r.err());
    assertTrue(r.err().contains("columns: run_id, snapshot_id, scenario_id"), r.err());
  }

  @Test
  void missingRun_exits2WithTheAbsolutePathAndTheRunsThere() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", json.toString(), "--run",
        "nope");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(json.toAbsolutePath().resolve("_runs/nope/_SUCCESS")
        + " does not exist (runs there: aa-newer, zz-older)"), r.err());
    ReviewCommandTest.Run none = ReviewCommandTest.run("show", "--out",
        tmp.resolve("empty").toString());
    assertEquals(2, none.code(), none.err());
    assertTrue(none.err().contains("no published run under " + tmp.resolve("empty")
        .toAbsolutePath()), none.err());
  }
}
