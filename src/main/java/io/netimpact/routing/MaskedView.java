package io.netimpact.routing;

import java.util.Arrays;

/**
 * The network after a change, seen through its {@link ScenarioMask} over the base: every
 * lookup (is an arc usable, its metric, capacity, ends; is a device drained or present; the
 * usable arcs into or out of a device) is O(1) from dense arrays over the base plus a small
 * overlay for arcs the change switches on or adds.
 *
 * <p>A view is a reusable, per-thread object: {@link #show} switches it to another mask of the
 * same base in O(changed elements of the old and the new mask), so one view serves every
 * scenario of a task without copying the network. Not thread-safe. A view showing {@link
 * ScenarioMask#empty} is the base network itself.
 */
public final class MaskedView implements NetworkView {
  final Network base;
  private final int baseArcs;
  private ScenarioMask mask;

  /** Base arcs the mask switches off. */
  final boolean[] off;
  /** Base arcs the mask switches on (unusable in the base). */
  private final boolean[] restored;
  /** Metric after of base arcs whose metric the mask changes; 0 = the base's. */
  private final int[] metricOver;
  private final boolean[] capacitySet;
  private final double[] capacityOver;
  private final boolean[] drainFlip;
  private final boolean[] absent;
  /**
   * Demands whose volume the mask sets, and their volumes after: made when a mask first sets
   * one (a view that never does, such as demand deduction's over millions of pairs, holds no
   * array per demand).
   */
  private boolean[] volumeSet;
  private double[] volumeOver;
  /** Devices with switched-on arcs leaving or entering them, and those arcs (ascending). */
  final boolean[] hasExtraOut;
  final boolean[] hasExtraIn;
  /**
   * Per device, its switched-on arcs (null where none): arrays indexed by device, not maps, as
   * the kernel asks for them at every device it settles and a mask is shown once per pair.
   */
  private final int[][] extraOut;
  private final int[][] extraIn;
  /**
   * Unique per view and {@link #show}: a result computed on a view records which mask it saw,
   * and the push refuses to run it on another.
   */
  private static final java.util.concurrent.atomic.AtomicLong GENERATIONS =
      new java.util.concurrent.atomic.AtomicLong();
  private long generation = GENERATIONS.incrementAndGet();
  /**
   * Devices the kernel leaves out of every Dijkstra ({@link TransitStubs}), or null: never
   * labelled, so they stay unreachable. Set by the evaluator that owns the view.
   */
  boolean[] stubs;
  /**
   * The slots the kernel walks: only those between devices not in {@link #stubs} (or every
   * slot when no device is left out), see {@link #leaveOut}.
   */
  Network.Slots slots;
  /** Whether the mask switches any base arc off, or changes any base arc's metric. */
  private boolean anyOff;
  private boolean anyMetric;

  public MaskedView(Network base) {
    this.base = base;
    this.baseArcs = base.arcCount();
    int n = base.nodeCount();
    off = new boolean[baseArcs];
    restored = new boolean[baseArcs];
    metricOver = new int[baseArcs];
    capacitySet = new boolean[baseArcs];
    capacityOver = new double[baseArcs];
    drainFlip = new boolean[n];
    absent = new boolean[n];
    hasExtraOut = new boolean[n];
    hasExtraIn = new boolean[n];
    extraOut = new int[n][];
    extraIn = new int[n][];
    mask = ScenarioMask.empty(base);
    slots = base.allSlots();
  }

  /**
   * Leaves {@code stubs} out of every Dijkstra (null: none). Given the base's own {@link
   * Network#transitStubs} array, the kernel walks only the slots between non-stubs.
   */
  void leaveOut(boolean[] stubs) {
    leaveOut(stubs, stubs != null && stubs == base.transitStubs() ? base.coreSlots()
        : base.allSlots());
  }

  /**
   * Leaves {@code stubs} out, the kernel walking {@code slots}: every slot between devices not
   * in {@code stubs} must be among them ({@link Network#slotsWithout}; slots with a left-out
   * end may be, as they are never used).
   */
  void leaveOut(boolean[] stubs, Network.Slots slots) {
    this.stubs = stubs;
    this.slots = slots;
  }

  /**
   * The arcs of the out-slots this view walks, by slot (each usable base arc between devices
   * it does not leave out, once): the index space of {@link KeptPaths}' loads. Shared; do not
   * modify. O(slots) on first use.
   */
  public int[] slotArcs() {
    return slots.outArcs(base);
  }

  /** A view of the base network with no change. */
  public static MaskedView of(Network base) {
    return new MaskedView(base);
  }

  /** A view of the base after {@code mask}. */
  public static MaskedView of(Network base, ScenarioMask mask) {
    MaskedView v = new MaskedView(base);
    v.show(mask);
    return v;
  }

  public Network base() {
    return base;
  }

  public ScenarioMask mask() {
    return mask;
  }

  long generation() {
    return generation;
  }

