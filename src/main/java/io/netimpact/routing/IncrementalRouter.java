package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes one destination after a change by repairing its baseline instead of starting
 * over. A router is a per-task workspace for one baseline network: load a destination's
 * baseline distances ({@link #setDestination}, O(V log V + E) once per destination and
 * work unit), then any number of scenarios ({@link #setScenario}, O(changed elements)).
 *
 * <p>{@link #affects} decides in O(changed elements) whether the destination's routing can
 * change at all, from the baseline distances d:
 * <ul>
 *   <li>a removed arc or a raised metric matters only if the arc is on the DAG
 *       ({@code d(u) == w + d(v)});</li>
 *   <li>an added arc or a lowered metric only if {@code d(u) >= w' + d(v)} (equality adds an
 *       ECMP next hop);</li>
 *   <li>a drain only if some DAG arc enters the drained device; an undrain only if some arc
 *       into it could then be used ({@code d(u) >= w + d(v)});</li>
 *   <li>a capacity change never; a volume change of one of its demands needs the traffic
 *       pushed again, not the distances.</li>
 * </ul>
 *
 * <p>{@link #repair} handles increase-only changes (nothing can get shorter): only the
 * devices whose baseline DAG paths cross a changed element (the ancestors A of the changed
 * arcs' tails) can change distance or next hops, no traffic from outside A ever enters A,
 * so the load delta is the traffic originating in A (and in sources whose volume changed),
 * pushed after minus pushed before. Cost O(|A| log |A| + the DAG below A), not O(E log V).
 * {@link #reroute} handles the other changes with a fresh Dijkstra on the changed network.
 */
public final class IncrementalRouter {
  private static final long INF = EcmpRouter.UNREACHABLE;

  private final Network base;
  private final int n;

  // Scenario mask over the base (set by setScenario, undone by the next call).
  private final boolean[] off;
  private final int[] metricOver;
  private final boolean[] drainOn;
  private final boolean[] drainOff;
  private final Int2DoubleOpenHashMap volumeAfter = new Int2DoubleOpenHashMap();
  private Delta delta;

  // Destination baseline (set by setDestination).
  private int t = -1;
  private long[] dist;
  private final long[] fpBefore;
  private final double[] latBefore;
  private final int[] demandOf;
  private final IntArrayList demandSrcs = new IntArrayList();
  private double[] loadBefore;
  private final IntArrayList dagArcsBefore = new IntArrayList();
  private double lostBefore;

  // Per-pair scratch.
  private final boolean[] inA;
  private final IntArrayList aList = new IntArrayList();
  private final long[] dNew;
  private final long[] fpNew;
  private final double[] latNew;
  private final IntArrayList aOrder = new IntArrayList();
  private final IndexedMinHeap heap;
  private final double[] traffic;
  private final boolean[] queued;
  private final IntArrayList touched = new IntArrayList();

  public IncrementalRouter(Network base) {
    this.base = base;
    this.n = base.nodeCount();
    int arcs = base.arcCount();
    off = new boolean[arcs];
    metricOver = new int[arcs];
    drainOn = new boolean[n];
    drainOff = new boolean[n];
    fpBefore = new long[n];
    latBefore = new double[n];
    demandOf = new int[n];
    Arrays.fill(demandOf, -1);
    inA = new boolean[n];
    dNew = new long[n];
    fpNew = new long[n];
    latNew = new double[n];
    heap = new IndexedMinHeap(n);
    traffic = new double[n];
    queued = new boolean[n];
  }

  /** What changed for one demand of the destination. Latencies are NaN where unroutable. */
  public record RouteChange(int demand, boolean routableBefore, boolean routableAfter,
      double latencyBeforeMs, double latencyAfterMs, int[] pathArcsAfter)
      implements java.io.Serializable {}

  /** The outcome of one (scenario, destination) pair; loads go into the caller's sink. */
  public record PairResult(double lostBefore, double lostAfter, double newlyUnroutable,
      List<RouteChange> changes) implements java.io.Serializable {}

  /** Receives per-arc load deltas (Gbps). */
  public interface LoadSink {
    void add(int arc, double gbps);
  }

  /**
   * Loads a destination's baseline distances (as {@link EcmpRouter#distancesCopy} gives
   * them; not copied, not modified). Computes the baseline fingerprints, latencies and loads
   * of its demands once: O(V log V + E).
   */
  public void setDestination(int dst, long[] distances) {
    for (int s : demandSrcs) {
      demandOf[s] = -1;
    }
    demandSrcs.clear();
    t = dst;
    dist = distances;
    for (int k = base.demandsTo(dst); k < base.demandsTo(dst + 1); k++) {
      demandOf[base.demandSrc(k)] = k;
      demandSrcs.add(base.demandSrc(k));
    }
    int[] order = ascendingOrder(distances);
    Arrays.fill(fpBefore, 0);
    Arrays.fill(latBefore, 0);
    for (int i = 0; i < order.length; i++) {
      int u = order[i];
      if (u == dst) {
        fpBefore[u] = EcmpRouter.DESTINATION_FINGERPRINT;
        continue;
      }
      long h = EcmpRouter.FINGERPRINT_SEED;
      double lat = 0;
      int hops = 0;
      for (int j = base.outStart[u]; j < base.outStart[u + 1]; j++) {
        int arc = base.outArc[j];
        if (EcmpRouter.onDag(base, dst, dist, arc)) {
          int v = base.head(arc);
          hops++;
          lat += base.latencyMs[arc >> 1] + latBefore[v];
          h = EcmpRouter.fingerprintStep(h, arc, fpBefore[v]);
        }
      }
      fpBefore[u] = hops == 0 ? 0 : h;
      latBefore[u] = hops == 0 ? 0 : lat / hops;
    }
    // Baseline loads of the destination (for reroute): traffic pushed from the farthest in.
    loadBefore = loadBefore == null ? new double[base.arcCount()] : loadBefore;
    for (int a : dagArcsBefore) {
      loadBefore[a] = 0;
    }
    dagArcsBefore.clear();
    lostBefore = 0;
    double[] tr = new double[n];
    for (int k = base.demandsTo(dst); k < base.demandsTo(dst + 1); k++) {
      int s = base.demandSrc(k);
      if (dist[s] == INF) {
        lostBefore += base.demandGbps(k);
      } else {
        tr[s] += base.demandGbps(k);
      }
    }
    for (int i = order.length - 1; i >= 0; i--) {
      int u = order[i];
      if (u == dst || tr[u] == 0) {
        continue;
      }
      int hops = 0;
      for (int j = base.outStart[u]; j < base.outStart[u + 1]; j++) {
        if (EcmpRouter.onDag(base, dst, dist, base.outArc[j])) {
          hops++;
        }
      }
      double share = tr[u] / hops;
      for (int j = base.outStart[u]; j < base.outStart[u + 1]; j++) {
        int arc = base.outArc[j];
        if (EcmpRouter.onDag(base, dst, dist, arc)) {
          if (loadBefore[arc] == 0) {
            dagArcsBefore.add(arc);
          }
          loadBefore[arc] += share;
          tr[base.head(arc)] += share;
        }
      }
    }
  }

  private int[] ascendingOrder(long[] d) {
    int count = 0;
    for (int v = 0; v < n; v++) {
      if (d[v] != INF) {
        count++;
      }
    }
    long[] keys = new long[count];
    int i = 0;
    // Distances fit in 40 bits for any realistic network (2^31 metric x 2^9 hops would not):
    // sort (distance, node) pairs packed in one long when they fit, else fall back to boxing.
    boolean packable = true;
    for (int v = 0; v < n; v++) {
      if (d[v] != INF) {
        packable &= d[v] < (1L << 38);
        keys[i++] = d[v];
      }
    }
    int[] order = new int[count];
    if (packable) {
      i = 0;
      for (int v = 0; v < n; v++) {
        if (d[v] != INF) {
          keys[i++] = (d[v] << 25) | v;
        }
      }
      if (n >= (1 << 25)) {
        packable = false;
      } else {
        Arrays.sort(keys);
        for (int k = 0; k < count; k++) {
          order[k] = (int) (keys[k] & ((1 << 25) - 1));
        }
        return order;
      }
    }
    Integer[] boxed = new Integer[count];
    i = 0;
    for (int v = 0; v < n; v++) {
      if (d[v] != INF) {
        boxed[i++] = v;
      }
    }
    Arrays.sort(boxed, (x, y) -> d[x] != d[y] ? Long.compare(d[x], d[y]) : Integer.compare(x, y));
    for (int k = 0; k < count; k++) {
      order[k] = boxed[k];
    }
    return order;
  }

  /** Adds the loaded destination's baseline arc loads (Gbps) into {@code load}. O(its DAG). */
  public void addBaselineLoads(double[] load) {
    for (int a : dagArcsBefore) {
      load[a] += loadBefore[a];
    }
  }

  /** Gbps of the loaded destination's demands that have no path in the baseline. */
  public double baselineLost() {
    return lostBefore;
  }

  /** Number of devices that reach the loaded destination: its DAG's size, for cost estimates. */
  public static int dagSize(long[] distances) {
    int c = 0;
    for (long d : distances) {
      if (d != INF) {
        c++;
      }
    }
    return c;
  }

  /** Applies a scenario's mask over the base, undoing the previous one. O(changed elements). */
  public void setScenario(Delta d) {
    if (delta != null) {
      for (int a : delta.offArcs) {
        off[a] = false;
      }
      for (int a : delta.metricArcs) {
        metricOver[a] = 0;
      }
      for (int v : delta.drained) {
        drainOn[v] = false;
      }
      for (int v : delta.undrained) {
        drainOff[v] = false;
      }
    }
    volumeAfter.clear();
    delta = d;
    for (int a : d.offArcs) {
      off[a] = true;
    }
    for (int i = 0; i < d.metricArcs.length; i++) {
      metricOver[d.metricArcs[i]] = d.newMetric[i];
    }
    for (int v : d.drained) {
      drainOn[v] = true;
    }
    for (int v : d.undrained) {
      drainOff[v] = true;
    }
    for (int i = 0; i < d.demands.length; i++) {
      volumeAfter.put(d.demands[i], d.newGbps[i]);
    }
  }

  private boolean drainedAfter(int v) {
    return (base.drained[v] && !drainOff[v]) || drainOn[v];
  }

  private int metricAfter(int arc) {
    return metricOver[arc] != 0 ? metricOver[arc] : base.arcMetric(arc);
  }

  private boolean onDagBefore(int arc) {
    return EcmpRouter.onDag(base, t, dist, arc);
  }

  /** Whether an arc u->v of metric w could join the DAG after the change. */
  private boolean couldJoin(int u, int v, int w) {
    return u != t && dist[v] != INF && (v == t || !drainedAfter(v))
        && (dist[u] == INF || dist[u] >= w + dist[v]);
  }

  /** The incremental rules (class comment) for the loaded destination and scenario. */
  public boolean affects() {
    Delta d = delta;
    for (int k : d.demands) {
      if (base.demandDst(k) == t) {
        return true;
      }
    }
    for (int a : d.offArcs) {
      if (onDagBefore(a)) {
        return true;
      }
    }
    for (int i = 0; i < d.metricArcs.length; i++) {
      int a = d.metricArcs[i];
      boolean matters = d.newMetric[i] > base.arcMetric(a) ? onDagBefore(a)
          : couldJoin(base.tail(a), base.head(a), d.newMetric[i]);
      if (matters) {
        return true;
      }
    }
    for (int i = 0; i < d.onArcs.length; i++) {
      if (couldJoin(d.onTail[i], d.onHead[i], d.onMetric[i])) {
        return true;
      }
    }
    for (int v : d.drained) {
      if (v != t) {
        for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
          if (onDagBefore(base.inArc[j])) {
            return true;
          }
        }
      }
    }
    for (int v : d.undrained) {
      if (v != t && dist[v] != INF) {
        for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
          int a = base.inArc[j];
          if (!off[a] && couldJoin(base.tail(a), v, metricAfter(a))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private double volumeBefore(int k) {
    return base.demandGbps(k);
  }

  private double volumeAfterOf(int k) {
    return volumeAfter.getOrDefault(k, base.demandGbps(k));
  }

  /**
   * Repairs the loaded destination under the loaded increase-only scenario; adds the load
   * delta into {@code sink}. See the class comment for why this is exact.
   */
  public PairResult repair(LoadSink sink) {
    if (!delta.isIncreaseOnly()) {
      throw new IllegalStateException("repair needs an increase-only delta: " + delta);
    }
    // 1. Seeds: tails of changed DAG arcs; A: their ancestors on the baseline DAG.
    for (int a : delta.offArcs) {
      if (onDagBefore(a)) {
        addToA(base.tail(a));
      }
    }
    for (int a : delta.metricArcs) {
      if (onDagBefore(a)) {
        addToA(base.tail(a));
      }
    }
    for (int v : delta.drained) {
      if (v != t) {
        for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
          if (onDagBefore(base.inArc[j])) {
            addToA(base.tail(base.inArc[j]));
          }
        }
      }
    }
    for (int i = 0; i < aList.size(); i++) {
      int x = aList.getInt(i);
      for (int j = base.inStart[x]; j < base.inStart[x + 1]; j++) {
        int arc = base.inArc[j];
        if (onDagBefore(arc)) {
          addToA(base.tail(arc));
        }
      }
    }
    // 2. Distances in A after: from the border (arcs leaving A keep their far end's
    // distance), then Dijkstra inside A.
    for (int x : aList) {
      long best = INF;
      for (int j = base.outStart[x]; j < base.outStart[x + 1]; j++) {
        int arc = base.outArc[j];
        int y = base.head(arc);
        if (off[arc] || inA[y] || dist[y] == INF || (y != t && drainedAfter(y))) {
          continue;
        }
        best = Math.min(best, dist[y] + metricAfter(arc));
      }
      dNew[x] = best;
      if (best != INF) {
        heap.pushOrDecrease(x, best);
      }
    }
    aOrder.clear();
    while (!heap.isEmpty()) {
      int x = heap.pop();
      aOrder.add(x);
      if (drainedAfter(x)) {
        continue;
      }
      for (int j = base.inStart[x]; j < base.inStart[x + 1]; j++) {
        int arc = base.inArc[j];
        int y = base.tail(arc);
        if (off[arc] || !inA[y]) {
          continue;
        }
        long nd = dNew[x] + metricAfter(arc);
        if (nd < dNew[y]) {
          dNew[y] = nd;
          heap.pushOrDecrease(y, nd);
        }
      }
    }
    // 3. Fingerprints and latencies after, for A, in increasing distance.
    for (int x : aOrder) {
      long h = EcmpRouter.FINGERPRINT_SEED;
      double lat = 0;
      int hops = 0;
      for (int j = base.outStart[x]; j < base.outStart[x + 1]; j++) {
        int arc = base.outArc[j];
        if (nextAfter(x, arc)) {
          int y = base.head(arc);
          hops++;
          lat += base.latencyMs[arc >> 1] + (inA[y] ? latNew[y] : latBefore[y]);
          h = EcmpRouter.fingerprintStep(h, arc, inA[y] ? fpNew[y] : fpBefore[y]);
        }
      }
      fpNew[x] = h;
      latNew[x] = lat / hops;
    }
    // 4. Traffic from A and from sources whose volume changed: before out, after in.
    double lostB = 0;
    double lostA = 0;
    for (int x : aList) {
      int k = demandOf[x];
      if (k >= 0) {
        lostB += seed(x, volumeBefore(k), dist[x]);
      }
    }
    for (int k : delta.demands) {
      int x = base.demandSrc(k);
      if (base.demandDst(k) == t && !inA[x]) {
        lostB += seed(x, volumeBefore(k), dist[x]);
      }
    }
    push(sink, -1.0, false);
    for (int x : aList) {
      int k = demandOf[x];
      if (k >= 0) {
        lostA += seed(x, volumeAfterOf(k), dAfter(x));
      }
    }
    for (int k : delta.demands) {
      int x = base.demandSrc(k);
      if (base.demandDst(k) == t && !inA[x]) {
        lostA += seed(x, volumeAfterOf(k), dAfter(x));
      }
    }
    push(sink, 1.0, true);
    // 5. Demands whose routing changed: only sources in A can have.
    List<RouteChange> changes = new ArrayList<>();
    double newlyLost = 0;
    for (int x : aList) {
      int k = demandOf[x];
      if (k < 0) {
        continue;
      }
      boolean rb = dist[x] != INF;
      boolean ra = dNew[x] != INF;
      if (rb == ra && (!rb || fpBefore[x] == fpNew[x])) {
        continue;
      }
      if (rb && !ra && volumeAfterOf(k) > 0) {
        newlyLost += volumeAfterOf(k);
      }
      changes.add(new RouteChange(k, rb, ra, rb ? latBefore[x] : Double.NaN,
          ra ? latNew[x] : Double.NaN, ra ? pathArcsAfter(x) : new int[0]));
    }
    for (int x : aList) {
      inA[x] = false;
    }
    aList.clear();
    return new PairResult(lostB, lostA, newlyLost, changes);
  }

  private void addToA(int x) {
    if (!inA[x]) {
      inA[x] = true;
      dNew[x] = INF;
      aList.add(x);
    }
  }

  private long dAfter(int x) {
    return inA[x] ? dNew[x] : dist[x];
  }

  /** Whether {@code arc} (leaving x) is a next hop of x after the change. */
  private boolean nextAfter(int x, int arc) {
    if (!inA[x]) {
      return onDagBefore(arc);
    }
    if (off[arc] || x == t) {
      return false;
    }
    int y = base.head(arc);
    long dy = dAfter(y);
    return dy != INF && dNew[x] != INF && (y == t || !drainedAfter(y))
        && dNew[x] == dy + metricAfter(arc);
  }

  /** Queues traffic at x for a push; returns it as lost when x has no path. */
  private double seed(int x, double gbps, long distance) {
    if (distance == INF) {
      return gbps;
    }
    if (gbps == 0) {
      return 0;
    }
    traffic[x] += gbps;
    if (!queued[x]) {
      queued[x] = true;
      touched.add(x);
      heap.pushOrDecrease(x, -distance);
    }
    return 0;
  }

  /**
   * Pushes the queued traffic to the destination, farthest first (a max-heap on distance:
   * next hops are strictly nearer), adding {@code sign * share} per arc to the sink.
   */
  private void push(LoadSink sink, double sign, boolean after) {
    while (!heap.isEmpty()) {
      int x = heap.pop();
      double tr = traffic[x];
      if (x == t || tr == 0) {
        continue;
      }
      int hops = 0;
      for (int j = base.outStart[x]; j < base.outStart[x + 1]; j++) {
        if (after ? nextAfter(x, base.outArc[j]) : onDagBefore(base.outArc[j])) {
          hops++;
        }
      }
      double share = tr / hops;
      for (int j = base.outStart[x]; j < base.outStart[x + 1]; j++) {
        int arc = base.outArc[j];
        if (after ? nextAfter(x, arc) : onDagBefore(arc)) {
          sink.add(arc, sign * share);
          int y = base.head(arc);
          traffic[y] += share;
          if (!queued[y]) {
            queued[y] = true;
            touched.add(y);
            heap.pushOrDecrease(y, -(after ? dAfter(y) : dist[y]));
          }
        }
      }
    }
    for (int x : touched) {
      traffic[x] = 0;
      queued[x] = false;
    }
    touched.clear();
  }

  /** Arcs of the after DAG reachable from x. O(that sub-DAG). */
  private int[] pathArcsAfter(int x) {
    IntArrayList arcs = new IntArrayList();
    IntArrayList stack = new IntArrayList();
    stack.add(x);
    queued[x] = true;
    touched.add(x);
    while (!stack.isEmpty()) {
      int u = stack.popInt();
      for (int j = base.outStart[u]; j < base.outStart[u + 1]; j++) {
        int arc = base.outArc[j];
        if (nextAfter(u, arc)) {
          arcs.add(arc);
          int y = base.head(arc);
          if (!queued[y]) {
            queued[y] = true;
            touched.add(y);
            stack.add(y);
          }
        }
      }
    }
    for (int u : touched) {
      queued[u] = false;
    }
    touched.clear();
    return arcs.toIntArray();
  }

  /**
   * Routes the loaded destination afresh on {@code after} (the materialized network of the
   * loaded scenario) and adds after-minus-before loads into {@code sink}. O(E log V).
   */
  public PairResult reroute(Network after, EcmpRouter router, LoadSink sink) {
    router.shortestPaths(after, t);
    double[] loadAfter = new double[after.arcCount()];
    double lostA = router.push(after, loadAfter);
    router.pathStats(after);
    for (int a = 0; a < loadAfter.length; a++) {
      double b = a < loadBefore.length ? loadBefore[a] : 0.0;
      if (loadAfter[a] != b) {
        sink.add(a, loadAfter[a] - b);
      }
    }
    List<RouteChange> changes = new ArrayList<>();
    double newlyLost = 0;
    long[] distAfter = null;
    for (int k = base.demandsTo(t); k < base.demandsTo(t + 1); k++) {
      int s = base.demandSrc(k);
      boolean rb = dist[s] != INF;
      boolean ra = router.reaches(s);
      if (rb == ra && (!rb || fpBefore[s] == router.fingerprint(s))) {
        continue;
      }
      if (rb && !ra && after.demandGbps(k) > 0) {
        newlyLost += after.demandGbps(k);
      }
      int[] path = new int[0];
      if (ra) {
        distAfter = distAfter == null ? router.distancesCopy() : distAfter;
        path = dagArcsFrom(after, t, distAfter, s);
      }
      changes.add(new RouteChange(k, rb, ra, rb ? latBefore[s] : Double.NaN,
          ra ? router.meanLatencyMs(s) : Double.NaN, path));
    }
    return new PairResult(lostBefore, lostA, newlyLost, changes);
  }

  private static int[] dagArcsFrom(Network net, int dst, long[] d, int src) {
    IntArrayList arcs = new IntArrayList();
    IntArrayList stack = new IntArrayList();
    boolean[] seen = new boolean[net.nodeCount()];
    stack.add(src);
    seen[src] = true;
    while (!stack.isEmpty()) {
      int u = stack.popInt();
      for (int j = net.outStart[u]; j < net.outStart[u + 1]; j++) {
        int arc = net.outArc[j];
        if (EcmpRouter.onDag(net, dst, d, arc)) {
          arcs.add(arc);
          int v = net.head(arc);
          if (!seen[v]) {
            seen[v] = true;
            stack.add(v);
          }
        }
      }
    }
    return arcs.toIntArray();
  }
}
