package io.netimpact.pipeline;

import io.netimpact.availability.Availability;
import io.netimpact.availability.FailureScenarios;
import io.netimpact.input.BadInputException;
import io.netimpact.spark.AvailabilityRun;
import io.netimpact.store.BaselineManifest;
import io.netimpact.input.ChangeReader;
import io.netimpact.input.InputProblem;
import io.netimpact.report.RunIds;
import io.netimpact.input.SnapshotReader;
import io.netimpact.report.SummaryText;
import io.netimpact.impact.Assembler;
import io.netimpact.impact.EvaluationStats;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.PairScreen;
import io.netimpact.impact.WorstCase;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.deduce.Drift;
import io.netimpact.model.Sweep;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.series.SeriesReport;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.CapacityPlanner;
import io.netimpact.spark.BaselineStore;
import io.netimpact.spark.Cluster;
import io.netimpact.publish.DeduceFiles;
import io.netimpact.publish.DriftTables;
import io.netimpact.spark.PlanRounds;
import io.netimpact.spark.PublishedRun;
import io.netimpact.spark.ReportWriter;
import io.netimpact.spark.SeriesRun;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.spark.SparkTopology;
import io.netimpact.publish.SweepReports;
import io.netimpact.survival.PairPlan;
import io.netimpact.te.TeChange;
import io.netimpact.te.TeOverlay;
import io.netimpact.topology.Components;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The sweep pipeline, one stage after the other: read and validate the snapshot and the sweep,
 * compile once, mask every scenario's change once, evaluate (incremental or full) on the
 * cluster, assemble where the states are, rank, then write and publish. Prints nothing: the
 * command line prints the outcome's summary; progress goes to the cluster's progress sink.
 */
public final class SweepPipeline {
  private SweepPipeline() {}

  /** What to sweep and how. {@code partitions} 0 means 8 per core. */
  public record Request(String snapshot, String sweep, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord, Thresholds thresholds,
      Evaluator.Strategy strategy, int partitions, Optional<String> trafficSeries,
      Optional<Double> planTarget, Optional<String> baselineOut, boolean allRows,
      io.netimpact.spark.LocalReview localSweep) {
    /**
     * With the default {@code netimpact.local-sweep}: a small sweep on a local master runs on
     * the driver's threads ({@link SweepOnDriver}).
     */
    public Request(String snapshot, String sweep, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Evaluator.Strategy strategy, int partitions,
        Optional<String> trafficSeries, Optional<Double> planTarget,
        Optional<String> baselineOut, boolean allRows) {
      this(snapshot, sweep, out, runId, format, onBadRecord, thresholds, strategy, partitions,
          trafficSeries, planTarget, baselineOut, allRows, SweepOnDriver.defaultChoice());
    }

    /** Without {@code --all-rows}: SAFE pairs of failures are not listed. */
    public Request(String snapshot, String sweep, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Evaluator.Strategy strategy, int partitions,
        Optional<String> trafficSeries, Optional<Double> planTarget,
        Optional<String> baselineOut) {
      this(snapshot, sweep, out, runId, format, onBadRecord, thresholds, strategy, partitions,
          trafficSeries, planTarget, baselineOut, false);
    }

    /** Without {@code --plan}. */
    public Request(String snapshot, String sweep, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Evaluator.Strategy strategy, int partitions,
        Optional<String> trafficSeries) {
      this(snapshot, sweep, out, runId, format, onBadRecord, thresholds, strategy, partitions,
          trafficSeries, Optional.empty());
    }

    /** Without {@code --baseline-out}. */
    public Request(String snapshot, String sweep, String out, Optional<String> runId,
        ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord,
        Thresholds thresholds, Evaluator.Strategy strategy, int partitions,
        Optional<String> trafficSeries, Optional<Double> planTarget) {
      this(snapshot, sweep, out, runId, format, onBadRecord, thresholds, strategy, partitions,
          trafficSeries, planTarget, Optional.empty());
    }
  }

  /**
   * Riskiest first, what the run measured, the plan with {@code --plan}, what the summary shows
   * and where it was published.
   */
  public record Outcome(String runId, List<ScenarioSummary> ranked, EvaluationStats stats,
      Optional<AugmentPlan> plan, SummaryText.Sweep summary, PublishedRun published, Map<String, Double> seconds,
      String timings) {
    public long pairsTotal() {
      return stats.pairsTotal();
    }

    public long pairsRecomputed() {
      return stats.pairsRecomputed();
    }

    public double stragglerRatio() {
      return stats.stragglerRatio();
    }
  }