  /** Shows the network after {@code next} instead; O(changed elements of both masks). */
  public MaskedView show(ScenarioMask next) {
    if (next.baseNodes != base.nodeCount() || next.baseLinks != base.linkCount()) {
      throw new IllegalArgumentException("mask of another network: " + next.baseNodes
          + " devices / " + next.baseLinks + " links, the view's base has "
          + base.nodeCount() + " / " + base.linkCount());
    }
    set(mask, false);
    mask = next;
    set(next, true);
    anyOff = next.offArcs.length > 0;
    anyMetric = next.anyMetricArcs.length > 0;
    generation = GENERATIONS.incrementAndGet();
    return this;
  }

  private void set(ScenarioMask m, boolean on) {
    for (int a : m.offArcs) {
      off[a] = on;
    }
    for (int i = 0; i < m.anyMetricArcs.length; i++) {
      metricOver[m.anyMetricArcs[i]] = on ? m.anyNewMetric[i] : 0;
    }
    for (int i = 0; i < m.capacityArcs.length; i++) {
      int a = m.capacityArcs[i];
      if (a < baseArcs) {
        capacitySet[a] = on;
        capacityOver[a] = on ? m.newCapacity[i] : 0.0;
      }
    }
    for (int v : m.drained) {
      drainFlip[v] = on;
    }
    for (int v : m.undrained) {
      drainFlip[v] = on;
    }
    for (int v : m.removed) {
      absent[v] = on;
    }
    if (m.demands.length > 0 && volumeSet == null) {
      volumeSet = new boolean[base.demandCount()];
      volumeOver = new double[base.demandCount()];
    }
    for (int i = 0; i < m.demands.length; i++) {
      volumeSet[m.demands[i]] = on;
      volumeOver[m.demands[i]] = on ? m.newGbps[i] : 0.0;
    }
    if (!on) {
      for (int a : m.onArcs) {
        if (a < baseArcs) {
          restored[a] = false;
        }
        hasExtraOut[tail(a)] = false;
        hasExtraIn[head(a)] = false;
        extraOut[tail(a)] = null;
        extraIn[head(a)] = null;
      }
      return;
    }
    for (int a : m.onArcs) {
      if (a < baseArcs) {
        restored[a] = true;
      }
    }
    // onArcs is ascending, so every device's extra arcs are too; a device's arcs are few.
    for (int a : m.onArcs) {
      int t = tail(a);
      int h = head(a);
      extraOut[t] = append(extraOut[t], a);
      extraIn[h] = append(extraIn[h], a);
      hasExtraOut[t] = true;
      hasExtraIn[h] = true;
    }
  }

  private static int[] append(int[] arcs, int a) {
    if (arcs == null) {
      return new int[] {a};
    }
    int[] more = Arrays.copyOf(arcs, arcs.length + 1);
    more[arcs.length] = a;
    return more;
  }

  /** Devices, the same before and after a change (removed ones stay as absent indices). */
  public int nodeCount() {
    return base.nodeCount();
  }

  /** Arcs after the change: the base's plus those of added links. */
  public int arcCount() {
    return mask.arcCount();
  }

  public int linkCount() {
    return mask.linkCount();
  }

  /** Switched-on arcs leaving {@code v} (only where {@link #hasExtraOut} is set). */
  int[] extraOut(int v) {
    return extraOut[v];
  }

  int[] extraIn(int v) {
    return extraIn[v];
  }

  public int tail(int arc) {
    if (arc < baseArcs) {
      return base.tail(arc);
    }
    int k = (arc >> 1) - base.linkCount();
    return (arc & 1) == 0 ? mask.added.a()[k] : mask.added.b()[k];
  }

  public int head(int arc) {
    if (arc < baseArcs) {
      return base.head(arc);
    }
    int k = (arc >> 1) - base.linkCount();
    return (arc & 1) == 0 ? mask.added.b()[k] : mask.added.a()[k];
  }

  private static final int[] NO_ARCS = new int[0];

  /**
   * Arcs the mask switches on (restored or added) that leave {@code v}, ascending; empty if
   * none. With the base's usable arcs ({@link Network#outArcs}) not {@link #isOff}, every
   * usable arc leaving v. O(1).
   */
  public int[] switchedOnOutOf(int v) {
    return hasExtraOut[v] ? extraOut(v) : NO_ARCS;
  }

  /** Arcs the mask switches on that enter {@code v}, ascending; empty if none. O(1). */
  public int[] switchedOnInto(int v) {
    return hasExtraIn[v] ? extraIn(v) : NO_ARCS;
  }

  /** Whether a base arc that is usable in the base is switched off by the mask. O(1). */
  public boolean isOff(int arc) {
    return off[arc];
  }

  public int arcMetric(int arc) {
    if (arc < baseArcs) {
      int m = metricOver[arc];
      return m != 0 ? m : base.arcMetric(arc);
    }
    int k = (arc >> 1) - base.linkCount();
    return (arc & 1) == 0 ? mask.added.metricAb()[k] : mask.added.metricBa()[k];
  }

