package io.netimpact.verdict;

/**
 * One {@code link_impact} row: an arc (one direction of a link) before and after. Capacities and
 * loads in Gbps; utilisation is load / capacity, 0 when the capacity is 0. {@code statusBefore}
 * is an addition to the contract's columns.
 */
public record LinkImpact(
    String runId,
    String scenarioId,
    String linkId,
    String fromDevice,
    String toDevice,
    double capacityBeforeGbps,
    double capacityAfterGbps,
    double loadBeforeGbps,
    double loadAfterGbps,
    double utilBefore,
    double utilAfter,
    double overflowAfterGbps,
    ArcStatus statusAfter,
    ArcStatus statusBefore) implements java.io.Serializable {}
