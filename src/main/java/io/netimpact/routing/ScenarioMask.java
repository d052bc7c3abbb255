package io.netimpact.routing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2DoubleLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one change does to a base {@link Network}, element by element, without copying the
 * network: arcs switched off or on, metrics and capacities overridden, devices drained,
 * undrained or removed, links added as an overlay, demand volumes changed. In the manner of
 * JGraphT's {@code MaskSubgraph}: the base stays as it is and a {@link MaskedView} answers
 * every question about the network after the change in O(1).
 *
 * <p>This is the one definition of what each op of a change means; the incremental rules,
 * the repair, the reroute, the report and the traffic series all read the change from here.
 *
 * <p>Index space: base arcs keep their indices; the k-th added link is link {@code L + k}
 * ({@code L} the base's link count) with arcs {@code 2(L + k)} and {@code 2(L + k) + 1}.
 *
 * <p>An <em>increase-only</em> mask (arcs removed, metrics raised, devices drained or
 * removed, capacities and volumes changed) can only lengthen paths, so it can be repaired in
 * place; anything that may shorten a path (an arc added or restored, a metric lowered, a
 * device undrained) is routed afresh for the destinations it touches.
 *
 * <p>Built by {@link #of} in O(ops + members and SRLG entries of the touched links + devices
 * of a downed site + D per {@code scale_demands}); never O(V + E) unless an op itself is.
 */
public final class ScenarioMask implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The mask of no change at all. */
  public static ScenarioMask empty(Network base) {
    return new ScenarioMask(base.nodeCount(), base.linkCount(), new int[0], new int[0],
        new int[0], new int[0], new int[0], new int[0], new int[0], new int[0], new double[0],
        new int[0], new int[0], new int[0], Added.NONE, new int[0], new double[0],
        new Scale[0], true);
  }

  final int baseNodes;
  final int baseLinks;
  /** Base arcs usable before and not after. */
  final int[] offArcs;
  /** Arcs usable after and not before (restored base arcs, added arcs), ascending. */
  final int[] onArcs;
  /** Metric after of each on-arc. */
  final int[] onMetric;
  /** Arcs usable before and after whose metric changed, with their metric after. */
  final int[] metricArcs;
  final int[] newMetric;
  /** Every arc whose metric after differs from the base's (on-arcs included). */
  final int[] anyMetricArcs;
  final int[] anyNewMetric;
  /** Arcs whose capacity differs (off and on arcs included), with the capacity after. */
  final int[] capacityArcs;
  final double[] newCapacity;
  /** Devices drained after and not before, the reverse, and devices removed. */
  final int[] drained;
  final int[] undrained;
  final int[] removed;
  final Added added;
  /** Demands (base indices) whose volume differs, with the volume after. */
  final int[] demands;
  final double[] newGbps;
  /** The change's {@code scale_demands} ops, to apply to other demand matrices too. */
  final Scale[] scales;
  private final boolean increaseOnly;
  /**
   * The base's stubs this mask gives back ({@link TransitStubs#returning}), found once per
   * JVM by the first evaluator that shows the mask; null until then. Not serialized.
   */
  transient volatile int[] returningStubs;

  /** One {@code scale_demands}: {@code factor} on demands from site src to site dst (-1: any). */
  record Scale(double factor, int srcSite, int dstSite) implements java.io.Serializable {}

  /** Links the change adds, in order: the overlay. */
  record Added(String[] ids, int[] a, int[] b, int[] metricAb, int[] metricBa,
      double[] latencyMs, double[] capacity, boolean[] usable) implements java.io.Serializable {
    static final Added NONE = new Added(new String[0], new int[0], new int[0], new int[0],
        new int[0], new double[0], new double[0], new boolean[0]);

    int count() {
      return ids.length;
    }
  }

  private ScenarioMask(int baseNodes, int baseLinks, int[] offArcs, int[] onArcs,
      int[] onMetric, int[] metricArcs, int[] newMetric, int[] anyMetricArcs,
      int[] anyNewMetric, int[] capacityArcs, double[] newCapacity, int[] drained,
      int[] undrained, int[] removed, Added added, int[] demands, double[] newGbps,
      Scale[] scales, boolean increaseOnly) {
    this.baseNodes = baseNodes;
    this.baseLinks = baseLinks;
    this.offArcs = offArcs;
    this.onArcs = onArcs;
    this.onMetric = onMetric;
    this.metricArcs = metricArcs;
    this.newMetric = newMetric;
    this.anyMetricArcs = anyMetricArcs;
    this.anyNewMetric = anyNewMetric;
    this.capacityArcs = capacityArcs;
    this.newCapacity = newCapacity;
    this.drained = drained;
    this.undrained = undrained;
    this.removed = removed;
    this.added = added;
    this.demands = demands;
    this.newGbps = newGbps;
    this.scales = scales;
    this.increaseOnly = increaseOnly;
  }

  /** Whether the change can only lengthen paths (see the class comment). */
  public boolean isIncreaseOnly() {
    return increaseOnly;
  }

  /** Whether routing may change at all (anything but capacities and volumes changed). */
  public boolean touchesRouting() {
    return offArcs.length + onArcs.length + metricArcs.length + drained.length
        + undrained.length > 0;
  }

  /** The arcs whose capacity differs after (switched off or on included), ascending. */
  public int[] capacityChangedArcs() {
    return capacityArcs.clone();
  }

  /** Number of changed elements: the cost of checking the rules for one destination. */
  public int size() {
    return offArcs.length + onArcs.length + metricArcs.length + drained.length
        + undrained.length + demands.length;
  }

  /** Whether the change alters the volume of any demand of the base. */
  public boolean changesDemands() {
    return demands.length > 0;
  }

  /** Arcs of the network after the change: the base's plus two per added link. */
  public int arcCount() {
    return 2 * (baseLinks + added.count());
  }

  /** Links of the network after the change. */
  public int linkCount() {
    return baseLinks + added.count();
  }

  /** Devices the change removes, ascending. */
  public int[] removedDevices() {
    return removed.clone();
  }

  /**
   * The factor the change's {@code scale_demands} ops put on a demand from {@code src} to
   * {@code dst} of {@code base}: the product of the matching ops' factors, 1 when none match.
   * O(scale ops).
   */
  public double demandFactor(Network base, int src, int dst) {
    double f = 1.0;
    for (Scale s : scales) {
      if ((s.srcSite < 0 || base.nodeSite[src] == s.srcSite)
          && (s.dstSite < 0 || base.nodeSite[dst] == s.dstSite)) {
        f *= s.factor;
      }
    }
    return f;
  }

  /**
   * What of the network after the change is not finite (an arc's capacity) or beyond its
   * bound (the demand total, at most {@link io.netimpact.model.Demand#MAX_TOTAL_GBPS}), if
   * anything: sums and products of finite values can overflow. O(changed elements).
   */
  public java.util.Optional<String> nonFinite(Network base) {
    for (int i = 0; i < capacityArcs.length; i++) {
      if (!Double.isFinite(newCapacity[i])) {
        int l = capacityArcs[i] >> 1;
        return java.util.Optional.of("the capacity of link " + (l < baseLinks ? base.linkId(l)
            : added.ids()[l - baseLinks]));
      }
    }
    double total = base.totalDemandGbps();
    for (int i = 0; i < demands.length; i++) {
      total += newGbps[i] - base.demandGbps(demands[i]);
    }
    // Beyond the bound a utilisation over a 1 bit/s link could overflow.
    return total <= io.netimpact.model.Demand.MAX_TOTAL_GBPS ? java.util.Optional.empty()
        : java.util.Optional.of("the demand total (more than "
            + io.netimpact.model.Demand.MAX_TOTAL_GBPS + " Gbps)");
  }

  @Override
  public String toString() {
    return "ScenarioMask[off=" + Arrays.toString(offArcs) + ", on=" + Arrays.toString(onArcs)
        + ", metric=" + Arrays.toString(metricArcs) + ", drained=" + Arrays.toString(drained)
        + ", undrained=" + Arrays.toString(undrained) + ", removed="
        + Arrays.toString(removed) + ", added=" + added.count() + ", demands="
        + demands.length + "]";
  }

  /**
   * The mask of {@code change} over {@code base}. Ops apply in order; later ops see links
   * added earlier in the same change.
   *
   * @throws UnknownElementException when an op names an element the network lacks
   * @throws IllegalArgumentException when an op is invalid for this network (an added link
   *     whose id exists already)
   */
  public static ScenarioMask of(Network base, Change change) {
    Builder b = new Builder(base);
    int i = 0;
    for (ChangeOp op : change.ops()) {
      b.apply(op, i++);
    }
    return b.build();
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

  private static final class Builder {
    private final Network base;
    /** Touched base links and added links (index >= base links), in first-touch order. */
    private final Int2ObjectLinkedOpenHashMap<LinkState> links =
        new Int2ObjectLinkedOpenHashMap<>();
    private final Map<String, Integer> addedIndex = new HashMap<>();
    private final List<LinkState> added = new ArrayList<>();
    private final Int2ObjectLinkedOpenHashMap<Boolean> drainedAfter =
        new Int2ObjectLinkedOpenHashMap<>();
    private final IntLinkedOpenHashSet removed = new IntLinkedOpenHashSet();
    private final Int2DoubleLinkedOpenHashMap volume = new Int2DoubleLinkedOpenHashMap();
    private final List<Scale> scales = new ArrayList<>();

    Builder(Network base) {
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
          throw new IllegalArgumentException("ops[" + i + "].member.id: member \""
              + o.member().id() + "\" exists already in link " + s.id);
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
        for (int k = 0; k < base.demSrc.length; k++) {
          if ((src < 0 || base.nodeSite[base.demSrc[k]] == src)
              && (dst < 0 || base.nodeSite[base.demDst[k]] == dst)) {
            volume.put(k, volume.getOrDefault(k, base.demGbps[k]) * o.factor());
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
      int[] vk = volume.keySet().toIntArray();
      Arrays.sort(vk);
      for (int k : vk) {
        double g = volume.get(k);
        if (g != base.demGbps[k]) {
          dem.add(k);
          gbps.add(g);
        }
      }
      // Capacity changes of the drained-state map would be none; arcs on or off follow links.
      return new ScenarioMask(base.nodeCount(), baseLinks, off.toIntArray(), on.toIntArray(),
          onMetric.toIntArray(), metric.toIntArray(), newMetric.toIntArray(),
          anyMetric.toIntArray(), anyNewMetric.toIntArray(), cap.toIntArray(),
          newCap.toDoubleArray(), dr.toIntArray(), undr.toIntArray(), remArr,
          new Added(aIds, aA, aB, aMab, aMba, aLat, aCap, aUsable), dem.toIntArray(),
          gbps.toDoubleArray(), scales.toArray(Scale[]::new), increaseOnly);
    }
  }

  /**
   * This mask with the volumes after of some demands set to {@code gbps} (for example the
   * traffic that traffic engineering hands back to plain IGP); demands not named keep this
   * mask's volume. Volume changes keep a mask increase-only. O(changed demands + named).
   */
  public ScenarioMask withVolumes(Network base, int[] named, double[] gbps) {
    if (named.length == 0) {
      return this;
    }
    Int2DoubleMap v = volumes();
    for (int i = 0; i < named.length; i++) {
      v.put(named[i], gbps[i]);
    }
    int[] ks = v.keySet().toIntArray();
    Arrays.sort(ks);
    IntArrayList dem = new IntArrayList();
    DoubleArrayList vol = new DoubleArrayList();
    for (int k : ks) {
      if (v.get(k) != base.demGbps[k]) {
        dem.add(k);
        vol.add(v.get(k));
      }
    }
    return new ScenarioMask(baseNodes, baseLinks, offArcs, onArcs, onMetric, metricArcs,
        newMetric, anyMetricArcs, anyNewMetric, capacityArcs, newCapacity, drained, undrained,
        removed, added, dem.toIntArray(), vol.toDoubleArray(), scales, increaseOnly);
  }

  /** Volume after of every changed demand, for checks: demand index to Gbps. */
  Int2DoubleMap volumes() {
    Int2DoubleLinkedOpenHashMap m = new Int2DoubleLinkedOpenHashMap();
    for (int i = 0; i < demands.length; i++) {
      m.put(demands[i], newGbps[i]);
    }
    return m;
  }
}
