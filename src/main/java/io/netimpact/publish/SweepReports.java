package io.netimpact.publish;

import io.netimpact.report.DriverTables;
import io.netimpact.report.PageTally;
import io.netimpact.report.ReportTables;
import io.netimpact.report.SummaryHtml;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.input.SnapshotReader;
import io.netimpact.impact.Assembler;
import io.netimpact.impact.Baseline;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.impact.WorstCase;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.series.SeriesReport;
import io.netimpact.topology.Components;
import io.netimpact.topology.Stranding;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.PlanRounds;
import io.netimpact.spark.ReportWriter;
import io.netimpact.spark.SeriesRun;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.spark.SparkTopology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A sweep's assembled reports, where they were assembled (persisted on the executors until
 * {@link #close}): every scenario's report with its stranding row, and the worst case per
 * base arc over all scenarios, folded in the same pass.
 */
public final class SweepReports implements AutoCloseable {
  private final Cluster cluster;
  private final String runId;
  private final Network base;
  private final Components components;
  private final Baseline baseline;
  /** Assembled where the states are; empty when assembled on the driver ({@link #onDriver}). */
  private final Optional<SparkEvaluator.Assembly<Row>> assembly;
  /** Every scenario's report and stranding row, in scenario order, when on the driver. */
  private final List<Tuple2<ImpactReport, Row>> onDriver;
  private final WorstCase worst;
  private final Map<String, ReportWriter.Rows> more = new LinkedHashMap<>();
  private Optional<io.netimpact.report.AvailabilityPage> availability = Optional.empty();
  /** Whether the reports carry classes of service (class table and columns). */
  private final boolean classes;

  private SweepReports(Cluster cluster, String runId, Network base, Components components,
      Baseline baseline, Optional<SparkEvaluator.Assembly<Row>> assembly,
      List<Tuple2<ImpactReport, Row>> onDriver, WorstCase worst, boolean classes) {
    this.cluster = cluster;
    this.runId = runId;
    this.base = base;
    this.components = components;
    this.baseline = baseline;
    this.assembly = assembly;
    this.onDriver = onDriver;
    this.worst = worst;
    this.classes = classes;
  }

  /**
   * Assembles every scenario of {@code r} on the executor holding its merged state (see
   * {@link SparkEvaluator#assemble}), with its stranding against the base's components; the
   * scenarios of {@code bareIfSafe} (a sweep's pairs of failures, unless {@code --all-rows})
   * keep their summary alone when SAFE, as they are not listed. The evaluation's states stay
   * persisted (the plan may assemble them again): release {@code r}.
   */
  public static SweepReports assemble(Cluster cluster, SparkEvaluator.Result r, String runId,
      String snapshotId, Thresholds th, Network base, Components components,
      java.util.BitSet bareIfSafe) {
    Broadcast<Stranding.Before> beforeBc = cluster.jsc().broadcast(
        Stranding.Before.of(base, components));
    SparkEvaluator.Assembly<Row> assembly = SparkEvaluator.assemble(cluster.jsc(), r, runId,
        snapshotId, th, (b, sc, view) -> SparkTopology.scenarioRow(runId, sc.id(),
            Stranding.between(b, beforeBc.value(), view)), bareIfSafe);
    Baseline baseline = r.baseline();
    return new SweepReports(cluster, runId, base, components, baseline, Optional.of(assembly),
        List.of(), assembly.worstCase(), r.classes().isPresent());
  }

  /**
   * Assembles every scenario of a sweep evaluated on the driver ({@link
   * SparkEvaluator#sweepOnDriver}) on the driver's {@code threads}: the scenarios cut into
   * contiguous slices, each with one {@link Assembler}, one view and one {@link WorstCase}, as
   * a Spark task assembles its partition (the same reports and stranding rows), the worst
   * cases merged in slice order. No Spark job; publishing writes every table on the driver.
   * O(the assembly of every scenario) over the threads.
   */
  public static SweepReports assembleOnDriver(Cluster cluster, SparkEvaluator.OnDriver d,
      List<Scenario> scenarios, String runId, String snapshotId, Thresholds th, Network base,
      Components components, int threads, java.util.BitSet bareIfSafe) {
    int s = scenarios.size();
    int n = Math.max(1, Math.min(s, threads));
    Stranding.Before before = Stranding.Before.of(base, components);
    List<java.util.concurrent.Callable<AssembledSlice>> slices = new java.util.ArrayList<>();
    for (int k = 0; k < n; k++) {
      int from = (int) ((long) k * s / n);
      int to = (int) ((long) (k + 1) * s / n);
      slices.add(() -> {
        Assembler asm = new Assembler(base, d.baseline(), th);
        MaskedView view = MaskedView.of(base);
        WorstCase w = new WorstCase(base.arcCount());
        List<Tuple2<ImpactReport, Row>> rows = new java.util.ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          Scenario sc = scenarios.get(i);
          ImpactReport report = asm.assemble(runId, snapshotId, sc, d.states().get(i), w,
              bareIfSafe.get(i));
          rows.add(new Tuple2<>(report, SparkTopology.scenarioRow(runId, sc.id(),
              Stranding.between(base, before, view.show(sc.mask())))));
        }
        return new AssembledSlice(rows, w);
      });
    }
    List<Tuple2<ImpactReport, Row>> all = new java.util.ArrayList<>(s);
    WorstCase worst = null;
    for (AssembledSlice a : io.netimpact.spark.LocalTasks.run(threads, slices)) {
      all.addAll(a.rows());
      worst = worst == null ? a.worst() : worst.merge(a.worst());
    }
    return new SweepReports(cluster, runId, base, components, d.baseline(), Optional.empty(),
        all, worst.withBaseline(base, d.baseline().load(), th), false);
  }

  /** One slice of the assembly on the driver: its reports and its worst case. */
  private record AssembledSlice(List<Tuple2<ImpactReport, Row>> rows, WorstCase worst) {}

  /** The baseline the scenarios were measured against. */
  public Baseline baseline() {
    return baseline;
  }

  /**
   * Rows over every per-scenario table up to which a sweep's tables are collected to the
   * driver in one Spark job and written there ({@link DriverTables}, a part file per {@link
   * DriverTables#ROWS_PER_PART} rows written by parallel threads), rather than by a Spark SQL
   * job and its commit per table. About 250 bytes of driver heap per row while it is written.
   * {@code -Dnetimpact.sweep.driver-rows=N} sets another bound (0: always Spark's writers).
   */
  public static final long DRIVER_ROWS = 500_000;

  /** The bound in force: {@link #DRIVER_ROWS} unless the system property sets another. */
  static long driverRows() {
    return Long.getLong("netimpact.sweep.driver-rows", DRIVER_ROWS);
  }

  /** The rows of every per-scenario table, counted with the summaries; -1 until then. */
  private long rows = -1;

  /**
   * Every scenario's summary row (in no particular order), and in the same job the number of
   * rows its reports give in every per-scenario table (which decides who writes them).
   */
  public List<ScenarioSummary> summaries() {
    List<Tuple2<ScenarioSummary, Long>> s = assembly.isEmpty()
        ? onDriver.stream().map(t -> new Tuple2<>(t._1().summary(), SweepRows.rowsOf(t._1())))
            .toList()
        : assembly.get().scenarios()
            .map(t -> new Tuple2<>(t._1().summary(), SweepRows.rowsOf(t._1()))).collect();
    rows = s.stream().mapToLong(Tuple2::_2).sum();
    return s.stream().map(Tuple2::_1).toList();
  }

  /** The rows of every per-scenario table: counted by {@link #summaries}, else by a job. */
  private long rows() {
    if (rows < 0) {
      rows = assembly.isEmpty()
          ? onDriver.stream().mapToLong(t -> SweepRows.rowsOf(t._1())).sum()
          : assembly.get().scenarios().map(t -> SweepRows.rowsOf(t._1())).fold(0L, Long::sum);
    }
    return rows;
  }

  /**
   * Folds in the pairs of failures screened SAFE before this sweep's evaluation ({@link
   * io.netimpact.impact.PairScreen}): the evaluated scenarios renumbered to their places in
   * the whole sweep ({@code index}, ascending), the screen's worst cases merged. O(E x slices).
   */
  public void addScreened(int[] index, List<WorstCase> screened) {
    worst.renumbered(index);
    screened.forEach(worst::merge);
  }

  /** The worst case per base arc over all scenarios. */
  public WorstCase worstCase() {
    return worst;
  }

  /**
   * Writes and publishes the sweep: the report tables, {@code link_worst_case}, the topology
   * tables, the series table with {@code --traffic-series}, and the attachments.
   */
  public void publish(String out, ReportWriter.Format format,
      List<LinkBaseline> baselineRows, List<SnapshotReader.Reject> rejects,
      List<Scenario> scenarios, int partitions, Optional<List<SeriesReport>> series,
      boolean withTe, Optional<AugmentPlan> plan, Thresholds th,
      Map<String, byte[]> attachments) {
    publish(out, format, baselineRows, rejects, scenarios, partitions, series, withTe, plan, th,
        attachments, java.util.Set.of(), Map.of());
  }

  /**
   * The same, leaving out of every per-scenario table ({@code scenario_summary},
   * {@code link_impact}, {@code demand_impact}, {@code scenario_topology}, TE rows, the page)
   * the scenarios of {@code unlisted} (a sweep's SAFE pairs of failures, contract section
   * 7.3), and with {@code counts} in the marker. {@code link_worst_case} and the plan still
   * cover every scenario. Returns the lines saying which classes of service drop where (none
   * without {@code classes.json}).
   */
  public List<String> publish(String out, ReportWriter.Format format,
      List<LinkBaseline> baselineRows, List<SnapshotReader.Reject> rejects,
      List<Scenario> scenarios, int partitions, Optional<List<SeriesReport>> series,
      boolean withTe, Optional<AugmentPlan> plan, Thresholds th,
      Map<String, byte[]> attachments, java.util.Set<String> unlisted,
      Map<String, ? extends Map<String, ? extends Number>> counts) {
    List<LinkWorstCase> worst = worstCase().rows(runId, base, baseline.load(), scenarios);
    Map<String, ReportWriter.Rows> local = new LinkedHashMap<>();
    local.put(ReportTables.LINK_WORST_CASE, new ReportWriter.Rows(
        ReportTables.LINK_WORST_CASE_SCHEMA, worst.stream().map(ReportTables::row).toList()));
    series.ifPresent(sr -> local.putAll(SeriesRun.table(runId, scenarios, sr)));
    plan.ifPresent(p -> local.putAll(PlanRounds.tables(p)));
    local.putAll(more);
    Map<String, byte[]> files = new LinkedHashMap<>(attachments);
    plan.ifPresent(p -> files.putAll(PlanRounds.attachments(p)));
    SummaryHtml.Planning planning = new SummaryHtml.Planning(
        SummaryHtml.Planning.crossing(worst, 2 * PageTally.SHOWN), plan, availability);
    if (assembly.isEmpty() || rows() <= driverRows()) {
      // On the driver already, or small enough to hold: one job brings every report to the
      // driver, which writes them.
      SweepRows collected = assembly.isEmpty()
          ? SweepRows.of(onDriver.stream().filter(t -> !unlisted.contains(
              t._1().summary().scenarioId())).toList(), rejects.size(), classes, withTe,
              threads(onDriver.size()))
          : SweepRows.collect(listed(unlisted), rejects.size(), classes, withTe);
      Map<String, ReportWriter.Rows> tables = collected.tables(baselineRows,
          SparkTopology.graphRows(runId, base, components, baseline.load()));
      tables.putAll(local);
      Reports.publishOnDriver(cluster.hadoop(), out, format, runId, tables, rejects,
          collected.page(runId, th), planning, files, counts, collected.classDrops());
      return collected.classDrops();
    }
    SparkSession spark = cluster.session();
    JavaRDD<Tuple2<ImpactReport, Row>> listed = listed(unlisted);
    JavaRDD<ImpactReport> reports = listed.map(Tuple2::_1);
    Map<String, Dataset<Row>> extra = new LinkedHashMap<>(SparkTopology.sweepTables(spark,
        runId, base, components, baseline.load(), listed.map(Tuple2::_2),
        scenarios.size() - unlisted.size(), partitions));
    return Reports.publish(spark, out, format, runId, reports, baselineRows,
        Math.max(1, Math.min(partitions, scenarios.size() / 2000 + 1)), rejects,
        TeReports.tables(spark, reports, withTe, extra), local, th, files, planning, counts,
        classes);
  }

  /** The assembled reports but those of {@code unlisted}. */
  private JavaRDD<Tuple2<ImpactReport, Row>> listed(java.util.Set<String> unlisted) {
    JavaRDD<Tuple2<ImpactReport, Row>> listed = assembly.get().scenarios();
    if (!unlisted.isEmpty()) {
      Broadcast<java.util.HashSet<String>> dropBc = cluster.jsc().broadcast(
          new java.util.HashSet<>(unlisted));
      listed = listed.filter(t -> !dropBc.value().contains(t._1().summary().scenarioId()));
    }
    return listed;
  }

  /** The slices the page of {@code n} reports on the driver is tallied in (as partitions). */
  private static int threads(int n) {
    return Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * A sweep's availability ({@code sweep --failure-model}): its {@code demand_availability}
   * table and its section of the page.
   */
  public void addAvailability(io.netimpact.availability.Availability a) {
    more.put(ReportTables.DEMAND_AVAILABILITY, new ReportWriter.Rows(
        ReportTables.DEMAND_AVAILABILITY_SCHEMA, a.rows().stream().map(ReportTables::row)
            .toList()));
    availability = Optional.of(io.netimpact.report.AvailabilityPage.of(a));
  }

  /** Tables to write beside the sweep's own (the {@code drift} table, say). */
  public void addTables(Map<String, ReportWriter.Rows> tables) {
    more.putAll(tables);
  }

  /** Drops the persisted reports. */
  @Override
  public void close() {
    assembly.ifPresent(SparkEvaluator.Assembly::release);
  }
}
