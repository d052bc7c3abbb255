package io.netimpact.verdict;

/**
 * One {@code class_impact} row (docs/classes.md): a class on an arc (one direction of a link)
 * that drops traffic before or after the change. Rates in Gbps. Offered is the class's routed
 * load; dropped is what strict-priority service leaves it short of.
 */
public record ClassImpact(
    String runId,
    String scenarioId,
    String linkId,
    String fromDevice,
    String toDevice,
    String trafficClass,
    double offeredBeforeGbps,
    double offeredAfterGbps,
    double droppedBeforeGbps,
    double droppedAfterGbps) implements java.io.Serializable {}
