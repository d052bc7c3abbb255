package io.netimpact.routing;

import io.netimpact.routes.ClassSink;
import io.netimpact.routes.LoadSink;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The one push: traffic queued at devices flows to the destination along the shortest-path
 * DAG, farthest device first, each device handing what it has (its own demand plus what it
 * received) in equal shares to all of its next hops (per-hop ECMP, docs/semantics.md#routing;
 * parallel links are separate next hops). Next hops are strictly nearer, so a device's
 * traffic is complete once every farther device has been handled.
 *
 * <p>Two ways to visit the devices, one rule to split ({@link NextHops}): {@link #pushAll}
 * walks the whole settle order of a {@link DestinationDag} backwards, O(V + E); {@link
 * #pushRegion} visits only the devices of a region that the queued traffic reaches, in
 * decreasing distance through a heap, O(k log k + the arcs leaving them) for k devices
 * reached, and sets aside what leaves the region. The incremental repair pushes its region's
 * traffic before and after a change that way, then the difference of the two onwards with
 * {@link #pushExits}: outside the region every device splits as it did, so only the net
 * change is pushed, and where the traffic that left the region by different ways meets again
 * (the net is rounding noise) the push stops.
 *
 * <p>An instance is a reusable workspace for one node count; not thread-safe.
 */
public final class EcmpPush {
  /**
   * {@link #pushExits} hands nothing on from a device whose net traffic is at most this share
   * of the traffic that crossed it before and after: rounding noise of equal flows summed in
   * other orders (about 1e-16 per operation), far below any real change (a share of a share
   * of ECMP splits) and below the reports' 1e-9 tolerance.
   */
  static final double NOISE = 1e-12;

  private final double[] traffic;
  private final boolean[] queued;
  private final IntArrayList touched = new IntArrayList();
  private final IndexedMinHeap heap;
  // Traffic set aside where it left a region (pushRegion): net of sign, and magnitude.
  private final double[] asideNet;
  private final double[] asideMag;
  private final boolean[] aside;
  private final IntArrayList asides = new IntArrayList();
  private final NextHops next = new NextHops();
  // pushClasses' traffic per device and class, device-major; grown on first use.
  private double[] classTraffic = new double[0];

  public EcmpPush(int nodeCount) {
    traffic = new double[nodeCount];
    queued = new boolean[nodeCount];
    heap = new IndexedMinHeap(nodeCount);
    asideNet = new double[nodeCount];
    asideMag = new double[nodeCount];
    aside = new boolean[nodeCount];
  }

  /**
   * Queues {@code gbps} at {@code v} for the next push along distances {@code dist}.
   *
   * @return {@code gbps} when v cannot reach the destination (the traffic is lost), else 0
   */
  public double queue(long[] dist, int v, double gbps) {
    if (dist[v] == ShortestPaths.UNREACHABLE) {
      return gbps;
    }
    if (gbps != 0) {
      traffic[v] += gbps;
      mark(dist, v);
    }
    return 0;
  }

  private void mark(long[] dist, int v) {
    if (!queued[v]) {
      queued[v] = true;
      touched.add(v);
      heap.pushOrDecrease(v, -dist[v]);
    }
  }

  /**
   * Pushes the queued traffic to {@code dst} on {@code g} with distances {@code dist} (the DAG
   * of g, or a repaired one), splitting it only at devices of {@code region}, adding {@code
   * sign * share} per arc into {@code sink}: traffic handed to a device outside the region,
   * or queued at one, is set aside there (with its sign) for {@link #pushExits}.
   */
  public void pushRegion(MaskedView g, int dst, long[] dist, boolean[] region, LoadSink sink,
      double sign) {
    while (!heap.isEmpty()) {
      int u = heap.pop();
      double t = traffic[u];
      if (t == 0 || u == dst) {
        continue;
      }
      if (!region[u]) {
        setAside(u, sign * t, t);
        continue;
      }
      int hops = next.of(g, dst, dist, u);
      double share = t / hops;
      for (int i = 0; i < hops; i++) {
        int v = next.head[i];
        sink.add(next.arc[i], sign * share);
        if (region[v]) {
          traffic[v] += share;
          mark(dist, v);
        } else {
          setAside(v, sign * share, share);
        }
      }
    }
    clear();
  }

  /**
   * Pushes the traffic {@link #pushRegion} set aside, net of its signs, on to {@code dst}
   * along {@code dist} on {@code g}, where every device it reaches splits as it did before
   * the region's change (they are outside the region), farthest first, adding each share into
   * {@code sink}; a device whose net is rounding noise ({@link #NOISE}) hands nothing on.
   * O(k log k + the arcs leaving them) for the k devices the net change reaches.
   */
  public void pushExits(MaskedView g, int dst, long[] dist, LoadSink sink) {
    for (int i = 0; i < asides.size(); i++) {
      int v = asides.getInt(i);
      heap.pushOrDecrease(v, -dist[v]);
    }
    while (!heap.isEmpty()) {
      int u = heap.pop();
      double net = asideNet[u];
      double mag = asideMag[u];
      if (u == dst || Math.abs(net) <= NOISE * mag) {
        continue;
      }
      int hops = next.of(g, dst, dist, u);
      double share = net / hops;
      double magShare = mag / hops;
      for (int i = 0; i < hops; i++) {
        int v = next.head[i];
        sink.add(next.arc[i], share);
        if (!aside[v]) {
          heap.pushOrDecrease(v, -dist[v]);
        }
        setAside(v, share, magShare);
      }
    }
    for (int i = 0; i < asides.size(); i++) {
      int v = asides.getInt(i);
      asideNet[v] = 0;
      asideMag[v] = 0;
      aside[v] = false;
    }
    asides.clear();
  }

  private void setAside(int v, double net, double mag) {
    if (!aside[v]) {
      aside[v] = true;
      asides.add(v);
    }
    asideNet[v] += net;
    asideMag[v] += mag;
  }

  /**
   * Pushes the queued traffic along the whole of {@code dag} (computed on {@code g}), farthest
   * device first, adding each share into {@code sink}. O(V + E).
   */
  public void pushAll(MaskedView g, DestinationDag dag, LoadSink sink) {
    pushAll(g, dag, sink, null);
  }

  /**
   * As {@link #pushAll}, also writing into {@code through[u]} (when not null) the traffic each
   * device u of the DAG but its destination hands on, its own demand plus what it received.
   */
  private void pushAll(MaskedView g, DestinationDag dag, LoadSink sink, double[] through) {
    dag.checkView(g);
    heap.clear();
    int[] order = dag.order();
    long[] dist = dag.distances();
    int dst = dag.destination();
    for (int i = order.length - 1; i > 0; i--) {
      int u = order[i];
      double t = traffic[u];
      if (through != null) {
        through[u] = t;
      }
      if (t != 0) {
        split(g, dst, dist, u, t, sink);
      }
    }
    clear();
  }

  /**
   * Routes every demand towards the DAG's destination (volumes as {@code g} gives them) along
   * the whole DAG into {@code sink}. O(V + E).
   *
   * @return the Gbps of those demands that have no path
   */
  public double pushDemands(MaskedView g, DestinationDag dag, LoadSink sink) {
    queueDemands(g, dag);
    pushAll(g, dag, sink);
    return unroutable(g, dag);
  }

  /**
   * The traffic each device of {@code dag} (computed on {@code g}) hands on towards its
   * destination when every demand is routed along it (volumes as {@code g} gives them): its
   * own demand plus what it receives (0 when none), written into {@code through} for every
   * device of the DAG but the destination; the other entries are left as they are. O(V + E).
   */
  public void throughput(MaskedView g, DestinationDag dag, double[] through) {
    queueDemands(g, dag);
    pushAll(g, dag, (arc, gbps) -> { }, through);
  }

  /** Queues every routable demand towards the DAG's destination at its source. */
  private void queueDemands(MaskedView g, DestinationDag dag) {
    Network b = g.base;
    int dst = dag.destination();
    long[] dist = dag.distances();
    for (int k = b.demByDstStart[dst]; k < b.demByDstStart[dst + 1]; k++) {
      int v = b.demSrc[k];
      double gbps = g.demandGbps(k);
      if (dist[v] != ShortestPaths.UNREACHABLE && gbps != 0) {
        // The whole DAG is walked in settle order: no heap (queue's) needed.
        traffic[v] += gbps;
        note(v);
      }
    }
  }

  /**
   * Hands {@code t}, the traffic device {@code u} forwards, to its next hops on {@code now}
   * (distances {@code distNow}) in place of those on {@code was} (distances {@code distWas}):
   * minus its equal shares on the arcs before, plus those after, each added into {@code sink}
   * and set aside at the arc's head for {@link #pushExits}, which carries the net on. u has a
   * next hop on {@code now}. O(degree of u).
   */
  public void resplit(MaskedView was, long[] distWas, MaskedView now, long[] distNow, int dst,
      int u, double t, LoadSink sink) {
    int hops = next.of(was, dst, distWas, u);
    double share = t / hops;
    for (int i = 0; i < hops; i++) {
      sink.add(next.arc[i], -share);
      setAside(next.head[i], -share, share);
    }
    hops = next.of(now, dst, distNow, u);
    share = t / hops;
    for (int i = 0; i < hops; i++) {
      sink.add(next.arc[i], share);
      setAside(next.head[i], share, share);
    }
  }

  /**
   * The Gbps of the demands towards the DAG's destination (volumes as {@code g} gives them)
   * whose source it does not reach: the traffic a push finds no path for. O(those demands).
   */
  public static double unroutable(MaskedView g, DestinationDag dag) {
    Network b = g.base;
    int dst = dag.destination();
    long[] dist = dag.distances();
    double lost = 0;
    for (int k = b.demByDstStart[dst]; k < b.demByDstStart[dst + 1]; k++) {
      if (dist[b.demSrc[k]] == ShortestPaths.UNREACHABLE) {
        lost += g.demandGbps(k);
      }
    }
    return lost;
  }

  /**
   * Routes every demand towards {@code dst} (volumes as {@code g} gives them, divided among
   * classes by {@code classes}) along distances {@code dist} on {@code g}, carrying one
   * traffic figure per class at each device: a device's next hops are found once and each
   * class's traffic split equally among them, so every class takes exactly the paths and
   * shares the aggregate push gives it, and the class loads add up to the loads. Adds {@code
   * sign * share} per (class, arc) into {@code sink}. {@code dist} may be a DAG's or a
   * repaired one: devices are visited farthest first through the heap. O(k log k + K x the arcs
   * leaving them) for the k devices the demands reach and K classes.
   */
  public void pushClasses(MaskedView g, int dst, long[] dist, DemandClasses classes,
      ClassSink sink, double sign) {
    int kc = classes.count();
    int n = traffic.length;
    if (classTraffic.length < n * kc) {
      classTraffic = new double[n * kc];
    }
    Network b = g.base;
    double[] share = classes.share();
    for (int k = b.demByDstStart[dst]; k < b.demByDstStart[dst + 1]; k++) {
      int v = b.demSrc[k];
      double gbps = g.demandGbps(k);
      if (dist[v] != ShortestPaths.UNREACHABLE && gbps != 0) {
        for (int c = 0; c < kc; c++) {
          classTraffic[v * kc + c] += gbps * share[k * kc + c];
        }
        mark(dist, v);
      }
    }
    while (!heap.isEmpty()) {
      int u = heap.pop();
      if (u == dst) {
        continue;
      }
      int hops = next.of(g, dst, dist, u);
      for (int c = 0; c < kc; c++) {
        double t = classTraffic[u * kc + c];
        if (t == 0) {
          continue;
        }
        double part = t / hops;
        for (int i = 0; i < hops; i++) {
          int v = next.head[i];
          sink.add(c, next.arc[i], sign * part);
          classTraffic[v * kc + c] += part;
          mark(dist, v);
        }
      }
    }
    for (int i = 0; i < touched.size(); i++) {
      int v = touched.getInt(i);
      java.util.Arrays.fill(classTraffic, v * kc, v * kc + kc, 0.0);
    }
    clear();
  }

  /** Hands u's traffic in equal shares to its next hops, along the whole DAG. */
  private void split(MaskedView g, int dst, long[] dist, int u, double t, LoadSink sink) {
    int hops = next.of(g, dst, dist, u);
    double share = t / hops;
    for (int i = 0; i < hops; i++) {
      sink.add(next.arc[i], share);
      traffic[next.head[i]] += share;
      note(next.head[i]);
    }
  }

  /** Remembers that v holds traffic, for the clear after the push (no heap). */
  private void note(int v) {
    if (!queued[v]) {
      queued[v] = true;
      touched.add(v);
    }
  }

  private void clear() {
    for (int i = 0; i < touched.size(); i++) {
      int v = touched.getInt(i);
      traffic[v] = 0;
      queued[v] = false;
    }
    touched.clear();
  }
}
