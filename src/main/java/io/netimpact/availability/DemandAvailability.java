package io.netimpact.availability;

import java.util.Optional;

/**
 * A {@code demand_availability} row (contract 7.6): one per demand (src, dst, all classes).
 *
 * @param gbps                   its volume in the base, Gbps
 * @param availability           the probability of the evaluated scenarios that do not hit it
 * @param expectedUnroutableGbps sum over the evaluated scenarios of P(s) x its unroutable Gbps
 * @param worstScenarioId        the scenario of highest probability that hits it (ties: the
 *                               first in scenario order, the base first); empty when none does
 * @param worstProbability       that scenario's probability (0 when none)
 */
public record DemandAvailability(String runId, String src, String dst, double gbps,
    double availability, double expectedUnroutableGbps, Optional<String> worstScenarioId,
    double worstProbability) {
  public DemandAvailability {
    if (!(availability >= -1e-12 && availability <= 1 + 1e-12)) {
      throw new IllegalArgumentException("availability " + availability + " of " + src + "->"
          + dst + " is not a probability");
    }
    availability = Math.min(1, Math.max(0, availability));
  }
}
