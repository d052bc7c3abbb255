package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI on the bundled sample: real Spark, real Parquet and JSON. */
public class ReviewCommandTest {
  public static final String SNAPSHOT = "src/main/resources/samples/backbone";
  public static final String CHANGES = "src/main/resources/samples/changes/";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /** Runs the CLI, capturing stdout and stderr. */
  public static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true));
      System.setErr(new PrintStream(e, true));
      int code = Main.execute(args);
      return new Run(code, o.toString(), e.toString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  public record Run(int code, String out, String err) {}

  /** A copy of the sample snapshot in {@code dir}, for tests that spoil one of its files. */
  /** A copy of the sample with {@code classesJson} as its {@code classes.json}. */
  public static Path classedCopyOfSample(Path dir, String classesJson) throws IOException {
    Path copy = copyOfSample(dir);
    Files.writeString(copy.resolve("classes.json"), classesJson);
    return copy;
  }

  public static Path copyOfSample(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(Path.of(SNAPSHOT))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private Dataset<Row> table(Path out, String table, String format) {
    var reader = SparkTestSession.get().read();
    String path = out.resolve(table).toString();
    return format.equals("json") ? reader.json(path) : reader.parquet(path);
  }

  @Test
  void review_ofTheSample_writesTheFourTablesWithTheContractColumns() {
    Path out = tmp.resolve("reports");
    Run r = run("review", "--snapshot", SNAPSHOT, "--change", CHANGES + "block-srlg-conduit.json",
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());
    assertTrue(r.out().contains("lag-atl-lax-cr1"), "worst link printed: " + r.out());
    Dataset<Row> summary = table(out, ReportTables.SCENARIO_SUMMARY, "parquet");
    assertColumns(ReportTables.SCENARIO_SUMMARY_SCHEMA.fieldNames(), summary.columns());
    Row row = summary.collectAsList().get(0);
    assertEquals("CR-1003", row.getAs("run_id"));
    assertEquals("CR-1003", row.getAs("scenario_id"));
    assertEquals("sample-backbone-2026-11-23", row.getAs("snapshot_id"));
    assertEquals("BLOCK", row.getAs("verdict"));
    assertColumns(ReportTables.LINK_IMPACT_SCHEMA.fieldNames(),
        table(out, ReportTables.LINK_IMPACT, "parquet").columns());
    assertColumns(ReportTables.DEMAND_IMPACT_SCHEMA.fieldNames(),
        table(out, ReportTables.DEMAND_IMPACT, "parquet").columns());
    Dataset<Row> baseline = table(out, ReportTables.LINK_BASELINE, "parquet");
    assertEquals(2 * 66, baseline.count(), "every arc of the sample's 66 links");
    assertTrue(Files.exists(out.resolve("_runs/CR-1003/_SUCCESS")));
    assertFalse(Files.exists(out.resolve("_staging")), "staging cleaned up");
  }

  @Test
  void sampleChanges_giveTheirAdvertisedVerdicts() {
    assertVerdict("safe-member-down.json", "SAFE");
    assertVerdict("risk-drain-core.json", "RISK");
    assertVerdict("block-srlg-conduit.json", "BLOCK");
  }

  private void assertVerdict(String change, String verdict) {
    Run r = run("review", "--snapshot", SNAPSHOT, "--change", CHANGES + change, "--out",
        tmp.resolve("v").toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERDICT: " + verdict), change + ": " + r.out());
  }

  @Test
  void jsonFormat_writesEveryColumnIncludingNullLatencies() throws IOException {
    Path out = tmp.resolve("json");
    Path change = tmp.resolve("isolate.json");
    Files.writeString(change, """
        {"id":"CR-9","title":"isolate den-er1","ops":[
          {"op":"link_down","link":"lag-den-er1-cr1"},{"op":"link_down","link":"lag-den-er1-cr2"}]}
        """);
    Run r = run("review", "--snapshot", SNAPSHOT, "--change", change.toString(), "--out",
        out.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    Path dir = out.resolve("demand_impact/run_id=CR-9");
    String lines;
    try (Stream<Path> files = Files.list(dir)) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst()
          .orElseThrow();
      lines = Files.readString(part);
    }
    assertTrue(lines.contains("\"latency_after_ms\":null"), lines.substring(0, 300));
    assertTrue(lines.contains("\"status\":\"UNROUTABLE\""));
    assertTrue(lines.contains("\"run_id\":\"CR-9\""), "run_id kept inside the files");
  }

  @Test
  void failOn_turnsTheVerdictIntoExitCode3() {
    Run block = run("review", "--snapshot", SNAPSHOT, "--change",
        CHANGES + "block-srlg-conduit.json", "--out", tmp.resolve("f").toString(),
        "--fail-on", "block");
    assertEquals(3, block.code(), block.err());
    Run risk = run("review", "--snapshot", SNAPSHOT, "--change", CHANGES + "risk-drain-core.json",
        "--out", tmp.resolve("f").toString(), "--fail-on", "block");
    assertEquals(0, risk.code(), risk.err());
    Run risk2 = run("review", "--snapshot", SNAPSHOT, "--change",
        CHANGES + "risk-drain-core.json", "--out", tmp.resolve("f").toString(),
        "--fail-on", "risk");
    assertEquals(3, risk2.code());
  }

  @Test
  void rerunOfARunId_replacesOnlyThatRun() {
    Path out = tmp.resolve("rerun");
    assertEquals(0, run("review", "--snapshot", SNAPSHOT, "--change",
        CHANGES + "safe-member-down.json", "--out", out.toString(), "--run-id", "one").code());
    assertEquals(0, run("review", "--snapshot", SNAPSHOT, "--change",
        CHANGES + "block-srlg-conduit.json", "--out", out.toString(), "--run-id", "two").code());
    assertEquals(0, run("review", "--snapshot", SNAPSHOT, "--change",
        CHANGES + "block-srlg-conduit.json", "--out", out.toString(), "--run-id", "one").code());
    List<Row> rows = table(out, ReportTables.SCENARIO_SUMMARY, "parquet")
        .orderBy("run_id").collectAsList();
    assertEquals(2, rows.size());
    assertEquals("CR-1003", rows.get(0).getAs("scenario_id"), "run one replaced");
    assertEquals("two", rows.get(1).getAs("run_id"));
  }

  @Test
  void unknownIdsInAChange_exit2NamingThemAndLeaveNoReport() throws IOException {
    String[][] cases = {
        {"{\"op\":\"drain_device\",\"device\":\"nope-cr9\"}", "device", "nope-cr9"},
        {"{\"op\":\"link_down\",\"link\":\"lag-nope\"}", "link", "lag-nope"},
        {"{\"op\":\"member_down\",\"link\":\"lag-chi-den-cr1\",\"member\":\"et-9\"}", "member",
            "et-9"},
        {"{\"op\":\"srlg_down\",\"srlg\":\"conduit-nope\"}", "srlg", "conduit-nope"},
        {"{\"op\":\"site_down\",\"site\":\"atlantis\"}", "site", "atlantis"}};
    for (String[] c : cases) {
      Path change = tmp.resolve("bad.json");
      Files.writeString(change, "{\"id\":\"CR-X\",\"ops\":[{\"op\":\"link_up\",\"link\":"
          + "\"lag-nyc-core\"}," + c[0] + "]}");
      Path out = tmp.resolve("bad-out");
      Run r = run("review", "--snapshot", SNAPSHOT, "--change", change.toString(), "--out",
          out.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("bad.json, ops[1], field " + c[1]) && r.err().contains(c[2]),
          r.err());
      assertFalse(Files.exists(out), "no report directory for a rejected run");
    }
  }

  @Test
  void badSnapshot_exits2NamingFileLineFieldAndLeavesNoReport() throws IOException {
    Path snap = tmp.resolve("snap");
    copyOfSample(snap);
    Files.writeString(snap.resolve("links.jsonl"), Files.readString(snap.resolve("links.jsonl"))
        + "{\"id\":\"x\",\"a\":\"nyc-cr1\",\"b\":\"ghost\",\"metric\":1,\"capacity_gbps\":1}\n");
    Path out = tmp.resolve("out");
    Run r = run("review", "--snapshot", snap.toString(), "--change",
        CHANGES + "safe-member-down.json", "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("links.jsonl, line 67, field b: names unknown device \"ghost\""),
        r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void quarantine_goesOnWithoutBadRecordsAndWritesThemToRejects() throws IOException {
    Path snap = tmp.resolve("qsnap");
    copyOfSample(snap);
    Files.writeString(snap.resolve("demands.jsonl"), Files.readString(
        snap.resolve("demands.jsonl")) + "{\"src\":\"nyc-er1\",\"dst\":\"ghost\",\"gbps\":1}\n");
    Path out = tmp.resolve("qout");
    Run r = run("review", "--snapshot", snap.toString(), "--change",
        CHANGES + "safe-member-down.json", "--out", out.toString(), "--format", "json",
        "--on-bad-record", "quarantine");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("QUARANTINED: 1 input records"), r.out());
    assertTrue(r.out().contains("demands.jsonl, line 227, field dst"), r.out());
    Row rejected = SparkTestSession.get().read().json(out.resolve("_rejects").toString())
        .collectAsList().get(0);
    assertEquals("dst", rejected.getAs("field"));
    assertTrue(((String) rejected.getAs("record")).contains("ghost"));
    Row summary = table(out, ReportTables.SCENARIO_SUMMARY, "json").collectAsList().get(0);
    assertEquals(1L, (long) summary.getAs("input_rejects"));
    Run strict = run("review", "--snapshot", snap.toString(), "--change",
        CHANGES + "safe-member-down.json", "--out", tmp.resolve("strict").toString());
    assertEquals(2, strict.code(), "fail is the default");
  }

  @Test
  void usageErrors_exit2() {
    assertEquals(2, run("review", "--snapshot", SNAPSHOT).code());
    assertEquals(2, run("review", "--snapshot", SNAPSHOT, "--change", "x", "--out", "y",
        "--format", "csv").code());
    assertEquals(2, run("frobnicate").code());
  }

  private static void assertColumns(String[] expected, String[] actual) {
    assertEquals(Arrays.asList(expected), Arrays.asList(actual));
  }
}
