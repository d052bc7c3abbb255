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
 */
public record RouteChange(int demand, boolean routableBefore, boolean routableAfter,
    double latencyBeforeMs, double latencyAfterMs, int[] pathArcsAfter)
    implements java.io.Serializable {}
