package io.netimpact.job;

import io.netimpact.impact.Assembler;
import io.netimpact.impact.Baseline;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.impact.ScenarioSummary;
import io.netimpact.impact.Thresholds;
import io.netimpact.impact.LinkWorstCase;
import io.netimpact.io.BadInputException;
import io.netimpact.io.ChangeReader;
import io.netimpact.io.InputProblem;
import io.netimpact.io.PublishedRun;
import io.netimpact.io.ReportTables;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.RunIds;
import io.netimpact.io.SnapshotReader;
import io.netimpact.io.SparkParquetTables;
import io.netimpact.io.SummaryHtml;
import io.netimpact.io.SweepReader;
import io.netimpact.model.Change;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.CapacityPlanner;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.topology.Components;
import io.netimpact.topology.Stranding;
import io.netimpact.model.TrafficSeries;
import io.netimpact.series.SeriesReport;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;
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
      Evaluator.Strategy strategy, int partitions, Optional<String> trafficSeries,
      Optional<Double> planTarget) {
    /** Without {@code --plan}. */
    public Request(String snapshot, String sweep, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Evaluator.Strategy strategy, int partitions,
        Optional<String> trafficSeries) {
      this(snapshot, sweep, out, runId, format, onBadRecord, thresholds, strategy, partitions,
          trafficSeries, Optional.empty());
    }
  }

  /** Riskiest first, and what the run measured. */
  public record Outcome(String runId, List<ScenarioSummary> ranked, long pairsTotal,
      long pairsRecomputed, double stragglerRatio, Map<String, Double> seconds) {}

  /**
   * Riskiest first: verdict, then overflow, traffic newly stranded (what a failure does to
   * traffic other than its own: a site's own traffic, gone with the site, does not rank it),
   * utilisation, id.
   */
  static final Comparator<ScenarioSummary> RISKIEST_FIRST = Comparator
      .comparing(ScenarioSummary::verdict).reversed()
      .thenComparing(Comparator.comparingDouble(ScenarioSummary::overflowGbpsAfter).reversed())
      .thenComparing(Comparator.comparingDouble(ScenarioSummary::newlyStrandedGbps).reversed())
      .thenComparing(Comparator.comparingDouble(ScenarioSummary::maxUtilAfter).reversed())
      .thenComparing(ScenarioSummary::scenarioId);

  public static Outcome run(SparkSession spark, Request req, PrintStream console) {
    Stopwatch sw = new Stopwatch();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    ReportWriter.checkOutput(hadoop, req.out());
    SnapshotReader.Loaded loaded = new SnapshotReader(hadoop, new SparkParquetTables(spark))
        .read(req.snapshot(), req.onBadRecord());
    Sweep sweep = SweepReader.read(req.sweep(), hadoop);
    String runId = RunIds.resolve(req.runId(), sweep.id(), req.sweep());
    List<Change> changes;
    try {
      changes = sweep.expand(loaded.snapshot());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(req.sweep(), "", "", e.getMessage()));
    }
    sweep.unmatched(loaded.snapshot()).forEach(g -> console.println("netimpact: warning: "
        + req.sweep() + ", " + g));
    Network base = NetworkCompiler.compile(loaded.snapshot());
    // Each scenario's change becomes its mask once; the explicit changes come first and are
    // located in the sweep file when they name something the snapshot lacks.
    List<Scenario> scenarios = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      ScenarioMask mask = i < sweep.changes().size()
          ? ChangeReader.mask(base, c, req.sweep(), "changes[" + i + "]")
          : ScenarioMask.of(base, c);
      scenarios.add(new Scenario(c.id(), c.title(), mask));
    }
    Optional<TrafficSeries> series = req.trafficSeries()
        .map(dir -> SeriesRun.read(spark, dir, req.snapshot(), loaded.snapshot()));
    sw.lap("read+validate");
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
    SparkEvaluator.Result r;
    try {
      r = SparkEvaluator.run(jsc, "sweep", base, scenarios, req.strategy(), partitions, times,
          console, sw);
    } finally {
      spark.sparkContext().removeSparkListener(times);
    }
    Broadcast<Components> componentsBc = jsc.broadcast(components);
    SparkEvaluator.Assembly<Row> assembly = SparkEvaluator.assemble(jsc, r, runId,
        snapshotId, req.thresholds(), (b, sc, view) -> SparkTopology.scenarioRow(runId,
            sc.id(), Stranding.between(b, componentsBc.value(), view)));
    JavaRDD<Tuple2<ImpactReport, Row>> assembled = assembly.scenarios();
    sw.lap("assemble");
    // --plan: rounds on the augmented network, reusing this routing where it still holds.
    List<ScenarioSummary> summaries = assembled.map(t -> t._1().summary()).collect();
    Optional<AugmentPlan> plan;
    try {
      plan = req.planTarget().map(u -> PlanRun.plan(jsc, new CapacityPlanner.Request(runId,
          sweep.id(), loaded.snapshot(), changes, u), base, scenarios, r,
          assembly.worstCase(), summaries,
          req.thresholds(), req.strategy(), partitions, console));
    } finally {
      r.release();
    }
    plan.ifPresent(p -> sw.lap("plan"));
    try {
      List<LinkBaseline> baseline = Assembler.baselineRows(runId, sweep.id(), base,
          r.baseline().load(), req.thresholds());
      Optional<List<SeriesReport>> seriesReports = series.map(ts -> SeriesRun.evaluate(jsc, base,
          scenarios, ts, req.thresholds(), partitions));
      if (series.isPresent()) {
        sw.lap("series");
      }
      JavaRDD<ImpactReport> reports = assembled.map(Tuple2::_1);
      List<ScenarioSummary> ranked = summaries.stream().sorted(RISKIEST_FIRST).toList();
      Consumer<PrintStream> summary = out -> {
        SweepPrinter.print(out, ranked, r, sw, Optional.empty());
        plan.ifPresent(p -> PlanRun.print(out, p));
        seriesReports.ifPresent(sr -> printSeries(out, scenarios, sr));
        Quarantine.print(out, loaded.rejects(), req.out(), runId);
      };
      List<LinkWorstCase> worstRows = assembly.worstCase().rows(runId, base,
          r.baseline().load(), scenarios);
      Reports.publish(spark, req.out(), req.format(), runId, reports, baseline,
          Math.max(1, Math.min(partitions, scenarios.size() / 2000 + 1)), loaded.rejects(),
          extraTables(spark, runId, base, components, r.baseline(), assembled.map(Tuple2::_2),
              worstRows, scenarios, partitions, seriesReports, plan), req.thresholds(),
          attachments(SummaryPrinter.attachment(summary), plan), new SummaryHtml.Planning(
              SummaryHtml.Planning.crossing(worstRows, 2 * Reports.SHOWN), plan));
      sw.lap("write");
      SweepPrinter.print(console, ranked, r, sw, Optional.of(PublishedRun.read(hadoop,
          req.out(), runId)));
      plan.ifPresent(p -> PlanRun.print(console, p));
      seriesReports.ifPresent(sr -> printSeries(console, scenarios, sr));
      Quarantine.print(console, loaded.rejects(), req.out(), runId);
      return new Outcome(runId, ranked, r.pairsTotal(), r.pairsRecomputed(),
          r.stragglerRatio(), sw.seconds());
    } finally {
      assembly.release();
    }
  }

  /** The worst case per arc and the topology tables always; the series table with --traffic-series. */
  private static Map<String, Dataset<Row>> extraTables(SparkSession spark, String runId,
      Network base, Components components, Baseline baseline, JavaRDD<Row> topology,
      List<LinkWorstCase> worst, List<Scenario> scenarios, int partitions,
      Optional<List<SeriesReport>> series, Optional<AugmentPlan> plan) {
    Map<String, Dataset<Row>> extra = new java.util.LinkedHashMap<>();
    extra.put(ReportTables.LINK_WORST_CASE, spark.createDataFrame(
        worst.stream().map(ReportTables::row).toList(), ReportTables.LINK_WORST_CASE_SCHEMA));
    extra.putAll(SparkTopology.sweepTables(spark, runId, base, components, baseline.load(),
        topology, scenarios.size(), partitions));
    series.ifPresent(sr -> extra.putAll(SeriesRun.table(spark, runId, scenarios, sr)));
    plan.ifPresent(p -> extra.putAll(PlanRun.tables(spark, p)));
    return extra;
  }

  /** {@code summary.txt}, and {@code augment_plan.json} with --plan. */
  private static Map<String, byte[]> attachments(Map<String, byte[]> summary,
      Optional<AugmentPlan> plan) {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>(summary);
    plan.ifPresent(p -> out.putAll(PlanRun.attachments(p)));
    return out;
  }

  /** The scenarios that add the most hours at risk over the series. */
  private static void printSeries(PrintStream out, List<Scenario> scenarios,
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
