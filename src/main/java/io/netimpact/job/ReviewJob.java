package io.netimpact.job;

import io.netimpact.impact.ImpactEngine;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.Thresholds;
import io.netimpact.io.BadInputException;
import io.netimpact.io.ChangeReader;
import io.netimpact.io.InputProblem;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
import io.netimpact.io.SparkParquetTables;
import io.netimpact.model.Change;
import io.netimpact.routing.ChangeApplier;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.UnknownElementException;
import io.netimpact.model.TrafficSeries;
import io.netimpact.series.SeriesReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The review pipeline: read and validate the snapshot and the change (driver), compile once,
 * apply the change as a pure function, route on Spark, then write and publish the report.
 * Nothing is written unless every input was valid.
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
    SnapshotReader.Loaded loaded = StageProgress.during(JavaSparkContext.fromSparkContext(
        spark.sparkContext()), console, "review: reading the snapshot", () -> new SnapshotReader(
            hadoop, new SparkParquetTables(spark)).read(req.snapshot(), req.onBadRecord()));
    Change change = ChangeReader.read(req.change(), hadoop);
    Optional<TrafficSeries> series = req.trafficSeries()
        .map(dir -> SeriesRun.read(spark, dir, req.snapshot(), loaded.snapshot()));
    sw.lap("read+validate");
    Network before = NetworkCompiler.compile(loaded.snapshot());
    Network after;
    try {
      after = ChangeApplier.apply(before, change);
    } catch (UnknownElementException e) {
      throw new BadInputException(new InputProblem(req.change(), "ops[" + e.opIndex() + "]",
          e.field(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(req.change(), "", "", e.getMessage()));
    }
    sw.lap("compile");
    String runId = req.runId().orElse(change.id());
    String snapshotId = loaded.snapshot().info().snapshotId();
    Scenario scenario = new Scenario(change.id(), change.title(), after);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SparkReview.Result result = StageProgress.during(jsc, console, "review: routing",
        () -> SparkReview.run(jsc, runId, snapshotId, before, scenario, req.thresholds()));
    sw.lap("route");
    List<LinkBaseline> baseline = ImpactEngine.baseline(runId, change.id(), before,
        result.loadBefore(), req.thresholds());
    ImpactReport report = result.report();
    Optional<SeriesReport> seriesReport = series.map(ts -> SeriesRun.evaluate(jsc, before,
        List.of(change), ts, req.thresholds(), 1).get(0));
    if (series.isPresent()) {
      sw.lap("series");
    }
    StageProgress.during(jsc, console, "review: writing", () -> Reports.publish(spark, req.out(),
        req.format(), runId, jsc.parallelize(List.of(report), 1),
        baseline, 1, loaded.rejects(), seriesReport.map(r -> SeriesRun.table(spark, runId, List.of(change),
            List.of(r))).orElse(Map.of()), req.thresholds()));
    sw.lap("write");
    Outcome outcome = new Outcome(runId, report, baseline, loaded.rejects().size(),
        sw.seconds());
    SummaryPrinter.print(console, loaded.snapshot().info().snapshotId(), report, req, runId,
        before, sw.toString(), io.netimpact.io.PublishedRun.read(hadoop, req.out(), runId));
    seriesReport.ifPresent(r -> SeriesRun.print(console, r));
    Quarantine.print(console, loaded.rejects(), req.out(), runId);
    return outcome;
  }
}
