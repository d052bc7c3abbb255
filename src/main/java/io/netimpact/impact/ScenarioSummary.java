package io.netimpact.impact;

/**
 * One {@code scenario_summary} row (contract sections 4 and 6.4). Rates in Gbps. {@code reason}
 * (an addition to the contract) says in one line why the verdict is what it is; see {@link
 * VerdictReason}. The traffic without a path after the change is split in two: {@code
 * strandedGbpsAfter}, whose end devices both exist but no path joins them, and {@code
 * endpointRemovedGbpsAfter}, whose source or destination the change removed; they add up to
 * {@code unroutableGbpsAfter}.
 */
public record ScenarioSummary(
    String runId,
    String snapshotId,
    String scenarioId,
    String title,
    Verdict verdict,
    double maxUtilBefore,
    double maxUtilAfter,
    long linksOverWarnAfter,
    long linksOverCapacityAfter,
    double unroutableGbpsBefore,
    double unroutableGbpsAfter,
    double overflowGbpsAfter,
    long affectedDemands,
    String worstLinkId,
    String reason,
    double strandedGbpsAfter,
    double endpointRemovedGbpsAfter) implements java.io.Serializable {

  /** Traffic newly stranded: what the change does to traffic other than its own. */
  public double newlyStrandedGbps() {
    return Math.max(0, strandedGbpsAfter - unroutableGbpsBefore);
  }
}
