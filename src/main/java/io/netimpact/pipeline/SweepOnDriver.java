package io.netimpact.pipeline;

import io.netimpact.routing.Network;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.LocalReview;
import java.util.OptionalInt;

/**
 * Which sweeps run on the driver's own threads, with no Spark job and no Spark session: on a
 * local master (whose tasks would run in the driver's JVM anyway), with {@code
 * netimpact.local-sweep=driver} (the default), a plain sweep (no {@code --plan}, {@code
 * --failure-model}, {@code --traffic-series}, {@code --baseline-out} or {@code --loads}, no
 * traffic engineering, no classes of service; pairs of failures composed per destination as on
 * the Spark path) of a small network: at most {@link #ARCS} arcs
 * and {@link #PAIRS} (scenario, destination) pairs. Such a sweep costs seconds of routing, and
 * a Spark session, its jobs and its writers' commits would cost more than the routing itself.
 * Larger sweeps, and every sweep on a cluster, take the Spark path.
 */
final class SweepOnDriver {
  /** Snapshot files up to this size may hold a network small enough (decided before reading). */
  static final long SNAPSHOT_BYTES = 64L << 20;
  /** Arcs of the largest network swept on the driver. */
  static final int ARCS = 20_000;
  /** (scenario, destination) pairs of the largest sweep evaluated on the driver. */
  static final long PAIRS = 2_000_000;

  private SweepOnDriver() {}

  /**
   * Before anything is read: whether the sweep may run on the driver. When it may not, the
   * caller starts the Spark session at once, to start while the inputs are read.
   */
  static boolean mayFit(Cluster cluster, SweepPipeline.Request req, boolean loads,
      boolean failures) {
    return req.localSweep() == LocalReview.DRIVER && cluster.localSlots().isPresent()
        && req.planTarget().isEmpty() && req.baselineOut().isEmpty()
        && req.trafficSeries().isEmpty() && !loads && !failures
        && cluster.bytesUnder(req.snapshot()) <= SNAPSHOT_BYTES;
  }

  /**
   * Once the network is compiled and the scenarios masked: the threads the sweep runs on when
   * it runs on the driver (the local master's task slots), else empty.
   */
  static OptionalInt threads(Cluster cluster, boolean mayFit, Network base, int scenarios,
      boolean withTe, boolean classes) {
    if (!mayFit || withTe || classes || base.arcCount() > ARCS
        || (long) scenarios * base.destinations().length > PAIRS) {
      return OptionalInt.empty();
    }
    return cluster.localSlots();
  }

  /** The request's choice, for the {@link SweepPipeline.Request} without one. */
  static LocalReview defaultChoice() {
    return LocalReview.DRIVER;
  }
}
