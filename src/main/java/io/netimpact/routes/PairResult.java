package io.netimpact.routes;

import java.util.List;

/**
 * The outcome of one (scenario, destination) pair; its arc load deltas went to a sink.
 *
 * @param lostBefore      Gbps of the pair's recomputed demands without a path before
 * @param lostAfter       the same after
 * @param newlyUnroutable Gbps routable before and not after (volume after)
 * @param changes         demands whose routing changed
 */
public record PairResult(double lostBefore, double lostAfter, double newlyUnroutable,
    List<RouteChange> changes) {
  /** A pair that loses no traffic and changes no demand's routing. */
  public static final PairResult NOTHING_LOST = new PairResult(0, 0, 0, List.of());

  public PairResult {
    changes = List.copyOf(changes);
  }
}
