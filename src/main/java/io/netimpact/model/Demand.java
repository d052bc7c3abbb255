package io.netimpact.model;

import java.util.Objects;

/**
 * Traffic offered from {@code src} to {@code dst}.
 *
 * @param src          source device id
 * @param dst          destination device id, different from {@code src}
 * @param gbps         rate in Gbps, finite and &gt;= 0
 * @param trafficClass class name, or "" when absent
 */
public record Demand(String src, String dst, double gbps, String trafficClass) {
  /**
   * The largest demand total of a network, 1e299 Gbps: with capacities of at least {@link
   * Member#MIN_CAPACITY_GBPS}, every load and utilisation stays finite.
   */
  public static final double MAX_TOTAL_GBPS = 1e299;

  public Demand {
    Checks.id(src, "src");
    Checks.id(dst, "dst");
    if (src.equals(dst)) {
      throw new IllegalArgumentException("src and dst must differ (both " + src + ")");
    }
    Checks.nonNegativeFinite(gbps, "gbps");
    trafficClass = Objects.requireNonNullElse(trafficClass, "");
  }

  public static Demand of(String src, String dst, double gbps) {
    return new Demand(src, dst, gbps, "");
  }
}
