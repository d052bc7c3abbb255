package io.netimpact.verdict;

/** State of one arc after (or before) a change. */
public enum ArcStatus {
  /** Usable and at or below the warn utilisation. */
  OK,
  /** Usable and above the warn utilisation, at or below capacity. */
  WARN,
  /** Load above capacity: {@code load - capacity} is dropped. */
  OVER,
  /** Unusable: admin down, below min-links, or an end device removed. */
  DOWN;

  public static ArcStatus of(double capacity, double load, Thresholds t) {
    if (capacity <= 0) {
      return DOWN;
    }
    if (Thresholds.over(load, capacity)) {
      return OVER;
    }
    return t.aboveWarn(load, capacity) ? WARN : OK;
  }

  /** Whether an arc of status {@code before} is over capacity after ({@code this}) and was not. */
  public boolean newlyOver(ArcStatus before) {
    return this == OVER && before != OVER;
  }

  /**
   * Whether an arc of status {@code before} is above the warn utilisation (or over capacity)
   * after ({@code this}) and was neither.
   */
  public boolean newlyWarn(ArcStatus before) {
    return (this == OVER || this == WARN) && before != OVER && before != WARN;
  }
}
