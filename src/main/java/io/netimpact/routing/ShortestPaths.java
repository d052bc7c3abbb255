package io.netimpact.routing;

import java.util.Arrays;

/**
 * The one shortest-path computation: reverse Dijkstra towards a destination over the usable
 * arcs of a {@link MaskedView}, path costs summed in {@code long}. A drained device other than
 * the destination is given its own distance but never expanded, so no path transits it
 * (contract section 2). Ties in the settle order are broken by device index, so results are
 * deterministic.
 *
 * <p>{@link #toward} is the whole computation, O(E log V), returning a {@link
 * DestinationDag}. {@link #resettle} is the same loop restricted to a region with given border
 * labels, O(R log R + arcs into R) for a region of R devices: the incremental repair re-solves
 * only the devices a change can affect with it.
 *
 * <p>An instance holds the heap and is reusable; not thread-safe.
 */
public final class ShortestPaths {
  /** Distance of a device that cannot reach the destination. */
  public static final long UNREACHABLE = Long.MAX_VALUE;

  private final IndexedMinHeap heap;
  private final int nodeCount;

  public ShortestPaths(int nodeCount) {
    this.nodeCount = nodeCount;
    this.heap = new IndexedMinHeap(nodeCount);
  }

  /** Shortest-path DAG of every device towards {@code dst} on {@code g}. O(E log V). */
  public DestinationDag toward(MaskedView g, int dst) {
    long[] dist = new long[nodeCount];
    Arrays.fill(dist, UNREACHABLE);
    int[] order = new int[nodeCount];
    int reached = 0;
    if (g.isPresent(dst)) {
      label(dist, dst, 0);
      reached = settle(g, dst, dist, null, order, 0);
    }
    return new DestinationDag(dst, dist, Arrays.copyOf(order, reached), g.generation());
  }

  /**
   * Re-solves the devices flagged in {@code region} (their entries in {@code dist} set to
   * {@link #UNREACHABLE} by the caller), given that every other device keeps its distance:
   * each region device is first labelled from its usable arcs leaving the region, then the
   * labels are settled inside the region. Writes the region's new distances into {@code dist}
   * and its devices in increasing new distance into {@code order} from index 0.
   *
   * @return how many region devices reach the destination
   */
  int resettle(MaskedView g, int dst, long[] dist, boolean[] region, int[] regionNodes,
      int regionCount, int[] order) {
    for (int i = 0; i < regionCount; i++) {
      int x = regionNodes[i];
      long best = UNREACHABLE;
      Network b = g.base;
      for (int j = b.outStart[x]; j < b.outStart[x + 1]; j++) {
        int arc = b.outArc[j];
        if (!g.off[arc]) {
          best = Math.min(best, border(g, dst, dist, region, arc));
        }
      }
      if (g.hasExtraOut[x]) {
        for (int arc : g.extraOut(x)) {
          best = Math.min(best, border(g, dst, dist, region, arc));
        }
      }
      if (best != UNREACHABLE) {
        label(dist, x, best);
      }
    }
    return settle(g, dst, dist, region, order, 0);
  }

  /** The label an arc x->y leaving the region gives x, or UNREACHABLE. */
  private static long border(MaskedView g, int dst, long[] dist, boolean[] region, int arc) {
    int y = g.head(arc);
    if (region[y] || dist[y] == UNREACHABLE || (y != dst && g.isDrained(y))) {
      return UNREACHABLE;
    }
    return dist[y] + g.arcMetric(arc);
  }

  private void label(long[] dist, int v, long d) {
    if (d < dist[v]) {
      dist[v] = d;
      heap.pushOrDecrease(v, d);
    }
  }

  /**
   * Settles the labelled devices in increasing distance, relaxing the usable arcs into each
   * (only towards {@code region} devices when it is not null); appends them to {@code order}
   * from {@code at}. Returns the new end of {@code order}.
   */
  private int settle(MaskedView g, int dst, long[] dist, boolean[] region, int[] order,
      int at) {
    Network b = g.base;
    int[] inStart = b.inStart;
    int[] inArc = b.inArc;
    boolean[] off = g.off;
    while (!heap.isEmpty()) {
      int v = heap.pop();
      order[at++] = v;
      if (v != dst && g.isDrained(v)) {
        continue;
      }
      long dv = dist[v];
      for (int i = inStart[v]; i < inStart[v + 1]; i++) {
        int arc = inArc[i];
        if (!off[arc]) {
          relax(g, dist, region, arc, dv);
        }
      }
      if (g.hasExtraIn[v]) {
        for (int arc : g.extraIn(v)) {
          relax(g, dist, region, arc, dv);
        }
      }
    }
    return at;
  }

  private void relax(MaskedView g, long[] dist, boolean[] region, int arc, long dv) {
    int u = g.tail(arc);
    if (region != null && !region[u]) {
      return;
    }
    long nd = dv + g.arcMetric(arc);
    if (nd < dist[u]) {
      dist[u] = nd;
      heap.pushOrDecrease(u, nd);
    }
  }
}
