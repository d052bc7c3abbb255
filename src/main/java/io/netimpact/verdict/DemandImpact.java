package io.netimpact.verdict;

import java.util.OptionalDouble;

/**
 * One {@code demand_impact} row. {@code gbps} is the demand's volume after the change.
 * Latencies are NaN on the side where the demand has no path; {@link #latencyBefore} and
 * {@link #latencyAfter} give them as optionals.
 */
public record DemandImpact(
    String runId,
    String scenarioId,
    String src,
    String dst,
    double gbps,
    DemandStatus status,
    double latencyBeforeMs,
    double latencyAfterMs) implements java.io.Serializable {

  public OptionalDouble latencyBefore() {
    return optional(latencyBeforeMs);
  }

  public OptionalDouble latencyAfter() {
    return optional(latencyAfterMs);
  }

  private static OptionalDouble optional(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
