package io.netimpact.spark;

import io.netimpact.format.ReportTables;
import io.netimpact.format.SnapshotReader;
import io.netimpact.format.SummaryHtml;
import io.netimpact.impact.DemandImpact;
import io.netimpact.impact.DemandStatus;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.impact.LinkImpact;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioSummary;
import io.netimpact.impact.Thresholds;
import io.netimpact.impact.Verdict;
import io.netimpact.series.SeriesReport;
import java.io.Serializable;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/** Turns scenario reports into the four report tables and publishes them for a run. */
public final class Reports {
  /** Rows shown per section of {@code summary.html}. */
  static final int SHOWN = 15;

  private Reports() {}

  /**
   * Writes and publishes a run. Reports are converted to rows where they are (executors for
   * an RDD); the baseline rows come from the driver. {@code attachments} (name to content) are
   * published beside the marker with {@code summary.html}.
   */
  /**
   * Writes and publishes a review: its one report, the baseline rows, the records set aside,
   * the series table when the review had one, and the attachments.
   */
  public static void publishReview(Cluster cluster, String out, ReportWriter.Format format,
      String runId, ImpactReport report, List<LinkBaseline> baseline,
      List<SnapshotReader.Reject> rejects, Optional<SeriesReport> series, Scenario scenario,
      boolean withTe, Thresholds th, Map<String, byte[]> attachments) {
    SparkSession spark = cluster.session();
    JavaRDD<ImpactReport> reports = cluster.jsc().parallelize(List.of(report), 1);
    publish(spark, out, format, runId, reports, baseline, 1, rejects, TeReports.tables(spark,
        reports, withTe, series.map(r -> SeriesRun.table(spark, runId, List.of(scenario),
            List.of(r))).orElse(Map.of())), th, attachments);
  }

  static void publish(SparkSession spark, String out, ReportWriter.Format format, String runId,
      JavaRDD<ImpactReport> reports, List<LinkBaseline> baseline, int files,
      List<SnapshotReader.Reject> rejects, Map<String, Dataset<Row>> extra, Thresholds th,
      Map<String, byte[]> attachments) {
    publish(spark, out, format, runId, reports, baseline, files, rejects, extra, th,
        attachments, SummaryHtml.Planning.NONE);
  }

  /** As above, with a sweep's worst case and plan on {@code summary.html}. */
  static void publish(SparkSession spark, String out, ReportWriter.Format format, String runId,
      JavaRDD<ImpactReport> reports, List<LinkBaseline> baseline, int files,
      List<SnapshotReader.Reject> rejects, Map<String, Dataset<Row>> extra, Thresholds th,
      Map<String, byte[]> attachments, SummaryHtml.Planning planning) {
    long rejected = rejects.size();
    Dataset<Row> summary = spark.createDataFrame(
        reports.map(r -> ReportTables.row(r.summary(), rejected)),
        ReportTables.SCENARIO_SUMMARY_SCHEMA);
    Dataset<Row> links = spark.createDataFrame(
        reports.flatMap(r -> r.links().stream().map(ReportTables::row).iterator()),
        ReportTables.LINK_IMPACT_SCHEMA);
    Dataset<Row> demands = spark.createDataFrame(
        reports.flatMap(r -> r.demands().stream().map(ReportTables::row).iterator()),
        ReportTables.DEMAND_IMPACT_SCHEMA);
    Dataset<Row> base = spark.createDataFrame(
        baseline.stream().map(ReportTables::row).toList(), ReportTables.LINK_BASELINE_SCHEMA);
    ReportWriter writer = new ReportWriter(spark, out, format)
        .add(ReportTables.SCENARIO_SUMMARY, summary.coalesce(1))
        .add(ReportTables.LINK_IMPACT, links.coalesce(files))
        .add(ReportTables.DEMAND_IMPACT, demands.coalesce(files))
        .add(ReportTables.LINK_BASELINE, base.coalesce(files));
    extra.forEach((name, rows) -> writer.add(name, rows.coalesce(Math.max(1, files))));
    if (!rejects.isEmpty()) {
      writer.add(ReportTables.REJECTS, spark.createDataFrame(rejects.stream()
          .map(r -> ReportTables.rejectRow(runId, r)).toList(), ReportTables.REJECTS_SCHEMA)
          .coalesce(1));
    }
    writer.attach("summary.html", SummaryHtml.bytes(summaryPage(runId, reports, th),
        planning));
    attachments.forEach(writer::attach);
    writer.publish(runId);
  }

