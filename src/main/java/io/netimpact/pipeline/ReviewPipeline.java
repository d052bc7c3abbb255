package io.netimpact.pipeline;

import io.netimpact.format.BadInputException;
import io.netimpact.format.BaselineManifest;
import io.netimpact.format.ChangeReader;
import io.netimpact.format.InputProblem;
import io.netimpact.format.RunIds;
import io.netimpact.format.SnapshotReader;
import io.netimpact.format.SummaryText;
import io.netimpact.impact.Assembler;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkBaseline;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.Network;
import io.netimpact.series.SeriesReport;
import io.netimpact.spark.BaselineStore;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.PublishedRun;
import io.netimpact.spark.ReportWriter;
import io.netimpact.spark.Reports;
import io.netimpact.spark.SeriesRun;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.te.TeChange;
import io.netimpact.te.TeOverlay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review pipeline, one stage after the other: read and validate the snapshot and the
 * change (driver), compile once (with the TE overlay when the snapshot or change has TE), mask the change over the base once, evaluate it on the cluster
 * as a sweep of one scenario (the same runner and rules as a sweep), assemble, then write and
 * publish the report. With a stored baseline ({@code --baseline}), its manifest is read first
 * and checked against the compiled snapshot (snapshot id and content hash: a stale store is
 * refused before anything is written), and the evaluation reads the base DAGs and loads from
 * it instead of routing the base. Nothing is written unless every input was valid. Prints nothing: the
 * command line prints the outcome's summary.
 */
public final class ReviewPipeline {
  private ReviewPipeline() {}

  /** What to review and where to write it. */
  public record Request(String snapshot, String change, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord, Thresholds thresholds,
      Optional<String> trafficSeries, Optional<String> baseline) {
    /** Without {@code --baseline}: the base routed in the run. */
    public Request(String snapshot, String change, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Optional<String> trafficSeries) {
      this(snapshot, change, out, runId, format, onBadRecord, thresholds, trafficSeries,
          Optional.empty());
    }
  }

  /**
   * The report, the baseline it was measured against, what the summary shows, where the run
   * was published, and the stage timings.
   */
  public record Outcome(String runId, ImpactReport report, List<LinkBaseline> baseline,
      int rejects, SummaryText.Review summary, PublishedRun published,
      Map<String, Double> seconds, String timings) {}

  public static Outcome run(Cluster cluster, Request req) {
    Stopwatch sw = new Stopwatch();
    cluster.checkOutput(req.out());
    // The store's manifest first: a missing or broken store fails before any reading.
    Optional<BaselineStore.Opened> store = req.baseline().map(b -> BaselineStore.open(cluster,
        b));
    SnapshotReader.Loaded loaded = cluster.during("review: reading the snapshot",
        () -> cluster.readSnapshot(req.snapshot(), req.onBadRecord()));
    Change change = cluster.readChange(req.change());
    String runId = RunIds.resolve(req.runId(), change.id(), req.change());
    Optional<TrafficSeries> series = req.trafficSeries()
        .map(dir -> cluster.readSeries(dir, req.snapshot(), loaded.snapshot()));
    sw.lap("read+validate");
    TeOverlay te = TeOverlay.of(loaded.snapshot(), true);
    Network before = te.network();
    Scenario scenario = ChangeReader.located(req.change(), "", () -> te.scenario(change,
        ChangeReader.mask(before, change, req.change(), "")));
    boolean withTe = te.hasTe() || TeChange.hasTeOps(change);
    String snapshotId = loaded.snapshot().info().snapshotId();
    if (store.isPresent()) {
      if (withTe) {
        throw new BadInputException(new InputProblem(req.baseline().get(), "", "", "review "
            + "--baseline does not support traffic engineering, and "
            + (te.hasTe() ? "the snapshot has SR-TE policies or RSVP-TE LSPs" : "the change "
            + "has TE ops") + "; review it without --baseline"));
      }
      store.get().manifest().requireSameSnapshot(req.baseline().get(), req.snapshot(),
          snapshotId, ContentHash.of(before, BaselineManifest.VERSION));
    }
    sw.lap("compile");
    SparkEvaluator.Review result = SparkEvaluator.review(cluster, runId, snapshotId, before,
        scenario, req.thresholds(), sw::lap, withTe ? te : Overlay.NONE, store);
    ImpactReport report = result.report();
    sw.lap("assemble");
    List<LinkBaseline> baseline = Assembler.baselineRows(runId, change.id(), before,
        result.baseline().load(), req.thresholds());
    Optional<SeriesReport> seriesReport = series.map(ts -> SeriesRun.evaluate(cluster, before,
        List.of(scenario), ts, req.thresholds(), 1).get(0));
    if (series.isPresent()) {
      sw.lap("series");
    }
    SummaryText.Review summary = new SummaryText.Review(snapshotId, before.nodeCount(),
        before.linkCount(), before.demandCount(), report, req.thresholds().warnUtil(),
        seriesReport, loaded.rejects(), req.out(), runId);
    String timingsBeforeWrite = sw.toString();
    cluster.during("review: writing", () -> {
      Reports.publishReview(cluster, req.out(), req.format(), runId, report, baseline,
          loaded.rejects(), seriesReport, scenario, withTe, req.thresholds(),
          SummaryText.attachment(
              out -> SummaryText.review(out, summary, Optional.empty(), timingsBeforeWrite)));
      return null;
    });
    sw.lap("write");
    return new Outcome(runId, report, baseline, loaded.rejects().size(), summary,
        cluster.published(req.out(), runId), sw.seconds(), sw.toString());
  }
}
