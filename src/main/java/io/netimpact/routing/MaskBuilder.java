package io.netimpact.routing;

import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.routing.ScenarioMask.Added;
import io.netimpact.routing.ScenarioMask.Scale;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each op of a change means, as edits to the base network's elements: the one place the
 * op semantics live ({@code docs/inputs.md#change-request}). Ops are applied in order to a
 * copy of the state of each element they touch (a touched link's admin state, metrics and
 * members; a device's drain flag; a removed device; a demand's volume; links added as an
 * overlay), and {@link #build} turns what differs from the base into a {@link ScenarioMask}.
 * Unknown elements are {@link UnknownElementException}s naming the op and field.
 *
 * <p>O(ops + members and SRLG entries of the touched links + devices of a downed site + D per
 * {@code scale_demands}) to apply, and O(touched elements log touched elements) to build;
 * never O(V + E) unless an op itself is.
 */
final class MaskBuilder {
  private final Network base;
  /** Touched base links and added links (index >= base links), in first-touch order. */
  private final Int2ObjectLinkedOpenHashMap<LinkState> links =
      new Int2ObjectLinkedOpenHashMap<>();
  private final Map<String, Integer> addedIndex = new HashMap<>();
  private final List<LinkState> added = new ArrayList<>();
  private final Int2ObjectLinkedOpenHashMap<Boolean> drainedAfter =
      new Int2ObjectLinkedOpenHashMap<>();
  private final IntLinkedOpenHashSet removed = new IntLinkedOpenHashSet();
  /**
   * Every demand's volume after, dense (a growth scales most of them: an array, not a map of
   * hundreds of thousands of entries); null while no op changed a volume.
   */
  private double[] volume;
  private final List<Scale> scales = new ArrayList<>();

  MaskBuilder(Network base) {
    this.base = base;
  }

  void apply(ChangeOp op, int i) {
    if (op instanceof ChangeOp.SetDrained o) {
      drainedAfter.put(node(o.device(), i, "device"), Boolean.valueOf(o.drained()));
    } else if (op instanceof ChangeOp.RemoveDevice o) {
      removed.add(node(o.device(), i, "device"));
    } else if (op instanceof ChangeOp.SetLinkUp o) {
      state(link(o.link(), i)).adminUp = o.up();
    } else if (op instanceof ChangeOp.SetMemberUp o) {
      LinkState s = state(link(o.link(), i));
      s.memberUp[member(s, o.member(), i)] = o.up();
    } else if (op instanceof ChangeOp.SetCapacity o) {
      LinkState s = state(link(o.link(), i));
      s.memberCap[member(s, o.member(), i)] = o.capacityGbps();
    } else if (op instanceof ChangeOp.SetMetric o) {
      LinkState s = state(link(o.link(), i));
      if (o.direction() != ChangeOp.Direction.BA) {
        s.metricAb = o.metric();
      }
      if (o.direction() != ChangeOp.Direction.AB) {
        s.metricBa = o.metric();
      }
    } else if (op instanceof ChangeOp.AddMember o) {
      LinkState s = state(link(o.link(), i));
      if (Arrays.asList(s.memberIds).contains(o.member().id())) {
        throw new InvalidOpException(i, "member.id", "member \"" + o.member().id()
            + "\" exists already in link " + s.id);
      }
      s.addMember(o.member().id(), o.member().capacityGbps(), o.member().up());
    } else if (op instanceof ChangeOp.AddLink o) {
      addLink(o.link(), i);
    } else if (op instanceof ChangeOp.SrlgDown o) {
      srlgDown(o.srlg(), i);
    } else if (op instanceof ChangeOp.SiteDown o) {
      int s = site(o.site(), i, "site");
      for (int v : base.devicesOfSite(s)) {
        removed.add(v);
      }
    } else if (op instanceof ChangeOp.ScaleDemands o) {
      int src = o.srcSite().isPresent() ? site(o.srcSite().get(), i, "src_site") : -1;
      int dst = o.dstSite().isPresent() ? site(o.dstSite().get(), i, "dst_site") : -1;
      scales.add(new Scale(o.factor(), src, dst));
      if (volume == null) {
        volume = base.demGbps.clone();
      }
      for (int k = 0; k < base.demSrc.length; k++) {
        if ((src < 0 || base.nodeSite[base.demSrc[k]] == src)
            && (dst < 0 || base.nodeSite[base.demDst[k]] == dst)) {
          volume[k] *= o.factor();
        }
      }
    } else if (!(op instanceof ChangeOp.TeOp)) {
      // TE ops change the TE tables, not the network: see te.TeChange.
      throw new IllegalStateException("unhandled op " + op);
    }
  }

  private int node(String id, int i, String field) {
    return base.node(id).orElseThrow(() -> new UnknownElementException(i, field, "device",
        id));
  }

  /** Base links and links added earlier in the same change. */
  private int link(String id, int i) {
    Integer a = addedIndex.get(id);
    if (a != null) {
      return a;
    }
    return base.link(id).orElseThrow(() -> new UnknownElementException(i, "link", "link",
        id));
  }

  private LinkState state(int l) {
    LinkState s = links.get(l);
    if (s == null) {
      s = LinkState.ofBase(base, l);
      links.put(l, s);
    }
    return s;
  }

  private static int member(LinkState s, String id, int i) {
    for (int m = 0; m < s.memberIds.length; m++) {
      if (s.memberIds[m].equals(id)) {
        return m;
      }
    }
    throw new UnknownElementException(i, "member", "member of link " + s.id, id);
  }

  private int site(String name, int i, String field) {
    return base.site(name).orElseThrow(() -> new UnknownElementException(i, field, "site",
        name));
  }

  private void srlgDown(String name, int i) {
    boolean known = false;
    var s = base.srlg(name);
    if (s.isPresent()) {
      known = true;
      for (int l : base.linksOfSrlg(s.get())) {
        state(l).adminUp = false;
      }
    }
    for (int k = 0; k < added.size(); k++) {
      if (Arrays.asList(added.get(k).srlgs).contains(name)) {
        known = true;
        added.get(k).adminUp = false;
      }
    }
    if (!known) {
      throw new UnknownElementException(i, "srlg", "SRLG", name);
    }
  }

  private void addLink(Link l, int i) {
    int a = base.node(l.a()).orElseThrow(() -> new UnknownElementException(i, "link.a",
        "device", l.a()));
    int b = base.node(l.b()).orElseThrow(() -> new UnknownElementException(i, "link.b",
        "device", l.b()));
    if (addedIndex.containsKey(l.id()) || base.link(l.id()).isPresent()) {
      throw new InvalidOpException(i, "link.id", "link \"" + l.id() + "\" exists already");
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
    LinkState s = new LinkState(l.id(), a, b, l.metric(), l.metricBaOrDefault(),
        l.latencyMs(), l.up(), l.minLinks(), ids, caps, ups,
        l.srlgs().toArray(String[]::new));
    int index = base.linkCount() + added.size();
    added.add(s);
    addedIndex.put(l.id(), index);
    links.put(index, s);
  }

  private boolean presentAfter(int v) {
    return base.present[v] && !removed.contains(v);
  }

  ScenarioMask build() {
    int baseLinks = base.linkCount();
    int baseArcs = base.arcCount();
    // Links whose usability or capacity may change: touched ones, and the usable links of
    // removed devices.
    IntLinkedOpenHashSet candidates = new IntLinkedOpenHashSet(links.keySet());
    for (int v : removed) {
      for (int j = base.outStart[v]; j < base.outStart[v + 1]; j++) {
        candidates.add(base.outArc[j] >> 1);
      }
    }
    int[] sorted = candidates.toIntArray();
    Arrays.sort(sorted);
    IntArrayList off = new IntArrayList();
    IntArrayList on = new IntArrayList();
    IntArrayList onMetric = new IntArrayList();
    IntArrayList metric = new IntArrayList();
    IntArrayList newMetric = new IntArrayList();
    IntArrayList anyMetric = new IntArrayList();
    IntArrayList anyNewMetric = new IntArrayList();
    IntArrayList cap = new IntArrayList();
    DoubleArrayList newCap = new DoubleArrayList();
    boolean increaseOnly = true;
    int addedCount = added.size();
    String[] aIds = new String[addedCount];
    int[] aA = new int[addedCount];
    int[] aB = new int[addedCount];
    int[] aMab = new int[addedCount];
    int[] aMba = new int[addedCount];
    double[] aLat = new double[addedCount];
    double[] aCap = new double[addedCount];
    boolean[] aUsable = new boolean[addedCount];
    for (int l : sorted) {
      LinkState s = links.get(l);
      boolean isBase = l < baseLinks;
      boolean ub = isBase && base.usable[l];
      double cb = isBase ? base.capacity[l] : 0.0;
      boolean ua;
      double ca;
      int mab;
      int mba;
      if (s == null) {
        ua = base.usable[l] && presentAfter(base.linkA[l]) && presentAfter(base.linkB[l]);
        ca = ua ? base.capacity[l] : 0.0;
        mab = base.metricAb[l];
        mba = base.metricBa[l];
      } else {
        ua = s.usable(presentAfter(s.a), presentAfter(s.b));
        ca = s.capacity(presentAfter(s.a), presentAfter(s.b));
        mab = s.metricAb;
        mba = s.metricBa;
      }
      if (!isBase) {
        int k = l - baseLinks;
        aIds[k] = s.id;
        aA[k] = s.a;
        aB[k] = s.b;
        aMab[k] = mab;
        aMba[k] = mba;
        aLat[k] = s.latencyMs;
        aCap[k] = ca;
        aUsable[k] = ua;
      }
      for (int dir = 0; dir < 2; dir++) {
        int arc = 2 * l + dir;
        int mBefore = isBase ? (dir == 0 ? base.metricAb[l] : base.metricBa[l]) : 0;
        int mAfter = dir == 0 ? mab : mba;
        if (ub && !ua) {
          off.add(arc);
        } else if (!ub && ua) {
          on.add(arc);
          onMetric.add(mAfter);
          increaseOnly = false;
        } else if (ub && mBefore != mAfter) {
          metric.add(arc);
          newMetric.add(mAfter);
          increaseOnly &= mAfter > mBefore;
        }
        if (isBase && mBefore != mAfter) {
          anyMetric.add(arc);
          anyNewMetric.add(mAfter);
        }
        if (cb != ca) {
          cap.add(arc);
          newCap.add(ca);
        }
      }
    }
    IntArrayList dr = new IntArrayList();
    IntArrayList undr = new IntArrayList();
    IntLinkedOpenHashSet nodes = new IntLinkedOpenHashSet(drainedAfter.keySet());
    int[] nodeList = nodes.toIntArray();
    Arrays.sort(nodeList);
    for (int v : nodeList) {
      boolean db = base.drained[v] && base.present[v];
      boolean da = drainedAfter.get(v) && presentAfter(v);
      if (da && !db) {
        dr.add(v);
      } else if (db && !da && presentAfter(v)) {
        undr.add(v);
        increaseOnly = false;
      }
    }
    IntArrayList rem = new IntArrayList();
    for (int v : removed) {
      if (base.present[v]) {
        rem.add(v);
      }
    }
    int[] remArr = rem.toIntArray();
    Arrays.sort(remArr);
    IntArrayList dem = new IntArrayList();
    DoubleArrayList gbps = new DoubleArrayList();
    for (int k = 0; volume != null && k < volume.length; k++) {
      if (volume[k] != base.demGbps[k]) {
        dem.add(k);
        gbps.add(volume[k]);
      }
    }
    // Capacity changes of the drained-state map would be none; arcs on or off follow links.
    return new ScenarioMask(base.nodeCount(), baseLinks, new ScenarioMask.Arcs(
        off.toIntArray(), on.toIntArray(), onMetric.toIntArray(), metric.toIntArray(),
        newMetric.toIntArray(), anyMetric.toIntArray(), anyNewMetric.toIntArray(),
        cap.toIntArray(), newCap.toDoubleArray()),
        new ScenarioMask.Devices(dr.toIntArray(), undr.toIntArray(), remArr),
        new Added(aIds, aA, aB, aMab, aMba, aLat, aCap, aUsable),
        new ScenarioMask.Volumes(dem.toIntArray(), gbps.toDoubleArray(),
            scales.toArray(Scale[]::new)), increaseOnly);
  }

  /** The state after the change of one touched link: a copy of its base state, then edited. */
  private static final class LinkState {
    final String id;
    final int a;
    final int b;
    int metricAb;
    int metricBa;
    final double latencyMs;
    boolean adminUp;
    final int minLinks;
    String[] memberIds;
    double[] memberCap;
    boolean[] memberUp;
    final String[] srlgs;

    LinkState(String id, int a, int b, int metricAb, int metricBa, double latencyMs,
        boolean adminUp, int minLinks, String[] memberIds, double[] memberCap,
        boolean[] memberUp, String[] srlgs) {
      this.id = id;
      this.a = a;
      this.b = b;
      this.metricAb = metricAb;
      this.metricBa = metricBa;
      this.latencyMs = latencyMs;
      this.adminUp = adminUp;
      this.minLinks = minLinks;
      this.memberIds = memberIds;
      this.memberCap = memberCap;
      this.memberUp = memberUp;
      this.srlgs = srlgs;
    }

    /** Appends a member (add_member). */
    void addMember(String id, double capacityGbps, boolean up) {
      int k = memberIds.length;
      memberIds = Arrays.copyOf(memberIds, k + 1);
      memberCap = Arrays.copyOf(memberCap, k + 1);
      memberUp = Arrays.copyOf(memberUp, k + 1);
      memberIds[k] = id;
      memberCap[k] = capacityGbps;
      memberUp[k] = up;
    }

    static LinkState ofBase(Network n, int l) {
      int from = n.memberStart[l];
      int to = n.memberStart[l + 1];
      return new LinkState(n.linkIds[l], n.linkA[l], n.linkB[l], n.metricAb[l], n.metricBa[l],
          n.latencyMs[l], n.adminUp[l], n.minLinks[l],
          Arrays.copyOfRange(n.memberIds, from, to), Arrays.copyOfRange(n.memberCap, from, to),
          Arrays.copyOfRange(n.memberUp, from, to), n.linkSrlgs(l));
    }

    /** Capacity after, given which devices are present after; 0 when unusable. */
    double capacity(boolean presentA, boolean presentB) {
      int up = 0;
      double cap = 0;
      for (int m = 0; m < memberUp.length; m++) {
        if (memberUp[m]) {
          up++;
          cap += memberCap[m];
        }
      }
      return adminUp && up >= minLinks && presentA && presentB ? cap : 0.0;
    }

    boolean usable(boolean presentA, boolean presentB) {
      int up = 0;
      for (boolean u : memberUp) {
        if (u) {
          up++;
        }
      }
      return adminUp && up >= minLinks && presentA && presentB;
    }
  }
}
