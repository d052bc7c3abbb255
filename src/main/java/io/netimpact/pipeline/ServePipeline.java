package io.netimpact.pipeline;

import io.netimpact.impact.Assembler;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioState;
import io.netimpact.verdict.Thresholds;
import io.netimpact.input.BadInputException;
import io.netimpact.input.ChangeReader;
import io.netimpact.input.InputProblem;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Change;
import io.netimpact.report.RunIds;
import io.netimpact.report.SummaryText;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.Network;
import io.netimpact.service.BatchSize;
import io.netimpact.service.Claim;
import io.netimpact.service.Outcome;
import io.netimpact.spark.BaselineStore;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.Failpoints;
import io.netimpact.spark.LocalTasks;
import io.netimpact.spark.ReportWriter;
import io.netimpact.publish.Reports;
import io.netimpact.publish.ReviewPublication;
import io.netimpact.publish.ServeStore;
import io.netimpact.spark.SparkEvaluator;
import io.netimpact.store.BaselineManifest;
import io.netimpact.te.TeChange;
import io.netimpact.te.TeOverlay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The review service: one long-running driver that reads, compiles and routes the snapshot's
 * base once (or reads it from a stored baseline) and keeps it resident ({@link
 * SparkEvaluator.Resident}), then polls the request directory through the Hadoop file system
 * and answers what it finds. The requests pending at one poll (up to the {@link BatchSize} cap)
 * are one batch: every valid one becomes a scenario of one evaluation over the resident base
 * (the one evaluator, as a sweep of explicit changes), and each is then assembled and
 * published as its own review run, with the run id of its change. A request that is bad input
 * is rejected with the message {@code review} prints for it; it touches no other request.
 *
 * <p>Exactly one outcome per request, across crashes: a request's change id is claimed before
 * its run is published, its outcome is recorded once published (or rejected), then its row
 * goes to {@code serve_log} and the file moves out of the listing. A restart finds a request
 * still listed in one of three states: answered (recorded: only the log and the move are
 * finished), claimed by itself (same file name and bytes: evaluated and published again, which
 * replaces the run a crash may have left half-switched), or new. See {@link ServeStore}.
 *
 * <p>Prints nothing: progress and one line per batch go to the cluster's progress sink.
 */
public final class ServePipeline {
  private ServePipeline() {}

  /** Poll interval of the request directory while idle, in ms. */
  static final long POLL_MS = 200;

  /**
   * What to serve, where, and until when. {@code snapshot} is the one snapshot ("" with
   * {@code snapshots}, a prefix of snapshots to roll through, see {@link SnapshotRoll}).
   */
  public record Request(String snapshot, String requests, String out, Optional<String> baseline,
      ReportWriter.Format format, Thresholds thresholds, Optional<Integer> stopAfter,
      Optional<Double> idleExitSeconds, double targetLatencySeconds, int maxBatch,
      Optional<String> snapshots, double snapshotPollSeconds) {
    /** One snapshot, no roll. */
    public Request(String snapshot, String requests, String out, Optional<String> baseline,
        ReportWriter.Format format, Thresholds thresholds, Optional<Integer> stopAfter,
        Optional<Double> idleExitSeconds, double targetLatencySeconds, int maxBatch) {
      this(snapshot, requests, out, baseline, format, thresholds, stopAfter, idleExitSeconds,
          targetLatencySeconds, maxBatch, Optional.empty(), SnapshotRoll.DEFAULT_POLL_S);
    }

    public Request {
      if (snapshot.isEmpty() == snapshots.isEmpty()) {
        throw new IllegalArgumentException("give either --snapshot PATH (one snapshot) or "
            + "--snapshots PREFIX (the newest under PREFIX, rolling to newer ones), not "
            + (snapshot.isEmpty() ? "neither" : "both"));
      }
      if (snapshots.isPresent() && baseline.isPresent()) {
        throw new IllegalArgumentException("--baseline goes with --snapshot: a stored baseline "
            + "is one snapshot's, and --snapshots routes each snapshot's base as it comes");
      }
      if (!(snapshotPollSeconds >= 0)) {
        throw new IllegalArgumentException("--snapshot-poll-s must be >= 0, got "
            + snapshotPollSeconds);
      }
      if (stopAfter.isPresent() && stopAfter.get() < 1) {
        throw new IllegalArgumentException("--stop-after must be >= 1, got " + stopAfter.get());
      }
      if (idleExitSeconds.isPresent() && !(idleExitSeconds.get() >= 0)) {
        throw new IllegalArgumentException("--idle-exit-s must be >= 0, got "
            + idleExitSeconds.get());
      }
      if (!(targetLatencySeconds > 0)) {
        throw new IllegalArgumentException("--target-latency-s must be > 0, got "
            + targetLatencySeconds);
      }
      if (maxBatch < 1) {
        throw new IllegalArgumentException("--max-batch must be >= 1, got " + maxBatch);
      }
    }
  }

