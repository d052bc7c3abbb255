package io.netimpact.routing;

/**
 * What changed for one demand of a destination under a change. Latencies are NaN on the side
 * where the demand has no path.
 *
 * @param demand         the demand's index in the base network
 * @param routableBefore whether it has a path before
 * @param routableAfter  whether it has a path after
 * @param latencyBeforeMs traffic-weighted mean path latency before, ms, or NaN
 * @param latencyAfterMs  the same after, or NaN
 * @param pathArcsAfter  the arcs of its paths after (empty when unroutable after)
 * @param gbpsAfter      its volume after, Gbps, or NaN to read it from the view of the change
 *                       (traffic engineering sets it: there the view holds only the IGP part)
 */
public record RouteChange(int demand, boolean routableBefore, boolean routableAfter,
    double latencyBeforeMs, double latencyAfterMs, int[] pathArcsAfter, double gbpsAfter)
    implements java.io.Serializable {

  /** A change of plain IGP routing: the volume after is the view's. */
  public RouteChange(int demand, boolean routableBefore, boolean routableAfter,
      double latencyBeforeMs, double latencyAfterMs, int[] pathArcsAfter) {
    this(demand, routableBefore, routableAfter, latencyBeforeMs, latencyAfterMs, pathArcsAfter,
        Double.NaN);
  }
}
