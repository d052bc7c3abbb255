package io.netimpact.routing;

import io.netimpact.routes.PathsAfter;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.function.IntConsumer;

/**
 * The one walk over a shortest-path DAG: depth first from sources over their next hops
 * ({@link NextHops}, the one enumeration of a device's DAG arcs), visiting each DAG arc
 * below them once. {@link #arcsBelow} collects those below one source (TE paths);
 * {@link #pathsBelow} keeps the union below many sources as a {@link PathsAfter} (a pair's
 * rerouted demands). O(the sub-DAG walked). An instance holds the visited flags; not
 * thread-safe.
 */
public final class DagWalk {
  private final boolean[] visited;
  private final IntArrayList seen = new IntArrayList();
  private final IntArrayList stack = new IntArrayList();
  /** pathsBelow's and keptBelow's device-to-local-node map, made on first use. */
  private int[] local = new int[0];
  private final NextHops next = new NextHops();
  /**
   * While keptBelow walks: each device's next hops as the walk found them (positions among its
   * out-slots, -1 for an arc the view adds), from {@code hopAt[v]}, {@code hopCount[v]} of them,
   * so that numbering the devices does not enumerate them again.
   */
  private boolean recording;
  private final IntArrayList walkedSlots = new IntArrayList();
  private int[] hopAt = new int[0];
  private int[] hopCount = new int[0];

  public DagWalk(int nodeCount) {
    visited = new boolean[nodeCount];
  }

  /** The DAG arcs below {@code src} towards {@code dst} (distances {@code dist} on {@code g}). */
  public int[] arcsBelow(MaskedView g, int dst, long[] dist, int src) {
    IntArrayList arcs = new IntArrayList();
    walkFrom(g, dst, dist, src, arcs::add);
    clearMarks();
    return arcs.toIntArray();
  }

  /**
   * The paths below every source of {@code sources} towards {@code dst} (distances {@code
   * dist} on {@code g}), walked once for all of them: the union of their sub-DAGs as a {@link
   * PathsAfter}, nearest the destination first; {@code localOut[i]} receives source i's local
   * node (-1 when it is unreachable). O(the union of the sub-DAGs + its nodes log its nodes).
   */
  public PathsAfter pathsBelow(MaskedView g, int dst, long[] dist, int[] sources, int count,
      int[] localOut) {
    int[] nodes = below(g, dst, dist, null, sources, count, localOut);
    int[] start = new int[nodes.length + 1];
    IntArrayList arcs = new IntArrayList();
    IntArrayList heads = new IntArrayList();
    for (int i = 0; i < nodes.length; i++) {
      int hops = next.of(g, dst, dist, nodes[i]);
      for (int k = 0; k < hops; k++) {
        arcs.add(next.arc[k]);
        heads.add(local[next.head[k]]);
      }
      start[i + 1] = arcs.size();
    }
    clearMarks();
    return new PathsAfter(start, arcs.toIntArray(), heads.toIntArray());
  }

  /**
   * The same paths as {@link #pathsBelow}, with the same local nodes in the same order, in the
   * compact form kept for repeated pushes and pulls ({@link KeptPaths}). O(the union of the
   * sub-DAGs + its nodes log its nodes).
   *
   * @throws IllegalArgumentException when {@code g} adds arcs to the base network (they have no
   *     out-slot there)
   */
  public KeptPaths keptBelow(MaskedView g, int dst, long[] dist, int[] sources, int count,
      int[] localOut) {
    return kept(g, dst, dist, null, sources, count, localOut);
  }

  /**
   * As {@link #keptBelow(MaskedView, int, long[], int[], int, int[])} on {@code dag}'s
   * distances, the devices numbered by reading its settle order (which is by distance, ties by
   * index) instead of sorting them: the same paths. O(the union of the sub-DAGs + the DAG's
   * devices).
   */
  public KeptPaths keptBelow(MaskedView g, DestinationDag dag, int[] sources, int count,
      int[] localOut) {
    int dst = dag.destination();
    long[] dist = dag.distances();
    return kept(g, dst, dist, dag.order(), sources, count, localOut);
  }