  public boolean arcUsable(int arc) {
    if (arc < baseArcs) {
      return base.usable[arc >> 1] ? !off[arc] : restored[arc];
    }
    return mask.added.usable()[(arc >> 1) - base.linkCount()];
  }

  /** Capacity of an arc after the change in Gbps; 0 when unusable. */
  public double arcCapacity(int arc) {
    if (arc < baseArcs) {
      return capacitySet[arc] ? capacityOver[arc] : base.arcCapacity(arc);
    }
    return mask.added.capacity()[(arc >> 1) - base.linkCount()];
  }

  public double latencyMs(int arc) {
    int l = arc >> 1;
    return l < base.linkCount() ? base.latencyMs[l] : mask.added.latencyMs()[l - base.linkCount()];
  }

  public String linkId(int link) {
    return link < base.linkCount() ? base.linkIds[link]
        : mask.added.ids()[link - base.linkCount()];
  }

  public String nodeId(int v) {
    return base.nodeIds[v];
  }

  public boolean isDrained(int v) {
    return base.drained[v] ^ drainFlip[v];
  }

  public boolean isPresent(int v) {
    return base.present[v] && !absent[v];
  }

  @Override
  public MaskedView view() {
    return this;
  }

  public java.util.Optional<Integer> node(String id) {
    return base.node(id);
  }

  public java.util.Optional<Integer> link(String id) {
    java.util.Optional<Integer> l = base.link(id);
    if (l.isPresent()) {
      return l;
    }
    String[] ids = mask.added.ids();
    for (int k = 0; k < ids.length; k++) {
      if (ids[k].equals(id)) {
        return java.util.Optional.of(base.linkCount() + k);
      }
    }
    return java.util.Optional.empty();
  }

  public int linkA(int link) {
    return tail(2 * link);
  }

  public int linkB(int link) {
    return head(2 * link);
  }

  public boolean isUsable(int link) {
    return arcUsable(2 * link);
  }

  public double linkCapacity(int link) {
    return arcCapacity(2 * link);
  }

  public int demandCount() {
    return base.demandCount();
  }

  public int demandSrc(int k) {
    return base.demSrc[k];
  }

  public int demandDst(int k) {
    return base.demDst[k];
  }

  /** Destinations of the base's demands (a change never adds demands). */
  public int[] destinations() {
    return base.destinations();
  }

  /** Volume after the change of base demand {@code k}, Gbps. */
  public double demandGbps(int k) {
    return volumeSet != null && volumeSet[k] ? volumeOver[k] : base.demGbps[k];
  }

  /**
   * Whether base out-slot {@code j} (arc {@code base.outArcs()[j]}, usable in the base) is
   * usable after the change. O(1), no lookup when the mask switches nothing off.
   */
  boolean outSlotUsable(int j) {
    return !anyOff || !off[base.outArc[j]];
  }

  /** Whether base in-slot {@code i} is usable after the change. O(1). */
  boolean inSlotUsable(int i) {
    return !anyOff || !off[base.inArc[i]];
  }

  /** Metric after the change of the arc in base out-slot {@code j}. O(1). */
  int outSlotMetric(int j) {
    return metricAfter(base.outArc[j], base.outMetric[j]);
  }

  /** Metric after the change of the arc in base in-slot {@code i}. O(1). */
  int inSlotMetric(int i) {
    return metricAfter(base.inArc[i], base.inMetric[i]);
  }

  private int metricAfter(int arc, int baseMetric) {
    if (anyMetric) {
      int m = metricOver[arc];
      if (m != 0) {
        return m;
      }
    }
    return baseMetric;
  }

  /**
   * {@link #isNextHop} for the arc in base out-slot {@code j} of device {@code u}, read from
   * the arc-aligned arrays; includes the slot's usability after the change. O(1).
   */
  boolean isNextHopSlot(int dst, long[] dist, int u, int j) {
    if (!outSlotUsable(j) || u == dst) {
      return false;
    }
    long du = dist[u];
    int v = base.outHead[j];
    long dv = dist[v];
    if (du == ShortestPaths.UNREACHABLE || dv == ShortestPaths.UNREACHABLE) {
      return false;
    }
    if (v != dst && isDrained(v)) {
      return false;
    }
    return du == dv + outSlotMetric(j);
  }

  /**
   * Whether {@code arc} (usable) is a next hop towards {@code dst} given distances {@code
   * dist}: {@code d(u) == w + d(v)}, u is not the destination and v is the destination or not
   * drained. The one definition of the shortest-path DAG. O(1).
   */
  boolean isNextHop(int dst, long[] dist, int arc) {
    int u = tail(arc);
    int v = head(arc);
    long du = dist[u];
    long dv = dist[v];
    if (du == ShortestPaths.UNREACHABLE || dv == ShortestPaths.UNREACHABLE || u == dst) {
      return false;
    }
    if (v != dst && isDrained(v)) {
      return false;
    }
    return du == dv + arcMetric(arc);
  }
}