  public static Outcome run(Cluster cluster, Request req) {
    return run(cluster, req, Optional.empty());
  }

  /**
   * As {@link #run(Cluster, Request)}; with {@code loads} (a directory of measured loads,
   * contract 7.4) the base loads are compared with the measured ones: the {@code drift} table,
   * and a line for the console on how much of the measured traffic the model mispredicts.
   */
  public static Outcome run(Cluster cluster, Request req, Optional<String> loads) {
    return run(cluster, req, loads, Optional.empty());
  }

  /**
   * {@code sweep --failure-model FILE [--prob-cutoff P]} (contract 7.6, docs/availability.md):
   * the failure model's scenarios, pairs below {@code cutoff} left out.
   */
  public record Failures(String file, double cutoff) {}

  /**
   * As {@link #run(Cluster, Request, Optional)}; with {@code failures} the base, every single
   * failure and every pair of the failure model are evaluated too (the sweep file may then list
   * nothing), each weighed by its probability: the {@code demand_availability} table, and the
   * availability figures in the marker and on the console.
   */
  public static Outcome run(Cluster cluster, Request req, Optional<String> loads,
      Optional<Failures> failures) {
    Stopwatch sw = new Stopwatch();
    cluster.checkOutput(req.out());
    // A sweep that cannot run on the driver starts its session now, while the inputs are read.
    boolean mayFit = SweepOnDriver.mayFit(cluster, req, loads.isPresent(), failures.isPresent());
    if (!mayFit) {
      cluster.startSession();
    } else if (req.format() == ReportWriter.Format.PARQUET) {
      // Its tables will be written by the driver: their writer warms up while the inputs are read.
      cluster.warmDriverWriters();
    }
    // --baseline-out: refused before any reading unless empty, missing or a store already.
    Optional<BaselineManifest> existingStore = req.baselineOut().flatMap(
        b -> BaselineStore.existing(cluster, b));
    // The digest of the snapshot's files before they are read (BaselinePipeline).
    Optional<String> digest = req.baselineOut().flatMap(b -> cluster.snapshotDigest(
        req.snapshot())).map(d -> d.sha256());
    SnapshotReader.Loaded loaded = cluster.readSnapshot(req.snapshot(), req.onBadRecord());
    // Classes of service (docs/classes.md), applied in the evaluation's tasks.
    io.netimpact.model.ServiceClasses serviceClasses = cluster.readClasses(req.snapshot());
    Sweep sweep = cluster.readSweep(req.sweep());
    String runId = RunIds.resolve(req.runId(), sweep.id(), req.sweep());
    List<Change> changes;
    Sweep.Expansion expansion;
    Optional<FailureScenarios> model = failures.map(f -> FailureScenarios.of(
        cluster.readFailureModel(f.file(), loaded.snapshot()), loaded.snapshot(), f.cutoff()));
    Optional<FailureScenarios.Joined> joined;
    try {
      Sweep.Expansion own = model.isPresent() && sweep.isEmpty()
          ? new Sweep.Expansion(List.of(), new java.util.BitSet())
          : sweep.expansion(loaded.snapshot());
      joined = model.map(m -> m.joinedTo(own));
      expansion = joined.map(FailureScenarios.Joined::expansion).orElse(own);
      changes = expansion.changes();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(req.sweep(), "", "", e.getMessage()));
    }
    if (changes.isEmpty()) {
      throw new BadInputException(new InputProblem(failures.get().file(), "", "", "no element "
          + "has a failure probability above 0, and the sweep " + req.sweep() + " lists "
          + "nothing: there is no scenario to evaluate"));
    }
    sweep.unmatched(loaded.snapshot()).forEach(g -> cluster.note("netimpact: warning: "
        + req.sweep() + ", " + g));
    TeOverlay te = TeOverlay.of(loaded.snapshot(),
        req.strategy() == Evaluator.Strategy.INCREMENTAL);
    Network base = te.network();
    Optional<MeasuredLoads> measured = loads.map(dir -> DeduceFiles.read(cluster, dir, base));
    // Each scenario's change becomes its mask once; the explicit changes come first and are
    // located in the sweep file when they name something the snapshot lacks.
    List<Scenario> scenarios = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      String where = "changes[" + i + "]";
      ScenarioMask mask = i < sweep.changes().size()
          ? ChangeReader.mask(base, c, req.sweep(), where)
          : ScenarioMask.of(base, c);
      scenarios.add(ChangeReader.located(req.sweep(), i < sweep.changes().size() ? where : "",
          () -> te.scenario(c, mask)));
    }
    boolean withTe = te.hasTe() || changes.stream().anyMatch(TeChange::hasTeOps);
    if (withTe && req.planTarget().isPresent()) {
      throw new IllegalArgumentException("--plan: this sweep has traffic engineering (SR-TE "
          + "policies, RSVP-TE LSPs or TE ops), which the plan does not size yet (LSP "
          + "placement reads capacity); run the sweep without --plan");
    }
    if (withTe && model.isPresent()) {
      throw new IllegalArgumentException("--failure-model: this sweep has traffic engineering "
          + "(SR-TE policies, RSVP-TE LSPs or TE ops), whose paths availability does not "
          + "follow yet; run the sweep without --failure-model");
    }
    if (withTe && serviceClasses.present()) {
      throw new BadInputException(new InputProblem(req.snapshot() + "/"
          + io.netimpact.input.ClassesReader.FILE, "", "", "classes of service are not "
          + "modelled together with traffic engineering (SR-TE policies, RSVP-TE LSPs or TE "
          + "ops in the sweep): remove one of the two"));
    }
    Optional<io.netimpact.impact.ClassInput> classes = serviceClasses.present()
        ? Optional.of(io.netimpact.impact.ClassInput.of(serviceClasses, base,
            loaded.snapshot().demands()))
        : Optional.empty();
    Optional<TrafficSeries> series = req.trafficSeries()
        .map(dir -> cluster.readSeries(dir, req.snapshot(), loaded.snapshot()));
    sw.lap("read+validate");
    String snapshotId = loaded.snapshot().info().snapshotId();
    cluster.note(String.format("netimpact sweep %s: %d scenarios on snapshot %s (%d devices, "
        + "%d links, %d destinations), strategy %s", sweep.id(), scenarios.size(), snapshotId,
        base.nodeCount(), base.linkCount(), base.destinations().length,
        req.strategy().name().toLowerCase()));
    java.util.OptionalInt onDriver = SweepOnDriver.threads(cluster, mayFit, base,
        scenarios.size(), withTe, classes.isPresent());
    if (onDriver.isEmpty()) {
      cluster.startSession();
    }
    // Pairs of failures screened by their loads: the SAFE ones are done (contract 7.3 lists
    // them nowhere), the others evaluated in full below with the sweep's other scenarios.
    Optional<Screened> screened = onDriver.isEmpty() && screenable(req, expansion, withTe,
        classes.isPresent(), model.isPresent(), series.isPresent())
        ? Optional.of(screen(cluster, base, scenarios, expansion, req, runId, snapshotId))
        : Optional.empty();
    screened.ifPresent(x -> sw.lap("screen"));
    List<Scenario> evaluated = screened.map(x -> x.kept(scenarios)).orElse(scenarios);
    Sweep.Expansion evaluatedExpansion = screened.map(x -> x.kept(expansion))
        .orElse(expansion);
    // Eight tasks per core: fine enough for the cost-based plan to balance and for progress.
    int partitions = req.partitions() > 0 ? req.partitions()
        : onDriver.isPresent() ? 8 * onDriver.getAsInt() : 8 * cluster.parallelism();
    // Once, for the baseline tables and every scenario's stranding: GraphX on a large network,
    // union-find on the driver on a small one.
    Components components = SparkTopology.componentsWhereCheapest(cluster, base);
    Optional<BaselineStore.Target> storeTarget = Optional.empty();
    if (req.baselineOut().isPresent()) {
      String dir = req.baselineOut().get();
      if (te.hasTe()) {
        throw new IllegalArgumentException("--baseline-out: the snapshot has traffic "
            + "engineering (SR-TE policies or RSVP-TE LSPs), which review --baseline does not "
            + "support; run the sweep without --baseline-out");
      }
      String hash = ContentHash.of(base, BaselineManifest.VERSION);
      if (BaselineStore.toWrite(existingStore, dir, "--baseline-out", snapshotId, hash)) {
        storeTarget = Optional.of(new BaselineStore.Target(dir, snapshotId, hash,
            "sweep " + sweep.id(), loaded.rejects().isEmpty() ? digest : Optional.empty()));
      } else {
        cluster.note("netimpact sweep: --baseline-out " + dir + " already holds the baseline "
            + "store of snapshot " + snapshotId + " (content hash " + hash + "): left as it is");
      }
    }
    // Pairs of failures evaluated per destination from their singles (not with TE).
    Optional<SparkEvaluator.Result> onSpark;
    SweepReports assembledReports;
    EvaluationStats stats;
    if (onDriver.isPresent()) {
      SparkEvaluator.OnDriver d = SparkEvaluator.sweepOnDriver(cluster, base, evaluated,
          req.strategy(), onDriver.getAsInt(), sw::lap, PairPlan.of(base, evaluatedExpansion));
      stats = d.stats();
      onSpark = Optional.empty();
      assembledReports = SweepReports.assembleOnDriver(cluster, d, evaluated, runId,
          snapshotId, req.thresholds(), base, components, onDriver.getAsInt(),
          bareIfSafe(req, evaluatedExpansion, evaluated.size()));
    } else {
      SparkEvaluator.Result sr = SparkEvaluator.run(cluster, "sweep", base, evaluated,
          req.strategy(), partitions, sw::lap, storeTarget, withTe ? PairComposition.none()
              : PairPlan.of(base, evaluatedExpansion), classes).with(withTe ? te : Overlay.NONE);
      stats = sr.stats();
      onSpark = Optional.of(sr);
      assembledReports = SweepReports.assemble(cluster, sr, runId, snapshotId,
          req.thresholds(), base, components, bareIfSafe(req, evaluatedExpansion,
              evaluated.size()));
    }
    screened.ifPresent(x -> assembledReports.addScreened(x.kept(), x.worst()));
    try (SweepReports assembled = assembledReports) {
      sw.lap("assemble");
      List<ScenarioSummary> summaries = new ArrayList<>(cluster.during("sweep: assembling",
          assembled::summaries));
      screened.ifPresent(x -> summaries.addAll(x.safeSummaries()));
      // Availability (contract 7.6): from the evaluated states, before they are released.
      Optional<Availability> availability = joined.map(j -> cluster.during(
          "sweep: availability", () -> AvailabilityRun.run(cluster, onSpark.get(),
              model.get(), j.sweepIndex(), runId, partitions)));
      availability.ifPresent(a -> {
        sw.lap("availability");
        a.lines().forEach(cluster::note);
        assembled.addAvailability(a);
      });
      // --plan: rounds on the augmented network, reusing this routing where it still holds.
      Optional<AugmentPlan> plan;
      try {
        plan = cluster.during("sweep: planning", () -> req.planTarget().map(u ->
            PlanRounds.plan(cluster, new CapacityPlanner.Request(runId, sweep.id(),
                loaded.snapshot(), changes, u), base, scenarios, onSpark.get(),
                assembled.worstCase(),
                summaries, req.thresholds(), req.strategy(), partitions)));
      } finally {
        onSpark.ifPresent(SparkEvaluator.Result::release);
      }
      plan.ifPresent(p -> sw.lap("plan"));
      List<LinkBaseline> baseline = Assembler.baselineRows(runId, sweep.id(), base,
          assembled.baseline().load(), req.thresholds());
      Optional<Drift.Report> drift = measured.map(m -> Drift.ofBaseline(runId, baseline, m));
      drift.ifPresent(d -> cluster.note(d.line()));
      assembled.addTables(DriftTables.of(drift));
      Optional<List<SeriesReport>> seriesReports = cluster.during("sweep: traffic series",
          () -> series.map(ts -> SeriesRun.evaluate(cluster, base, scenarios, ts,
              req.thresholds(), partitions)));
      if (series.isPresent()) {
        sw.lap("series");
      }
      List<ScenarioSummary> ranked = summaries.stream()
          .sorted(ScenarioSummary.RISKIEST_FIRST).toList();
      // Pairs of failures (contract 7.3): counted by verdict; the SAFE ones not listed.
      PairListing pairs = PairListing.of(expansion, summaries, req.allRows());
      SummaryText.Sweep summary = new SummaryText.Sweep(ranked, stats,
          scenarios.stream().map(Scenario::id).toList(), plan, seriesReports, loaded.rejects(),
          req.out(), runId, pairs.byVerdict());
      String timingsBeforeWrite = sw.toString();
      List<String> classDrops = cluster.during("sweep: writing the reports", () ->
          assembled.publish(req.out(), req.format(), baseline, loaded.rejects(), scenarios,
              partitions, seriesReports, withTe, plan, req.thresholds(), SummaryText.attachment(
                  out -> SummaryText.sweep(out, summary, Optional.empty(), timingsBeforeWrite)),
              pairs.unlisted(), marker(pairs, availability)));
      sw.lap("write");
      // Which classes of service drop where: the page's section, on the console too.
      classDrops.forEach(cluster::note);
      return new Outcome(runId, ranked, stats, plan, summary, cluster.published(req.out(), runId),
          sw.seconds(), sw.toString());
    }
  }

  /**
   * Whether the sweep's pairs of failures are screened by their loads first ({@link
   * PairScreen}), when the sweep is evaluated by Spark tasks (one small enough for the
   * driver's threads holds every pair's state anyway, and is quicker evaluated once): they are
   * composed (incremental strategy, no traffic engineering, no classes of service), and nothing
   * needs the SAFE ones' states or rows (no {@code --all-rows}, {@code --plan}, failure model
   * or traffic series).
   */
  private static boolean screenable(Request req, Sweep.Expansion expansion, boolean withTe,
      boolean classes, boolean model, boolean series) {
    return expansion.pairCount() > 0 && req.strategy() == Evaluator.Strategy.INCREMENTAL
        && SparkEvaluator.COMPOSE && !req.allRows() && req.planTarget().isEmpty() && !withTe
        && !classes && !model && !series;
  }

  /**
   * The pairs screened, and what is left to evaluate in full: the scenarios that are not pairs
   * (or not composed), and the pairs that are not SAFE ({@code kept}, ascending indices into
   * the sweep's scenarios).
   */
  record Screened(int[] kept, List<ScenarioSummary> safeSummaries, List<WorstCase> worst) {
    List<Scenario> kept(List<Scenario> scenarios) {
      return Arrays.stream(kept).mapToObj(scenarios::get).toList();
    }

    Sweep.Expansion kept(Sweep.Expansion e) {
      List<Change> changes = new ArrayList<>(kept.length);
      java.util.BitSet pairs = new java.util.BitSet();
      for (int i = 0; i < kept.length; i++) {
        changes.add(e.changes().get(kept[i]));
        pairs.set(i, e.isPair(kept[i]));
      }
      return new Sweep.Expansion(changes, pairs);
    }
  }

  /**
   * Screens the composed pairs of the sweep by their loads, a Spark task per slice; the first
   * of them is left to the full evaluation when every scenario is a pair, so that it evaluates
   * at least one. Says on the console how many were SAFE.
   */
  private static Screened screen(Cluster cluster, Network base, List<Scenario> scenarios,
      Sweep.Expansion expansion, Request req, String runId, String snapshotId) {
    PairComposition composition = PairPlan.of(base, expansion);
    int[] pairs = IntStream.range(0, scenarios.size()).filter(composition::composes).toArray();
    if (pairs.length == scenarios.size()) {
      pairs = Arrays.copyOfRange(pairs, 1, pairs.length);
    }
    int[][] slices = PairScreen.slices(composition, pairs, base.arcCount(),
        cluster.parallelism());
    int n = pairs.length;
    cluster.note("sweep: screening " + n + " pairs of failures by their loads, in "
        + slices.length + " slices");
    List<PairScreen.Slice> got = SparkEvaluator.screenPairs(cluster, base, scenarios,
        composition, slices, req.thresholds(), runId, snapshotId);
    java.util.BitSet safe = PairScreen.safe(got);
    int[] kept = IntStream.range(0, scenarios.size()).filter(i -> !safe.get(i)).toArray();
    long reused = got.stream().mapToLong(PairScreen.Slice::reused).sum();
    long recomputed = got.stream().mapToLong(PairScreen.Slice::recomputed).sum();
    cluster.note(String.format("pairs of failures screened by their loads: %d SAFE of %d "
        + "(not evaluated again), %d left to evaluate in full; (pair, destination) states "
        + "taken from a single %d, repaired %d", safe.cardinality(), n, n - safe.cardinality(),
        reused, recomputed));
    return new Screened(kept, PairScreen.safeSummaries(got),
        got.stream().map(PairScreen.Slice::worst).toList());
  }

  /**
   * The scenarios assembled to their summary alone when SAFE: the pairs of failures, listed
   * only when not SAFE (contract 7.3), unless {@code --all-rows}.
   */
  private static java.util.BitSet bareIfSafe(Request req, Sweep.Expansion expansion,
      int scenarios) {
    java.util.BitSet bare = new java.util.BitSet();
    if (!req.allRows()) {
      for (int i = 0; i < scenarios; i++) {
        bare.set(i, expansion.isPair(i));
      }
    }
    return bare;
  }

  /** The marker's counts: pairs by verdict, and the availability figures. */
  private static Map<String, Map<String, Number>> marker(PairListing pairs,
      Optional<Availability> availability) {
    Map<String, Map<String, Number>> m = new java.util.LinkedHashMap<>();
    pairs.marker().forEach((k, v) -> m.put(k, new java.util.LinkedHashMap<>(v)));
    availability.ifPresent(a -> m.put("availability", a.marker()));
    return m;
  }
}