  /** What the service did before it stopped. */
  public record Summary(String snapshotId, int published, int rejected, int batches) {}

  /** The base held in memory: the network, its snapshot, the resident DAGs. */
  record Base(Network network, String snapshotId, SparkEvaluator.Resident resident) {}

  /** A request of a batch that is valid: its scenario, to be evaluated on {@code base}. */
  private record Accepted(String name, String sha, Change change, Scenario scenario,
      Instant receivedAt, Base base) {}

  public static Summary run(Cluster cluster, Request req) {
    cluster.checkOutput(req.out());
    ServeStore store = ServeStore.of(cluster, req.requests(), req.out());
    try (SnapshotRoll roll = SnapshotRoll.start(cluster, req, store)) {
      Base base = roll.current();
      warmUp(cluster, req, base);
      store.ready(base.snapshotId(), Instant.now());
      cluster.note("netimpact serve: ready on snapshot " + base.snapshotId() + " ("
          + base.network().nodeCount() + " devices, " + base.network().destinations().length
          + " destinations); requests from " + store.requestDir());
      return loop(cluster, req, store, roll);
    }
  }

  /** How many made-up changes {@link #warmUp} evaluates at most (one per 16 devices). */
  static final int WARM_UP_CHANGES = 64;

  /**
   * At most this many (made-up change, demand) pairs in the warm-up: its route changes go to
   * the driver like a batch's, and on a network of a million demands 64 drains and added links
   * would ship gigabytes for nothing (the JIT needs the code paths, not the volume).
   */
  static final long WARM_UP_DEMAND_PAIRS = 8_000_000L;

  /**
   * Evaluates and assembles up to {@link #WARM_UP_CHANGES} made-up changes of {@code base} (links
   * down, devices drained, metrics changed, links added between random devices; drawn with a
   * fixed seed) and drops the results, before the service says it is ready: the JVM compiles
   * the kernel's hot paths on them, so that the first requests do not wait for the compiler.
   * Nothing is published or recorded. O(one batch of that many changes).
   */
  /**
   * How many made-up changes the warm-up evaluates on a network of {@code devices} devices and
   * {@code demands} demands: one per 16 devices (a small network is answered in milliseconds
   * cold), at most {@link #WARM_UP_CHANGES}, and at most {@link #WARM_UP_DEMAND_PAIRS} (change,
   * demand) pairs, but never fewer than 4 on a network of 64 devices or more, so that every kind
   * of made-up change is met once. O(1).
   */
  static int warmUpChanges(int devices, int demands) {
    long byDevices = Math.min(WARM_UP_CHANGES, Math.max(1, devices / 16));
    long byDemands = Math.max(4, WARM_UP_DEMAND_PAIRS / Math.max(1, demands));
    return (int) Math.min(byDevices, byDemands);
  }

  static void warmUp(Cluster cluster, Request req, Base base) {
    Network net = base.network();
    int n = net.nodeCount();
    if (net.linkCount() == 0 || n < 2) {
      return;
    }
    long t0 = System.nanoTime();
    java.util.Random r = new java.util.Random(1);
    List<Scenario> scenarios = new ArrayList<>();
    int count = warmUpChanges(n, net.demandCount());
    for (int k = 0; k < count; k++) {
      String link = net.linkId(r.nextInt(net.linkCount()));
      int a = r.nextInt(n);
      int b = (a + 1 + r.nextInt(n - 1)) % n;
      io.netimpact.model.ChangeOp op = switch (k % 4) {
        case 0 -> new io.netimpact.model.ChangeOp.SetLinkUp(link, false);
        case 1 -> new io.netimpact.model.ChangeOp.SetDrained(net.nodeId(a), true);
        case 2 -> new io.netimpact.model.ChangeOp.SetMetric(link, 1 + r.nextInt(100),
            io.netimpact.model.ChangeOp.Direction.BOTH);
        default -> new io.netimpact.model.ChangeOp.AddLink(io.netimpact.model.Link.simple(
            "netimpact-warm-up-" + k, net.nodeId(a), net.nodeId(b), 5 + r.nextInt(96), 100));
      };
      Change c = new Change("warm-up-" + k, "warm-up", List.of(op));
      try {
        scenarios.add(new Scenario(c.id(), c.title(),
            io.netimpact.routing.ScenarioMask.of(net, c)));
      } catch (RuntimeException notApplicable) {
        // an op this network cannot take (a link id taken, say): one change fewer
      }
    }
    reports(cluster, req, base, scenarios, scenarios.stream().map(Scenario::id).toList(),
        "serve warm-up", lap -> { });
    cluster.note(String.format(java.util.Locale.ROOT, "netimpact serve: warmed up on %d "
        + "made-up changes in %.1f s", scenarios.size(), (System.nanoTime() - t0) / 1e9));
  }

