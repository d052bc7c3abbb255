package io.netimpact.model;

/**
 * One physical circuit of a link (a LAG member).
 *
 * @param id           member name, unique within its link
 * @param capacityGbps capacity in Gbps, finite and &gt; 0
 * @param up           operational state
 */
public record Member(String id, double capacityGbps, boolean up) {
  public Member {
    Checks.id(id, "member id");
    Checks.positiveFinite(capacityGbps, "capacity_gbps");
  }

  public Member withUp(boolean value) {
    return new Member(id, capacityGbps, value);
  }

  public Member withCapacity(double gbps) {
    return new Member(id, gbps, up);
  }
}
