package io.netimpact.pipeline;

import io.netimpact.input.BadInputException;
import io.netimpact.store.BaselineManifest;
import io.netimpact.input.InputProblem;
import io.netimpact.input.SnapshotReader;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.Network;
import io.netimpact.spark.BaselineStore;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.te.TeOverlay;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.Sweep;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.spark.SurvivalRun;
import io.netimpact.survival.FailureResult;
import io.netimpact.survival.Failures;
import java.util.List;
import io.netimpact.impact.SurviveComposition;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline pipeline ({@code netimpact baseline}): look at {@code --out} (refused unless
 * empty, missing or already this snapshot's store), read and validate the snapshot, compile it
 * and hash it ({@link ContentHash}), route every destination once on the executors, sum the
 * loads, and write the store ({@link BaselineStore}): with the compiled network and the
 * digest of the snapshot's files when the read set no record aside (the digest is taken
 * before the read, so that files changed during it never match it later). A store of the same
 * snapshot id and content hash already at {@code --out} is left as it is. Prints nothing.
 */
public final class BaselinePipeline {
  private BaselinePipeline() {}

  /** The snapshot to route and where its store goes. */
  public record Request(String snapshot, String out, SnapshotReader.OnBadRecord onBadRecord,
      List<Sweep.Each> survive, Thresholds thresholds) {
    public Request {
      survive = List.copyOf(survive);
    }

    /** Without {@code --survive}. */
    public Request(String snapshot, String out, SnapshotReader.OnBadRecord onBadRecord) {
      this(snapshot, out, onBadRecord, List.of(), Thresholds.DEFAULT);
    }
  }

  /**
   * The store's manifest; whether it was already there (nothing written); the network's sizes
   * for the summary; the stage timings.
   */
  public record Outcome(BaselineManifest manifest, boolean alreadyThere, int links,
      int rejects, Map<String, Double> seconds, String timings) {}

  public static Outcome run(Cluster cluster, Request req) {
    Stopwatch sw = new Stopwatch();
    Optional<BaselineManifest> existing = BaselineStore.existing(cluster, req.out());
    Optional<String> digest = cluster.snapshotDigest(req.snapshot()).map(d -> d.sha256());
    sw.lap("digest");
    SnapshotReader.Loaded loaded = cluster.during("baseline: reading the snapshot",
        () -> cluster.readSnapshot(req.snapshot(), req.onBadRecord()));
    sw.lap("read+validate");
    TeOverlay te = TeOverlay.of(loaded.snapshot(), true);
    if (te.hasTe()) {
      throw new BadInputException(new InputProblem(req.snapshot(), "", "", "the snapshot has "
          + "traffic engineering (SR-TE policies or RSVP-TE LSPs), which review --baseline "
          + "does not support; no store is written (review it without --baseline)"));
    }
    Network base = te.network();
    String snapshotId = loaded.snapshot().info().snapshotId();
    String hash = ContentHash.of(base, BaselineManifest.VERSION);
    sw.lap("compile");
    if (!BaselineStore.toWrite(existing, req.out(), "--out", snapshotId, hash)) {
      survive(cluster, req, base, sw);
      return new Outcome(existing.get(), true, base.linkCount(), loaded.rejects().size(),
          sw.seconds(), sw.toString());
    }
    BaselineManifest m = SparkEvaluator.storeBaseline(cluster, base,
        new BaselineStore.Target(req.out(), snapshotId, hash, "baseline",
            loaded.rejects().isEmpty() ? digest : Optional.empty()), sw::lap);
    survive(cluster, req, base, sw);
    return new Outcome(m, false, base.linkCount(), loaded.rejects().size(), sw.seconds(),
        sw.toString());
  }

  /**
   * {@code --survive}: every single failure of the kinds evaluated without any change, from the
   * store just written (as a warm review reads it), and stored beside it ({@link SurvivalFile})
   * for {@code review --baseline STORE --survive}. Nothing without {@code --survive}.
   */
  private static void survive(Cluster cluster, Request req, Network base, Stopwatch sw) {
    if (req.survive().isEmpty()) {
      return;
    }
    List<Change> failures = Failures.all(base, req.survive());
    List<Scenario> scenarios = failures.stream().map(f -> new Scenario(f.id(), f.title(),
        ScenarioMask.of(base, f))).toList();
    BaselineStore.Opened store = BaselineStore.open(cluster, req.out());
    List<String> ids = failures.stream().map(Change::id).toList();
    List<ScenarioMask> masks = scenarios.stream().map(Scenario::mask).toList();
    // Composed per destination from the store's DAGs (SurviveComposition, no change).
    Optional<SurviveComposition> plan = SurviveComposition.of(base, Optional.empty(), masks,
        masks);
    List<FailureResult> results = cluster.during("baseline: " + failures.size()
        + " failures", () -> plan.isPresent()
            ? SurvivalRun.composed(cluster, base, plan.get(), ids, req.thresholds(), store)
            : SurvivalRun.evaluate(cluster, base, scenarios, ids, req.thresholds(),
                Overlay.NONE, Optional.of(store), s -> { }));
    BaselineStore.writeSurvival(cluster, store, req.survive().stream()
        .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList(),
        req.thresholds().warnUtil(), results,
        io.netimpact.survival.StubsGivenBack.of(base, ids, masks));
    sw.lap("survive");
  }
}
