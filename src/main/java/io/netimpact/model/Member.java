package io.netimpact.model;

/**
 * One physical circuit of a link (a LAG member).
 *
 * @param id           member name, unique within its link
 * @param capacityGbps capacity in Gbps, finite and at least {@link #MIN_CAPACITY_GBPS}
 * @param up           operational state
 */
public record Member(String id, double capacityGbps, boolean up) {
  /**
   * The smallest capacity, 1 bit/s. With demand totals at most {@link Demand#MAX_TOTAL_GBPS},
   * no utilisation (load / capacity) can overflow: 1e299 / 1e-9 = 1e308, below the largest
   * double (1.8e308). A smaller positive capacity (5e-324) would pass a "&gt; 0" check and
   * make every utilisation through it infinite.
   */
  public static final double MIN_CAPACITY_GBPS = 1e-9;

  public Member {
    Checks.id(id, "member id");
    Checks.capacity(capacityGbps, "capacity_gbps");
  }

  public Member withUp(boolean value) {
    return new Member(id, capacityGbps, value);
  }

  public Member withCapacity(double gbps) {
    return new Member(id, gbps, up);
  }
}
