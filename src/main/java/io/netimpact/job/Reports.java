package io.netimpact.job;

import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.io.ReportTables;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Turns scenario reports into the four report tables and publishes them for a run. */
final class Reports {
  private Reports() {}

  /**
   * Writes and publishes a run. Reports are converted to rows where they are (executors for
   * an RDD); the baseline rows come from the driver.
   */
  static void publish(SparkSession spark, String out, ReportWriter.Format format, String runId,
      JavaRDD<ImpactReport> reports, List<LinkBaseline> baseline, int files,
      List<SnapshotReader.Reject> rejects, java.util.Map<String, Dataset<Row>> extra) {
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
    ReportWriter w = new ReportWriter(spark, out, format)
        .add(ReportTables.SCENARIO_SUMMARY, summary.coalesce(1))
        .add(ReportTables.LINK_IMPACT, links.coalesce(files))
        .add(ReportTables.DEMAND_IMPACT, demands.coalesce(files))
        .add(ReportTables.LINK_BASELINE, base.coalesce(files));
    extra.forEach((name, rows) -> w.add(name, rows.coalesce(1)));
    if (!rejects.isEmpty()) {
      w.add(ReportTables.REJECTS, spark.createDataFrame(rejects.stream()
          .map(r -> ReportTables.rejectRow(runId, r)).toList(), ReportTables.REJECTS_SCHEMA)
          .coalesce(1));
    }
    w.publish(runId);
  }
}
