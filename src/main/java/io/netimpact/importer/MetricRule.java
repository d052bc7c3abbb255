package io.netimpact.importer;

/** How an importer sets IGP metrics. */
public enum MetricRule {
  /** Every link metric 1: shortest paths are fewest hops. */
  HOP,
  /** The metrics given in the file (REPETITA only; the other sources have none). */
  FILE,
  /**
   * Inverse capacity, the rule REPETITA used for its Topology Zoo conversions:
   * {@code floor(10 * maxCapacity / capacity)}, so the fastest links get 10 and a link
   * 20 times slower gets 200; capped at 200, at least 1.
   */
  INVCAP;

  static int invcap(double capacity, double maxCapacity) {
    long m = (long) Math.floor(10 * maxCapacity / capacity);
    return (int) Math.max(1, Math.min(200, m));
  }
}
