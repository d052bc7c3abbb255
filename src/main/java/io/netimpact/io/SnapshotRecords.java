package io.netimpact.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Parses single snapshot records (contract section 1), naming the field at fault. */
public final class SnapshotRecords {
  private SnapshotRecords() {}

  static Device device(JsonNode node) {
    Fields f = Fields.of(node, "a device");
    return new Device(f.requiredString("id"), f.optionalString("site"),
        f.optionalString("region"), f.optionalString("role"), f.bool("drained", false));
  }

  /**
   * A link. With {@code capacity_gbps} instead of {@code members}, the link has one implicit
   * member whose id is the link's id.
   */
  public static Link link(JsonNode node) {
    Fields f = Fields.of(node, "a link");
    String id = f.requiredString("id");
    String a = f.requiredString("a");
    String b = f.requiredString("b");
    if (a.equals(b)) {
      throw new FieldException("b", "must differ from a (self-loop on \"" + a + "\")");
    }
    int metric = f.positiveInt("metric");
    OptionalInt metricBa = f.optionalPositiveInt("metric_ba");
    List<Member> members = new ArrayList<>();
    boolean hasMembers = f.has("members");
    if (hasMembers && f.has("capacity_gbps")) {
      throw new FieldException("capacity_gbps", "give members or capacity_gbps, not both");
    }
    if (hasMembers) {
      Set<String> seen = new HashSet<>();
      for (Fields m : f.objects("members")) {
        String mid = m.requiredString("id");
        if (!seen.add(mid)) {
          throw new FieldException(m.name("id"), "duplicate member id \"" + mid + "\"");
        }
        members.add(new Member(mid, m.requiredNumber("capacity_gbps", true), m.bool("up", true)));
      }
      if (members.isEmpty()) {
        throw new FieldException("members", "must list at least one member");
      }
    } else if (f.has("capacity_gbps")) {
      members.add(new Member(id, f.requiredNumber("capacity_gbps", true), true));
    } else {
      throw new FieldException("members", "missing: give members or capacity_gbps");
    }
    double capacity = members.stream().mapToDouble(Member::capacityGbps).sum();
    if (!Double.isFinite(capacity)) {
      throw new FieldException(hasMembers ? "members" : "capacity_gbps", "the member "
          + "capacities sum to infinity (more than 1.8e308 Gbps)");
    }
    int minLinks = f.positiveInt("min_links", 1);
    if (minLinks > members.size()) {
      throw new FieldException("min_links",
          "is " + minLinks + ", above the member count " + members.size());
    }
    return new Link(id, a, b, metric, metricBa, members, minLinks, f.bool("up", true),
        f.number("latency_ms", 0.0, false), f.stringList("srlgs"));
  }

  static Demand demand(JsonNode node) {
    Fields f = Fields.of(node, "a demand");
    String src = f.requiredString("src");
    String dst = f.requiredString("dst");
    if (src.equals(dst)) {
      throw new FieldException("dst", "must differ from src (both \"" + src + "\")");
    }
    return new Demand(src, dst, f.requiredNumber("gbps", false), f.optionalString("class"));
  }
}
