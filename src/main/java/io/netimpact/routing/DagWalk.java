package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The one walk over a shortest-path DAG: depth first from a source over its next hops,
 * visiting each DAG arc below the source once. {@link #arcsBelow} collects them (a demand's
 * paths after a change, for the at-risk test); {@link #crosses} stops at the first flagged
 * arc. O(the sub-DAG below the source). An instance holds the visited flags; not thread-safe.
 */
public final class DagWalk {
  private final boolean[] visited;
  private final IntArrayList seen = new IntArrayList();
  private final IntArrayList stack = new IntArrayList();

  public DagWalk(int nodeCount) {
    visited = new boolean[nodeCount];
  }

  /** Receives DAG arcs; returns false to stop the walk. */
  @FunctionalInterface
  interface ArcVisitor {
    boolean visit(int arc);
  }

  /** The DAG arcs below {@code src} towards {@code dst} (distances {@code dist} on {@code g}). */
  public int[] arcsBelow(MaskedView g, int dst, long[] dist, int src) {
    IntArrayList arcs = new IntArrayList();
    walk(g, dst, dist, src, a -> {
      arcs.add(a);
      return true;
    });
    return arcs.toIntArray();
  }

  /** Whether some path below {@code src} crosses an arc flagged in {@code flag}. */
  public boolean crosses(MaskedView g, int dst, long[] dist, int src, boolean[] flag) {
    return !walk(g, dst, dist, src, a -> a >= flag.length || !flag[a]);
  }

  /** Visits the DAG arcs below src; false when the visitor stopped the walk. */
  boolean walk(MaskedView g, int dst, long[] dist, int src, ArcVisitor visitor) {
    if (dist[src] == ShortestPaths.UNREACHABLE) {
      return true;
    }
    Network b = g.base;
    boolean complete = true;
    see(src);
    stack.add(src);
    outer:
    while (!stack.isEmpty()) {
      int u = stack.popInt();
      for (int k = g.slots.outFrom[u]; k < g.slots.outFrom[u + 1]; k++) {
        int j = g.slots.outSlot[k];
        if (g.isNextHopSlot(dst, dist, u, j)) {
          if (!visitor.visit(b.outArc[j])) {
            complete = false;
            break outer;
          }
          follow(b.outHead[j]);
        }
      }
      if (g.hasExtraOut[u]) {
        for (int arc : g.extraOut(u)) {
          if (g.isNextHop(dst, dist, arc)) {
            if (!visitor.visit(arc)) {
              complete = false;
              break outer;
            }
            follow(g.head(arc));
          }
        }
      }
    }
    for (int i = 0; i < seen.size(); i++) {
      visited[seen.getInt(i)] = false;
    }
    seen.clear();
    stack.clear();
    return complete;
  }

  private void follow(int v) {
    if (!visited[v]) {
      see(v);
      stack.add(v);
    }
  }

  private void see(int v) {
    visited[v] = true;
    seen.add(v);
  }
}
