package io.netimpact.verdict;

import java.util.Optional;

/**
 * One {@code link_worst_case} row: a base arc at its worst over a sweep's scenarios. Loads and
 * capacity in Gbps. {@code worstScenarioId} is empty (and the worst load and utilisation 0)
 * when the arc is usable in no scenario. {@code worstLoadGbps} is the load in the worst
 * scenario, so that it over that scenario's capacity is {@code worstUtil}.
 */
public record LinkWorstCase(String runId, String linkId, String fromDevice, String toDevice,
    double capacityGbps, double loadBeforeGbps, double worstLoadGbps, double worstUtil,
    Optional<String> worstScenarioId, long scenariosOverWarn, long scenariosOverCapacity)
    implements java.io.Serializable {}
