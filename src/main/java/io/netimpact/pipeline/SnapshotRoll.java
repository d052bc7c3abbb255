package io.netimpact.pipeline;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.service.SnapshotChoice;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.Failpoints;
import io.netimpact.publish.ServeStore;
import io.netimpact.publish.SnapshotPrefix;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The snapshots the review service holds, and the roll from one to a newer one.
 *
 * <p>With {@code --snapshot} it holds that one snapshot for good. With {@code --snapshots
 * PREFIX} it starts on the newest complete snapshot under PREFIX by {@code taken_at} (a
 * directory with its {@value SnapshotPrefix#MARKER} marker and a valid manifest; see {@link
 * SnapshotChoice}); between batches ({@link #poll}) it lists PREFIX at most every
 * {@code --snapshot-poll-s}, and when a newer complete snapshot appears it prepares it on a
 * driver thread of its own (read, validate, compile, route the base, publish its {@code
 * link_baseline}: the same code as at start, its Spark jobs in a scheduler pool of their own)
 * while the batches go on being answered from the current one. Once prepared, the next poll
 * switches to it: {@code _serve/ready.json} is rewritten, the new snapshot answers every
 * request from then on, and the one switched from stays resident for requests pinned to it.
 *
 * <p>At most two snapshots are resident: the current one and either the one switched from or
 * the one being prepared. The one switched from is released when the preparation of the next
 * one begins.
 *
 * <p>A snapshot that fails (a bad manifest, a bad table, a failure while routing) is noted with
 * its located error and refused: it is not read again until its directory changes, and the
 * service goes on serving the current one.
 */
final class SnapshotRoll implements AutoCloseable {
  /** Default seconds between two listings of the snapshot prefix. */
  static final double DEFAULT_POLL_S = 10;
  /** Job group and scheduler pool of the preparation's Spark jobs. */
  static final String GROUP = "netimpact-snapshot-roll";

  /** A resident snapshot: its base, and where it came from under the prefix (if rolling). */
  private record Held(ServePipeline.Base base, Optional<SnapshotChoice.Known> known) {}

  /** A snapshot being prepared in the background. */
  private record Preparing(SnapshotChoice.Known known, Future<ServePipeline.Base> base,
      long seenNanos) {}

  private final Cluster cluster;
  private final ServePipeline.Request req;
  private final ServeStore store;
  private final Optional<SnapshotPrefix> prefix;
  private final SnapshotChoice choice = new SnapshotChoice();
  private Held current;
  private Optional<Held> previous = Optional.empty();
  private Optional<Preparing> preparing = Optional.empty();
  private Optional<ExecutorService> thread = Optional.empty();
  private long listedNanos;

  private SnapshotRoll(Cluster cluster, ServePipeline.Request req, ServeStore store,
      Optional<SnapshotPrefix> prefix) {
    this.cluster = cluster;
    this.req = req;
    this.store = store;
    this.prefix = prefix;
  }

  /**
   * Loads the snapshot to serve first, its base resident and its {@code link_baseline}
   * published: {@code --snapshot}, or the newest complete snapshot under {@code --snapshots}
   * that reads (each newer one that fails is noted and refused). Bad input when there is none.
   */
  static SnapshotRoll start(Cluster cluster, ServePipeline.Request req, ServeStore store) {
    if (req.snapshots().isEmpty()) {
      SnapshotRoll r = new SnapshotRoll(cluster, req, store, Optional.empty());
      r.current = new Held(prepare(cluster, req, store, req.snapshot(), req.baseline()),
          Optional.empty());
      return r;
    }
    SnapshotPrefix p = SnapshotPrefix.of(cluster, req.snapshots().get());
    SnapshotRoll r = new SnapshotRoll(cluster, req, store, Optional.of(p));
    r.examine();
    List<String> refused = new ArrayList<>();
    for (SnapshotChoice.Known k : r.choice.newestFirst()) {
      try {
        r.current = new Held(prepare(cluster, req, store, p.path(k.dir()), Optional.empty()),
            Optional.of(k));
        return r;
      } catch (BadInputException e) {
        r.refuse(k.dir(), k.stamp(), e.getMessage());
        refused.add(e.getMessage());
      }
    }
    throw new BadInputException(new InputProblem(p.path(), "", "", "no snapshot to serve: "
        + "--snapshots serves the newest directory under it that holds a valid manifest.json "
        + "(with taken_at) and a " + SnapshotPrefix.MARKER + " marker, and reads"
        + (refused.isEmpty() ? " (none is complete)" : "; refused: " + String.join("; ",
        refused))));
  }

  /** Read, compile, route, publish the baseline: one snapshot made ready to answer. */
  private static ServePipeline.Base prepare(Cluster cluster, ServePipeline.Request req,
      ServeStore store, String snapshot, Optional<String> baseline) {
    ServePipeline.Base b = ServePipeline.load(cluster, snapshot, baseline);
    try {
      ServePipeline.publishBaseline(cluster, req, store, b);
      Failpoints.hit("serve.roll-prepared");
      return b;
    } catch (RuntimeException e) {
      b.resident().close();
      throw e;
    }
  }

  /** The snapshot answering requests that pin none. */
  ServePipeline.Base current() {
    return current.base();
  }

  /**
   * The snapshot a request pinned to {@code pin} (none: the current one) is answered on: the
   * current one or the one switched from while it is resident; otherwise bad input at the
   * request's {@code snapshot_id}, naming it and what the service holds.
   */
  ServePipeline.Base resolve(Optional<String> pin, String requestPath) {
    if (pin.isEmpty() || pin.get().equals(current.base().snapshotId())) {
      return current.base();
    }
    if (previous.isPresent() && pin.get().equals(previous.get().base().snapshotId())) {
      return previous.get().base();
    }
    throw new BadInputException(new InputProblem(requestPath, "", "snapshot_id",
        "pinned to snapshot \"" + pin.get() + "\", which this service does not hold: it "
        + "answers on \"" + current.base().snapshotId() + "\"" + previous.map(h -> " (and on \""
        + h.base().snapshotId() + "\" for requests pinned to it)").orElse("")
        + "; drop snapshot_id to be answered on the current snapshot, or review the change "
        + "with review --snapshot"));
  }

  /**
   * Between batches: switches to a snapshot whose preparation finished (or notes its failure),
   * and, at most every {@code --snapshot-poll-s}, lists the prefix and starts preparing a newer
   * complete snapshot. Nothing with {@code --snapshot}.
   */
  void poll() {
    if (prefix.isEmpty()) {
      return;
    }
    if (preparing.isPresent() && preparing.get().base().isDone()) {
      finish(preparing.get());
      preparing = Optional.empty();
    }
    if (preparing.isPresent()
        || System.nanoTime() - listedNanos < req.snapshotPollSeconds() * 1e9) {
      return;
    }
    try {
      examine();
    } catch (java.io.UncheckedIOException e) {
      // The prefix is unreachable for now: the requests are not, and the next poll retries.
      cluster.note("netimpact serve: cannot look for newer snapshots, answering on "
          + current.base().snapshotId() + ": " + e.getMessage());
      return;
    }
    Optional<SnapshotChoice.Known> next = choice.newerThan(current.known().get());
    if (next.isEmpty()) {
      return;
    }
    SnapshotChoice.Known k = next.get();
    List<String> held = new ArrayList<>();
    held.add(current.base().snapshotId());
    previous.ifPresent(h -> held.add(h.base().snapshotId()));
    if (held.contains(k.snapshotId())) {
      refuse(k.dir(), k.stamp(), new InputProblem(prefix.get().path(k.dir()) + "/manifest.json",
          "", "snapshot_id", "snapshot id \"" + k.snapshotId() + "\" is one this service "
          + "holds already (from another directory); a newer snapshot needs an id of its own")
          .toString());
      return;
    }
    // At most two resident: the one switched from makes room for the one coming.
    previous.ifPresent(h -> h.base().resident().close());
    previous = Optional.empty();
    cluster.note("netimpact serve: preparing snapshot " + k.snapshotId() + " ("
        + prefix.get().path(k.dir()) + ", taken at " + k.takenAt() + ") in the background; "
        + "answering on " + current.base().snapshotId() + " meanwhile");
    ExecutorService t = thread.orElseGet(() -> Executors.newSingleThreadExecutor(r -> {
      Thread th = new Thread(r, "netimpact-snapshot-roll");
      th.setDaemon(true);
      return th;
    }));
    thread = Optional.of(t);
    String path = prefix.get().path(k.dir());
    preparing = Optional.of(new Preparing(k, t.submit(() -> cluster.inBackground(GROUP,
        () -> prepare(cluster, req, store, path, Optional.empty()))), System.nanoTime()));
  }

  /** Switches to a prepared snapshot, or refuses the one that failed. */
  private void finish(Preparing p) {
    ServePipeline.Base b;
    try {
      b = p.base().get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      refuse(p.known().dir(), p.known().stamp(), cause instanceof BadInputException
          ? cause.getMessage() : prefix.get().path(p.known().dir()) + ": cannot prepare: "
          + cause);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    previous = Optional.of(current);
    current = new Held(b, Optional.of(p.known()));
    store.ready(b.snapshotId(), Instant.now());
    cluster.note(String.format("netimpact serve: switched to snapshot %s (%d devices, %d "
        + "destinations), prepared in %.1f s; %s kept for requests pinned to it",
        b.snapshotId(), b.network().nodeCount(), b.network().destinations().length,
        (System.nanoTime() - p.seenNanos()) / 1e9, previous.get().base().snapshotId()));
  }

  /**
   * Looks at the prefix's children that are new or changed: a complete one (marker present)
   * has its manifest read and becomes a candidate, or is refused when its manifest is bad. One
   * listing, plus one check per directory not yet complete.
   */
  private void examine() {
    listedNanos = System.nanoTime();
    SnapshotPrefix p = prefix.get();
    for (SnapshotChoice.Listed l : choice.toExamine(p.children())) {
      if (!p.complete(l.dir())) {
        continue;
      }
      try {
        SnapshotInfo info = p.manifest(l.dir());
        choice.complete(new SnapshotChoice.Known(l.dir(), l.stamp(), info.snapshotId(),
            takenAt(info, p.path(l.dir()))));
      } catch (BadInputException e) {
        refuse(l.dir(), l.stamp(), e.getMessage());
      }
    }
  }

  /** The manifest's {@code taken_at} as an instant: ISO-8601 with a zone or offset. */
  private static Instant takenAt(SnapshotInfo info, String dir) {
    String file = dir + "/manifest.json";
    if (info.takenAt().isEmpty()) {
      throw new BadInputException(new InputProblem(file, "", "taken_at", "missing: a snapshot "
          + "under --snapshots needs its taken_at (ISO-8601), which orders the snapshots"));
    }
    try {
      return OffsetDateTime.parse(info.takenAt()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadInputException(new InputProblem(file, "", "taken_at", "must be an ISO-8601 "
          + "time with a zone or offset (2026-12-01T02:00:00Z), got \"" + info.takenAt()
          + "\""));
    }
  }

  private void refuse(String dir, long stamp, String error) {
    choice.refuse(dir, stamp);
    cluster.note("netimpact serve: snapshot " + prefix.get().path(dir) + " refused (not read "
        + "again until it changes); answering on " + (current == null ? "none yet"
        : current.base().snapshotId()) + ": " + error);
  }

  /** Stops a preparation under way and releases every resident base. */
  @Override
  public void close() {
    if (preparing.isPresent()) {
      cluster.cancel(GROUP);
      try {
        preparing.get().base().get(120, TimeUnit.SECONDS).resident().close();
      } catch (Exception ignored) {
        // Cancelled or failed: nothing resident to release.
      }
    }
    thread.ifPresent(ExecutorService::shutdownNow);
    previous.ifPresent(h -> h.base().resident().close());
    if (current != null) {
      current.base().resident().close();
    }
  }
}
