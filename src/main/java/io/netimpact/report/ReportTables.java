package io.netimpact.report;

import io.netimpact.input.SnapshotReader;

import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.series.IntervalResult;
import io.netimpact.series.SeriesReport;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The report tables of docs/reports.md#tables: their names and schemas live here and nowhere
 * else, with the conversion of report rows to Spark rows.
 */
public final class ReportTables {
  private ReportTables() {}

  public static final String SCENARIO_SUMMARY = "scenario_summary";
  public static final String LINK_IMPACT = "link_impact";
  public static final String DEMAND_IMPACT = "demand_impact";
  public static final String LINK_BASELINE = "link_baseline";
  /** A sweep's worst case per base arc (docs/semantics.md#a-sweeps-worst-case-per-arc). */
  public static final String LINK_WORST_CASE = "link_worst_case";
  /** LSPs whose path or state a change alters (docs/semantics.md#traffic-engineering). */
  public static final String LSP_IMPACT = "lsp_impact";
  /** {@code sweep --plan}: members to add per link
   * (docs/semantics.md#the-augmentation-plan-sweep---plan). */
  public static final String AUGMENT_PLAN = "augment_plan";
  /** {@code sweep --plan}: scenarios still RISK or BLOCK with the plan applied. */
  public static final String AUGMENT_RESIDUAL = "augment_residual";
  /** {@code sweep --plan}: the plan as a change request, attached to the run. */
  public static final String AUGMENT_PLAN_FILE = "augment_plan.json";
  /** Records set aside with {@code --on-bad-record quarantine}, with why. */
  public static final String REJECTS = "_rejects";

  public static final StructType REJECTS_SCHEMA = schema(
      str("run_id"), str("file"), str("location"), str("field"), str("reason"), str("record"));

  /** A {@code _rejects} row. */
  public static Row rejectRow(String runId, SnapshotReader.Reject r) {
    return RowFactory.create(runId, r.problem().file(), r.problem().location(),
        r.problem().field(), r.problem().message(), r.record());
  }

  /** Written with {@code --traffic-series}: a scenario evaluated over every interval. */
  public static final String SCENARIO_SERIES = "scenario_series";

  public static final StructType SCENARIO_SUMMARY_SCHEMA = schema(
      str("run_id"), str("snapshot_id"), str("scenario_id"), str("title"), str("verdict"),
      dbl("max_util_before"), dbl("max_util_after"), lng("links_over_warn_after"),
      lng("links_over_capacity_after"), dbl("unroutable_gbps_before"),
      dbl("unroutable_gbps_after"), dbl("overflow_gbps_after"), lng("affected_demands"),
      str("worst_link_id"), str("reason"), lng("input_rejects"), dbl("stranded_gbps_after"),
      dbl("endpoint_removed_gbps_after"), nullableStr("survive"),
      nullableStr("exposing_failure_id"), nullableLng("failures_evaluated"));

  /** Written by {@code review --survive} (contract section 7.2): one row per failure listed. */
  public static final String SURVIVAL = "survival";

  public static final StructType SURVIVAL_SCHEMA = schema(
      str("run_id"), str("scenario_id"), str("failure_id"), str("severity_without"),
      str("severity_with"), dbl("max_util_without"), dbl("max_util_with"),
      nullableStr("worst_link_id_with"), dbl("stranded_gbps_without"), dbl("stranded_gbps_with"),
      bool("exposed"));

  /** A {@code survival} row; {@code worst_link_id_with} null when no arc carries anything. */
  public static Row row(io.netimpact.survival.SurvivalRow r) {
    return finite(SURVIVAL_SCHEMA, r.runId(), r.scenarioId(), r.failureId(),
        r.severityWithout().name(), r.severityWith().name(), r.maxUtilWithout(),
        r.maxUtilWith(), r.worstLinkIdWith().isEmpty() ? null : r.worstLinkIdWith(),
        r.strandedGbpsWithout(), r.strandedGbpsWith(), r.exposed());
  }

  /** Written by {@code sweep --failure-model} (contract section 7.6): one row per demand. */
  public static final String DEMAND_AVAILABILITY = "demand_availability";

  public static final StructType DEMAND_AVAILABILITY_SCHEMA = schema(
      str("run_id"), str("src"), str("dst"), dbl("gbps"), dbl("availability"),
      dbl("expected_unroutable_gbps"), nullableStr("worst_scenario_id"));

  /** A {@code demand_availability} row; {@code worst_scenario_id} null when nothing hits it. */
  public static Row row(io.netimpact.availability.DemandAvailability r) {
    return finite(DEMAND_AVAILABILITY_SCHEMA, r.runId(), r.src(), r.dst(), r.gbps(),
        r.availability(), r.expectedUnroutableGbps(), r.worstScenarioId().orElse(null));
  }

