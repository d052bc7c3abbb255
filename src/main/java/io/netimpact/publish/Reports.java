package io.netimpact.publish;

import io.netimpact.report.PageTally;
import io.netimpact.report.ReportTables;
import io.netimpact.input.SnapshotReader;
import io.netimpact.report.SummaryHtml;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Assembler;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.series.SeriesReport;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.ReportWriter;
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
   * Writes and publishes a review ({@link ReviewPublication} says what goes in). Every row is
   * on the driver, so the driver writes every table with the storage configuration (no Spark
   * job and no wait for the session: see {@link io.netimpact.report.DriverTables});
   * {@code link_baseline} only when the publication carries it (the review service publishes
   * it once per snapshot, {@link #publishBaseline}).
   */
  public static void publishReview(Cluster cluster, ReviewPublication p) {
    ImpactReport report = p.report();
    // Classes of service (docs/classes.md): two summary columns and class_impact, only with
    // classes.json.
    boolean classes = report.classes().present();
    org.apache.spark.sql.Row summaryRow = ReportTables.row(report.summary(), p.rejects().size(),
        p.survival());
    ReportWriter writer = new ReportWriter(cluster.hadoop(), p.out(), p.format())
        .add(ReportTables.SCENARIO_SUMMARY, classes
            ? io.netimpact.report.ClassTable.withSummaryColumns(
                ReportTables.SCENARIO_SUMMARY_SCHEMA) : ReportTables.SCENARIO_SUMMARY_SCHEMA,
            List.of(classes ? io.netimpact.report.ClassTable.withSummaryColumns(summaryRow,
                report.classes()) : summaryRow))
        .add(ReportTables.LINK_IMPACT, ReportTables.LINK_IMPACT_SCHEMA,
            report.links().stream().map(ReportTables::row).toList())
        .add(ReportTables.DEMAND_IMPACT, ReportTables.DEMAND_IMPACT_SCHEMA,
            report.demands().stream().map(ReportTables::row).toList());
    p.baseline().ifPresent(b -> writer.add(ReportTables.LINK_BASELINE,
        ReportTables.LINK_BASELINE_SCHEMA,
        new Assembler.RowsOnRead<>(b.size(), i -> ReportTables.row(b.get(i)))));
    p.series().ifPresent(r -> writer.add(ReportTables.SCENARIO_SERIES,
        ReportTables.SCENARIO_SERIES_SCHEMA,
        List.of(ReportTables.seriesRow(p.runId(), p.scenario().id(), r))));
    if (p.withTe()) {
      writer.add(ReportTables.LSP_IMPACT, ReportTables.LSP_IMPACT_SCHEMA,
          report.lsps().stream().map(ReportTables::row).toList());
    }
    if (classes) {
      writer.add(io.netimpact.report.ClassTable.CLASS_IMPACT, io.netimpact.report.ClassTable.SCHEMA,
          io.netimpact.report.ClassTable.rows(report.classes().rows()));
    }
    p.more().forEach((name, t) -> writer.add(name, t.schema(), t.rows()));
    p.survival().ifPresent(v -> writer.add(ReportTables.SURVIVAL, ReportTables.SURVIVAL_SCHEMA,
        v.rows().stream().map(ReportTables::row).toList()));
    finish(writer, p.runId(), p.rejects(), new PageTally().add(report).page(p.runId(),
        p.thresholds().warnUtil()), SummaryHtml.Planning.NONE, p.attachments(),
        p.survival().map(io.netimpact.survival.Survival::line),
        io.netimpact.report.ClassTable.lines(report.classes()));
  }

  /** Publishes {@code link_baseline} alone as run {@code runId}. */
  public static void publishBaseline(Cluster cluster, String out, ReportWriter.Format format,
      String runId, List<LinkBaseline> baseline) {
    new ReportWriter(cluster.hadoop(), out, format)
        .add(ReportTables.LINK_BASELINE, ReportTables.LINK_BASELINE_SCHEMA,
            new Assembler.RowsOnRead<>(baseline.size(), i -> ReportTables.row(baseline.get(i))))
        .publish(runId);
  }

  /**
   * Writes and publishes a sweep. Its reports are turned into rows where they are (executors);
   * {@code extra} tables come from the executors too, {@code local} ones from the driver.
   */
  static void publish(SparkSession spark, String out, ReportWriter.Format format, String runId,
      JavaRDD<ImpactReport> reports, List<LinkBaseline> baseline, int files,
      List<SnapshotReader.Reject> rejects, Map<String, Dataset<Row>> extra,
      Map<String, ReportWriter.Rows> local, Thresholds th, Map<String, byte[]> attachments,
      SummaryHtml.Planning planning) {
    publish(spark, out, format, runId, reports, baseline, files, rejects, extra, local, th,
        attachments, planning, Map.of());
  }

  /** The same, with {@code counts} added to the marker ({@link ReportWriter#counts}). */
  static void publish(SparkSession spark, String out, ReportWriter.Format format, String runId,
      JavaRDD<ImpactReport> reports, List<LinkBaseline> baseline, int files,
      List<SnapshotReader.Reject> rejects, Map<String, Dataset<Row>> extra,
      Map<String, ReportWriter.Rows> local, Thresholds th, Map<String, byte[]> attachments,
      SummaryHtml.Planning planning,
      Map<String, ? extends Map<String, ? extends Number>> counts) {
    publish(spark, out, format, runId, reports, baseline, files, rejects, extra, local, th,
        attachments, planning, counts, false);
  }

  /**
   * The same; with {@code classes} (the snapshot has {@code classes.json}, docs/classes.md)
   * {@code scenario_summary} has the two class columns and {@code class_impact} is written,
   * both from the reports where they are. Returns the lines saying which classes drop where
   * (those of the page; none without classes), for the console.
   */
  static List<String> publish(SparkSession spark, String out, ReportWriter.Format format,
      String runId, JavaRDD<ImpactReport> reports, List<LinkBaseline> baseline, int files,
      List<SnapshotReader.Reject> rejects, Map<String, Dataset<Row>> extra,
      Map<String, ReportWriter.Rows> local, Thresholds th, Map<String, byte[]> attachments,
      SummaryHtml.Planning planning,
      Map<String, ? extends Map<String, ? extends Number>> counts, boolean classes) {
    long rejected = rejects.size();
    Dataset<Row> summary = classes
        ? spark.createDataFrame(reports.map(r -> io.netimpact.report.ClassTable
            .withSummaryColumns(ReportTables.row(r.summary(), rejected), r.classes())),
            io.netimpact.report.ClassTable.withSummaryColumns(
                ReportTables.SCENARIO_SUMMARY_SCHEMA))
        : spark.createDataFrame(reports.map(r -> ReportTables.row(r.summary(), rejected)),
            ReportTables.SCENARIO_SUMMARY_SCHEMA);
    Dataset<Row> links = spark.createDataFrame(
        reports.flatMap(r -> r.links().stream().map(ReportTables::row).iterator()),
        ReportTables.LINK_IMPACT_SCHEMA);
    Dataset<Row> demands = spark.createDataFrame(
        reports.flatMap(r -> r.demands().stream().map(ReportTables::row).iterator()),
        ReportTables.DEMAND_IMPACT_SCHEMA);
    ReportWriter writer = new ReportWriter(spark, out, format)
        .add(ReportTables.SCENARIO_SUMMARY, summary.coalesce(1))
        .add(ReportTables.LINK_IMPACT, links.coalesce(files))
        .add(ReportTables.DEMAND_IMPACT, demands.coalesce(files))
        .add(ReportTables.LINK_BASELINE, ReportTables.LINK_BASELINE_SCHEMA,
            new Assembler.RowsOnRead<>(baseline.size(), i -> ReportTables.row(baseline.get(i))));
    if (classes) {
      writer.add(io.netimpact.report.ClassTable.CLASS_IMPACT, spark.createDataFrame(
          reports.flatMap(r -> io.netimpact.report.ClassTable.rows(r.classes().rows())
              .iterator()), io.netimpact.report.ClassTable.SCHEMA).coalesce(files));
    }
    extra.forEach((name, rows) -> writer.add(name, rows.coalesce(Math.max(1, files))));
    local.forEach((name, t) -> writer.add(name, t.schema(), t.rows()));
    counts.forEach(writer::counts);
    // With classes, the page says which classes drop where (one more pass over the reports).
    List<String> classDrops = classes ? reports.mapPartitions(it -> {
      io.netimpact.report.ClassDropTally t = new io.netimpact.report.ClassDropTally();
      it.forEachRemaining(t::add);
      return List.of(t).iterator();
    }).fold(new io.netimpact.report.ClassDropTally(),
        io.netimpact.report.ClassDropTally::merge).lines() : List.of();
    finish(writer, runId, rejects, summaryPage(runId, reports, th), planning, attachments,
        Optional.empty(), classDrops);
    return classDrops;
  }

  /**
   * Publishes a sweep whose every row is on the driver ({@link SweepReports}: a sweep small
   * enough to collect): {@code tables} in their order, written by the driver with the storage
   * configuration (no Spark job, see {@link io.netimpact.report.DriverTables}), with the page,
   * {@code counts} in the marker and the attachments as {@link #publish} gives them.
   */
  static void publishOnDriver(org.apache.hadoop.conf.Configuration hadoop, String out,
      ReportWriter.Format format, String runId, Map<String, ReportWriter.Rows> tables,
      List<SnapshotReader.Reject> rejects, SummaryHtml.Page page, SummaryHtml.Planning planning,
      Map<String, byte[]> attachments,
      Map<String, ? extends Map<String, ? extends Number>> counts, List<String> classDrops) {
    ReportWriter writer = new ReportWriter(hadoop, out, format);
    tables.forEach((name, t) -> writer.add(name, t.schema(), t.rows()));
    counts.forEach(writer::counts);
    finish(writer, runId, rejects, page, planning, attachments, Optional.empty(), classDrops);
  }

  /** The records set aside, {@code summary.html}, the attachments; then publishes. */
  private static void finish(ReportWriter writer, String runId,
      List<SnapshotReader.Reject> rejects, SummaryHtml.Page page,
      SummaryHtml.Planning planning, Map<String, byte[]> attachments) {
    finish(writer, runId, rejects, page, planning, attachments, Optional.empty());
  }

  private static void finish(ReportWriter writer, String runId,
      List<SnapshotReader.Reject> rejects, SummaryHtml.Page page,
      SummaryHtml.Planning planning, Map<String, byte[]> attachments,
      Optional<String> survival) {
    finish(writer, runId, rejects, page, planning, attachments, survival, List.of());
  }

  /** The same, with the lines of the classes of service that drop ({@code classes.json}). */
  private static void finish(ReportWriter writer, String runId,
      List<SnapshotReader.Reject> rejects, SummaryHtml.Page page,
      SummaryHtml.Planning planning, Map<String, byte[]> attachments,
      Optional<String> survival, List<String> classDrops) {
    if (!rejects.isEmpty()) {
      writer.add(ReportTables.REJECTS, ReportTables.REJECTS_SCHEMA, rejects.stream()
          .map(r -> ReportTables.rejectRow(runId, r)).toList());
    }
    writer.attach("summary.html", SummaryHtml.bytes(page, planning, survival, classDrops));
    attachments.forEach(writer::attach);
    writer.publish(runId);
  }

  /**
   * What {@code summary.html} shows of a sweep, tallied where the reports are: one
   * {@link PageTally} per partition, merged; only the tallies reach the driver. One job over
   * the (persisted) reports.
   */
  static SummaryHtml.Page summaryPage(String runId, JavaRDD<ImpactReport> reports,
      Thresholds th) {
    PageTally tally = reports.mapPartitions(it -> {
      PageTally t = new PageTally();
      it.forEachRemaining(t::add);
      return List.of(t).iterator();
    }).fold(new PageTally(), PageTally::merge);
    return tally.page(runId, th.warnUtil());
  }
}