  /** The kept paths below {@code sources}, each device's next hops as the walk found them. */
  private KeptPaths kept(MaskedView g, int dst, long[] dist, int[] settled, int[] sources,
      int count, int[] localOut) {
    if (hopAt.length < visited.length) {
      hopAt = new int[visited.length];
      hopCount = new int[visited.length];
    }
    recording = true;
    int[] nodes;
    try {
      nodes = below(g, dst, dist, settled, sources, count, localOut);
    } finally {
      recording = false;
    }
    int[] counts = new int[nodes.length];
    int[] slots = new int[walkedSlots.size()];
    int j = 0;
    for (int i = 0; i < nodes.length; i++) {
      int v = nodes[i];
      int at = hopAt[v];
      for (int k = 0; k < hopCount[v]; k++) {
        int slot = walkedSlots.getInt(at + k);
        if (slot < 0) {
          next.of(g, dst, dist, v);
          int arc = next.arc[k];
          clearMarks();
          throw new IllegalArgumentException("arc " + arc + " is added by the view: "
              + "kept paths name base out-slots only");
        }
        slots[j++] = slot;
      }
      counts[i] = hopCount[v];
    }
    clearMarks();
    return new KeptPaths(g, nodes, counts, slots);
  }

  /**
   * Walks below every source of {@code sources} once for all of them and numbers the devices
   * met nearest the destination first (a next hop is strictly nearer than its tail: heads
   * before tails), ties by index, into {@link #local}; {@code localOut[i]} receives source i's
   * number (-1 when it is unreachable). With {@code settled}, the DAG's devices in that order
   * (its settle order), they are read from it; else sorted. The marks stay until {@link
   * #clearMarks}.
   */
  private int[] below(MaskedView g, int dst, long[] dist, int[] settled, int[] sources,
      int count, int[] localOut) {
    for (int i = 0; i < count; i++) {
      walkFrom(g, dst, dist, sources[i], arc -> { });
    }
    int[] nodes;
    if (settled != null) {
      nodes = new int[seen.size()];
      int at = 0;
      for (int v : settled) {
        if (visited[v]) {
          nodes[at++] = v;
        }
      }
    } else {
      nodes = seen.toIntArray();
      it.unimi.dsi.fastutil.ints.IntArrays.quickSort(nodes,
          (x, y) -> dist[x] != dist[y] ? Long.compare(dist[x], dist[y]) : Integer.compare(x, y));
    }
    if (local.length < visited.length) {
      local = new int[visited.length];
    }
    for (int i = 0; i < nodes.length; i++) {
      local[nodes[i]] = i;
    }
    for (int i = 0; i < count; i++) {
      localOut[i] = dist[sources[i]] == ShortestPaths.UNREACHABLE ? -1 : local[sources[i]];
    }
    return nodes;
  }

  /**
   * Walks from {@code src} (nothing when it is unreachable) into every device below it not
   * seen yet, handing each DAG arc met to {@code arc}; the marks stay until {@link
   * #clearMarks}, so that walks from several sources visit each device once.
   */
  private void walkFrom(MaskedView g, int dst, long[] dist, int src, IntConsumer arc) {
    if (dist[src] == ShortestPaths.UNREACHABLE || visited[src]) {
      return;
    }
    see(src);
    stack.add(src);
    while (!stack.isEmpty()) {
      int u = stack.popInt();
      int hops = next.of(g, dst, dist, u);
      if (recording) {
        hopAt[u] = walkedSlots.size();
        hopCount[u] = hops;
        int from = g.slots.outFrom[u];
        for (int k = 0; k < hops; k++) {
          walkedSlots.add(next.slot[k] < 0 ? -1 : next.slot[k] - from);
        }
      }
      for (int k = 0; k < hops; k++) {
        arc.accept(next.arc[k]);
        int head = next.head[k];
        if (!visited[head]) {
          see(head);
          stack.add(head);
        }
      }
    }
  }

  private void clearMarks() {
    walkedSlots.clear();
    for (int i = 0; i < seen.size(); i++) {
      visited[seen.getInt(i)] = false;
    }
    seen.clear();
  }

  private void see(int v) {
    visited[v] = true;
    seen.add(v);
  }
}
