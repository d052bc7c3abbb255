package io.netimpact.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.SrPolicy;
import java.util.ArrayList;
import java.util.List;

/** Parses SR-TE policy and RSVP-TE LSP records (contract 6.1, 6.2), naming the field at fault. */
public final class TeRecords {
  private TeRecords() {}

  /** A policy object (a snapshot row, or the {@code policy} of an {@code add_policy} op). */
  public static SrPolicy policy(JsonNode node) {
    return policy(Fields.of(node, "a policy"));
  }

  static SrPolicy policy(Fields f) {
    String id = f.requiredString("id");
    String head = f.requiredString("head");
    String endpoint = f.requiredString("endpoint");
    if (head.equals(endpoint)) {
      throw new FieldException(f.name("endpoint"), "must differ from head (both \"" + head
          + "\")");
    }
    List<String> classes = f.stringList("classes");
    boolean up = f.bool("up", true);
    JsonNode paths = f.raw("candidate_paths");
    String field = f.name("candidate_paths");
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
        segments.add(segment(list.get(s), at + "[" + s + "]"));
      }
      candidates.add(segments);
    }
    return new SrPolicy(id, head, endpoint, classes, up, candidates);
  }

  private static Segment segment(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new FieldException(at, "must be a segment object {\"node\": DEVICE} or {\"adj\": "
          + "LINK}, got " + Fields.describe(node));
    }
    Fields f = new Fields(node, at + ".");
    boolean isNode = f.has("node");
    boolean isAdj = f.has("adj");
    if (isNode == isAdj) {
      throw new FieldException(at, "a segment names exactly one of node (a device) and adj (a "
          + "link)");
    }
    return isNode ? new Segment.Node(f.requiredString("node"))
        : new Segment.Adj(f.requiredString("adj"));
  }

  /** An LSP object (a snapshot row, or the {@code lsp} of an {@code add_lsp} op). */
  public static Lsp lsp(JsonNode node) {
    return lsp(Fields.of(node, "an LSP"));
  }

  static Lsp lsp(Fields f) {
    String id = f.requiredString("id");
    String head = f.requiredString("head");
    String tail = f.requiredString("tail");
    if (head.equals(tail)) {
      throw new FieldException(f.name("tail"), "must differ from head (both \"" + head + "\")");
    }
    double bw = f.requiredNumber("bandwidth_gbps", false);
    int priority = Lsp.DEFAULT_PRIORITY;
    JsonNode p = f.raw("setup_priority");
    if (p != null) {
      if (!p.isNumber() || p.doubleValue() != Math.rint(p.doubleValue())
          || p.doubleValue() < 0 || p.doubleValue() > 7) {
        throw new FieldException(f.name("setup_priority"), "must be an integer 0..7, got "
            + Fields.describe(p));
      }
      priority = p.intValue();
    }
    return new Lsp(id, head, tail, bw, priority, f.stringList("classes"), f.bool("up", true));
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
