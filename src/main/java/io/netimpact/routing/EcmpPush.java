package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The one push: traffic queued at devices flows to the destination along the shortest-path
 * DAG, farthest device first, each device handing what it has (its own demand plus what it
 * received) in equal shares to all of its next hops (per-hop ECMP, contract section 2;
 * parallel links are separate next hops). Next hops are strictly nearer, so a device's
 * traffic is complete once every farther device has been handled.
 *
 * <p>Two ways to visit the devices, one rule to split: {@link #pushAll} walks the whole
 * settle order of a {@link DestinationDag} backwards, O(V + E); {@link #push} visits only the
 * devices the queued traffic reaches, in decreasing distance through a heap, O(k log k + the
 * arcs leaving them) for k devices reached: the incremental repair pushes the traffic of a
 * small region with it.
 *
 * <p>An instance is a reusable workspace for one node count; not thread-safe.
 */
public final class EcmpPush {
  private final double[] traffic;
  private final boolean[] queued;
  private final IntArrayList touched = new IntArrayList();
  private final IndexedMinHeap heap;

  public EcmpPush(int nodeCount) {
    traffic = new double[nodeCount];
    queued = new boolean[nodeCount];
    heap = new IndexedMinHeap(nodeCount);
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
   * Pushes the queued traffic to {@code dst} on {@code g} with distances {@code dist} (the
   * DAG of g, or a repaired one), adding {@code sign * share} per arc into {@code sink}.
   */
  public void push(MaskedView g, int dst, long[] dist, LoadSink sink, double sign) {
    while (!heap.isEmpty()) {
      int u = heap.pop();
      double t = traffic[u];
      if (u != dst && t != 0) {
        split(g, dst, dist, u, t, sink, sign, true);
      }
    }
    clear();
  }

  /**
   * Pushes the queued traffic along the whole of {@code dag} (computed on {@code g}), farthest
   * device first, adding each share into {@code sink}. O(V + E).
   */
  public void pushAll(MaskedView g, DestinationDag dag, LoadSink sink) {
    dag.checkView(g);
    heap.clear();
    int[] order = dag.order();
    long[] dist = dag.distances();
    int dst = dag.destination();
    for (int i = order.length - 1; i > 0; i--) {
      int u = order[i];
      double t = traffic[u];
      if (t != 0) {
        split(g, dst, dist, u, t, sink, 1.0, false);
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
    pushAll(g, dag, sink);
    return unroutable(g, dag);
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

  /** Hands u's traffic in equal shares to its next hops. */
  private void split(MaskedView g, int dst, long[] dist, int u, double t, LoadSink sink,
      double sign, boolean queueHeads) {
    Network b = g.base;
    int[] outSlot = g.slots.outSlot;
    int from = g.slots.outFrom[u];
    int to = g.slots.outFrom[u + 1];
    int hops = 0;
    for (int k = from; k < to; k++) {
      if (g.isNextHopSlot(dst, dist, u, outSlot[k])) {
        hops++;
      }
    }
    int[] extra = g.hasExtraOut[u] ? g.extraOut(u) : null;
    if (extra != null) {
      for (int arc : extra) {
        if (g.isNextHop(dst, dist, arc)) {
          hops++;
        }
      }
    }
    if (hops == 0) {
      return;
    }
    double share = t / hops;
    for (int k = from; k < to; k++) {
      int j = outSlot[k];
      if (g.isNextHopSlot(dst, dist, u, j)) {
        hand(dist, b.outArc[j], b.outHead[j], share, sink, sign, queueHeads);
      }
    }
    if (extra != null) {
      for (int arc : extra) {
        if (g.isNextHop(dst, dist, arc)) {
          hand(dist, arc, g.head(arc), share, sink, sign, queueHeads);
        }
      }
    }
  }

  private void hand(long[] dist, int arc, int v, double share, LoadSink sink,
      double sign, boolean queueHead) {
    sink.add(arc, sign * share);
    traffic[v] += share;
    if (queueHead) {
      mark(dist, v);
    } else {
      note(v);
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
