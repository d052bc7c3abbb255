package io.netimpact.routing;

/**
 * The transpose of the push ({@link EcmpPush#pushAll}): for one destination's DAG and a weight
 * per arc, each device's expected weight along its traffic's way to the destination, its
 * traffic split equally among its next hops as the push splits it ({@link NextHops}, the one
 * enumeration of a device's DAG arcs). With routing matrix A (arc by (source, destination)
 * pair: the share of the pair's traffic that crosses the arc), the push computes {@code A x}
 * and this {@code A^T y}: the entry of pair (s, d) is the pull's value at s on d's DAG, so that
 * {@code <A x, y> == <x, A^T y>}.
 *
 * <p>Devices are visited nearest first (a next hop is strictly nearer): {@code w(d) = 0},
 * {@code w(u) = (1 / hops) * sum over u's next-hop arcs a = u->v of (y[a] + w(v))}. O(V + E)
 * over the DAG's devices. An instance holds a scratch; not thread-safe.
 */
public final class EcmpPull {
  private final NextHops next = new NextHops();

  /**
   * Writes into {@code out[v]}, for every device v of {@code dag} (computed on {@code g}), the
   * ECMP-weighted sum of {@code arcWeight} along v's ways to the destination; entries of the
   * devices outside the DAG are left as they were. O(the DAG's devices and arcs).
   */
  public void pullAll(MaskedView g, DestinationDag dag, double[] arcWeight, double[] out) {
    dag.checkView(g);
    int[] order = dag.order();
    long[] dist = dag.distances();
    int dst = dag.destination();
    if (order.length == 0) {
      return;
    }
    out[order[0]] = 0;
    for (int i = 1; i < order.length; i++) {
      int u = order[i];
      int hops = next.of(g, dst, dist, u);
      double sum = 0;
      for (int k = 0; k < hops; k++) {
        sum += arcWeight[next.arc[k]] + out[next.head[k]];
      }
      out[u] = hops == 0 ? 0 : sum / hops;
    }
  }
}