  public static final StructType LINK_IMPACT_SCHEMA = schema(
      str("run_id"), str("scenario_id"), str("link_id"), str("from_device"), str("to_device"),
      dbl("capacity_before_gbps"), dbl("capacity_after_gbps"), dbl("load_before_gbps"),
      dbl("load_after_gbps"), dbl("util_before"), dbl("util_after"),
      dbl("overflow_after_gbps"), str("status_after"), str("status_before"));

  public static final StructType DEMAND_IMPACT_SCHEMA = schema(
      str("run_id"), str("scenario_id"), str("src"), str("dst"), dbl("gbps"), str("status"),
      nullableDbl("latency_before_ms"), nullableDbl("latency_after_ms"));

  public static final StructType LSP_IMPACT_SCHEMA = schema(
      str("run_id"), str("scenario_id"), str("lsp_id"), str("head"), str("tail"),
      dbl("bandwidth_gbps"), str("state_before"), str("state_after"), nullableStr("path_before"),
      nullableStr("path_after"), nullableLng("metric_before"), nullableLng("metric_after"));

  /** An {@code lsp_impact} row: path and metric null where the LSP is down. */
  public static Row row(io.netimpact.verdict.LspImpact r) {
    return finite(LSP_IMPACT_SCHEMA, r.runId(), r.scenarioId(), r.lspId(), r.head(), r.tail(),
        r.bandwidthGbps(), r.stateBefore().name(), r.stateAfter().name(),
        r.pathBefore().orElse(null), r.pathAfter().orElse(null),
        r.metricBefore().orElse(null), r.metricAfter().orElse(null));
  }

  public static final StructType LINK_BASELINE_SCHEMA = schema(
      str("run_id"), str("scenario_id"), str("link_id"), str("from_device"), str("to_device"),
      dbl("capacity_before_gbps"), dbl("load_before_gbps"), dbl("util_before"),
      str("status_before"));

  public static final StructType LINK_WORST_CASE_SCHEMA = schema(
      str("run_id"), str("link_id"), str("from_device"), str("to_device"), dbl("capacity_gbps"),
      dbl("load_before_gbps"), dbl("worst_load_gbps"), dbl("worst_util"),
      nullableStr("worst_scenario_id"), lng("scenarios_over_warn"),
      lng("scenarios_over_capacity"));

  public static final StructType AUGMENT_PLAN_SCHEMA = schema(
      str("run_id"), str("link_id"), lng("members_to_add"), dbl("member_capacity_gbps"),
      dbl("capacity_before_gbps"), dbl("capacity_after_gbps"), dbl("worst_util_before"),
      dbl("worst_util_after"), str("driving_scenario_id"));

  public static final StructType AUGMENT_RESIDUAL_SCHEMA = schema(
      str("run_id"), str("scenario_id"), str("verdict"), str("reason"));

  public static Row row(io.netimpact.planning.AugmentRow r) {
    return finite(AUGMENT_PLAN_SCHEMA, r.runId(), r.linkId(), (long) r.membersToAdd(),
        r.memberCapacityGbps(), r.capacityBeforeGbps(), r.capacityAfterGbps(),
        r.worstUtilBefore(), r.worstUtilAfter(), r.drivingScenarioId());
  }

  public static Row row(io.netimpact.planning.ResidualRow r) {
    return finite(AUGMENT_RESIDUAL_SCHEMA, r.runId(), r.scenarioId(), r.verdict().name(),
        r.reason());
  }

  public static final StructType SCENARIO_SERIES_SCHEMA = schema(
      str("run_id"), str("scenario_id"), lng("intervals"), dbl("total_hours"),
      str("worst_interval_id"), str("worst_interval_start"), dbl("worst_max_util_before"),
      dbl("worst_max_util_after"), str("worst_link_after"), dbl("hours_at_risk_before"),
      dbl("hours_at_risk_after"), dbl("hours_over_capacity_after"),
      dbl("max_lost_gbps_after"));

  /** A {@code scenario_series} row. */
  public static Row seriesRow(String runId, String scenarioId, SeriesReport r) {
    IntervalResult w = r.worstInterval();
    double lost = r.intervals().stream().mapToDouble(IntervalResult::lostGbpsAfter).max()
        .orElse(0);
    return finite(SCENARIO_SERIES_SCHEMA, runId, scenarioId, (long) r.intervals().size(),
        r.totalHours(),
        w.id(), w.start(), w.maxUtilBefore(), w.maxUtilAfter(), w.worstLinkAfter(),
        r.hoursAtRiskBefore(), r.hoursAtRiskAfter(), r.hoursOverCapacityAfter(), lost);
  }

