package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * One destination routed on the base network: its DAG, every device's path latency and
 * fingerprint, the arc loads of its demands and the traffic without a path. What the
 * incremental rules, the repair and the reroute compare a change against; made once per
 * destination by {@link PairEvaluator#baseline}. O(V + E) memory.
 */
public final class DestinationBaseline {
  final DestinationDag dag;
  final double[] latency;
  final long[] fingerprint;
  /** Dense loads by base arc, and the arcs with load. */
  final double[] load;
  final int[] loadArcs;
  final double lost;

  DestinationBaseline(DestinationDag dag, double[] latency, long[] fingerprint, double[] load,
      int[] loadArcs, double lost) {
    this.dag = dag;
    this.latency = latency;
    this.fingerprint = fingerprint;
    this.load = load;
    this.loadArcs = loadArcs;
    this.lost = lost;
  }

  public int destination() {
    return dag.destination();
  }

  public DestinationDag dag() {
    return dag;
  }

  /** Gbps of the destination's demands that have no path in the base. */
  public double lost() {
    return lost;
  }

  /** Adds the destination's base arc loads (Gbps) into {@code sink}. O(its loaded arcs). */
  public void addLoads(LoadSink sink) {
    for (int a : loadArcs) {
      sink.add(a, load[a]);
    }
  }

  static int[] nonZero(double[] load, IntArrayList touched) {
    IntArrayList out = new IntArrayList();
    for (int i = 0; i < touched.size(); i++) {
      int a = touched.getInt(i);
      if (load[a] != 0) {
        out.add(a);
      }
    }
    return out.toIntArray();
  }
}
