package io.netimpact.routing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routes.Flat;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2DoubleLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * What one change does to a base {@link Network}, element by element, without copying the
 * network: arcs switched off or on, metrics and capacities overridden, devices drained,
 * undrained or removed, links added as an overlay, demand volumes changed. In the manner of
 * JGraphT's {@code MaskSubgraph}: the base stays as it is and a {@link MaskedView} answers
 * every question about the network after the change in O(1).
 *
 * <p>The incremental rules, the repair, the reroute, the report and the traffic series all
 * read the change from here; what each op means is defined once, in {@link MaskBuilder}.
 *
 * <p>Index space: base arcs keep their indices; the k-th added link is link {@code L + k}
 * ({@code L} the base's link count) with arcs {@code 2(L + k)} and {@code 2(L + k) + 1}.
 *
 * <p>An <em>increase-only</em> mask (arcs removed, metrics raised, devices drained or
 * removed, capacities and volumes changed) can only lengthen paths, so it can be repaired in
 * place over the ancestors of what it changed on a destination's DAG; anything that may shorten
 * a path (an arc added or restored, a metric lowered, a device undrained) is repaired over a
 * larger region that also holds the devices it brings nearer ({@code
 * PairEvaluator.repairShorter}).
 *
 * <p>Built by {@link #of} in O(ops + members and SRLG entries of the touched links + devices
 * of a downed site + D per {@code scale_demands}); never O(V + E) unless an op itself is.
 */
public final class ScenarioMask implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The mask of no change at all. */
  public static ScenarioMask empty(Network base) {
    return new ScenarioMask(base.nodeCount(), base.linkCount(), Arcs.NONE, Devices.NONE,
        Added.NONE, Volumes.NONE, true);
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
  /**
   * The slots an evaluator's after view walks when this mask gives stubs back: those between
   * devices that are no stubs after it ({@link Network#slotsWithout}), made once per JVM with
   * {@link #returningStubs}; null until then. Not serialized.
   */
  transient volatile Network.Slots slotsAfter;

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

  /**
   * What the change does to arcs: switched off, switched on (with their metric), metric and
   * capacity overrides; each pair of arrays index-aligned, as the fields of the same names.
   */
  record Arcs(int[] off, int[] on, int[] onMetric, int[] metricArcs, int[] newMetric,
      int[] anyMetricArcs, int[] anyNewMetric, int[] capacityArcs, double[] newCapacity) {
    static final Arcs NONE = new Arcs(new int[0], new int[0], new int[0], new int[0],
        new int[0], new int[0], new int[0], new int[0], new double[0]);

    Arcs {
      if (on.length != onMetric.length || metricArcs.length != newMetric.length
          || anyMetricArcs.length != anyNewMetric.length
          || capacityArcs.length != newCapacity.length) {
        throw new IllegalArgumentException("arc changes and their values are not aligned");
      }
    }
  }

  /** Devices drained after and not before, the reverse, and devices removed. */
  record Devices(int[] drained, int[] undrained, int[] removed) {
    static final Devices NONE = new Devices(new int[0], new int[0], new int[0]);
  }

  /** Demands (base indices) whose volume differs, the volumes after, the scaling ops. */
  record Volumes(int[] demands, double[] newGbps, Scale[] scales) {
    static final Volumes NONE = new Volumes(new int[0], new double[0], new Scale[0]);

    Volumes {
      if (demands.length != newGbps.length) {
        throw new IllegalArgumentException("demands and their volumes are not aligned");
      }
    }
  }

  ScenarioMask(int baseNodes, int baseLinks, Arcs arcs, Devices devices, Added added,
      Volumes volumes, boolean increaseOnly) {
    this.baseNodes = baseNodes;
    this.baseLinks = baseLinks;
    this.offArcs = arcs.off();
    this.onArcs = arcs.on();
    this.onMetric = arcs.onMetric();
    this.metricArcs = arcs.metricArcs();
    this.newMetric = arcs.newMetric();
    this.anyMetricArcs = arcs.anyMetricArcs();
    this.anyNewMetric = arcs.anyNewMetric();
    this.capacityArcs = arcs.capacityArcs();
    this.newCapacity = arcs.newCapacity();
    this.drained = devices.drained();
    this.undrained = devices.undrained();
    this.removed = devices.removed();
    this.added = added;
    this.demands = volumes.demands();
    this.newGbps = volumes.newGbps();
    this.scales = volumes.scales();
    this.increaseOnly = increaseOnly;
  }

  /**
   * Writes this mask as flat primitives, every array as it is: how it crosses processes under
   * Kryo, read back by {@link #read}. What one JVM found of it (its stubs given back, its slots
   * after) is not written, as with Java serialization. O(size of the mask).
   */
  public void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(baseNodes);
    out.writeInt(baseLinks);
    for (int[] a : new int[][] {offArcs, onArcs, onMetric, metricArcs, newMetric, anyMetricArcs,
        anyNewMetric, capacityArcs}) {
      Flat.writeInts(a, out);
    }
    Flat.writeDoubles(newCapacity, out);
    Flat.writeInts(drained, out);
    Flat.writeInts(undrained, out);
    Flat.writeInts(removed, out);
    Flat.writeStrings(added.ids(), out);
    Flat.writeInts(added.a(), out);
    Flat.writeInts(added.b(), out);
    Flat.writeInts(added.metricAb(), out);
    Flat.writeInts(added.metricBa(), out);
    Flat.writeDoubles(added.latencyMs(), out);
    Flat.writeDoubles(added.capacity(), out);
    Flat.writeBooleans(added.usable(), out);
    Flat.writeInts(demands, out);
    Flat.writeDoubles(newGbps, out);
    out.writeInt(scales.length);
    for (Scale sc : scales) {
      out.writeDouble(sc.factor());
      out.writeInt(sc.srcSite());
      out.writeInt(sc.dstSite());
    }
    out.writeBoolean(increaseOnly);
  }

  /**
   * The mask {@link #write} wrote, checked as the constructor checks. O(size of the mask).
   *
   * @throws IllegalArgumentException when the arrays read do not line up
   */
  public static ScenarioMask read(java.io.DataInput in) throws java.io.IOException {
    int nodes = in.readInt();
    int links = in.readInt();
    Arcs arcs = new Arcs(Flat.readInts(in), Flat.readInts(in), Flat.readInts(in),
        Flat.readInts(in), Flat.readInts(in), Flat.readInts(in), Flat.readInts(in),
        Flat.readInts(in), Flat.readDoubles(in));
    Devices devices = new Devices(Flat.readInts(in), Flat.readInts(in), Flat.readInts(in));
    Added added = new Added(Flat.readStrings(in), Flat.readInts(in), Flat.readInts(in),
        Flat.readInts(in), Flat.readInts(in), Flat.readDoubles(in), Flat.readDoubles(in),
        Flat.readBooleans(in));
    int[] demands = Flat.readInts(in);
    double[] gbps = Flat.readDoubles(in);
    Scale[] scales = new Scale[in.readInt()];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = new Scale(in.readDouble(), in.readInt(), in.readInt());
    }
    Volumes volumes = new Volumes(demands, gbps, scales);
    return new ScenarioMask(nodes, links, arcs, devices, added.count() == 0 ? Added.NONE
        : added, volumes, in.readBoolean());
  }

  /** This mask with other volume changes: the same arcs, devices and added links. */
  private ScenarioMask withVolumes(Volumes v) {
    return new ScenarioMask(baseNodes, baseLinks, new Arcs(offArcs, onArcs, onMetric,
        metricArcs, newMetric, anyMetricArcs, anyNewMetric, capacityArcs, newCapacity),
        new Devices(drained, undrained, removed), added, v, increaseOnly);
  }

  /** Whether the change can only lengthen paths (see the class comment). */
  public boolean isIncreaseOnly() {
    return increaseOnly;
  }

  /**
   * Whether the mask can only lengthen paths and switches no arc on: then, for any
   * destination, it can change routing only when one of its {@link #routingArcs} lies on the
   * destination's shortest-path DAG or it changes a demand towards the destination (the rules
   * of {@link PairEvaluator#affects}), and that holds on the DAG after another such change too.
   */
  public boolean isComposable() {
    return increaseOnly && onArcs.length == 0 && undrained.length == 0;
  }

  /**
   * The base arcs whose presence on a destination's shortest-path DAG lets this mask change
   * the destination's routing: the arcs it switches off, those whose metric it changes, and
   * the usable arcs into the devices it drains; ascending, without repeats. O(changed
   * elements log changed elements + in-degree of the drained devices).
   */
  public int[] routingArcs(Network base) {
    it.unimi.dsi.fastutil.ints.IntOpenHashSet arcs = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
    for (int a : offArcs) {
      arcs.add(a);
    }
    for (int a : metricArcs) {
      arcs.add(a);
    }
    for (int v : drained) {
      for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
        arcs.add(base.inArc[j]);
      }
    }
    int[] out = arcs.toIntArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * The stubs of {@code base} this mask gives back (the devices the evaluators route again
   * after it, {@link PairEvaluator#stubsGivenBackBy}), when found already in this JVM or given
   * with {@link #knowStubsGivenBack}; empty while not known. Ascending; a copy. O(their number).
   */
  public java.util.Optional<int[]> knownStubsGivenBack() {
    int[] r = returningStubs;
    return r == null ? java.util.Optional.empty() : java.util.Optional.of(r.clone());
  }

  /**
   * Gives this mask its stubs given back as found before for the same mask on the same base
   * (a stored baseline's N-1 results keep them): the evaluators then do not find them again,
   * which for a failure inside a site costs a Dijkstra per border device of the site. Does
   * nothing when they are known already.
   *
   * @throws IllegalArgumentException when {@code stubs} are not ascending stubs of {@code base}
   *     or the mask is of another network
   */
  public void knowStubsGivenBack(Network base, int[] stubs) {
    if (base.nodeCount() != baseNodes || base.linkCount() != baseLinks) {
      throw new IllegalArgumentException("stubs of another network");
    }
    boolean[] stub = base.transitStubs();
    for (int i = 0; i < stubs.length; i++) {
      int v = stubs[i];
      if (v < 0 || v >= baseNodes || !stub[v] || (i > 0 && stubs[i - 1] >= v)) {
        throw new IllegalArgumentException("device " + (v >= 0 && v < baseNodes
            ? base.nodeId(v) : String.valueOf(v)) + " is no stub of the network, or the "
            + "stubs are not ascending");
      }
    }
    synchronized (this) {
      if (returningStubs == null) {
        returningStubs = stubs.clone();
      }
    }
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
   * @throws InvalidOpException when an op is invalid for this network (an added link or member
   *     whose id exists already)
   */
  public static ScenarioMask of(Network base, Change change) {
    MaskBuilder b = new MaskBuilder(base);
    int i = 0;
    for (ChangeOp op : change.ops()) {
      b.apply(op, i++);
    }
    return b.build();
  }

  /**
   * The mask of {@code change} over {@code base}, as {@link #of}, refusing a change whose result
   * holds a non-finite capacity or demand total (sums of finite values can overflow, as with
   * {@code scale_demands} by 1e308): the op that first makes it so is named, with its field.
   * O(mask) when the result is finite, which is the rule; O(ops x mask) to find the op when not.
   *
   * @throws UnknownElementException when an op names an element the network lacks
   * @throws InvalidOpException when an op is invalid for this network or overflows
   */
  public static ScenarioMask checked(Network base, Change change) {
    ScenarioMask mask = of(base, change);
    if (mask.nonFinite(base).isEmpty()) {
      return mask;
    }
    for (int k = 1; k <= change.ops().size(); k++) {
      java.util.Optional<String> what = of(base, new Change(change.id(), change.title(),
          change.ops().subList(0, k))).nonFinite(base);
      if (what.isPresent()) {
        ChangeOp op = change.ops().get(k - 1);
        String field = op instanceof ChangeOp.ScaleDemands ? "factor"
            : op instanceof ChangeOp.SetCapacity ? "capacity_gbps"
            : op instanceof ChangeOp.AddMember ? "member.capacity_gbps"
            : op instanceof ChangeOp.AddLink ? "link.members" : "";
        throw new InvalidOpException(k - 1, field, "makes " + what.get()
            + " overflow to infinity (largest number 1.8e308)");
      }
    }
    return mask;
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
    return withVolumes(new Volumes(dem.toIntArray(), vol.toDoubleArray(), scales));
  }

  /**
   * A change that grows every demand alike, split by linearity: the factor f on every demand
   * and the mask of the same change at the base's volumes ({@code routing}). Arc loads are
   * linear in the volumes destination by destination, so with every volume multiplied by f the
   * loads after are f times those of {@code routing}, whatever it does to the paths; a
   * change whose only op is such a growth moves no path at all ({@code routing} is empty).
   *
   * @param factor  the product of the change's {@code scale_demands} factors
   * @param routing this mask without its volume changes
   */
  public record Growth(double factor, ScenarioMask routing) {}

  /**
   * The change as a {@link Growth}, when every {@code scale_demands} op of it names no site
   * (so it scales every demand), there is at least one, and every changed volume is its base
   * volume times their product (nothing else changed a volume); empty otherwise, and for a
   * product of exactly 1. O(scale ops + demands).
   */
  public java.util.Optional<Growth> uniformGrowth(Network base) {
    if (scales.length == 0) {
      return java.util.Optional.empty();
    }
    double f = 1.0;
    for (Scale s : scales) {
      if (s.srcSite >= 0 || s.dstSite >= 0) {
        return java.util.Optional.empty();
      }
      f *= s.factor;
    }
    if (f == 1.0 || !Double.isFinite(f)) {
      return java.util.Optional.empty();
    }
    int scaled = 0;
    for (int k = 0; k < base.demandCount(); k++) {
      scaled += base.demGbps[k] * f != base.demGbps[k] ? 1 : 0;
    }
    if (scaled != demands.length) {
      return java.util.Optional.empty();
    }
    for (int i = 0; i < demands.length; i++) {
      double expected = base.demandGbps(demands[i]) * f;
      if (Math.abs(newGbps[i] - expected) > 1e-12 * Math.abs(expected)) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(new Growth(f, withVolumes(Volumes.NONE)));
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
