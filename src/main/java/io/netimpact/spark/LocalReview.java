package io.netimpact.spark;

import java.util.Locale;

/**
 * Where a review is evaluated when the Spark master is local (every task runs in the driver's
 * JVM anyway): setting {@code netimpact.local-review}. On a cluster (YARN, standalone,
 * {@code local-cluster}) a review always runs as Spark tasks.
 */
public enum LocalReview {
  /**
   * On the driver's own threads, one per task slot: the same per-destination task code over the
   * same slices, without the broadcast of the network, the serialization of the tasks or a
   * Spark job (the default).
   */
  DRIVER,
  /** As Spark tasks, as on a cluster. */
  TASKS;

  /** The setting's value ({@code driver} or {@code tasks}, any case). */
  public static LocalReview parse(String value) {
    for (LocalReview r : values()) {
      if (r.name().equalsIgnoreCase(value.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException("expected driver or tasks, got \"" + value + "\"");
  }

  /** The setting's spelling. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