  /**
   * A {@code scenario_summary} row. {@code reason} is {@link ScenarioSummary#reason}; {@code inputRejects} (an addition to the contract) marks
   * a verdict computed on a snapshot read with records set aside; 0 means the whole snapshot.
   */
  public static Row row(ScenarioSummary s, long inputRejects) {
    return row(s, inputRejects, java.util.Optional.empty());
  }

  /**
   * A {@code scenario_summary} row with, after {@code review --survive}, its survival columns
   * ({@code survive}, {@code exposing_failure_id}, {@code failures_evaluated}); null without.
   */
  public static Row row(ScenarioSummary s, long inputRejects,
      java.util.Optional<io.netimpact.survival.Survival> survival) {
    return finite(SCENARIO_SUMMARY_SCHEMA, s.runId(), s.snapshotId(), s.scenarioId(), s.title(),
        s.verdict().name(), s.maxUtilBefore(), s.maxUtilAfter(), s.linksOverWarnAfter(),
        s.linksOverCapacityAfter(), s.unroutableGbpsBefore(), s.unroutableGbpsAfter(),
        s.overflowGbpsAfter(), s.affectedDemands(), s.worstLinkId(), s.reason(), inputRejects,
        s.strandedGbpsAfter(), s.endpointRemovedGbpsAfter(),
        survival.map(v -> v.survive().name()).orElse(null),
        survival.flatMap(io.netimpact.survival.Survival::exposingFailureId).orElse(null),
        survival.map(v -> (long) v.failuresEvaluated()).orElse(null));
  }

  public static Row row(LinkImpact r) {
    return finite(LINK_IMPACT_SCHEMA, r.runId(), r.scenarioId(), r.linkId(), r.fromDevice(),
        r.toDevice(), r.capacityBeforeGbps(), r.capacityAfterGbps(), r.loadBeforeGbps(),
        r.loadAfterGbps(), r.utilBefore(), r.utilAfter(), r.overflowAfterGbps(),
        r.statusAfter().name(), r.statusBefore().name());
  }

  public static Row row(DemandImpact r) {
    return finite(DEMAND_IMPACT_SCHEMA, r.runId(), r.scenarioId(), r.src(), r.dst(), r.gbps(),
        r.status().name(), boxed(r.latencyBeforeMs()), boxed(r.latencyAfterMs()));
  }

  public static Row row(io.netimpact.verdict.LinkWorstCase r) {
    return finite(LINK_WORST_CASE_SCHEMA, r.runId(), r.linkId(), r.fromDevice(), r.toDevice(),
        r.capacityGbps(), r.loadBeforeGbps(), r.worstLoadGbps(), r.worstUtil(),
        r.worstScenarioId().orElse(null), r.scenariosOverWarn(), r.scenariosOverCapacity());
  }

  public static Row row(LinkBaseline r) {
    return finite(LINK_BASELINE_SCHEMA, r.runId(), r.scenarioId(), r.linkId(), r.fromDevice(),
        r.toDevice(), r.capacityBeforeGbps(), r.loadBeforeGbps(), r.utilBefore(),
        r.statusBefore().name());
  }

  /**
   * A row, refused if it holds a non-finite number: the last guard (inputs whose sums could
   * overflow are rejected when read) so that no report ever says "Infinity" or "NaN".
   */
  private static Row finite(StructType schema, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Double d && !Double.isFinite(d)) {
        throw new IllegalStateException("refusing to write a non-finite number: column "
            + schema.fieldNames()[i] + " = " + d + " in row " + java.util.Arrays.toString(values));
      }
    }
    return RowFactory.create(values);
  }

  /** A latency, or SQL null where the demand has no path (NaN in the row). */
  private static Double boxed(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static StructType schema(StructField... fields) {
    return DataTypes.createStructType(List.of(fields));
  }

  private static StructField str(String name) {
    return field(name, DataTypes.StringType, false);
  }

  private static StructField dbl(String name) {
    return field(name, DataTypes.DoubleType, false);
  }

  private static StructField nullableDbl(String name) {
    return field(name, DataTypes.DoubleType, true);
  }

  private static StructField nullableStr(String name) {
    return field(name, DataTypes.StringType, true);
  }

  private static StructField nullableLng(String name) {
    return field(name, DataTypes.LongType, true);
  }

  private static StructField bool(String name) {
    return field(name, DataTypes.BooleanType, false);
  }

  private static StructField lng(String name) {
    return field(name, DataTypes.LongType, false);
  }

  private static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
