package io.netimpact.te;

import io.netimpact.routing.IndexedMinHeap;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ShortestPaths;
import java.util.Arrays;
import java.util.Optional;

/**
 * Constrained shortest path first (docs/semantics.md#traffic-engineering): the path an LSP takes
 * from head to tail over
 * the arcs that are usable, transit no drained device (head and tail may be drained) and have
 * at least the LSP's bandwidth unreserved. Among those paths: smallest total metric, then
 * fewest hops, then the lexicographically smallest sequence of {@code (link id, from device)}.
 *
 * <p>One reverse search towards the tail with the kernel's {@link IndexedMinHeap}, keyed by
 * metric, over the feasible arcs; then, nearest first, each device's fewest hops over its
 * tight arcs ({@code d(u) == w + d(v)}); then a walk from the head that takes, at every step,
 * the tight arc keeping the fewest hops whose link id is smallest. Two optimal paths with the
 * same links so far stand at the same device, so the from device of a pair never decides and
 * comparing link ids step by step is the lexicographic order. O(E log V) per LSP.
 *
 * <p>Not the IGP Dijkstra of {@link ShortestPaths}: its arc set depends on the reservations of
 * the LSPs placed before, and it needs hops and the link-id order. An instance is a reusable
 * workspace for one node count; not thread-safe.
 */
public final class Cspf {
  /** Bandwidth tolerance, relative to the larger of the LSP's bandwidth and the arc's capacity. */
  public static final double TOLERANCE = 1e-9;
  private static final long INF = ShortestPaths.UNREACHABLE;

  private final IndexedMinHeap heap;
  private final long[] dist;
  private final int[] hops;
  private final int[] order;

  public Cspf(int nodeCount) {
    heap = new IndexedMinHeap(nodeCount);
    dist = new long[nodeCount];
    hops = new int[nodeCount];
    order = new int[nodeCount];
  }

  /** Whether an arc of {@code g} with {@code reserved} Gbps reserved can take {@code bw} more. */
  public static boolean fits(MaskedView g, int arc, double reserved, double bw) {
    double cap = g.arcCapacity(arc);
    return g.arcUsable(arc) && cap - reserved >= bw - TOLERANCE * Math.max(bw, cap);
  }

  /**
   * The arcs, head first, of the path an LSP of {@code bw} Gbps takes from {@code head} to
   * {@code tail} on {@code g} given the reservations so far ({@code reserved}, per arc, Gbps;
   * not modified), or empty when no path fits. O(E log V).
   */
  public Optional<int[]> path(MaskedView g, int head, int tail, double bw, double[] reserved) {
    if (!g.isPresent(head) || !g.isPresent(tail)) {
      return Optional.empty();
    }
    Network b = g.base();
    Arrays.fill(dist, INF);
    heap.clear();
    dist[tail] = 0;
    heap.pushOrDecrease(tail, 0);
    int settled = 0;
    while (!heap.isEmpty()) {
      int v = heap.pop();
      order[settled++] = v;
      if (v == head) {
        break;
      }
      if (v != tail && g.isDrained(v)) {
        continue;
      }
      for (int i = b.inBegin(v); i < b.inBegin(v + 1); i++) {
        int arc = b.inArcs()[i];
        if (!g.isOff(arc)) {
          relax(g, arc, dist[v], reserved, bw);
        }
      }
      for (int arc : g.switchedOnInto(v)) {
        relax(g, arc, dist[v], reserved, bw);
      }
    }
    if (dist[head] == INF) {
      return Optional.empty();
    }
    // Fewest hops over tight arcs, nearest first (every tight successor is nearer: metric >= 1).
    Arrays.fill(hops, Integer.MAX_VALUE);
    hops[tail] = 0;
    for (int i = 1; i < settled; i++) {
      int u = order[i];
      int best = Integer.MAX_VALUE;
      for (int j = b.outBegin(u); j < b.outBegin(u + 1); j++) {
        int arc = b.outArcs()[j];
        if (!g.isOff(arc) && tight(g, u, arc, tail, reserved, bw)) {
          best = Math.min(best, hops[g.head(arc)]);
        }
      }
      for (int arc : g.switchedOnOutOf(u)) {
        if (tight(g, u, arc, tail, reserved, bw)) {
          best = Math.min(best, hops[g.head(arc)]);
        }
      }
      hops[u] = best == Integer.MAX_VALUE ? best : best + 1;
    }
    int[] path = new int[hops[head]];
    int u = head;
    for (int step = 0; step < path.length; step++) {
      int pick = -1;
      for (int j = b.outBegin(u); j < b.outBegin(u + 1); j++) {
        int arc = b.outArcs()[j];
        if (!g.isOff(arc)) {
          pick = better(g, u, arc, pick, tail, reserved, bw);
        }
      }
      for (int arc : g.switchedOnOutOf(u)) {
        pick = better(g, u, arc, pick, tail, reserved, bw);
      }
      path[step] = pick;
      u = g.head(pick);
    }
    return Optional.of(path);
  }

  private void relax(MaskedView g, int arc, long dv, double[] reserved, double bw) {
    if (!fits(g, arc, reserved[arc], bw)) {
      return;
    }
    int u = g.tail(arc);
    long nd = dv + g.arcMetric(arc);
    if (nd < dist[u]) {
      dist[u] = nd;
      heap.pushOrDecrease(u, nd);
    }
  }

  /** A feasible arc u->v on a metric-shortest path to the tail (v the tail or not drained). */
  private boolean tight(MaskedView g, int u, int arc, int tail, double[] reserved, double bw) {
    int v = g.head(arc);
    return dist[v] != INF && (v == tail || !g.isDrained(v))
        && dist[u] == dist[v] + g.arcMetric(arc) && fits(g, arc, reserved[arc], bw);
  }

  private int better(MaskedView g, int u, int arc, int pick, int tail, double[] reserved,
      double bw) {
    if (!tight(g, u, arc, tail, reserved, bw) || hops[g.head(arc)] != hops[u] - 1) {
      return pick;
    }
    if (pick < 0 || g.linkId(Network.linkOf(arc)).compareTo(g.linkId(Network.linkOf(pick))) < 0) {
      return arc;
    }
    return pick;
  }
}
