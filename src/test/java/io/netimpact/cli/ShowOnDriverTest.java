package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.input.Json;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.PublishedRun;
import io.netimpact.publish.ReportQuery;
import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.SparkTestSession;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show} reads a run's tables on the driver, starting no Spark application, and gives
 * what Spark SQL gives for the same filters; {@code --export} writes CSV that reads back.
 */
class ShowOnDriverTest {
  @TempDir
  static Path tmp;

  static Path parquet;
  static Path json;

  @BeforeAll
  static void runs() {
    SparkTestSession.get();
    parquet = tmp.resolve("parquet");
    json = tmp.resolve("json");
    for (String[] r : new String[][] {{parquet.toString(), "parquet"}, {json.toString(), "json"}}) {
      ReviewCommandTest.Run run = ReviewCommandTest.run("review", "--snapshot",
          ReviewCommandTest.SNAPSHOT, "--change", ReviewCommandTest.CHANGES
              + "block-srlg-conduit.json", "--out", r[0], "--format", r[1], "--run-id", "CR-9");
      assertEquals(0, run.code(), run.err());
    }
  }

  @Test

  @Tag("slow")
  void show_inAJvmOfItsOwn_answersWithoutReachingTheSparkMaster() throws Exception {
    // A master nobody listens on: a session would fail to register; reading on the driver never
    // asks it.
    JobProcesses.Result r = JobProcesses.run(List.of(JobProcesses.java(), "-cp",
        JobProcesses.testClasspath(), "io.netimpact.cli.Main", "show", "--out",
        parquet.toString(), "--master", "spark://127.0.0.1:9", "--table", "link_impact",
        "--where", "status_after = 'OVER' or util_after > 0.9", "--format", "csv"),
        Map.of(), tmp.resolve("logs"), 120);
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("run_id,scenario_id,link_id,from_device"), r.out());
    assertTrue(lines.get(1).startsWith("CR-9,CR-1003,lag-atl-lax-cr1,lax-cr1,atl-cr1,"),
        r.out());
  }

  @Test

  @Tag("slow")
  void filtersOnTheDriver_keepTheRowsSparkSqlKeeps_inParquetAndJson() {
    SparkSession spark = SparkTestSession.get();
    Cluster cluster = Cluster.of(spark, s -> { });
    List<String[]> cases = List.of(
        new String[] {"link_impact", "status_after = 'OVER'"},
        new String[] {"link_impact", "util_after > 0.5 AND NOT (status_after = 'OK')"},
        new String[] {"link_impact", "util_after BETWEEN 0.2 AND 0.6 or link_id like 'lag-%'"},
        new String[] {"link_impact", "STATUS_AFTER in ('OVER', 'WARN') and util_before <= 1"},
        new String[] {"link_impact", "from_device <> \"lax-cr1\" and util_after >= -1e3"},
        new String[] {"demand_impact", "latency_after_ms IS NULL"},
        new String[] {"demand_impact", "latency_after_ms > 30 or latency_before_ms is not null"},
        new String[] {"demand_impact", "not latency_after_ms > 30"},
        new String[] {"demand_impact", "status not in ('OK') and gbps != 0"},
        new String[] {"scenario_summary", "verdict = 'BLOCK' and input_rejects = 0"},
        // Outside the driver's SQL (arithmetic, functions): Spark answers, the same way.
        new String[] {"link_impact", "load_after_gbps - load_before_gbps > 1"},
        new String[] {"demand_impact", "upper(status) = 'AT_RISK'"});
    for (Path out : List.of(parquet, json)) {
      PublishedRun run = cluster.published(out.toString(), "CR-9");
      for (String[] c : cases) {
        ReportQuery.Answer a = ReportQuery.run(cluster, run, new ReportQuery.Query(c[0],
            List.of(c[1]), List.of(), List.of(), true, 0));
        String[] files = run.tables().get(c[0]).stream().map(Object::toString)
            .toArray(String[]::new);
        Dataset<Row> df = out == parquet ? spark.read().parquet(files)
            : spark.read().json(files);
        List<String> expected = new ArrayList<>();
        for (Row row : df.where(c[1]).collectAsList()) {
          List<String> cells = new ArrayList<>();
          for (String name : a.names()) {
            Object v = row.get(row.fieldIndex(name));
            cells.add(String.valueOf(v instanceof Number n ? n.doubleValue() : v));
          }
          expected.add(String.join("|", cells));
        }
        List<String> got = a.rows().stream().map(r -> String.join("|", r.stream()
            .map(v -> String.valueOf(v instanceof Number n ? n.doubleValue() : v)).toList()))
            .toList();
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList(),
            out.getFileName() + " " + c[0] + " where " + c[1]);
        assertEquals(expected.size(), a.total());
      }
    }
  }

  @Test

  @Tag("slow")
  void aTableAboveTheDriversBound_isAnsweredBySpark_withTheSameRowsInTheSameOrder() {
    Cluster cluster = Cluster.of(SparkTestSession.get(), s -> { });
    for (Path out : List.of(parquet, json)) {
      PublishedRun run = cluster.published(out.toString(), "CR-9");
      for (String[] c : new String[][] {{"link_impact", "util_after > 0.1"},
          {"demand_impact", "status != 'OK'"}, {"scenario_summary", "verdict = 'BLOCK'"}}) {
        ReportQuery.Query q = new ReportQuery.Query(c[0], List.of(c[1]), List.of(), List.of(),
            true, 0);
        ReportQuery.Answer small = ReportQuery.run(cluster, run, q);
        ReportQuery.Answer large = ReportQuery.run(cluster, run, q, 1);
        assertFalse(small.bySpark(), c[0] + " of the sample is read on the driver");
        assertTrue(large.bySpark(), c[0] + " above a bound of one byte goes to Spark");
        assertTrue(small.total() > 0, c[0] + " where " + c[1] + " keeps rows");
        assertEquals(small.names(), large.names());
        assertEquals(small.total(), large.total());
        assertEquals(text(small), text(large), out.getFileName() + " " + c[0]);
      }
    }
  }

  private static List<String> text(ReportQuery.Answer a) {
    return a.rows().stream().map(r -> String.join("|", r.stream()
        .map(v -> String.valueOf(v instanceof Number n ? n.doubleValue() : v)).toList()))
        .toList();
  }

  @Test
  void unknownColumnInAFilter_exits2NamingItAndTheColumns() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", parquet.toString(),
        "--table", "link_impact", "--where", "util_aftr > 0.8");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--where/--columns on link_impact: no column \"util_aftr\""),
        r.err());
    assertTrue(r.err().contains("(columns: run_id, scenario_id, link_id, from_device"),
        r.err());
  }

  @Test
  void export_writesEveryTableAsCsvThatReadsBack_andTheRunsIndex() throws Exception {
    Path dir = tmp.resolve("export");
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", parquet.toString(),
        "--export", dir.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode run = Json.MAPPER.readTree(dir.resolve("run.json").toFile());
    assertEquals("CR-9", run.get("run_id").asText());
    assertEquals("parquet", run.get("format").asText());
    List<String> tables = new ArrayList<>();
    run.get("tables").fieldNames().forEachRemaining(tables::add);
    assertEquals(List.of("scenario_summary", "link_impact", "demand_impact", "link_baseline"),
        tables);
    SparkSession spark = SparkTestSession.get();
    PublishedRun published = Cluster.of(spark, s -> { }).published(parquet.toString(), "CR-9");
    for (String t : tables) {
      List<CSVRecord> records;
      try (Reader in = Files.newBufferedReader(dir.resolve(t + ".csv"))) {
        records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
            .parse(in).getRecords();
      }
      Dataset<Row> df = spark.read().parquet(published.tables().get(t).stream()
          .map(Object::toString).toArray(String[]::new));
      assertEquals(df.count(), records.size(), t);
      assertEquals(run.get("tables").get(t).asLong(), records.size(), t);
    }
    // Worst first, the at-risk demands before the others; a null latency is an empty cell.
    List<String> demand = Files.readAllLines(dir.resolve("demand_impact.csv"));
    assertTrue(demand.get(1).contains(",AT_RISK,"), demand.get(1));
    assertTrue(Files.readString(dir.resolve("link_impact.csv"))
        .contains("lag-atl-lax-cr1,lax-cr1,atl-cr1,"));
    ReviewCommandTest.Run bad = ReviewCommandTest.run("show", "--out", parquet.toString(),
        "--export", dir.toString(), "--where", "verdict = 'BLOCK'");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--export writes every table of the run in full"), bad.err());
  }
}
