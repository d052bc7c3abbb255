package io.netimpact.verdict;

/** One {@code link_baseline} row: the before state of an arc. {@code statusBefore} is an addition. */
public record LinkBaseline(
    String runId,
    String scenarioId,
    String linkId,
    String fromDevice,
    String toDevice,
    double capacityBeforeGbps,
    double loadBeforeGbps,
    double utilBefore,
    ArcStatus statusBefore) implements java.io.Serializable {}
