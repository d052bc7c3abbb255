package io.netimpact.input;

import static io.netimpact.input.SnapshotColumns.A;
import static io.netimpact.input.SnapshotColumns.B;
import static io.netimpact.input.SnapshotColumns.CAPACITY_GBPS;
import static io.netimpact.input.SnapshotColumns.CLASS;
import static io.netimpact.input.SnapshotColumns.DRAINED;
import static io.netimpact.input.SnapshotColumns.DST;
import static io.netimpact.input.SnapshotColumns.GBPS;
import static io.netimpact.input.SnapshotColumns.ID;
import static io.netimpact.input.SnapshotColumns.LATENCY_MS;
import static io.netimpact.input.SnapshotColumns.MEMBERS;
import static io.netimpact.input.SnapshotColumns.METRIC;
import static io.netimpact.input.SnapshotColumns.METRIC_BA;
import static io.netimpact.input.SnapshotColumns.MIN_LINKS;
import static io.netimpact.input.SnapshotColumns.REGION;
import static io.netimpact.input.SnapshotColumns.ROLE;
import static io.netimpact.input.SnapshotColumns.SITE;
import static io.netimpact.input.SnapshotColumns.SRC;
import static io.netimpact.input.SnapshotColumns.SRLGS;
import static io.netimpact.input.SnapshotColumns.UP;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.InvalidFieldException;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Parses single snapshot records (docs/inputs.md#topology-snapshot), naming the field at fault. */
public final class SnapshotRecords {
  /** Every field {@link #device} reads: the columns read of a Parquet device table. */
  static final List<String> DEVICE_COLUMNS = List.of(ID, SITE, REGION, ROLE, DRAINED);
  /** Every field {@link #link} reads, members' fields under {@code members}. */
  static final List<String> LINK_COLUMNS = List.of(ID, A, B, METRIC, METRIC_BA, MEMBERS,
      CAPACITY_GBPS, MIN_LINKS, UP, LATENCY_MS, SRLGS);
  /** Every field {@link #demand} reads. */
  static final List<String> DEMAND_COLUMNS = List.of(SRC, DST, GBPS, CLASS);

  private SnapshotRecords() {}

  static Device device(JsonNode node) {
    Fields f = Fields.of(node, "a device");
    return new Device(f.requiredString(ID), f.optionalString(SITE),
        f.optionalString(REGION), f.optionalString(ROLE), f.bool(DRAINED, false));
  }

  /**
   * A link. With {@code capacity_gbps} instead of {@code members}, the link has one implicit
   * member whose id is the link's id.
   */
  public static Link link(JsonNode node) {
    return link(Fields.of(node, "a link"));
  }

  /** A link from its fields (which then know every field the link took). */
  static Link link(Fields f) {
    String id = f.requiredString(ID);
    String a = f.requiredString(A);
    String b = f.requiredString(B);
    int metric = f.positiveInt(METRIC);
    OptionalInt metricBa = f.optionalPositiveInt(METRIC_BA);
    List<Member> members = new ArrayList<>();
    boolean hasMembers = f.has(MEMBERS);
    if (hasMembers && f.has(CAPACITY_GBPS)) {
      throw new FieldException(CAPACITY_GBPS, "give members or capacity_gbps, not both");
    }
    if (hasMembers) {
      for (Fields m : f.objects(MEMBERS)) {
        members.add(new Member(m.requiredString(ID), m.capacity(CAPACITY_GBPS),
            m.bool(UP, true)));
      }
    } else if (f.has(CAPACITY_GBPS)) {
      members.add(new Member(id, f.capacity(CAPACITY_GBPS), true));
    } else {
      throw new FieldException(MEMBERS, "missing: give members or capacity_gbps");
    }
    int minLinks = f.positiveInt(MIN_LINKS, 1);
    double latency = f.number(LATENCY_MS, 0.0, false);
    List<String> srlgs = f.stringList(SRLGS);
    try {
      return new Link(id, a, b, metric, metricBa, members, minLinks, f.bool(UP, true), latency,
          srlgs);
    } catch (InvalidFieldException e) {
      // The implicit member of a link given by capacity_gbps is that field.
      String field = !hasMembers && e.field().startsWith(MEMBERS) ? CAPACITY_GBPS
          : e.field();
      throw new FieldException(f.name(field), e.problem());
    }
  }

  static Demand demand(JsonNode node) {
    Fields f = Fields.of(node, "a demand");
    String src = f.requiredString(SRC);
    String dst = f.requiredString(DST);
    if (src.equals(dst)) {
      throw new FieldException(DST, "must differ from src (both \"" + src + "\")");
    }
    return new Demand(src, dst, f.requiredNumber(GBPS, false), f.optionalString(CLASS));
  }
}
