package io.netimpact.job;

import io.netimpact.impact.Assembler;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.Thresholds;
import io.netimpact.io.ChangeReader;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.RunIds;
import io.netimpact.io.SnapshotReader;
import io.netimpact.io.SparkParquetTables;
import io.netimpact.model.Change;
import io.netimpact.routing.Network;
import io.netimpact.impact.Overlay;
import io.netimpact.te.TeChange;
import io.netimpact.te.TeOverlay;
import io.netimpact.model.TrafficSeries;
import io.netimpact.series.SeriesReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The review pipeline: read and validate the snapshot and the change (driver), compile once,
 * mask the change over the base once, evaluate it on Spark as a sweep of one scenario (the
 * same runner and rules as a sweep), assemble, then write and publish the report. Nothing is
 * written unless every input was valid.
 */
public final class ReviewJob {
  private ReviewJob() {}

  /** What to review and where to write it. */
  public record Request(String snapshot, String change, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord, Thresholds thresholds,
      Optional<String> trafficSeries) {}

  /** The report and the stage timings in seconds. */
  public record Outcome(String runId, ImpactReport report, List<LinkBaseline> baseline,
      int rejects, Map<String, Double> seconds) {}

  public static Outcome run(SparkSession spark, Request req, PrintStream console) {
    Stopwatch sw = new Stopwatch();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    ReportWriter.checkOutput(hadoop, req.out());
    SnapshotReader.Loaded loaded = StageProgress.during(JavaSparkContext.fromSparkContext(
        spark.sparkContext()), console, "review: reading the snapshot", () -> new SnapshotReader(
            hadoop, new SparkParquetTables(spark)).read(req.snapshot(), req.onBadRecord()));
    Change change = ChangeReader.read(req.change(), hadoop);
    String runId = RunIds.resolve(req.runId(), change.id(), req.change());
    Optional<TrafficSeries> series = req.trafficSeries()
        .map(dir -> SeriesRun.read(spark, dir, req.snapshot(), loaded.snapshot()));
    sw.lap("read+validate");
    TeOverlay te = TeOverlay.of(loaded.snapshot(), true);
    Network before = te.network();
    Scenario scenario = ChangeReader.located(req.change(), "", () -> te.scenario(change,
        ChangeReader.mask(before, change, req.change(), "")));
    boolean withTe = te.hasTe() || TeChange.hasTeOps(change);
    sw.lap("compile");
    String snapshotId = loaded.snapshot().info().snapshotId();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    TaskTimes times = new TaskTimes();
    spark.sparkContext().addSparkListener(times);
    SparkEvaluator.Review result;
    try {
      result = SparkEvaluator.review(jsc, runId, snapshotId, before, scenario,
          req.thresholds(), times, console, sw, withTe ? te : Overlay.NONE);
    } finally {
      spark.sparkContext().removeSparkListener(times);
    }
    ImpactReport report = result.report();
    sw.lap("assemble");
    List<LinkBaseline> baseline = Assembler.baselineRows(runId, change.id(), before,
        result.baseline().load(), req.thresholds());
    Optional<SeriesReport> seriesReport = series.map(ts -> SeriesRun.evaluate(jsc, before,
        List.of(scenario), ts, req.thresholds(), 1).get(0));
    if (series.isPresent()) {
      sw.lap("series");
    }
    Consumer<PrintStream> summary = out -> {
      SummaryPrinter.print(out, loaded.snapshot().info().snapshotId(), report, req, runId,
          before, sw.toString(), Optional.empty());
      seriesReport.ifPresent(r -> SeriesRun.print(out, r));
      Quarantine.print(out, loaded.rejects(), req.out(), runId);
    };
    StageProgress.during(jsc, console, "review: writing", () -> Reports.publish(spark,
        req.out(), req.format(), runId, jsc.parallelize(List.of(report), 1), baseline, 1,
        loaded.rejects(), TeReports.tables(spark, jsc.parallelize(List.of(report), 1), withTe,
            seriesReport.map(r -> SeriesRun.table(spark, runId, List.of(scenario),
                List.of(r))).orElse(Map.of())), req.thresholds(),
        SummaryPrinter.attachment(summary)));
    sw.lap("write");
    Outcome outcome = new Outcome(runId, report, baseline, loaded.rejects().size(),
        sw.seconds());
    SummaryPrinter.print(console, loaded.snapshot().info().snapshotId(), report, req, runId,
        before, sw.toString(), Optional.of(io.netimpact.io.PublishedRun.read(hadoop, req.out(),
            runId)));
    seriesReport.ifPresent(r -> SeriesRun.print(console, r));
    Quarantine.print(console, loaded.rejects(), req.out(), runId);
    return outcome;
  }
}
