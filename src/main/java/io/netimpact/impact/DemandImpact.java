package io.netimpact.impact;

import java.util.OptionalDouble;

/**
 * One {@code demand_impact} row. {@code gbps} is the demand's volume after the change; a
 * latency is empty on the side where the demand has no path.
 */
public record DemandImpact(
    String runId,
    String scenarioId,
    String src,
    String dst,
    double gbps,
    DemandStatus status,
    OptionalDouble latencyBeforeMs,
    OptionalDouble latencyAfterMs) {}
