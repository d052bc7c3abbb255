package io.netimpact.routing;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled, immutable network: devices, links, members and aggregated demands as dense
 * {@code int}-indexed arrays with CSR adjacency over the usable arcs.
 *
 * <p>Link {@code l} gives arc {@code 2l} (a-&gt;b) and arc {@code 2l+1} (b-&gt;a). A change
 * never copies the network: it is a {@link ScenarioMask} over it, seen through a {@link
 * MaskedView} in the same index space (removed devices stay as absent indices, removed links as
 * unusable ones, added links are appended), so before and after arrays line up index by index.
 *
 * <p>Demands are aggregated per (src, dst) pair and sorted by destination; {@link
 * #demandsTo(int)} gives each destination's range in O(1).
 *
 * <p>Instances are shared read-only between threads and broadcast to executors; the id maps
 * are rebuilt lazily where needed (driver side) and not serialized.
 */
public final class Network implements NetworkView, Serializable {
  private static final long serialVersionUID = 1L;

  final String[] nodeIds;
  final int[] nodeSite;
  final int[] nodeRegion;
  final int[] nodeRole;
  final String[] sites;
  final String[] regions;
  final String[] roles;
  final boolean[] drained;
  final boolean[] present;

  final String[] linkIds;
  final int[] linkA;
  final int[] linkB;
  final int[] metricAb;
  final int[] metricBa;
  final double[] latencyMs;
  final boolean[] adminUp;
  final int[] minLinks;
  final int[] memberStart;
  final String[] memberIds;
  final double[] memberCap;
  final boolean[] memberUp;
  final int[] srlgStart;
  final int[] srlgOf;
  final String[] srlgs;

  final int[] demSrc;
  final int[] demDst;
  final double[] demGbps;
  final int[] demByDstStart;

  // Derived from the above by Network's constructor.
  final double[] capacity;
  final boolean[] usable;
  final int[] outStart;
  final int[] outArc;
  final int[] inStart;
  final int[] inArc;
  /**
   * Arc-aligned copies in CSR order: for out-slot {@code j} (arc {@code outArc[j]}) its head and
   * metric, for in-slot {@code i} (arc {@code inArc[i]}) its tail and metric. The kernel's
   * loops read these sequentially instead of looking each arc's ends up in the link arrays
   * (a cache miss per arc on large networks).
   */
  final int[] outHead;
  final int[] outMetric;
  final int[] inTail;
  final int[] inMetric;

  private transient volatile Map<String, Integer> nodeIndex;
  private transient volatile Map<String, Integer> linkIndex;
  private transient volatile Map<String, Integer> siteIndex;
  private transient volatile Map<String, Integer> srlgIndex;
  private transient volatile int[][] linksBySrlg;
  private transient volatile int[][] devicesBySite;
  private transient volatile int[] positionsInSite;
  private transient volatile int[][] demandsBySource;
  /**
   * The demand total once summed. No sentinel value in an initializer: a deserialized network
   * (Java serialization, or Kryo's field serializer, which make it without running a
   * constructor) has every transient field at its default, so the default must mean "not yet".
   */
  private transient volatile double totalDemand;
  private transient volatile boolean totalDemandKnown;
  /** Found once where the network is compiled and shipped with it (not transient). */
  private volatile boolean[] transitStubs;
  private transient volatile int[][] stubsBySite;
  private transient volatile TransitStubs.Roles stubRoles;
  private transient volatile Slots allSlots;
  private transient volatile Slots coreSlots;
  /** Per site, its {@link TransitStubs.Stretches} once made (empty: too large to keep). */
  private transient volatile java.util.Optional<TransitStubs.Stretches>[] stretches;

  /**
   * The devices, dense-indexed: ids, indexes into the site, region and role dictionaries, the
   * drain flag and whether the device is in the network at all.
   */
  record Devices(String[] ids, int[] site, int[] region, int[] role, String[] sites,
      String[] regions, String[] roles, boolean[] drained, boolean[] present) {
    Devices {
      aligned("devices", ids.length, site.length, region.length, role.length, drained.length,
          present.length);
    }
  }

  /**
   * The links, dense-indexed: ids, endpoints, the metric each way, latency, admin state and the
   * LAG's minimum of members up.
   */
  record Links(String[] ids, int[] a, int[] b, int[] metricAb, int[] metricBa,
      double[] latencyMs, boolean[] adminUp, int[] minLinks) {
    Links {
      aligned("links", ids.length, a.length, b.length, metricAb.length, metricBa.length,
          latencyMs.length, adminUp.length, minLinks.length);
    }
  }

  /** LAG members in CSR form: link {@code l}'s are {@code [start[l], start[l + 1])}. */
  record Members(int[] start, String[] ids, double[] capacity, boolean[] up) {
    Members {
      aligned("members", ids.length, capacity.length, up.length);
    }
  }

  /** SRLG memberships in CSR form over the SRLG dictionary {@code names}. */
  record Srlgs(int[] start, int[] of, String[] names) {}

  /**
   * The demands summed per (source, destination) pair, grouped by destination:
   * {@code byDstStart} indexes each destination's run.
   */
  record Demands(int[] src, int[] dst, double[] gbps, int[] byDstStart) {
    Demands {
      aligned("demands", src.length, dst.length, gbps.length);
    }
  }

  private static void aligned(String what, int... lengths) {
    for (int n : lengths) {
      if (n != lengths[0]) {
        throw new IllegalArgumentException(what + ": arrays of different lengths "
            + Arrays.toString(lengths));
      }
    }
  }

  /** Compiles the arc arrays from the parts (made by {@link NetworkDraft}). O(V + E + M). */
  Network(Devices devices, Links linkParts, Members members, Srlgs srlgParts, Demands demands) {
    this.nodeIds = devices.ids();
    this.nodeSite = devices.site();
    this.nodeRegion = devices.region();
    this.nodeRole = devices.role();
    this.sites = devices.sites();
    this.regions = devices.regions();
    this.roles = devices.roles();
    this.drained = devices.drained();
    this.present = devices.present();
    this.linkIds = linkParts.ids();
    this.linkA = linkParts.a();
    this.linkB = linkParts.b();
    this.metricAb = linkParts.metricAb();
    this.metricBa = linkParts.metricBa();
    this.latencyMs = linkParts.latencyMs();
    this.adminUp = linkParts.adminUp();
    this.minLinks = linkParts.minLinks();
    this.memberStart = members.start();
    this.memberIds = members.ids();
    this.memberCap = members.capacity();
    this.memberUp = members.up();
    this.srlgStart = srlgParts.start();
    this.srlgOf = srlgParts.of();
    this.srlgs = srlgParts.names();
    this.demSrc = demands.src();
    this.demDst = demands.dst();
    this.demGbps = demands.gbps();
    this.demByDstStart = demands.byDstStart();

    int links = linkIds.length;
    this.capacity = new double[links];
    this.usable = new boolean[links];
    for (int l = 0; l < links; l++) {
      int up = 0;
      double cap = 0;
      for (int m = memberStart[l]; m < memberStart[l + 1]; m++) {
        if (memberUp[m]) {
          up++;
          cap += memberCap[m];
        }
      }
      boolean ok = adminUp[l] && up >= minLinks[l] && present[linkA[l]] && present[linkB[l]];
      usable[l] = ok;
      capacity[l] = ok ? cap : 0.0;
    }
    int n = nodeIds.length;
    this.outStart = new int[n + 1];
    this.inStart = new int[n + 1];
    for (int l = 0; l < links; l++) {
      if (usable[l]) {
        outStart[linkA[l] + 1]++;
        outStart[linkB[l] + 1]++;
        inStart[linkA[l] + 1]++;
        inStart[linkB[l] + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      outStart[v + 1] += outStart[v];
      inStart[v + 1] += inStart[v];
    }
    this.outArc = new int[outStart[n]];
    this.inArc = new int[inStart[n]];
    int[] outFill = java.util.Arrays.copyOf(outStart, n);
    int[] inFill = java.util.Arrays.copyOf(inStart, n);
    // Arcs are visited in increasing index order, so each adjacency list is sorted by arc.
    for (int arc = 0; arc < 2 * links; arc++) {
      if (usable[arc >> 1]) {
        outArc[outFill[tail(arc)]++] = arc;
        inArc[inFill[head(arc)]++] = arc;
      }
    }
    this.outHead = new int[outArc.length];
    this.outMetric = new int[outArc.length];
    for (int j = 0; j < outArc.length; j++) {
      outHead[j] = head(outArc[j]);
      outMetric[j] = arcMetric(outArc[j]);
    }
    this.inTail = new int[inArc.length];
    this.inMetric = new int[inArc.length];
    for (int i = 0; i < inArc.length; i++) {
      inTail[i] = tail(inArc[i]);
      inMetric[i] = arcMetric(inArc[i]);
    }
  }

  public int nodeCount() {
    return nodeIds.length;
  }

  public int linkCount() {
    return linkIds.length;
  }

  public int arcCount() {
    return 2 * linkIds.length;
  }

  public int demandCount() {
    return demSrc.length;
  }

  public String nodeId(int v) {
    return nodeIds[v];
  }

  public boolean isPresent(int v) {
    return present[v];
  }

  public boolean isDrained(int v) {
    return drained[v];
  }

  /** The device's site, or "" when it has none. */
  public String site(int v) {
    return nodeSite[v] < 0 ? "" : sites[nodeSite[v]];
  }

  public String region(int v) {
    return nodeRegion[v] < 0 ? "" : regions[nodeRegion[v]];
  }

  public String role(int v) {
    return nodeRole[v] < 0 ? "" : roles[nodeRole[v]];
  }

  public String linkId(int l) {
    return linkIds[l];
  }

  public boolean isUsable(int l) {
    return usable[l];
  }

  /** Capacity of each direction of link {@code l} in Gbps; 0 when unusable. */
  public double linkCapacity(int l) {
    return capacity[l];
  }

  public int linkA(int l) {
    return linkA[l];
  }

  public int linkB(int l) {
    return linkB[l];
  }

  public double linkLatencyMs(int l) {
    return latencyMs[l];
  }

  /** Names of the SRLGs of link {@code l}. */
  public String[] linkSrlgs(int l) {
    String[] out = new String[srlgStart[l + 1] - srlgStart[l]];
    for (int i = 0; i < out.length; i++) {
      out[i] = srlgs[srlgOf[srlgStart[l] + i]];
    }
    return out;
  }

  public int srlgCount() {
    return srlgs.length;
  }

  public String srlgName(int s) {
    return srlgs[s];
  }

  public int siteCount() {
    return sites.length;
  }

  public String siteName(int s) {
    return sites[s];
  }

  public static int linkOf(int arc) {
    return arc >> 1;
  }

  /** The device an arc leaves. */
  public int tail(int arc) {
    int l = arc >> 1;
    return (arc & 1) == 0 ? linkA[l] : linkB[l];
  }

  /** The device an arc enters. */
  public int head(int arc) {
    int l = arc >> 1;
    return (arc & 1) == 0 ? linkB[l] : linkA[l];
  }

  public int arcMetric(int arc) {
    int l = arc >> 1;
    return (arc & 1) == 0 ? metricAb[l] : metricBa[l];
  }

  public double arcCapacity(int arc) {
    return capacity[arc >> 1];
  }

  public boolean arcUsable(int arc) {
    return usable[arc >> 1];
  }

  public int demandSrc(int d) {
    return demSrc[d];
  }

  public int demandDst(int d) {
    return demDst[d];
  }

  public double demandGbps(int d) {
    return demGbps[d];
  }

  /** First demand index with destination {@code dst}; the range ends at {@code demandsTo(dst + 1)}. */
  public int demandsTo(int dst) {
    return demByDstStart[dst];
  }

  /** Destinations that have at least one demand, in index order. */
  public int[] destinations() {
    int count = 0;
    for (int v = 0; v < nodeIds.length; v++) {
      if (demByDstStart[v + 1] > demByDstStart[v]) {
        count++;
      }
    }
    int[] out = new int[count];
    int i = 0;
    for (int v = 0; v < nodeIds.length; v++) {
      if (demByDstStart[v + 1] > demByDstStart[v]) {
        out[i++] = v;
      }
    }
    return out;
  }

  /** Usable arcs leaving {@code v}: {@code outArcs()[outBegin(v) .. outBegin(v + 1))}. */
  public int outBegin(int v) {
    return outStart[v];
  }

  public int[] outArcs() {
    return outArc;
  }

  public int inBegin(int v) {
    return inStart[v];
  }

  public int[] inArcs() {
    return inArc;
  }

  /**
   * This network with other volumes for its demands ({@code gbps} indexed as {@link
   * #demandGbps}): the same devices, links and demand pairs. O(V + E + D).
   */
  public Network withDemandVolumes(double[] gbps) {
    if (gbps.length != demGbps.length) {
      throw new IllegalArgumentException("expected " + demGbps.length + " volumes, got "
          + gbps.length);
    }
    return withDemandParts(new Demands(demSrc, demDst, gbps.clone(), demByDstStart));
  }

  /** This network's devices, links, members and SRLGs with {@code demands}. O(V + E). */
  private Network withDemandParts(Demands demands) {
    return new Network(
        new Devices(nodeIds, nodeSite, nodeRegion, nodeRole, sites, regions, roles, drained,
            present),
        new Links(linkIds, linkA, linkB, metricAb, metricBa, latencyMs, adminUp, minLinks),
        new Members(memberStart, memberIds, memberCap, memberUp),
        new Srlgs(srlgStart, srlgOf, srlgs),
        demands);
  }

  /**
   * This network's devices and links with other demand pairs: pair k from {@code src[k]} to
   * {@code dst[k]} with volume {@code gbps[k]}, the pairs distinct and ordered by destination,
   * then source (the order {@link #demandSrc} indexes). For callers that make millions of pairs
   * (demand deduction) without a {@link io.netimpact.model.Demand} each. O(V + E + P).
   *
   * @throws IllegalArgumentException when the arrays differ in length, a device index is out of
   *     range, a pair's ends are the same device, or the pairs are not in that order
   */
  public Network withDemands(int[] src, int[] dst, double[] gbps) {
    aligned("demands", src.length, dst.length, gbps.length);
    int n = nodeIds.length;
    int[] byDst = new int[n + 1];
    for (int k = 0; k < src.length; k++) {
      if (src[k] < 0 || src[k] >= n || dst[k] < 0 || dst[k] >= n || src[k] == dst[k]) {
        throw new IllegalArgumentException("pair " + k + ": " + src[k] + " -> " + dst[k]
            + " is not a pair of distinct devices of " + n);
      }
      if (k > 0 && (dst[k] < dst[k - 1] || dst[k] == dst[k - 1] && src[k] <= src[k - 1])) {
        throw new IllegalArgumentException("pair " + k + " is out of order: pairs must be "
            + "distinct and ordered by destination, then source");
      }
      byDst[dst[k] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      byDst[v + 1] += byDst[v];
    }
    return withDemandParts(new Demands(src, dst, gbps, byDst));
  }

  /** A view of this network with no change. O(V + E). */
  @Override
  public MaskedView view() {
    return MaskedView.of(this);
  }

  /**
   * A view with no change that leaves the devices that can never carry the demands' traffic
   * ({@link TransitStubs}) out of every Dijkstra, push and pull: every demand's distances, next
   * hops and arc loads are those of {@link #view()}, found over the rest of the network only.
   * The stubs are found once per instance.
   */
  public MaskedView coreView() {
    MaskedView v = MaskedView.of(this);
    v.leaveOut(transitStubs());
    return v;
  }

  /**
   * As {@link #coreView()}, for the demands {@code among} takes only: the view leaves out the
   * devices that can never carry their traffic ({@link TransitStubs#find(Network,
   * TransitStubs.Among)}), and every one of those demands' distances, next hops and arc loads
   * is that of {@link #view()}. The stubs are found on each call (O(V + E) besides their
   * Dijkstras, as {@link TransitStubs}); a view shows no change and may be read by several
   * threads at once.
   */
  public MaskedView coreView(TransitStubs.Among among) {
    if (among == TransitStubs.Among.ALL) {
      return coreView();
    }
    boolean[] stubs = TransitStubs.find(this, among);
    MaskedView v = MaskedView.of(this);
    v.leaveOut(stubs, slotsWithout(stubs));
    return v;
  }

  /** Index of a device id; O(1) after a one-time map build. */
  public Optional<Integer> node(String id) {
    Map<String, Integer> m = nodeIndex;
    if (m == null) {
      m = indexOf(nodeIds);
      nodeIndex = m;
    }
    return Optional.ofNullable(m.get(id));
  }

  /** Index of a link id; O(1) after a one-time map build. */
  public Optional<Integer> link(String id) {
    Map<String, Integer> m = linkIndex;
    if (m == null) {
      m = indexOf(linkIds);
      linkIndex = m;
    }
    return Optional.ofNullable(m.get(id));
  }

  /** Index of a site name; O(1) after a one-time map build. */
  public Optional<Integer> site(String name) {
    Map<String, Integer> m = siteIndex;
    if (m == null) {
      m = indexOf(sites);
      siteIndex = m;
    }
    return Optional.ofNullable(m.get(name));
  }

  /** Index of an SRLG name; O(1) after a one-time map build. */
  public Optional<Integer> srlg(String name) {
    Map<String, Integer> m = srlgIndex;
    if (m == null) {
      m = indexOf(srlgs);
      srlgIndex = m;
    }
    return Optional.ofNullable(m.get(name));
  }

  /** Links carrying SRLG {@code s}, ascending; O(its links) after a one-time O(E) build. */
  int[] linksOfSrlg(int s) {
    int[][] by = linksBySrlg;
    if (by == null) {
      int[] count = new int[srlgs.length];
      for (int r : srlgOf) {
        count[r]++;
      }
      by = new int[srlgs.length][];
      for (int i = 0; i < by.length; i++) {
        by[i] = new int[count[i]];
      }
      java.util.Arrays.fill(count, 0);
      for (int l = 0; l < linkIds.length; l++) {
        for (int r = srlgStart[l]; r < srlgStart[l + 1]; r++) {
          int g = srlgOf[r];
          if (count[g] == 0 || by[g][count[g] - 1] != l) {
            by[g][count[g]++] = l;
          }
        }
      }
      for (int i = 0; i < by.length; i++) {
        by[i] = java.util.Arrays.copyOf(by[i], count[i]);
      }
      linksBySrlg = by;
    }
    return by[s];
  }

  /**
   * Devices that can never carry traffic of the demands ({@link TransitStubs}); computed once
   * per instance (so once per JVM for a broadcast network). Do not modify.
   */
  boolean[] transitStubs() {
    boolean[] s = transitStubs;
    if (s == null) {
      synchronized (this) {
        s = transitStubs;
        if (s == null) {
          s = TransitStubs.find(this);
          transitStubs = s;
        }
      }
    }
    return s;
  }

  /** All demand, Gbps; O(1) after a one-time O(D) sum. */
  public double totalDemandGbps() {
    if (!totalDemandKnown) {
      double t = 0;
      for (double g : demGbps) {
        t += g;
      }
      totalDemand = t;
      totalDemandKnown = true;
    }
    return totalDemand;
  }

  /** Demand indices with source {@code v}; O(its demands) after a one-time O(V + D) build. */
  public int[] demandsFrom(int v) {
    int[][] by = demandsBySource;
    if (by == null) {
      by = group(nodeIds.length, demSrc);
      demandsBySource = by;
    }
    return by[v];
  }

  /** Devices of site {@code s}, ascending; O(its devices) after a one-time O(V) build. */
  /** The devices of {@link #transitStubs()} in each site, ascending: computed once, O(V). */
  int[][] stubsBySite() {
    int[][] by = stubsBySite;
    if (by == null) {
      boolean[] stubs = transitStubs();
      int[] keyOf = new int[nodeSite.length];
      for (int v = 0; v < keyOf.length; v++) {
        keyOf[v] = stubs[v] ? nodeSite[v] : -1;
      }
      by = group(sites.length, keyOf);
      stubsBySite = by;
    }
    return by;
  }

  /**
   * Adjacency slots to walk, per device: the out-slots {@code outSlot[outFrom[v] ..
   * outFrom[v + 1])} (indices into {@code outHead}, {@code outArc}, ...) and the in-slots
   * {@code inSlot[inFrom[v] .. inFrom[v + 1])}, in CSR order.
   */
  static final class Slots {
    final int[] outFrom;
    final int[] outSlot;
    final int[] inFrom;
    final int[] inSlot;
    /** Per out-slot walked, {@code outSlot[k]}'s arc and head, made on first use. */
    private volatile int[] outArcs;
    private volatile int[] outHeads;

    private Slots(int[] outFrom, int[] outSlot, int[] inFrom, int[] inSlot) {
      this.outFrom = outFrom;
      this.outSlot = outSlot;
      this.inFrom = inFrom;
      this.inSlot = inSlot;
    }

    /** The arc of every out-slot walked, aligned with {@code outSlot}. O(slots) once. */
    int[] outArcs(Network base) {
      int[] a = outArcs;
      if (a == null) {
        a = aligned(base.outArc);
        outArcs = a;
      }
      return a;
    }

    /** The head of every out-slot walked, aligned with {@code outSlot}. O(slots) once. */
    int[] outHeads(Network base) {
      int[] h = outHeads;
      if (h == null) {
        h = aligned(base.outHead);
        outHeads = h;
      }
      return h;
    }

    private int[] aligned(int[] bySlot) {
      int[] out = new int[outSlot.length];
      for (int k = 0; k < out.length; k++) {
        out[k] = bySlot[outSlot[k]];
      }
      return out;
    }
  }

  /** Every slot of every device. Built once, O(V + E). */
  Slots allSlots() {
    Slots s = allSlots;
    if (s == null) {
      int[] out = new int[outHead.length];
      int[] in = new int[inTail.length];
      for (int j = 0; j < out.length; j++) {
        out[j] = j;
      }
      for (int i = 0; i < in.length; i++) {
        in[i] = i;
      }
      s = new Slots(outStart, out, inStart, in);
      allSlots = s;
    }
    return s;
  }

  /**
   * The slots between devices that are no {@link #transitStubs} (an arc with a stub end is on
   * no path of a view that leaves the stubs out): what the kernel walks on such a view, so a
   * leaf with hundreds of racks below it costs its few uplinks. Built once, O(V + E).
   */
  Slots coreSlots() {
    Slots s = coreSlots;
    if (s == null) {
      s = slotsWithout(transitStubs());
      coreSlots = s;
    }
    return s;
  }

  /**
   * The slots between devices not flagged in {@code leftOut}: what the kernel walks on a view
   * that leaves those devices out (an arc with a left-out end is on no path of it).
   * O(V + E); the arrays hold only the kept slots.
   */
  Slots slotsWithout(boolean[] leftOut) {
    int n = nodeIds.length;
    int[] outFrom = new int[n + 1];
    int[] inFrom = new int[n + 1];
    it.unimi.dsi.fastutil.ints.IntArrayList out = new it.unimi.dsi.fastutil.ints.IntArrayList();
    it.unimi.dsi.fastutil.ints.IntArrayList in = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int v = 0; v < n; v++) {
      outFrom[v] = out.size();
      inFrom[v] = in.size();
      if (!leftOut[v]) {
        for (int j = outStart[v]; j < outStart[v + 1]; j++) {
          if (!leftOut[outHead[j]]) {
            out.add(j);
          }
        }
        for (int i = inStart[v]; i < inStart[v + 1]; i++) {
          if (!leftOut[inTail[i]]) {
            in.add(i);
          }
        }
      }
    }
    outFrom[n] = out.size();
    inFrom[n] = in.size();
    return new Slots(outFrom, out.toIntArray(), inFrom, in.toIntArray());
  }

  /** The sources, destinations and borders that decide the stubs: computed once, O(V + E + D). */
  TransitStubs.Roles stubRoles() {
    TransitStubs.Roles r = stubRoles;
    if (r == null) {
      r = TransitStubs.Roles.of(this);
      stubRoles = r;
    }
    return r;
  }

  /**
   * Site {@code s}'s distances towards its targets within its own sub-network ({@link
   * TransitStubs.Stretches}): made once per site and instance, O(T_s E_s log V_s); empty when
   * the site has more than {@link TransitStubs.Stretches#MAX_ENTRIES} (target, device) pairs.
   */
  @SuppressWarnings("unchecked")
  java.util.Optional<TransitStubs.Stretches> stretches(int s) {
    java.util.Optional<TransitStubs.Stretches>[] by = stretches;
    if (by == null || by[s] == null) {
      synchronized (this) {
        by = stretches;
        if (by == null) {
          by = new java.util.Optional[sites.length];
          stretches = by;
        }
        if (by[s] == null) {
          by[s] = TransitStubs.Stretches.of(this, s);
        }
      }
    }
    return by[s];
  }

  /** Per device, where it is in {@link #devicesOfSite} of its site (-1 without one). O(V) once. */
  int[] positionsInSite() {
    int[] at = positionsInSite;
    if (at == null) {
      at = new int[nodeSite.length];
      java.util.Arrays.fill(at, -1);
      for (int s = 0; s < sites.length; s++) {
        int[] devices = devicesOfSite(s);
        for (int k = 0; k < devices.length; k++) {
          at[devices[k]] = k;
        }
      }
      positionsInSite = at;
    }
    return at;
  }

  int[] devicesOfSite(int s) {
    int[][] by = devicesBySite;
    if (by == null) {
      by = group(sites.length, nodeSite);
      devicesBySite = by;
    }
    return by[s];
  }

  /** Indices {@code i} grouped by {@code keyOf[i]} (negative keys left out), ascending. O(n). */
  private static int[][] group(int groups, int[] keyOf) {
    int[] count = new int[groups];
    for (int g : keyOf) {
      if (g >= 0) {
        count[g]++;
      }
    }
    int[][] by = new int[groups][];
    for (int g = 0; g < groups; g++) {
      by[g] = new int[count[g]];
    }
    java.util.Arrays.fill(count, 0);
    for (int i = 0; i < keyOf.length; i++) {
      int g = keyOf[i];
      if (g >= 0) {
        by[g][count[g]++] = i;
      }
    }
    return by;
  }

  static Map<String, Integer> indexOf(String[] ids) {
    Map<String, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], i);
    }
    return m;
  }
}
