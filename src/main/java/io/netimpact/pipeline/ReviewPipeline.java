package io.netimpact.pipeline;

import io.netimpact.input.BadInputException;
import io.netimpact.store.BaselineManifest;
import io.netimpact.input.ChangeReader;
import io.netimpact.input.InputProblem;
import io.netimpact.report.RunIds;
import io.netimpact.input.SnapshotReader;
import io.netimpact.report.SummaryText;
import io.netimpact.impact.Assembler;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.deduce.Drift;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.spark.SurvivalRun;
import io.netimpact.survival.FailureResult;
import io.netimpact.survival.Failures;
import io.netimpact.survival.Severity;
import io.netimpact.survival.Survival;
import io.netimpact.impact.SurviveComposition;
import java.util.ArrayList;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.Network;
import io.netimpact.series.SeriesReport;
import io.netimpact.spark.BaselineStore;
import io.netimpact.spark.Cluster;
import io.netimpact.publish.DeduceFiles;
import io.netimpact.publish.DriftTables;
import io.netimpact.spark.LocalReview;
import io.netimpact.spark.PublishedRun;
import io.netimpact.spark.ReportWriter;
import io.netimpact.publish.Reports;
import io.netimpact.publish.ReviewPublication;
import io.netimpact.spark.SeriesRun;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.te.TeChange;
import io.netimpact.te.TeOverlay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The review pipeline, one stage after the other: read and validate the snapshot and the
 * change (driver), compile once (with the TE overlay when the snapshot or change has TE), mask the change over the base once, evaluate it on the cluster
 * as a sweep of one scenario (the same runner and rules as a sweep), assemble, then write and
 * publish the report. With a stored baseline ({@code --baseline}), its manifest is read first
 * and checked against the compiled snapshot (snapshot id and content hash: a stale store is
 * refused before anything is written), and the evaluation reads the base DAGs and loads from
 * it instead of routing the base. When the store holds the compiled network of the very files
 * of the snapshot directory (their digest is the store's), the snapshot is not read, validated
 * or compiled at all: the network comes from the store ({@link #fromStore}). Nothing is
 * written unless every input was valid. Prints nothing: the command line prints the outcome's
 * summary.
 */
public final class ReviewPipeline {
  private ReviewPipeline() {}

  /**
   * What to review and where to write it; {@code localReview} says where the evaluation runs
   * when the Spark master is local.
   */
  public record Request(String snapshot, String change, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord, Thresholds thresholds,
      Optional<String> trafficSeries, Optional<String> baseline, LocalReview localReview,
      List<Sweep.Each> survive) {
    public Request {
      survive = List.copyOf(survive);
    }

    /** Without {@code --survive}. */
    public Request(String snapshot, String change, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Optional<String> trafficSeries, Optional<String> baseline,
        LocalReview localReview) {
      this(snapshot, change, out, runId, format, onBadRecord, thresholds, trafficSeries,
          baseline, localReview, List.of());
    }

    /** Without {@code --baseline}: the base routed in the run, on the driver when local. */
    public Request(String snapshot, String change, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Optional<String> trafficSeries) {
      this(snapshot, change, out, runId, format, onBadRecord, thresholds, trafficSeries,
          Optional.empty(), LocalReview.DRIVER);
    }
  }

  /**
   * The report, the baseline it was measured against, what the summary shows, where the run
   * was published, and the stage timings.
   */
  public record Outcome(String runId, ImpactReport report, List<LinkBaseline> baseline,
      int rejects, SummaryText.Review summary, PublishedRun published,
      Map<String, Double> seconds, String timings) {}

  /**
   * What the evaluation starts from, however it was got: the base network, the change as a
   * scenario over it, the TE overlay (or none), the snapshot id, the records set aside and the
   * traffic series.
   */
  private record Prepared(Change change, String runId, Network before, Scenario scenario,
      boolean withTe, Overlay overlay, String snapshotId, List<SnapshotReader.Reject> rejects,
      Optional<TrafficSeries> series, Optional<Snapshot> snapshot) {}

  public static Outcome run(Cluster cluster, Request req) {
    return run(cluster, req, Optional.empty());
  }

  /**
   * As {@link #run(Cluster, Request)}; with {@code loads} (a directory of measured loads,
   * contract 7.4) the base loads are compared with the measured ones: the {@code drift} table,
   * and a line for the console on how much of the measured traffic the model mispredicts.
   */
  public static Outcome run(Cluster cluster, Request req, Optional<String> loads) {
    Stopwatch sw = new Stopwatch();
    cluster.checkOutput(req.out());
    // The store's manifest first: a missing or broken store fails before any reading.
    Optional<BaselineStore.Opened> store = req.baseline().map(b -> BaselineStore.open(cluster,
        b));
    // With classes of service (docs/classes.md) the snapshot's demand rows are needed.
    io.netimpact.model.ServiceClasses classes = cluster.readClasses(req.snapshot());
    Optional<Prepared> fromStore = classes.present() ? Optional.empty()
        : store.flatMap(s -> fromStore(cluster, req, s, sw));
    Prepared p = fromStore.isPresent() ? fromStore.get() : fromSnapshot(cluster, req, store, sw);
    Network before = p.before();
    Optional<MeasuredLoads> measured = loads.map(dir -> DeduceFiles.read(cluster, dir, before));
    Scenario scenario = p.scenario();
    String runId = p.runId();
    SparkEvaluator.Review result = classes.present()
        ? ClassReview.review(runId, p.snapshotId(), before, scenario, req.thresholds(), classes,
            p.snapshot().orElseThrow(), p.withTe(), req.snapshot())
        : SparkEvaluator.review(cluster, runId, p.snapshotId(), before, scenario,
            req.thresholds(), sw::lap, p.overlay(), store, req.localReview());
    ImpactReport report = result.report();
    sw.lap("assemble");
    List<LinkBaseline> baseline = Assembler.baselineRows(runId, p.change().id(), before,
        result.baseline().load(), req.thresholds());
    Optional<Drift.Report> drift = measured.map(m -> Drift.ofBaseline(runId, baseline, m));
    drift.ifPresent(d -> cluster.note(d.line()));
    Optional<SeriesReport> seriesReport = p.series().map(ts -> SeriesRun.evaluate(cluster,
        before, List.of(scenario), ts, req.thresholds(), 1).get(0));
    if (p.series().isPresent()) {
      sw.lap("series");
    }
    Optional<Survival> survival = req.survive().isEmpty() ? Optional.empty()
        : Optional.of(survive(cluster, req, p, report, result.baseline(),
            classes.present() ? Optional.empty() : store, sw, classes));
    SummaryText.Review summary = new SummaryText.Review(p.snapshotId(), before.nodeCount(),
        before.linkCount(), before.demandCount(), report, req.thresholds().warnUtil(),
        seriesReport, p.rejects(), req.out(), runId, survival);
    String timingsBeforeWrite = sw.toString();
    cluster.during("review: writing", () -> {
      Reports.publishReview(cluster, ReviewPublication.builder(req.out(), req.format(), runId,
              report, scenario, req.thresholds())
          .baseline(baseline).rejects(p.rejects()).series(seriesReport).withTe(p.withTe())
          .attachments(SummaryText.attachment(
              out -> SummaryText.review(out, summary, Optional.empty(), timingsBeforeWrite)))
          .more(DriftTables.of(drift)).survival(survival)
          .build());
      return null;
    });
    sw.lap("write");
    return new Outcome(runId, report, baseline, p.rejects().size(), summary,
        cluster.published(req.out(), runId), sw.seconds(), sw.toString());
  }

  /**
   * The fast path of a warm review: when the store holds the compiled network of snapshot files
   * with the digest the snapshot directory has now (and no traffic series is asked for, which
   * is read against the snapshot's records), the network is read from the store and the
   * snapshot is neither read nor compiled. The store's network was only written from a read
   * that set no record aside, so {@code --on-bad-record} cannot matter for the same files.
   * Empty when the fast path does not apply: the caller reads the snapshot. O(snapshot bytes)
   * for the digest, plus O(size of the network) to read it, on another thread at the same
   * time.
   */
  private static Optional<Prepared> fromStore(Cluster cluster, Request req,
      BaselineStore.Opened store, Stopwatch sw) {
    BaselineManifest m = store.manifest();
    if (m.compiled().isEmpty() || req.trafficSeries().isPresent()) {
      return Optional.empty();
    }
    // The stored network is read on another core while the snapshot's files are hashed; it is
    // used only if the digest says they are the files it was compiled from.
    CompletableFuture<Optional<Network>> reading = CompletableFuture.supplyAsync(
        () -> BaselineStore.network(cluster, store));
    Optional<String> digest = cluster.snapshotDigest(req.snapshot()).map(d -> d.sha256());
    sw.lap("digest");
    if (digest.isEmpty() || !digest.get().equals(m.compiled().get().snapshotDigest())) {
      // Not the store's files: the read is dropped (awaited first, so that two networks are
      // never held at once), whatever it found.
      reading.handle((net, failure) -> null).join();
      digest.ifPresent(d -> cluster.note("netimpact review: the files of " + req.snapshot()
          + " are not those the store's network was compiled from (snapshot digest " + d
          + ", the store's " + m.compiled().get().snapshotDigest() + "): reading and "
          + "compiling the snapshot"));
      return Optional.empty();
    }
    Change change = cluster.readChange(req.change());
    if (TeChange.hasTeOps(change)) {
      throw noTe(req, "the change has TE ops");
    }
    Optional<Network> stored = cluster.during("review: reading the stored network", () -> {
      try {
        return reading.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    });
    if (stored.isEmpty()) {
      cluster.note("netimpact review: the store's network was written by a build of another "
          + "network layout: reading and compiling the snapshot");
      return Optional.empty();
    }
    Network before = stored.get();
    // The network file is the store's: its routing content is the manifest's.
    String hash = ContentHash.of(before, BaselineManifest.VERSION);
    if (!hash.equals(m.contentHash())) {
      throw new BadInputException(new InputProblem(store.dir(), "", "", "its network file "
          + "hashes to content hash " + hash + ", the manifest says " + m.contentHash()
          + " (the store is broken: write it again)"));
    }
    String runId = RunIds.resolve(req.runId(), change.id(), req.change());
    // As TeOverlay.scenario without TE tables or TE ops: the mask as it is.
    Scenario scenario = new Scenario(change.id(), change.title(),
        ChangeReader.mask(before, change, req.change(), ""));
    sw.lap("read network");
    return Optional.of(new Prepared(change, runId, before, scenario, false, Overlay.NONE,
        m.snapshotId(), List.of(), Optional.empty(), Optional.empty()));
  }

  /**
   * The full path: read and validate the snapshot, compile it (with the TE overlay), and with
   * a store check that it is the snapshot's (snapshot id and content hash; exit 2 otherwise).
   */
  private static Prepared fromSnapshot(Cluster cluster, Request req,
      Optional<BaselineStore.Opened> store, Stopwatch sw) {
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
        throw noTe(req, te.hasTe() ? "the snapshot has SR-TE policies or RSVP-TE LSPs"
            : "the change has TE ops");
      }
      store.get().manifest().requireSameSnapshot(req.baseline().get(), req.snapshot(),
          snapshotId, ContentHash.of(before, BaselineManifest.VERSION));
    }
    sw.lap("compile");
    return new Prepared(change, runId, before, scenario, withTe, withTe ? te : Overlay.NONE,
        snapshotId, loaded.rejects(), series, Optional.of(loaded.snapshot()));
  }

  /**
   * {@code --survive} (contract section 7.2): the single failures of the kinds but those of
   * elements the change removes or takes down, each evaluated alone (or read from the store's
   * N-1 results) and after the change, in one sweep; then what the change does to each.
   * Without traffic engineering or classes of service, composed per destination with the
   * change fixed ({@link SurviveComposition}). With classes every failure is evaluated and
   * judged with them, as a sweep of the same changes would (the store's N-1 results, made
   * without classes, are not read). O(the sweep of 2 x failures scenarios) at worst.
   */
  private static Survival survive(Cluster cluster, Request req, Prepared p, ImpactReport report,
      io.netimpact.impact.Baseline baseline, Optional<BaselineStore.Opened> store,
      Stopwatch sw, io.netimpact.model.ServiceClasses classes) {
    Network before = p.before();
    List<Change> failures = Failures.remaining(Failures.all(before, req.survive()), before,
        MaskedView.of(before, p.scenario().mask()), p.change());
    boolean composed = !p.withTe() && !classes.present();
    // The failures' masks alone and after the change.
    List<ScenarioMask> alone = composed ? failures.parallelStream()
        .map(f -> ScenarioMask.of(before, f)).toList() : List.of();
    List<ScenarioMask> then = composed ? failures.parallelStream()
        .map(f -> ScenarioMask.of(before, Sweep.then(p.change(), f))).toList() : List.of();
    // The N-1 results without the change, from the store when it holds every one of them.
    Optional<io.netimpact.store.SurvivalFile.Stored> kept = store.flatMap(s ->
        BaselineStore.survivalStored(cluster, s, req.thresholds().warnUtil()));
    Optional<Map<String, FailureResult>> stored = kept.map(k -> k.results())
        .filter(m -> failures.stream().allMatch(f -> m.containsKey(f.id())));
    if (composed) {
      // Composed per destination with the change fixed (SurviveComposition).
      List<String> fids = failures.stream().map(Change::id).toList();
      // The failures' stubs given back, as the store keeps them: not found again.
      kept.ifPresent(k -> giveStubs(before, fids, alone, k, store.get()));
      Optional<SurviveComposition> withPlan = SurviveComposition.of(before,
          Optional.of(p.scenario().mask()), alone, then);
      if (withPlan.isPresent()) {
        boolean onDriver = req.localReview() == LocalReview.DRIVER;
        List<FailureResult> with = cluster.during("review: surviving " + failures.size()
            + " failures", () -> SurvivalRun.composed(cluster, before, baseline,
                withPlan.get(), fids, req.thresholds(), store, onDriver));
        List<FailureResult> without = stored.isPresent()
            ? failures.stream().map(f -> stored.get().get(f.id())).toList()
            // The failures alone compose whenever they compose after the change (both ask
            // only that every failure can only lengthen paths).
            : SurvivalRun.composed(cluster, before, baseline, SurviveComposition.of(before,
                Optional.empty(), alone, alone).orElseThrow(), fids, req.thresholds(), store,
                onDriver);
        sw.lap("survive");
        return Survival.of(p.runId(), p.change().id(), Severity.of(report), without, with);
      }
    }
    List<Change> toEvaluate = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    if (stored.isEmpty()) {
      failures.forEach(f -> {
        toEvaluate.add(f);
        ids.add(f.id());
      });
    }
    for (Change f : failures) {
      toEvaluate.add(Sweep.then(p.change(), f));
      ids.add(f.id());
    }
    // With traffic engineering, the scenarios are made by an overlay of their own, in order.
    Optional<TeOverlay> te = p.withTe()
        ? Optional.of(TeOverlay.of(p.snapshot().orElseThrow(), true)) : Optional.empty();
    Network base = te.map(TeOverlay::network).orElse(before);
    List<Scenario> scenarios = new ArrayList<>(toEvaluate.size());
    for (Change c : toEvaluate) {
      ScenarioMask mask = ScenarioMask.of(base, c);
      scenarios.add(te.isPresent() ? te.get().scenario(c, mask)
          : new Scenario(c.id(), c.title(), mask));
    }
    Overlay overlay = te.isPresent() ? te.get() : Overlay.NONE;
    List<FailureResult> results = cluster.during("review: surviving " + failures.size()
        + " failures", () -> SurvivalRun.evaluate(cluster, base, scenarios, ids,
            req.thresholds(), overlay, store, s -> { },
            classes.present() ? Optional.of(io.netimpact.impact.ClassInput.of(classes, base,
                p.snapshot().orElseThrow().demands())) : Optional.empty()));
    List<FailureResult> without = stored.isPresent()
        ? failures.stream().map(f -> stored.get().get(f.id())).toList()
        : results.subList(0, failures.size());
    List<FailureResult> with = results.subList(results.size() - failures.size(),
        results.size());
    sw.lap("survive");
    return Survival.of(p.runId(), p.change().id(), Severity.of(report), without, with);
  }

  /** The stored stubs given back to the failures' masks; a broken list exits 2. */
  private static void giveStubs(Network before, List<String> fids, List<ScenarioMask> alone,
      io.netimpact.store.SurvivalFile.Stored kept, BaselineStore.Opened store) {
    try {
      io.netimpact.survival.StubsGivenBack.give(before, fids, alone, kept.stubsGivenBack());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(store.dir() + "/"
          + io.netimpact.store.SurvivalFile.FILE, "", "stubs_given_back", e.getMessage()));
    }
  }

  private static BadInputException noTe(Request req, String why) {
    return new BadInputException(new InputProblem(req.baseline().get(), "", "", "review "
        + "--baseline does not support traffic engineering, and " + why + "; review it "
        + "without --baseline"));
  }
}