  /** Publishes {@code base}'s {@code link_baseline} as run {@code baseline-<snapshot_id>}, once. */
  static void publishBaseline(Cluster cluster, Request req, ServeStore store, Base base) {
    String baselineRun = "baseline-" + base.snapshotId();
    if (!store.published(baselineRun)) {
      List<LinkBaseline> rows = Assembler.baselineRows(baselineRun, baselineRun,
          base.network(), base.resident().baseline().load(), req.thresholds());
      Reports.publishBaseline(cluster, req.out(), req.format(), baselineRun, rows);
    }
  }

  /**
   * Reads and compiles snapshot {@code snapshot} (or its stored network from {@code baseline})
   * and makes its base resident.
   */
  static Base load(Cluster cluster, String snapshot, Optional<String> baseline) {
    Optional<BaselineStore.Opened> opened = baseline.map(b -> BaselineStore.open(cluster,
        b));
    SnapshotReader.Loaded loaded = cluster.during("serve: reading the snapshot",
        () -> cluster.readSnapshot(snapshot, SnapshotReader.OnBadRecord.FAIL));
    TeOverlay te = TeOverlay.of(loaded.snapshot(), true);
    if (te.hasTe()) {
      throw new BadInputException(new InputProblem(snapshot, "", "", "serve does not "
          + "support traffic engineering yet, and the snapshot has SR-TE policies or RSVP-TE "
          + "LSPs; review its changes with review"));
    }
    Network net = te.network();
    // With classes of service (docs/classes.md) every answer is class-aware, as review's.
    io.netimpact.model.ServiceClasses classes = cluster.readClasses(snapshot);
    Optional<io.netimpact.impact.ClassInput> classInput = classes.present()
        ? Optional.of(io.netimpact.impact.ClassInput.of(classes, net,
            loaded.snapshot().demands()))
        : Optional.empty();
    String snapshotId = loaded.snapshot().info().snapshotId();
    RunIds.require("baseline-" + snapshotId, "snapshot id");
    opened.ifPresent(o -> o.manifest().requireSameSnapshot(baseline.get(),
        snapshot, snapshotId, ContentHash.of(net, BaselineManifest.VERSION)));
    cluster.startSession();
    SparkEvaluator.Resident resident = cluster.during("serve: routing the base",
        () -> SparkEvaluator.resident(cluster, net, opened, 4 * cluster.parallelism(),
            classInput));
    return new Base(net, snapshotId, resident);
  }

  private static Summary loop(Cluster cluster, Request req, ServeStore store,
      SnapshotRoll roll) {
    BatchSize sizes = new BatchSize(req.targetLatencySeconds() * 1000, req.maxBatch(),
        req.maxBatch());
    Map<String, Instant> firstListed = new HashMap<>();
    int published = 0;
    int rejected = 0;
    int batches = 0;
    long idleSince = System.nanoTime();
    while (true) {
      roll.poll();
      List<String> pending = store.pending();
      Instant now = Instant.now();
      pending.forEach(n -> firstListed.putIfAbsent(n, now));
      firstListed.keySet().retainAll(new HashSet<>(pending));
      if (pending.isEmpty()) {
        if (req.idleExitSeconds().isPresent()
            && (System.nanoTime() - idleSince) / 1e9 >= req.idleExitSeconds().get()) {
          break;
        }
        sleep(POLL_MS);
        continue;
      }
      // Oldest first (then by name), up to the cap, and no more than --stop-after leaves.
      List<String> order = new ArrayList<>(pending);
      order.sort(java.util.Comparator.comparing((String n) -> firstListed.get(n))
          .thenComparing(n -> n));
      int cap = sizes.cap();
      if (req.stopAfter().isPresent()) {
        cap = Math.min(cap, req.stopAfter().get() - published - rejected);
      }
      List<String> batch = order.subList(0, Math.min(cap, order.size()));
      long t0 = System.nanoTime();
      List<Outcome> outcomes = answer(cluster, req, store, roll, batch, firstListed);
      double ms = (System.nanoTime() - t0) / 1e6;
      sizes.observe(batch.size(), ms);
      batches++;
      for (Outcome o : outcomes) {
        if (o.status() == Outcome.Status.PUBLISHED) {
          published++;
        } else {
          rejected++;
        }
      }
      cluster.note(String.format("netimpact serve: batch of %d: %d published, %d rejected in "
          + "%.0f ms (next cap %d)", batch.size(), outcomes.stream()
          .filter(o -> o.status() == Outcome.Status.PUBLISHED).count(), outcomes.stream()
          .filter(o -> o.status() == Outcome.Status.REJECTED).count(), ms, sizes.cap()));
      idleSince = System.nanoTime();
      if (req.stopAfter().isPresent() && published + rejected >= req.stopAfter().get()) {
        break;
      }
    }
    return new Summary(roll.current().snapshotId(), published, rejected, batches);
  }

