package io.netimpact.verdict;

/** Why a demand has a row in {@code demand_impact}. */
public enum DemandStatus {
  /** Its paths changed and all of it is still carried within capacity. */
  REROUTED,
  /** It has no path after the change. */
  UNROUTABLE,
  /** Its paths changed and some path after crosses an arc over capacity. */
  AT_RISK
}
