package io.netimpact.routing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;

/**
 * Applies a change to a network as a pure function: the result is a new {@link Network} in
 * the same index space (see {@link Network}); the input is never modified.
 *
 * <p>O(V + E + M + D) per change (the arrays an op may touch are copied once, derived
 * adjacency is rebuilt once), plus O(V) for a {@code site_down} and O(E) for an
 * {@code srlg_down} lookup.
 */
public final class ChangeApplier {
  private ChangeApplier() {}

  /**
   * @throws UnknownElementException when an op names an element the network lacks
   * @throws IllegalArgumentException when an op is invalid for this network (an added link
   *     whose id exists already)
   */
  public static Network apply(Network base, Change change) {
    NetworkDraft d = NetworkDraft.copyOf(base);
    int i = 0;
    for (ChangeOp op : change.ops()) {
      applyOp(base, d, op, i++);
    }
    return d.build();
  }

  private static void applyOp(Network base, NetworkDraft d, ChangeOp op, int i) {
    if (op instanceof ChangeOp.SetDrained o) {
      d.drainedW()[node(base, o.device(), i)] = o.drained();
    } else if (op instanceof ChangeOp.RemoveDevice o) {
      d.presentW()[node(base, o.device(), i)] = false;
    } else if (op instanceof ChangeOp.SetLinkUp o) {
      d.adminUpW()[link(d, o.link(), i)] = o.up();
    } else if (op instanceof ChangeOp.SetMemberUp o) {
      d.memberUpW()[member(d, o.link(), o.member(), i)] = o.up();
    } else if (op instanceof ChangeOp.SetCapacity o) {
      d.memberCapW()[member(d, o.link(), o.member(), i)] = o.capacityGbps();
    } else if (op instanceof ChangeOp.SetMetric o) {
      int l = link(d, o.link(), i);
      if (o.direction() != ChangeOp.Direction.BA) {
        d.metricAbW()[l] = o.metric();
      }
      if (o.direction() != ChangeOp.Direction.AB) {
        d.metricBaW()[l] = o.metric();
      }
    } else if (op instanceof ChangeOp.AddLink o) {
      addLink(base, d, o.link(), i);
    } else if (op instanceof ChangeOp.SrlgDown o) {
      int s = d.findSrlg(o.srlg())
          .orElseThrow(() -> new UnknownElementException(i, "srlg", "SRLG", o.srlg()));
      for (int l = 0; l < d.links; l++) {
        for (int r = d.srlgStart[l]; r < d.srlgStart[l + 1]; r++) {
          if (d.srlgOf[r] == s) {
            d.adminUpW()[l] = false;
          }
        }
      }
    } else if (op instanceof ChangeOp.SiteDown o) {
      int s = site(d, o.site(), i, "site");
      for (int v = 0; v < d.nodeIds.length; v++) {
        if (d.nodeSite[v] == s) {
          d.presentW()[v] = false;
        }
      }
    } else if (op instanceof ChangeOp.ScaleDemands o) {
      int srcSite = o.srcSite().isPresent() ? site(d, o.srcSite().get(), i, "src_site") : -1;
      int dstSite = o.dstSite().isPresent() ? site(d, o.dstSite().get(), i, "dst_site") : -1;
      for (int k = 0; k < d.demGbps.length; k++) {
        if ((srcSite < 0 || d.nodeSite[d.demSrc[k]] == srcSite)
            && (dstSite < 0 || d.nodeSite[d.demDst[k]] == dstSite)) {
          d.demGbpsW()[k] *= o.factor();
        }
      }
    } else {
      throw new IllegalStateException("unhandled op " + op);
    }
  }

  private static int node(Network base, String id, int i) {
    return base.node(id).orElseThrow(() -> new UnknownElementException(i, "device", "device", id));
  }

  /** Links added earlier in the same change are found too. */
  private static int link(NetworkDraft d, String id, int i) {
    return d.findLink(id).orElseThrow(() -> new UnknownElementException(i, "link", "link", id));
  }

  private static int member(NetworkDraft d, String linkId, String memberId, int i) {
    int l = link(d, linkId, i);
    for (int m = d.memberStart[l]; m < d.memberStart[l + 1]; m++) {
      if (d.memberIds[m].equals(memberId)) {
        return m;
      }
    }
    throw new UnknownElementException(i, "member", "member of link " + linkId, memberId);
  }

  private static int site(NetworkDraft d, String name, int i, String field) {
    return d.findSite(name).orElseThrow(() -> new UnknownElementException(i, field, "site", name));
  }

  private static void addLink(Network base, NetworkDraft d, Link l, int i) {
    int a = base.node(l.a()).orElseThrow(() -> new UnknownElementException(i, "link.a", "device", l.a()));
    int b = base.node(l.b()).orElseThrow(() -> new UnknownElementException(i, "link.b", "device", l.b()));
    if (d.findLink(l.id()).isPresent()) {
      throw new IllegalArgumentException(
          "ops[" + i + "].link.id: link \"" + l.id() + "\" exists already");
    }
    int k = l.members().size();
    String[] ids = new String[k];
    double[] caps = new double[k];
    boolean[] ups = new boolean[k];
    for (int m = 0; m < k; m++) {
      Member mem = l.members().get(m);
      ids[m] = mem.id();
      caps[m] = mem.capacityGbps();
      ups[m] = mem.up();
    }
    d.appendLink(l.id(), a, b, l.metric(), l.metricBaOrDefault(), l.latencyMs(), l.up(),
        l.minLinks(), ids, caps, ups, l.srlgs().toArray(String[]::new));
  }
}
