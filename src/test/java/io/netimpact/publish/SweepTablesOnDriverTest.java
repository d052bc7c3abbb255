package io.netimpact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Assembler;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.input.SnapshotReader;
import io.netimpact.input.SweepReader;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.spark.ReportWriter;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.testing.PublishedRuns;
import io.netimpact.testing.SparkTestSession;
import io.netimpact.topology.Components;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.verdict.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's tables written by the driver (its reports collected in one job) are the tables
 * Spark's writers give of the same assembled reports: the same tables, rows, columns, nulls
 * and Parquet schemas, in Parquet and in JSON lines, and the same page.
 */
@Tag("slow")
class SweepTablesOnDriverTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";
  static final String RUN = "nightly";

  @TempDir
  Path tmp;

  @Test
  void tablesWrittenOnTheDriver_equalSparksOwnWrite_rowForRowInParquetAndJson()
      throws Exception {
    Configuration conf = new Configuration();
    Snapshot s = new SnapshotReader(conf).read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL)
        .snapshot();
    Sweep sweep = SweepReader.read(NIGHTLY, conf);
    List<Change> changes = sweep.expand(s);
    Network base = NetworkCompiler.compile(s);
    List<Scenario> scenarios = changes.stream().map(c -> new Scenario(c.id(), c.title(),
        ScenarioMask.of(base, c))).toList();
    var cluster = SparkTestSession.cluster();
    SparkEvaluator.Result r = SparkEvaluator.run(cluster, "sweep", base, scenarios,
        Evaluator.Strategy.INCREMENTAL, 4, lap -> { });
    try (SweepReports reports = SweepReports.assemble(cluster, r, RUN, "snap",
        Thresholds.DEFAULT, base, Components.of(base), new java.util.BitSet())) {
      List<LinkBaseline> baseline = Assembler.baselineRows(RUN, sweep.id(), base,
          reports.baseline().load(), Thresholds.DEFAULT);
      assertEquals(scenarios.size(), reports.summaries().size());
      for (ReportWriter.Format format : ReportWriter.Format.values()) {
        Path bySpark = tmp.resolve("spark-" + format);
        Path byDriver = tmp.resolve("driver-" + format);
        // Some pairs left out of the listing, as a sweep's SAFE pairs of failures are.
        Set<String> unlisted = Set.of(scenarios.get(3).id(), scenarios.get(50).id());
        withDriverRows("0", () -> reports.publish(bySpark.toString(), format, baseline,
            List.of(), scenarios, 4, Optional.empty(), false, Optional.empty(),
            Thresholds.DEFAULT, Map.of(), unlisted, Map.of("pairs", Map.of("SAFE", 3L))));
        withDriverRows(null, () -> reports.publish(byDriver.toString(), format, baseline,
            List.of(), scenarios, 4, Optional.empty(), false, Optional.empty(),
            Thresholds.DEFAULT, Map.of(), unlisted, Map.of("pairs", Map.of("SAFE", 3L))));
        assertSameRun(bySpark, byDriver, format == ReportWriter.Format.PARQUET,
            scenarios.size() - unlisted.size());
      }
    } finally {
      r.release();
    }
  }

  /** Runs {@code body} with {@code netimpact.sweep.driver-rows} set (null: the default). */
  private static void withDriverRows(String value, Runnable body) {
    String key = "netimpact.sweep.driver-rows";
    String before = System.getProperty(key);
    try {
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  private static void assertSameRun(Path bySpark, Path byDriver, boolean parquet,
      int listed) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Map<String, List<org.apache.hadoop.fs.Path>> sparkFiles = ReportWriter.publishedFiles(fs,
        bySpark.toString(), RUN);
    Map<String, List<org.apache.hadoop.fs.Path>> driverFiles = ReportWriter.publishedFiles(fs,
        byDriver.toString(), RUN);
    assertEquals(List.copyOf(sparkFiles.keySet()), List.copyOf(driverFiles.keySet()),
        "the same tables, in the same order");
    assertTrue(sparkFiles.keySet().containsAll(List.of("scenario_summary", "link_impact",
        "demand_impact", "link_baseline", "link_worst_case", "topology_vertices",
        "topology_edges", "scenario_topology")), sparkFiles.keySet().toString());
    SparkSession spark = SparkTestSession.get();
    for (String table : sparkFiles.keySet()) {
      String what = table + (parquet ? " parquet" : " json");
      assertFalse(driverFiles.get(table).isEmpty(), what + ": files");
      // The driver writes its files itself: no committer's _SUCCESS beside them.
      assertFalse(Files.exists(byDriver.resolve(table).resolve("run_id=" + RUN)
          .resolve("_SUCCESS")), what);
      Dataset<Row> theirs = read(spark, sparkFiles.get(table), parquet, Optional.empty());
      Dataset<Row> mine = read(spark, driverFiles.get(table), parquet,
          parquet ? Optional.empty() : Optional.of(theirs.schema()));
      assertEquals(theirs.schema(), mine.schema(), what + ": schema");
      if (!parquet) {
        // Every key of every line, nulls included: the schema each side's lines give.
        assertEquals(theirs.schema(), read(spark, driverFiles.get(table), false,
            Optional.empty()).schema(), what + ": the columns the lines carry");
      }
      List<String> expected = sorted(theirs);
      assertEquals(expected, sorted(mine), what + ": rows");
      // Each row's text names its nulls: equal rows have their nulls in the same cells.
      assertFalse(expected.isEmpty(), what + ": some rows");
    }
    assertEquals(listed, read(spark, driverFiles.get("scenario_summary"), parquet,
        Optional.empty()).count(), "one summary row per listed scenario");
    assertEquals(Files.readString(PublishedRuns.page(bySpark, RUN)),
        Files.readString(PublishedRuns.page(byDriver, RUN)), "the same page");
    String marker = Files.readString(byDriver.resolve("_runs/" + RUN + "/_SUCCESS"));
    assertTrue(marker.contains("\"SAFE\" : 3"), marker);
  }

  private static Dataset<Row> read(SparkSession spark, List<org.apache.hadoop.fs.Path> files,
      boolean parquet, Optional<StructType> schema) {
    String[] paths = files.stream().map(Object::toString).toArray(String[]::new);
    if (parquet) {
      return spark.read().parquet(paths);
    }
    return schema.isPresent() ? spark.read().schema(schema.get()).json(paths)
        : spark.read().json(paths);
  }

  private static List<String> sorted(Dataset<Row> d) {
    return d.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
