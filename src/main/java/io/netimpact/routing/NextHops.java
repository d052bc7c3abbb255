package io.netimpact.routing;

/**
 * The one enumeration of a device's next hops towards a destination on a {@link MaskedView}:
 * its usable arcs u->v with {@code d(u) == w + d(v)} into the destination or a device that is
 * not drained ({@link MaskedView#isNextHopSlot}, {@link MaskedView#isNextHop}), base slots
 * first, then added arcs, into arrays reused from call to call. The push ({@link EcmpPush}),
 * the DAG walk ({@link DagWalk}) and the on-demand path statistics read a device's DAG arcs
 * through it. A per-user scratch; not thread-safe.
 */
final class NextHops {
  /**
   * The last call's DAG arcs and, aligned, their heads and their positions in the view's
   * out-slots ({@code MaskedView#slots}; -1 for an arc the view adds).
   */
  int[] arc = new int[16];
  int[] head = new int[16];
  int[] slot = new int[16];

  /**
   * Fills {@link #arc}, {@link #head} and {@link #slot} with the next hops of {@code u} towards
   * {@code dst} (distances {@code dist} on {@code g}); returns how many. O(degree).
   */
  int of(MaskedView g, int dst, long[] dist, int u) {
    Network b = g.base;
    int[] outSlot = g.slots.outSlot;
    int from = g.slots.outFrom[u];
    int to = g.slots.outFrom[u + 1];
    int[] extra = g.hasExtraOut[u] ? g.extraOut(u) : null;
    int most = to - from + (extra == null ? 0 : extra.length);
    if (arc.length < most) {
      arc = new int[Math.max(most, 2 * arc.length)];
      head = new int[arc.length];
      slot = new int[arc.length];
    }
    int hops = 0;
    for (int k = from; k < to; k++) {
      int j = outSlot[k];
      if (g.isNextHopSlot(dst, dist, u, j)) {
        arc[hops] = b.outArc[j];
        slot[hops] = k;
        head[hops++] = b.outHead[j];
      }
    }
    if (extra != null) {
      for (int a : extra) {
        if (g.isNextHop(dst, dist, a)) {
          arc[hops] = a;
          slot[hops] = -1;
          head[hops++] = g.head(a);
        }
      }
    }
    return hops;
  }
}
