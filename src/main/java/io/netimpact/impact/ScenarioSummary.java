package io.netimpact.impact;

/**
 * One {@code scenario_summary} row (contract section 4). Rates in Gbps. {@code reason} (an
 * addition to the contract) says in one line why the verdict is what it is; see
 * {@link VerdictReason}.
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
    String reason) implements java.io.Serializable {}
