package io.netimpact.verdict;

/**
 * Verdict thresholds.
 *
 * @param warnUtil utilisation above which an arc is WARN; in (0, 1], default 0.8
 */
public record Thresholds(double warnUtil) implements java.io.Serializable {
  /**
   * Relative tolerance for comparing loads and utilisations: ECMP splits and merges in a
   * different order give sums that differ in the last bits, which must not flip a status.
   */
  public static final double EPSILON = 1e-9;

  public static final Thresholds DEFAULT = new Thresholds(0.8);

  public Thresholds {
    if (!(warnUtil > 0 && warnUtil <= 1)) {
      throw new IllegalArgumentException("warn utilisation must be in (0, 1], got " + warnUtil);
    }
  }

  /** Whether {@code load} exceeds {@code capacity} beyond rounding. */
  public static boolean over(double load, double capacity) {
    return load - capacity > EPSILON * Math.max(1.0, capacity);
  }

  /** Whether {@code load} puts an arc of {@code capacity} above the warn utilisation. */
  public boolean aboveWarn(double load, double capacity) {
    return capacity > 0 && over(load, warnUtil * capacity);
  }

  /** Whether two loads or capacities differ beyond rounding. */
  public static boolean differs(double x, double y) {
    return Math.abs(x - y) > EPSILON * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
  }
}
