package io.netimpact.job;

import io.netimpact.impact.ImpactEngine;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.impact.ScenarioSummary;
import io.netimpact.impact.Thresholds;
import io.netimpact.io.BadInputException;
import io.netimpact.io.InputProblem;
import io.netimpact.io.PublishedRun;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
import io.netimpact.io.SparkParquetTables;
import io.netimpact.io.SweepReader;
import io.netimpact.model.Change;
import io.netimpact.model.Sweep;
import io.netimpact.routing.ChangeApplier;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.UnknownElementException;
import io.netimpact.topology.Components;
import io.netimpact.model.TrafficSeries;
import io.netimpact.series.SeriesReport;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The sweep pipeline: read, expand the scenarios, route (incremental or full), rank, write. */
public final class SweepJob {
  private static final int SHOWN = 15;

  private SweepJob() {}

  /** What to sweep and how. {@code partitions} 0 means 8 per core. */
  public record Request(String snapshot, String sweep, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord, Thresholds thresholds,
      SparkSweep.Strategy strategy, int partitions, Optional<String> trafficSeries) {}

  /** Riskiest first, and what the run measured. */
  public record Outcome(String runId, List<ScenarioSummary> ranked, long pairsTotal,
      long pairsRecomputed, double stragglerRatio, Map<String, Double> seconds) {}

  /** Riskiest first: verdict, then overflow, lost traffic, utilisation, id. */
  static final Comparator<ScenarioSummary> RISKIEST_FIRST = Comparator
      .comparing(ScenarioSummary::verdict).reversed()
      .thenComparing(Comparator.comparingDouble(ScenarioSummary::overflowGbpsAfter).reversed())
      .thenComparing(Comparator.comparingDouble(
          (ScenarioSummary x) -> x.unroutableGbpsAfter() - x.unroutableGbpsBefore()).reversed())
      .thenComparing(Comparator.comparingDouble(ScenarioSummary::maxUtilAfter).reversed())
      .thenComparing(ScenarioSummary::scenarioId);

  public static Outcome run(SparkSession spark, Request req, PrintStream console) {
    Stopwatch sw = new Stopwatch();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    SnapshotReader.Loaded loaded = new SnapshotReader(hadoop, new SparkParquetTables(spark))
        .read(req.snapshot(), req.onBadRecord());
    Sweep sweep = SweepReader.read(req.sweep(), hadoop);
    List<Change> scenarios;
    try {
      scenarios = sweep.expand(loaded.snapshot());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(req.sweep(), "", "", e.getMessage()));
    }
    Network base = NetworkCompiler.compile(loaded.snapshot());
    for (int i = 0; i < sweep.changes().size(); i++) {
      try {
        ChangeApplier.apply(base, sweep.changes().get(i));
      } catch (UnknownElementException e) {
        throw new BadInputException(new InputProblem(req.sweep(), "changes[" + i + "].ops["
            + e.opIndex() + "]", e.field(), e.getMessage().substring(
                e.getMessage().indexOf(": ") + 2)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(new InputProblem(req.sweep(), "changes[" + i + "]", "",
            e.getMessage()));
      }
    }
    Optional<TrafficSeries> series = req.trafficSeries()
        .map(dir -> SeriesRun.read(spark, dir, req.snapshot(), loaded.snapshot()));
    sw.lap("read+validate");
    String runId = req.runId().orElse(sweep.id());
    String snapshotId = loaded.snapshot().info().snapshotId();
    console.printf("netimpact sweep %s: %d scenarios on snapshot %s (%d devices, %d links, "
        + "%d destinations), strategy %s%n", sweep.id(), scenarios.size(), snapshotId,
        base.nodeCount(), base.linkCount(), base.destinations().length,
        req.strategy().name().toLowerCase());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Eight tasks per core: fine enough for the cost-based plan to balance and for progress.
    int partitions = req.partitions() > 0 ? req.partitions() : 8 * jsc.defaultParallelism();
    // GraphX once, for the baseline tables and every scenario's stranding.
    Components components = SparkTopology.components(jsc, base);
    TaskTimes times = new TaskTimes();
    spark.sparkContext().addSparkListener(times);
    SparkSweep.Result r;
    try {
      r = SparkSweep.run(jsc, runId, snapshotId, base, scenarios, components, req.thresholds(),
          req.strategy(), partitions, times, console, sw);
    } finally {
      spark.sparkContext().removeSparkListener(times);
    }
    try {
      List<LinkBaseline> baseline = ImpactEngine.baseline(runId, sweep.id(), base,
          r.baseline().load(), req.thresholds());
      Optional<List<SeriesReport>> seriesReports = series.map(ts -> SeriesRun.evaluate(jsc, base,
          scenarios, ts, req.thresholds(), partitions));
      if (series.isPresent()) {
        sw.lap("series");
      }
      Reports.publish(spark, req.out(), req.format(), runId, r.reports(), baseline,
          Math.max(1, Math.min(partitions, scenarios.size() / 2000 + 1)), loaded.rejects(),
          extraTables(spark, runId, base, components, r, scenarios, partitions,
              seriesReports), req.thresholds());
      List<ScenarioSummary> ranked = r.reports().map(ImpactReport::summary).collect().stream()
          .sorted(RISKIEST_FIRST).toList();
      sw.lap("write");
      SweepPrinter.print(console, ranked, r, sw, PublishedRun.read(hadoop, req.out(), runId));
      seriesReports.ifPresent(sr -> printSeries(console, scenarios, sr));
      Quarantine.print(console, loaded.rejects(), req.out(), runId);
      return new Outcome(runId, ranked, r.pairsTotal(), r.pairsRecomputed(),
          r.stragglerRatio(), sw.seconds());
    } finally {
      r.release();
    }
  }

  /** Topology tables always; the series table with --traffic-series. */
  private static Map<String, Dataset<Row>> extraTables(SparkSession spark, String runId,
      Network base, Components components, SparkSweep.Result r, List<Change> scenarios,
      int partitions, Optional<List<SeriesReport>> series) {
    Map<String, Dataset<Row>> extra = new java.util.LinkedHashMap<>(SparkTopology.sweepTables(
        spark, runId, base, components, r.baseline().load(), r.topology(), scenarios.size(),
        partitions));
    series.ifPresent(sr -> extra.putAll(SeriesRun.table(spark, runId, scenarios, sr)));
    return extra;
  }

  /** The scenarios that add the most hours at risk over the series. */
  private static void printSeries(PrintStream out, List<Change> scenarios,
      List<SeriesReport> reports) {
    Integer[] order = new Integer[reports.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(
        (Integer i) -> reports.get(i).hoursAtRiskAdded()).reversed()
        .thenComparing(i -> scenarios.get(i).id()));
    out.printf("%ntraffic series: hours at risk added, most first (%d intervals):%n",
        reports.get(0).intervals().size());
    for (int k = 0; k < Math.min(SHOWN, order.length); k++) {
      SeriesReport r = reports.get(order[k]);
      out.printf("  %-34s %+7.2f h   worst interval %s: %.1f %% -> %.1f %%%n",
          scenarios.get(order[k]).id(), r.hoursAtRiskAdded(), r.worstInterval().id(),
          100 * r.worstInterval().maxUtilBefore(), 100 * r.worstInterval().maxUtilAfter());
    }
  }
}