  /**
   * Answers one batch: every request gets its outcome; returns them in the batch's order. A
   * request recorded as answered by an earlier process keeps its outcome.
   */
  private static List<Outcome> answer(Cluster cluster, Request req, ServeStore store,
      SnapshotRoll roll, List<String> batch, Map<String, Instant> firstListed) {
    String batchId = Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    // Recovered outcomes whose batch log a crash lost go into this batch's log.
    List<Outcome> toLog = new ArrayList<>();
    List<Accepted> accepted = new ArrayList<>();
    for (String name : batch) {
      Optional<byte[]> bytes = store.read(name);
      if (bytes.isEmpty()) {
        continue;
      }
      String sha = ServeStore.sha256(bytes.get());
      Instant received = firstListed.getOrDefault(name, Instant.now());
      Optional<Outcome> prior = store.outcome(name);
      if (prior.isPresent() && prior.get().sha256().equals(sha)) {
        outcomes.put(name, prior.get());
        if (!store.logged(prior.get().batch())) {
          toLog.add(prior.get());
        }
        continue;
      }
      String path = store.requestPath(name);
      try {
        if (prior.isPresent()) {
          throw new BadInputException(new InputProblem(path, "", "", "request file name "
              + name + " was answered already (" + prior.get().status() + " at "
              + prior.get().publishedAt() + ") with other content; name each request "
              + "uniquely"));
        }
        ChangeReader.Pinned pinned = cluster.readPinnedChange(path);
        Change change = pinned.change();
        String runId = RunIds.resolve(Optional.empty(), change.id(), path);
        if (TeChange.hasTeOps(change)) {
          throw new BadInputException(new InputProblem(path, "", "", "serve does not support "
              + "TE ops yet; review this change with review"));
        }
        Optional<Claim> held = store.claim(runId);
        Claim.Decision d = Claim.decide(held, name, sha);
        if (d == Claim.Decision.DUPLICATE) {
          throw new BadInputException(new InputProblem(path, "", "id",
              held.get().duplicateError()));
        }
        if (d == Claim.Decision.REPLAY) {
          received = held.get().receivedAt();
        }
        if (d == Claim.Decision.NEW && store.published(runId)) {
          throw new BadInputException(new InputProblem(path, "", "id", "change id \"" + runId
              + "\" is a run published under " + req.out() + " already; it is never "
              + "overwritten: give this change another id"));
        }
        Base base = roll.resolve(pinned.snapshotId(), path);
        Network net = base.network();
        Scenario scenario = ChangeReader.located(path, "", () -> new Scenario(change.id(),
            change.title(), ChangeReader.mask(net, change, path, "")));
        if (d == Claim.Decision.NEW) {
          store.hold(new Claim(runId, name, sha, received));
        }
        accepted.add(new Accepted(name, sha, change, scenario, received, base));
      } catch (BadInputException | IllegalArgumentException e) {
        Instant at = Instant.now();
        store.reject(name, path, e.getMessage(), at, sha);
        Outcome o = Outcome.rejected(name, sha, roll.current().snapshotId(), e.getMessage(),
            received,
            at.isBefore(received) ? received : at, batchId);
        store.record(o);
        outcomes.put(name, o);
        toLog.add(o);
      }
    }
    // One evaluation per snapshot the batch's requests are answered on (a pin may name the
    // snapshot switched from).
    Map<String, List<Accepted>> bySnapshot = new LinkedHashMap<>();
    accepted.forEach(a -> bySnapshot.computeIfAbsent(a.base().snapshotId(),
        id -> new ArrayList<>()).add(a));
    bySnapshot.values().forEach(group -> evaluate(cluster, req, store, group.get(0).base(),
        group, batchId, outcomes, toLog));
    store.log(batchId, toLog, req.format() == ReportWriter.Format.PARQUET);
    Failpoints.hit("serve.after-log");
    for (String name : outcomes.keySet()) {
      store.done(name);
    }
    return new ArrayList<>(outcomes.values());
  }

