package io.netimpact.routing;

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
  /** The arcs with load, ascending, and their loads (Gbps): O(DAG) memory, not O(E). */
  final int[] loadArcs;
  final double[] loads;
  final double lost;

  DestinationBaseline(DestinationDag dag, double[] latency, long[] fingerprint, int[] loadArcs,
      double[] loads, double lost) {
    this.dag = dag;
    this.latency = latency;
    this.fingerprint = fingerprint;
    this.loadArcs = loadArcs;
    this.loads = loads;
    this.lost = lost;
  }

  public int destination() {
    return dag.destination();
  }

  public DestinationDag dag() {
    return dag;
  }

  /** Gbps of the destination's demands that have no path in the base. */
  /** Traffic-weighted mean latency (ms) of device {@code v}'s paths to the destination. */
  public double latency(int v) {
    return latency[v];
  }

  public double lost() {
    return lost;
  }

  /** Adds the destination's base arc loads (Gbps) into {@code sink}. O(its loaded arcs). */
  public void addLoads(LoadSink sink) {
    for (int i = 0; i < loadArcs.length; i++) {
      sink.add(loadArcs[i], loads[i]);
    }
  }
}
