package io.netimpact.input;

import static io.netimpact.input.SnapshotColumns.ADJ;
import static io.netimpact.input.SnapshotColumns.BANDWIDTH_GBPS;
import static io.netimpact.input.SnapshotColumns.CANDIDATE_PATHS;
import static io.netimpact.input.SnapshotColumns.CLASSES;
import static io.netimpact.input.SnapshotColumns.ENDPOINT;
import static io.netimpact.input.SnapshotColumns.HEAD;
import static io.netimpact.input.SnapshotColumns.ID;
import static io.netimpact.input.SnapshotColumns.NODE;
import static io.netimpact.input.SnapshotColumns.SETUP_PRIORITY;
import static io.netimpact.input.SnapshotColumns.TAIL;
import static io.netimpact.input.SnapshotColumns.UP;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.SrPolicy;
import java.util.ArrayList;
import java.util.List;

/** Parses SR-TE policy and RSVP-TE LSP records (docs/inputs.md#sr-te-policy,
 * docs/semantics.md#traffic-engineering), naming the field at fault. */
public final class TeRecords {
  /** Every field {@link #policy} reads: the columns read of a Parquet policy table. */
  static final List<String> POLICY_COLUMNS = List.of(ID, HEAD, ENDPOINT, CLASSES, UP,
      CANDIDATE_PATHS);
  /** Every field {@link #lsp} reads. */
  static final List<String> LSP_COLUMNS = List.of(ID, HEAD, TAIL, BANDWIDTH_GBPS,
      SETUP_PRIORITY, CLASSES, UP);

  private TeRecords() {}

  /** A policy object (a snapshot row, or the {@code policy} of an {@code add_policy} op). */
  public static SrPolicy policy(JsonNode node) {
    return policy(Fields.of(node, "a policy"));
  }

  static SrPolicy policy(Fields f) {
    String id = f.requiredString(ID);
    String head = f.requiredString(HEAD);
    String endpoint = f.requiredString(ENDPOINT);
    if (head.equals(endpoint)) {
      throw new FieldException(f.name(ENDPOINT), "must differ from head (both \"" + head
          + "\")");
    }
    List<String> classes = f.stringList(CLASSES);
    boolean up = f.bool(UP, true);
    JsonNode paths = f.raw(CANDIDATE_PATHS);
    String field = f.name(CANDIDATE_PATHS);
    if (paths == null) {
      throw new FieldException(field, "missing required field (a non-empty list of segment "
          + "lists)");
    }
    if (!paths.isArray() || paths.isEmpty()) {
      throw new FieldException(field, "must be a non-empty list of segment lists, got "
          + Fields.describe(paths));
    }
    List<List<Segment>> candidates = new ArrayList<>();
    for (int c = 0; c < paths.size(); c++) {
      JsonNode list = paths.get(c);
      String at = field + "[" + c + "]";
      if (!list.isArray() || list.isEmpty()) {
        throw new FieldException(at, "must be a non-empty list of segments, got "
            + Fields.describe(list));
      }
      List<Segment> segments = new ArrayList<>();
      for (int s = 0; s < list.size(); s++) {
        segments.add(segment(f, list.get(s), at + "[" + s + "]"));
      }
      candidates.add(segments);
    }
    return new SrPolicy(id, head, endpoint, classes, up, candidates);
  }

  private static Segment segment(Fields policy, JsonNode node, String at) {
    if (!node.isObject()) {
      throw new FieldException(at, "must be a segment object {\"node\": DEVICE} or {\"adj\": "
          + "LINK}, got " + Fields.describe(node));
    }
    Fields f = policy.child(node, at + ".");
    boolean isNode = f.has(NODE);
    boolean isAdj = f.has(ADJ);
    if (isNode == isAdj) {
      throw new FieldException(at, "a segment names exactly one of node (a device) and adj (a "
          + "link)");
    }
    return isNode ? new Segment.Node(f.requiredString(NODE))
        : new Segment.Adj(f.requiredString(ADJ));
  }

  /** An LSP object (a snapshot row, or the {@code lsp} of an {@code add_lsp} op). */
  public static Lsp lsp(JsonNode node) {
    return lsp(Fields.of(node, "an LSP"));
  }

  static Lsp lsp(Fields f) {
    String id = f.requiredString(ID);
    String head = f.requiredString(HEAD);
    String tail = f.requiredString(TAIL);
    if (head.equals(tail)) {
      throw new FieldException(f.name(TAIL), "must differ from head (both \"" + head + "\")");
    }
    double bw = f.requiredNumber(BANDWIDTH_GBPS, false);
    int priority = Lsp.DEFAULT_PRIORITY;
    JsonNode p = f.raw(SETUP_PRIORITY);
    if (p != null) {
      if (!p.isNumber() || p.doubleValue() != Math.rint(p.doubleValue())
          || p.doubleValue() < 0 || p.doubleValue() > 7) {
        throw new FieldException(f.name(SETUP_PRIORITY), "must be an integer 0..7, got "
            + Fields.describe(p));
      }
      priority = p.intValue();
    }
    return new Lsp(id, head, tail, bw, priority, f.stringList(CLASSES), f.bool(UP, true));
  }

  /** A nested object of an op ({@code policy}, {@code lsp}), its fields named under it. */
  static Fields nested(Fields op, String field, String what) {
    JsonNode v = op.raw(field);
    if (v == null || !v.isObject()) {
      throw new FieldException(field, v == null ? "missing required field (a full " + what
          + " object)" : "must be an object, got " + Fields.describe(v));
    }
    return new Fields(v, field + ".");
  }
}
