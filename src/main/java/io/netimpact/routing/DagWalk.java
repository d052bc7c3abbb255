package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The one walk over a shortest-path DAG: depth first from a source over its next hops,
 * visiting each DAG arc below the source once. {@link #arcsBelow} collects them (a demand's
 * paths after a change, for the at-risk test); {@link #crosses} stops at the first flagged
 * arc, {@link #pathsBelow} keeps the union below many sources as a {@link PathsAfter}.
 * O(the sub-DAG below the source). An instance holds the visited flags; not thread-safe.
 */
public final class DagWalk {
  private final boolean[] visited;
  private final IntArrayList seen = new IntArrayList();
  private final IntArrayList stack = new IntArrayList();
  /** pathsBelow's device-to-local-node map, made on first use. */
  private int[] local = new int[0];

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

  /**
   * The paths below every source of {@code sources} towards {@code dst} (distances {@code
   * dist} on {@code g}), walked once for all of them: the union of their sub-DAGs as a {@link
   * PathsAfter}, nearest the destination first; {@code localOut[i]} receives source i's local
   * node. O(the union of the sub-DAGs + its nodes log its nodes).
   */
  public PathsAfter pathsBelow(MaskedView g, int dst, long[] dist, int[] sources, int count,
      int[] localOut) {
    for (int i = 0; i < count; i++) {
      if (dist[sources[i]] != ShortestPaths.UNREACHABLE && !visited[sources[i]]) {
        see(sources[i]);
        stack.add(sources[i]);
        walk(g, dst, dist, a -> true, false);
      }
    }
    // Nearest first (a next hop is strictly nearer than its tail): heads before tails.
    int[] nodes = seen.toIntArray();
    it.unimi.dsi.fastutil.ints.IntArrays.quickSort(nodes,
        (x, y) -> dist[x] != dist[y] ? Long.compare(dist[x], dist[y]) : Integer.compare(x, y));
    if (local.length < visited.length) {
      local = new int[visited.length];
    }
    for (int i = 0; i < nodes.length; i++) {
      local[nodes[i]] = i;
    }
    int[] start = new int[nodes.length + 1];
    IntArrayList arcs = new IntArrayList();
    IntArrayList heads = new IntArrayList();
    Network b = g.base;
    for (int i = 0; i < nodes.length; i++) {
      int u = nodes[i];
      for (int k = g.slots.outFrom[u]; k < g.slots.outFrom[u + 1]; k++) {
        int j = g.slots.outSlot[k];
        if (g.isNextHopSlot(dst, dist, u, j)) {
          arcs.add(b.outArc[j]);
          heads.add(local[b.outHead[j]]);
        }
      }
      if (g.hasExtraOut[u]) {
        for (int arc : g.extraOut(u)) {
          if (g.isNextHop(dst, dist, arc)) {
            arcs.add(arc);
            heads.add(local[g.head(arc)]);
          }
        }
      }
      start[i + 1] = arcs.size();
    }
    for (int i = 0; i < count; i++) {
      localOut[i] = dist[sources[i]] == ShortestPaths.UNREACHABLE ? -1 : local[sources[i]];
    }
    for (int v : nodes) {
      visited[v] = false;
    }
    seen.clear();
    return new PathsAfter(start, arcs.toIntArray(), heads.toIntArray());
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
    see(src);
    stack.add(src);
    return walk(g, dst, dist, visitor, true);
  }

  /**
   * Walks from the stacked devices, not into one already seen; clears the marks after when
   * {@code reset} (else the caller does, having read {@link #seen}).
   */
  private boolean walk(MaskedView g, int dst, long[] dist, ArcVisitor visitor, boolean reset) {
    Network b = g.base;
    boolean complete = true;
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
    stack.clear();
    if (reset) {
      for (int i = 0; i < seen.size(); i++) {
        visited[seen.getInt(i)] = false;
      }
      seen.clear();
    }
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