  /**
   * What {@code summary.html} shows, computed where the reports are: verdict counts and sums
   * over all scenarios, the top {@link #SHOWN} scenarios (riskiest first), arcs (each link
   * direction at its worst scenario, highest utilisation after first) and lost demands.
   * A few small jobs over the (persisted) reports; only the top rows reach the driver.
   */
  static SummaryHtml.Page summaryPage(String runId, JavaRDD<ImpactReport> reports,
      Thresholds th) {
    Map<String, Long> counts = reports.map(r -> r.summary().verdict().name()).countByValue();
    Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    counts.forEach((v, n) -> verdicts.put(Verdict.valueOf(v), n));
    long scenarios = counts.values().stream().mapToLong(Long::longValue).sum();
    List<ScenarioSummary> riskiest = reports.map(ImpactReport::summary)
        .takeOrdered(SHOWN, RISKIEST);
    List<LinkImpact> worst = reports
        .flatMapToPair(r -> r.links().stream()
            .map(l -> new Tuple2<>(l.linkId() + "\u0000" + l.fromDevice(), l)).iterator())
        .reduceByKey((a, b) -> HIGHEST_UTIL_AFTER.compare(a, b) <= 0 ? a : b)
        .values().takeOrdered(SHOWN, HIGHEST_UTIL_AFTER);
    List<DemandImpact> lost = reports
        .flatMap(r -> r.demands().stream()
            .filter(d -> d.status() == DemandStatus.UNROUTABLE && d.gbps() > 0).iterator())
        .takeOrdered(SHOWN, LARGEST_DEMAND);
    double[] sums = reports.map(r -> new double[] {
        Math.max(0, r.summary().unroutableGbpsAfter() - r.summary().unroutableGbpsBefore()),
        r.summary().overflowGbpsAfter()})
        .fold(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
    String snapshotId = riskiest.isEmpty() ? "" : riskiest.get(0).snapshotId();
    String kind = scenarios == 1 ? "review" : "sweep";
    List<String> te = scenarios == 1 ? io.netimpact.te.TeSummary.lines(reports.first())
        : reports.flatMap(r -> r.lsps().stream()
            .filter(l -> l.stateAfter() == io.netimpact.impact.LspImpact.LspState.DOWN)
            .map(l -> "LSP " + l.lspId() + " down in " + l.scenarioId()).iterator())
            .takeOrdered(SHOWN);
    return new SummaryHtml.Page(kind, runId, snapshotId, scenarios, verdicts, riskiest, worst,
        lost, sums[0], sums[1], th.warnUtil(), te);
  }

  private static final Comparator<ScenarioSummary> RISKIEST = ScenarioSummary.RISKIEST_FIRST;

  private static final Comparator<LinkImpact> HIGHEST_UTIL_AFTER =
      (Comparator<LinkImpact> & Serializable) (a, b) -> {
        int c = Double.compare(b.utilAfter(), a.utilAfter());
        if (c == 0) {
          c = Double.compare(b.overflowAfterGbps(), a.overflowAfterGbps());
        }
        if (c == 0) {
          c = a.linkId().compareTo(b.linkId());
        }
        if (c == 0) {
          c = a.fromDevice().compareTo(b.fromDevice());
        }
        return c == 0 ? a.scenarioId().compareTo(b.scenarioId()) : c;
      };

  private static final Comparator<DemandImpact> LARGEST_DEMAND =
      (Comparator<DemandImpact> & Serializable) (a, b) -> {
        int c = Double.compare(b.gbps(), a.gbps());
        if (c == 0) {
          c = a.scenarioId().compareTo(b.scenarioId());
        }
        return c == 0 ? (a.src() + ">" + a.dst()).compareTo(b.src() + ">" + b.dst()) : c;
      };
}