  /**
   * The scenarios evaluated together through the one evaluator on the resident base, and each
   * assembled into its report under run id {@code runIds.get(i)}, in order.
   */
  private static List<ImpactReport> reports(Cluster cluster, Request req, Base base,
      List<Scenario> scenarios, List<String> runIds, String kind,
      java.util.function.Consumer<String> lap) {
    SparkEvaluator.Result r = SparkEvaluator.run(cluster, kind, base.resident(), scenarios,
        4 * cluster.parallelism(), lap);
    List<ScenarioState> states;
    try {
      states = r.collected();
    } finally {
      r.release();
    }
    Assembler asm = new Assembler(base.network(), r.baseline(), req.thresholds(), r.classes());
    List<ImpactReport> reports = new ArrayList<>(scenarios.size());
    for (int i = 0; i < scenarios.size(); i++) {
      reports.add(asm.assemble(runIds.get(i), base.snapshotId(), scenarios.get(i),
          states.get(i)));
    }
    return reports;
  }

  /**
   * The accepted requests as one evaluation, then each published as its own review run. A
   * batch of two or more whose evaluation fails (a Spark job aborted: the route changes of many
   * large changes above {@code spark.driver.maxResultSize}, an executor lost once too often) is
   * answered as its two halves, each the same way, so one heavy batch cannot stop the service
   * or, after a restart, stop it again; a single request whose evaluation fails ends the
   * service with the error, its request still pending. At most O(n) extra evaluations, in
   * depth O(log n), for a batch of n.
   */
  private static void evaluate(Cluster cluster, Request req, ServeStore store, Base base,
      List<Accepted> accepted, String batchId, Map<String, Outcome> outcomes,
      List<Outcome> toLog) {
    Network net = base.network();
    List<Scenario> scenarios = accepted.stream().map(Accepted::scenario).toList();
    Stopwatch sw = new Stopwatch();
    List<ImpactReport> reports;
    try {
      if (accepted.size() > 1) {
        Failpoints.hit("serve.evaluate-batch");
      }
      reports = reports(cluster, req, base, scenarios,
          accepted.stream().map(a -> a.change().id()).toList(), "serve", sw::lap);
    } catch (Exception e) { // a SparkException is checked in Java, thrown unchecked by Spark
      if (accepted.size() < 2) {
        throw e;
      }
      int half = accepted.size() / 2;
      cluster.note("netimpact serve: batch " + batchId + " of " + accepted.size()
          + " failed (" + e + "); answering it as " + half + " and "
          + (accepted.size() - half));
      evaluate(cluster, req, store, base, accepted.subList(0, half), batchId, outcomes, toLog);
      evaluate(cluster, req, store, base, accepted.subList(half, accepted.size()), batchId,
          outcomes, toLog);
      return;
    }
    sw.lap("assemble");
    String timings = "batch " + batchId + " of " + accepted.size() + ": " + sw;
    // The runs are independent (other run ids, other files): published on one thread per
    // core, each outcome recorded as soon as its run is.
    List<java.util.concurrent.Callable<Outcome>> publishes = new ArrayList<>();
    for (int i = 0; i < accepted.size(); i++) {
      Accepted a = accepted.get(i);
      ImpactReport report = reports.get(i);
      publishes.add(() -> {
        String runId = a.change().id();
        SummaryText.Review summary = new SummaryText.Review(base.snapshotId(),
            net.nodeCount(), net.linkCount(), net.demandCount(), report,
            req.thresholds().warnUtil(), Optional.empty(), List.of(), req.out(), runId);
        Reports.publishReview(cluster, ReviewPublication.builder(req.out(), req.format(),
            runId, report, a.scenario(), req.thresholds())
            .attachments(SummaryText.attachment(out -> SummaryText.review(out, summary,
                Optional.empty(), timings)))
            .build());
        Failpoints.hit("serve.before-record");
        Instant at = Instant.now();
        Outcome o = Outcome.published(a.name(), a.sha(), runId, base.snapshotId(),
            report.summary().verdict().name(), a.receivedAt(),
            at.isBefore(a.receivedAt()) ? a.receivedAt() : at, batchId);
        store.record(o);
        Failpoints.hit("serve.after-publish");
        return o;
      });
    }
    for (Outcome o : LocalTasks.run(Runtime.getRuntime().availableProcessors(), publishes)) {
      outcomes.put(o.request(), o);
      toLog.add(o);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
