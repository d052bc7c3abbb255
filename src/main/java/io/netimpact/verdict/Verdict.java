package io.netimpact.verdict;

/** Go / no-go of a change (docs/reports.md#tables). Ordered from best to worst. */
public enum Verdict {
  /** Nothing newly above the warn utilisation, nothing lost. */
  SAFE,
  /** Some arc newly above the warn utilisation. */
  RISK,
  /** Traffic newly unroutable, or some arc newly over capacity. */
  BLOCK
}
