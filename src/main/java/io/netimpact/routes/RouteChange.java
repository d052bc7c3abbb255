package io.netimpact.routes;

/**
 * What changed for one demand of a destination under a change. Latencies are NaN on the side
 * where the demand has no path.
 *
 * @param demand          the demand's index in the base network
 * @param routableBefore  whether it has a path before
 * @param routableAfter   whether it has a path after
 * @param latencyBeforeMs traffic-weighted mean path latency before, ms, or NaN
 * @param latencyAfterMs  the same after, or NaN
 * @param pathsAfter      the paths after of its pair's rerouted demands, shared by them
 *                        ({@link PathsAfter#NONE} when it has none)
 * @param pathNode        its source's local node in {@code pathsAfter}, or -1 when unroutable
 *                        after
 * @param gbpsAfter       its volume after, Gbps, or NaN to read it from the view of the change
 *                        (traffic engineering sets it: there the view holds only the IGP part)
 */
public record RouteChange(int demand, boolean routableBefore, boolean routableAfter,
    double latencyBeforeMs, double latencyAfterMs, PathsAfter pathsAfter, int pathNode,
    double gbpsAfter) implements java.io.Serializable {

  public RouteChange {
    java.util.Objects.requireNonNull(pathsAfter, "pathsAfter");
    if (pathNode < -1 || pathNode >= pathsAfter.nodes() || (routableAfter != (pathNode >= 0))) {
      throw new IllegalArgumentException("demand " + demand + ": path node " + pathNode
          + " of " + pathsAfter.nodes() + (routableAfter ? " (routable after)" : " (unroutable after)"));
    }
  }

  /** A change of plain IGP routing: the volume after is the view's. */
  public RouteChange(int demand, boolean routableBefore, boolean routableAfter,
      double latencyBeforeMs, double latencyAfterMs, PathsAfter pathsAfter, int pathNode) {
    this(demand, routableBefore, routableAfter, latencyBeforeMs, latencyAfterMs, pathsAfter,
        pathNode, Double.NaN);
  }

  /** The arcs of its paths after, ascending (empty when unroutable after). */
  public int[] pathArcsAfter() {
    return pathsAfter.arcsBelow(pathNode);
  }
}
