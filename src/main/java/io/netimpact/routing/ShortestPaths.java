package io.netimpact.routing;

import java.util.Arrays;

/**
 * The one shortest-path computation: reverse Dijkstra towards a destination over the usable
 * arcs of a {@link MaskedView}, path costs summed in {@code long}. A drained device other than
 * the destination is given its own distance but never expanded, so no path transits it
 * (docs/semantics.md#routing). Ties in the settle order are broken by device index, so results are
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
  /** Sources of the destination being routed by {@link #towardSources}: marked with stamp. */
  private final int[] sourceMark;
  private int stamp;
  private boolean stopping;
  /** Whether the last settle stopped at its sources with labels left. */
  private boolean cut;
  private int remaining;
  /** Settle order scratch, O(V), made on first use; and the caller's distances, if any. */
  private int[] order;
  private long[] scratchDist;
  /** resettleShorter's bound, region and distances before (UNREACHABLE, null otherwise). */
  private long boundBy = UNREACHABLE;
  private boolean[] kept;
  private long[] restore;

  public ShortestPaths(int nodeCount) {
    this.nodeCount = nodeCount;
    this.heap = new IndexedMinHeap(nodeCount);
    this.sourceMark = new int[nodeCount];
  }

  /** Shortest-path DAG of every device towards {@code dst} on {@code g}. O(E log V). */
  public DestinationDag toward(MaskedView g, int dst) {
    return route(g, dst);
  }

  /**
   * The part of the shortest-path DAG towards {@code dst} that can carry its traffic: the same
   * loop as {@link #toward}, stopped once every source of a demand to {@code dst} is settled.
   * Metrics are positive, so a device settled later is farther than every source and on no
   * source's path; it is left {@link #UNREACHABLE}. Every device nearer than the DAG's {@link
   * DestinationDag#horizon} has its exact distance, every device left out is at least that
   * far. Distances and next hops of the sources, their demands' loads, latencies and
   * fingerprints are those of the whole DAG. O(E' log V') for the V' devices and E' arcs
   * nearer than the farthest source.
   */
  public DestinationDag towardSources(MaskedView g, int dst) {
    Network b = g.base;
    return towardMarked(g, dst, b.demSrc, b.demByDstStart[dst], b.demByDstStart[dst + 1]);
  }

  /**
   * As {@link #towardSourcesInto(MaskedView, int, long[])}, stopped once the first {@code
   * count} devices of {@code sources} are settled (some of the destination's demands' sources,
   * or others) instead of its demands' sources: the DAG holds the exact distances and next hops
   * of every one of them. O(E' log V') for the V' devices and E' arcs nearer than the farthest
   * of them.
   */
  public DestinationDag towardSourcesInto(MaskedView g, int dst, long[] dist, int[] sources,
      int count) {
    return into(dist, () -> towardMarked(g, dst, sources, 0, count));
  }

  /** The loop of {@link #toward}, stopped once {@code src[from..to)} are all settled. */
  private DestinationDag towardMarked(MaskedView g, int dst, int[] src, int from, int to) {
    if (++stamp == 0) {
      java.util.Arrays.fill(sourceMark, 0);
      stamp = 1;
    }
    int count = 0;
    for (int k = from; k < to; k++) {
      int s = src[k];
      if (sourceMark[s] != stamp) {
        sourceMark[s] = stamp;
        count++;
      }
    }
    stopping = true;
    remaining = count;
    try {
      return route(g, dst);
    } finally {
      stopping = false;
    }
  }

  /**
   * As {@link #towardSources}, into the caller's {@code dist}, which must be {@link
   * #UNREACHABLE} everywhere on entry; on return only the DAG's devices are not. No O(V) work:
   * O(E' log V') as {@link #towardSources}. The DAG shares {@code dist}.
   */
  public DestinationDag towardSourcesInto(MaskedView g, int dst, long[] dist) {
    return into(dist, () -> towardSources(g, dst));
  }

  /**
   * As {@link #toward}, into the caller's {@code dist}, which must be {@link #UNREACHABLE}
   * everywhere on entry; on return only the DAG's devices are not. The DAG shares {@code dist}.
   * O(E log V), no O(V) fill.
   */
  DestinationDag towardInto(MaskedView g, int dst, long[] dist) {
    return into(dist, () -> route(g, dst));
  }

  /** Runs {@code routing} with {@code dist} as its distance buffer. */
  private DestinationDag into(long[] dist, java.util.function.Supplier<DestinationDag> routing) {
    scratchDist = dist;
    try {
      return routing.get();
    } finally {
      scratchDist = null;
    }
  }

  private DestinationDag route(MaskedView g, int dst) {
    long[] dist = scratchDist;
    if (dist == null) {
      dist = new long[nodeCount];
      Arrays.fill(dist, UNREACHABLE);
    }
    if (order == null) {
      order = new int[nodeCount];
    }
    int reached = 0;
    cut = false;
    if (g.isPresent(dst)) {
      label(dist, dst, 0);
      reached = settle(g, dst, dist, null, order, 0);
    }
    return new DestinationDag(dst, dist, Arrays.copyOf(order, reached), g.generation(), cut);
  }

  /**
   * The same loop towards {@code dst} over the devices flagged in {@code region} only (dst
   * among them), into the caller's {@code dist} (UNREACHABLE on every region device on entry)
   * and {@code order}; the caller resets the entries it reads. O(R log R + arcs into R) for a
   * region of R devices. {@link TransitStubs} routes each site on its own with it.
   *
   * @return how many region devices reach {@code dst}
   */
  int towardWithin(MaskedView g, int dst, boolean[] region, long[] dist, int[] order) {
    label(dist, dst, 0);
    return settle(g, dst, dist, region, order, 0);
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
    labelRegion(g, dst, dist, region, regionNodes, regionCount);
    return settle(g, dst, dist, region, order, 0);
  }

  /**
   * Labels each region device from its usable arcs that leave the region (to a settled device
   * outside it, not through a drained one) and from its extra arcs: the seeds of
   * {@link #resettle} and {@link #resettleShorter}. O(region devices + their out-arcs).
   */
  private void labelRegion(MaskedView g, int dst, long[] dist, boolean[] region,
      int[] regionNodes, int regionCount) {
    for (int i = 0; i < regionCount; i++) {
      int x = regionNodes[i];
      long best = UNREACHABLE;
      Network b = g.base;
      for (int k = g.slots.outFrom[x]; k < g.slots.outFrom[x + 1]; k++) {
        int j = g.slots.outSlot[k];
        if (g.outSlotUsable(j)) {
          int y = b.outHead[j];
          if (!region[y] && dist[y] != UNREACHABLE && (y == dst || !g.isDrained(y))) {
            best = Math.min(best, dist[y] + g.outSlotMetric(j));
          }
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
  }

  /**
   * Re-solves a destination after a change that may both lengthen and shorten paths
   * (Ramalingam-Reps style, over a base DAG's distances): the devices flagged in {@code region}
   * (those whose distance may grow, and devices the base left out, all {@link #UNREACHABLE} on
   * entry) are labelled from their usable arcs leaving the region as in {@link #resettle}; the
   * tail u of each arc u->v in {@code shorter} (arcs the change switches on or makes cheaper,
   * and the arcs into an undrained device) from v; then the labels are settled over the
   * whole view, where a device outside the region, whose distance can only fall, is labelled
   * again only by a path shorter than the distance it has. So only the region and the devices
   * whose distance falls are settled: O((R + F) log (R + F) + their arcs) for R region devices
   * and F devices brought nearer, instead of O(E log V).
   *
   * <p>Settling stops past {@code bound} (a truncated DAG's horizon: a device farther than every
   * source carries none of its traffic); a device outside the region labelled but not settled
   * then gets back its distance in {@code before}, a region device keeps its label (an upper
   * bound beyond {@code bound}: the caller decides whether it can vouch for it).
   *
   * @return how many devices were settled, written in increasing new distance into {@code
   *     order} from index 0: the region's reachable devices and every device brought nearer
   */
  int resettleShorter(MaskedView g, int dst, long[] dist, boolean[] region, int[] regionNodes,
      int regionCount, int[] shorter, int shorterCount, long bound, long[] before,
      int[] order) {
    labelRegion(g, dst, dist, region, regionNodes, regionCount);
    for (int i = 0; i < shorterCount; i++) {
      int arc = shorter[i];
      int u = g.tail(arc);
      int v = g.head(arc);
      if (u != dst && !region[u] && dist[v] != UNREACHABLE && (v == dst || !g.isDrained(v))
          && (g.stubs == null || !g.stubs[u])) {
        label(dist, u, dist[v] + g.arcMetric(arc));
      }
    }
    boundBy = bound;
    kept = region;
    restore = before;
    try {
      return settle(g, dst, dist, null, order, 0);
    } finally {
      boundBy = UNREACHABLE;
      kept = null;
      restore = null;
    }
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
    int[] inFrom = g.slots.inFrom;
    int[] inSlot = g.slots.inSlot;
    int[] inTail = b.inTail;
    boolean[] stub = g.stubs;
    while (!heap.isEmpty()) {
      int v = heap.pop();
      if (dist[v] > boundBy) {
        beyondBound(v, dist);
        break;
      }
      order[at++] = v;
      if (stopping && (remaining == 0 || (sourceMark[v] == stamp && --remaining == 0))) {
        // Labels still in the heap are upper bounds, not distances: drop them.
        for (int i = 0; i < heap.size(); i++) {
          dist[heap.node(i)] = UNREACHABLE;
        }
        heap.clear();
        cut = true;
        break;
      }
      if (v != dst && g.isDrained(v)) {
        continue;
      }
      long dv = dist[v];
      for (int k = inFrom[v]; k < inFrom[v + 1]; k++) {
        int i = inSlot[k];
        if (g.inSlotUsable(i)) {
          int u = inTail[i];
          if ((region == null || region[u]) && (stub == null || !stub[u])) {
            long nd = dv + g.inSlotMetric(i);
            if (nd < dist[u]) {
              dist[u] = nd;
              heap.pushOrDecrease(u, nd);
            }
          }
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

  /** Past resettleShorter's bound: labels outside the region back to their distance before. */
  private void beyondBound(int v, long[] dist) {
    if (!kept[v]) {
      dist[v] = restore[v];
    }
    for (int i = 0; i < heap.size(); i++) {
      int u = heap.node(i);
      if (!kept[u]) {
        dist[u] = restore[u];
      }
    }
    heap.clear();
  }

  private void relax(MaskedView g, long[] dist, boolean[] region, int arc, long dv) {
    int u = g.tail(arc);
    if ((region != null && !region[u]) || (g.stubs != null && g.stubs[u])) {
      return;
    }
    long nd = dv + g.arcMetric(arc);
    if (nd < dist[u]) {
      dist[u] = nd;
      heap.pushOrDecrease(u, nd);
    }
  }
}
