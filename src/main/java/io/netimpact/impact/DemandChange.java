package io.netimpact.impact;

import java.io.Serializable;

/**
 * A demand whose routing differs after the change (a {@code demand_impact} row before ids are
 * attached). Latencies are NaN on the side where the demand has no path.
 *
 * @param demand           demand index in the network
 * @param status           final status
 * @param latencyBeforeMs  traffic-weighted mean path latency before, or NaN
 * @param latencyAfterMs   the same after, or NaN
 */
public record DemandChange(int demand, DemandStatus status, double latencyBeforeMs,
    double latencyAfterMs) implements Serializable {}
