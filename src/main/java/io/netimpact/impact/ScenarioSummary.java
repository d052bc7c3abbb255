package io.netimpact.impact;

/** One {@code scenario_summary} row (contract section 4). Rates in Gbps. */
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
    String worstLinkId) implements java.io.Serializable {}
