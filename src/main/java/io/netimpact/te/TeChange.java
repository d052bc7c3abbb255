package io.netimpact.te;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.routing.Network;
import io.netimpact.routing.UnknownElementException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TE ops of a change (docs/inputs.md#change-request) applied to the TE tables: a pure function
 * from the
 * tables before to the tables after. Unknown policies and LSPs are rejected like unknown
 * elements ({@link UnknownElementException}, naming the op and field); an added policy or LSP
 * must name known devices (and links, for adjacency segments: base links or links the same
 * change adds), must not reuse an id, and must not make a demand row steerable two ways.
 * O(ops x (policies + LSPs)) plus O(rows) when the change adds a policy or LSP.
 */
public final class TeChange {
  private TeChange() {}

  /** Whether a change has any TE op. O(ops). */
  public static boolean hasTeOps(Change c) {
    return c.ops().stream().anyMatch(op -> op instanceof ChangeOp.TeOp);
  }

  /** The TE tables after {@code change}'s TE ops over network {@code base} and its rows. */
  public static TrafficEngineering apply(TrafficEngineering te, Change change, Network base,
      List<Demand> rows) {
    List<SrPolicy> policies = new ArrayList<>(te.policies());
    List<Lsp> lsps = new ArrayList<>(te.lsps());
    Set<String> addedLinks = new HashSet<>();
    boolean adds = false;
    int i = 0;
    for (ChangeOp op : change.ops()) {
      if (op instanceof ChangeOp.AddLink o) {
        addedLinks.add(o.link().id());
      } else if (op instanceof ChangeOp.SetPolicyUp o) {
        int at = policyIndex(policies, o.policy(), i);
        policies.set(at, policies.get(at).withUp(o.up()));
      } else if (op instanceof ChangeOp.AddPolicy o) {
        SrPolicy p = o.policy();
        if (policies.stream().anyMatch(q -> q.id().equals(p.id()))) {
          throw new IllegalArgumentException("ops[" + i + "].policy.id: policy \"" + p.id()
              + "\" exists already");
        }
        device(base, p.head(), i, "policy.head");
        device(base, p.endpoint(), i, "policy.endpoint");
        for (List<Segment> path : p.candidatePaths()) {
          for (Segment s : path) {
            if (s instanceof Segment.Node n) {
              device(base, n.device(), i, "policy.candidate_paths.node");
            } else if (base.link(s.target()).isEmpty() && !addedLinks.contains(s.target())) {
              throw new UnknownElementException(i, "policy.candidate_paths.adj", "link",
                  s.target());
            }
          }
        }
        policies.add(p);
        adds = true;
      } else if (op instanceof ChangeOp.SetLspUp o) {
        int at = lspIndex(lsps, o.lsp(), i);
        lsps.set(at, lsps.get(at).withUp(o.up()));
      } else if (op instanceof ChangeOp.SetLspBandwidth o) {
        int at = lspIndex(lsps, o.lsp(), i);
        lsps.set(at, lsps.get(at).withBandwidth(o.bandwidthGbps()));
      } else if (op instanceof ChangeOp.AddLsp o) {
        Lsp l = o.lsp();
        if (lsps.stream().anyMatch(q -> q.id().equals(l.id()))) {
          throw new IllegalArgumentException("ops[" + i + "].lsp.id: LSP \"" + l.id()
              + "\" exists already");
        }
        device(base, l.head(), i, "lsp.head");
        device(base, l.tail(), i, "lsp.tail");
        lsps.add(l);
        adds = true;
      }
      i++;
    }
    TrafficEngineering after = new TrafficEngineering(policies, lsps);
    if (adds) {
      after.conflicts(rows).ifPresent(c -> {
        throw new IllegalArgumentException("change " + change.id() + ": " + c);
      });
    }
    return after;
  }

  private static void device(Network base, String id, int i, String field) {
    if (base.node(id).isEmpty()) {
      throw new UnknownElementException(i, field, "device", id);
    }
  }

  private static int policyIndex(List<SrPolicy> policies, String id, int i) {
    return indexOf(policies.stream().map(SrPolicy::id).toList(), id, i, "policy", "policy");
  }

  private static int lspIndex(List<Lsp> lsps, String id, int i) {
    return indexOf(lsps.stream().map(Lsp::id).toList(), id, i, "lsp", "LSP");
  }

  /** Position of {@code id} in {@code ids}, or an unknown element at op {@code i}. O(n). */
  private static int indexOf(List<String> ids, String id, int i, String field, String kind) {
    int at = ids.indexOf(id);
    if (at < 0) {
      throw new UnknownElementException(i, field, kind, id);
    }
    return at;
  }
}
