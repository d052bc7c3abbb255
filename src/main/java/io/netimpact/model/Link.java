package io.netimpact.model;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A link between two devices: a LAG or a single circuit (one member). Its rules are checked
 * here and only here; a broken one throws {@link InvalidFieldException} naming the field.
 *
 * <p>It is usable when admin up and at least {@code minLinks} members are up; its capacity is
 * then the sum of its up members' capacities in each direction (full duplex).
 *
 * @param id        unique, non-empty
 * @param a         one end's device id
 * @param b         the other end's device id, different from {@code a}
 * @param metric    IGP metric used a-&gt;b, and b-&gt;a unless {@code metricBa} is present; &gt;= 1
 * @param metricBa  IGP metric b-&gt;a when it differs
 * @param members   at least one member; ids unique within the link
 * @param minLinks  members that must be up for the link to be usable; &gt;= 1
 * @param up        admin state
 * @param latencyMs one-way latency in milliseconds, &gt;= 0
 * @param srlgs     shared-risk link groups this link belongs to
 */
public record Link(
    String id,
    String a,
    String b,
    int metric,
    OptionalInt metricBa,
    List<Member> members,
    int minLinks,
    boolean up,
    double latencyMs,
    List<String> srlgs) {

  public Link {
    Checks.id(id, "link id");
    Checks.id(a, "a");
    Checks.id(b, "b");
    if (a.equals(b)) {
      throw new InvalidFieldException("b", "must differ from a (self-loop on \"" + a + "\")");
    }
    Checks.atLeastOne(metric, "metric");
    if (metricBa.isPresent()) {
      Checks.atLeastOne(metricBa.getAsInt(), "metric_ba");
    }
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new InvalidFieldException("members", "must list at least one member");
    }
    Set<String> seen = new HashSet<>();
    double capacity = 0;
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      if (!seen.add(m.id())) {
        throw new InvalidFieldException("members[" + i + "].id",
            "duplicate member id \"" + m.id() + "\"");
      }
      capacity += m.capacityGbps();
    }
    if (!Double.isFinite(capacity)) {
      throw new InvalidFieldException("members", "the member capacities sum to infinity (more "
          + "than 1.8e308 Gbps)");
    }
    Checks.atLeastOne(minLinks, "min_links");
    if (minLinks > members.size()) {
      throw new InvalidFieldException("min_links",
          "is " + minLinks + ", above the member count " + members.size());
    }
    Checks.nonNegativeFinite(latencyMs, "latency_ms");
    srlgs = List.copyOf(srlgs);
  }

  /** A single-circuit link with the same metric both ways, admin up, no latency or SRLG. */
  public static Link simple(String id, String a, String b, int metric, double capacityGbps) {
    return new Link(id, a, b, metric, OptionalInt.empty(),
        List.of(new Member(id, capacityGbps, true)), 1, true, 0.0, List.of());
  }

  /** The metric of the b-&gt;a direction. */
  public int metricBaOrDefault() {
    return metricBa.orElse(metric);
  }

  public Link withMembers(List<Member> value) {
    return new Link(id, a, b, metric, metricBa, value, minLinks, up, latencyMs, srlgs);
  }

  public Link withUp(boolean value) {
    return new Link(id, a, b, metric, metricBa, members, minLinks, value, latencyMs, srlgs);
  }

  public Link withLatency(double ms) {
    return new Link(id, a, b, metric, metricBa, members, minLinks, up, ms, srlgs);
  }

  public Link withSrlgs(List<String> value) {
    return new Link(id, a, b, metric, metricBa, members, minLinks, up, latencyMs, value);
  }

  public Link withMetrics(int ab, OptionalInt ba) {
    return new Link(id, a, b, ab, ba, members, minLinks, up, latencyMs, srlgs);
  }

  public Link withMinLinks(int value) {
    return new Link(id, a, b, metric, metricBa, members, value, up, latencyMs, srlgs);
  }
}
