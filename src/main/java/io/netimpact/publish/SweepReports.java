package io.netimpact.publish;

import io.netimpact.report.PageTally;
import io.netimpact.report.ReportTables;
import io.netimpact.report.SummaryHtml;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.input.SnapshotReader;
import io.netimpact.impact.Baseline;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.impact.WorstCase;
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
  private final SparkEvaluator.Assembly<Row> assembly;
  private final Map<String, ReportWriter.Rows> more = new LinkedHashMap<>();
  private Optional<io.netimpact.report.AvailabilityPage> availability = Optional.empty();
  /** Whether the reports carry classes of service (class table and columns). */
  private final boolean classes;

  private SweepReports(Cluster cluster, String runId, Network base, Components components,
      Baseline baseline, SparkEvaluator.Assembly<Row> assembly, boolean classes) {
    this.cluster = cluster;
    this.runId = runId;
    this.base = base;
    this.components = components;
    this.baseline = baseline;
    this.assembly = assembly;
    this.classes = classes;
  }

  /**
   * Assembles every scenario of {@code r} on the executor holding its merged state (see
   * {@link SparkEvaluator#assemble}), with its stranding against the base's components. The
   * evaluation's states stay persisted (the plan may assemble them again): release {@code r}.
   */
  public static SweepReports assemble(Cluster cluster, SparkEvaluator.Result r, String runId,
      String snapshotId, Thresholds th, Network base, Components components) {
    Broadcast<Components> componentsBc = cluster.jsc().broadcast(components);
    SparkEvaluator.Assembly<Row> assembly = SparkEvaluator.assemble(cluster.jsc(), r, runId,
        snapshotId, th, (b, sc, view) -> SparkTopology.scenarioRow(runId, sc.id(),
            Stranding.between(b, componentsBc.value(), view)));
    Baseline baseline = r.baseline();
    return new SweepReports(cluster, runId, base, components, baseline, assembly,
        r.classes().isPresent());
  }

  /** The baseline the scenarios were measured against. */
  public Baseline baseline() {
    return baseline;
  }

  /** Every scenario's summary row (in no particular order). */
  public List<ScenarioSummary> summaries() {
    return assembly.scenarios().map(t -> t._1().summary()).collect();
  }

  /** The worst case per base arc over all scenarios. */
  public WorstCase worstCase() {
    return assembly.worstCase();
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
    SparkSession spark = cluster.session();
    JavaRDD<Tuple2<ImpactReport, Row>> listed = assembly.scenarios();
    if (!unlisted.isEmpty()) {
      Broadcast<java.util.HashSet<String>> dropBc = cluster.jsc().broadcast(
          new java.util.HashSet<>(unlisted));
      listed = listed.filter(t -> !dropBc.value().contains(t._1().summary().scenarioId()));
    }
    JavaRDD<ImpactReport> reports = listed.map(Tuple2::_1);
    List<LinkWorstCase> worst = assembly.worstCase().rows(runId, base, baseline.load(),
        scenarios);
    Map<String, ReportWriter.Rows> local = new LinkedHashMap<>();
    local.put(ReportTables.LINK_WORST_CASE, new ReportWriter.Rows(
        ReportTables.LINK_WORST_CASE_SCHEMA, worst.stream().map(ReportTables::row).toList()));
    Map<String, Dataset<Row>> extra = new LinkedHashMap<>(SparkTopology.sweepTables(spark,
        runId, base, components, baseline.load(), listed.map(Tuple2::_2),
        scenarios.size() - unlisted.size(), partitions));
    series.ifPresent(sr -> local.putAll(SeriesRun.table(runId, scenarios, sr)));
    plan.ifPresent(p -> local.putAll(PlanRounds.tables(p)));
    local.putAll(more);
    Map<String, byte[]> files = new LinkedHashMap<>(attachments);
    plan.ifPresent(p -> files.putAll(PlanRounds.attachments(p)));
    return Reports.publish(spark, out, format, runId, reports, baselineRows,
        Math.max(1, Math.min(partitions, scenarios.size() / 2000 + 1)), rejects,
        TeReports.tables(spark, reports, withTe, extra), local, th, files,
        new SummaryHtml.Planning(SummaryHtml.Planning.crossing(worst, 2 * PageTally.SHOWN),
            plan, availability), counts, classes);
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
    assembly.release();
  }
}
