package io.netimpact.routing;

import io.netimpact.routes.LoadSink;

/**
 * One destination routed on the base network: its DAG, every device's path latency and
 * fingerprint, the arc loads of its demands and the traffic without a path. What the
 * incremental rules, the repair and the reroute compare a change against; made by {@link
 * PairEvaluator#baseline} (everything computed at once, O(V + E) memory) or {@link
 * PairEvaluator#baselineForNow} (in the evaluator's buffers: the path statistics of a device
 * computed when first asked for, the loads pushed when first asked for, so that a repaired
 * pair pays for the devices below its region only, and a destination whose loads are stored
 * never pushes its traffic unless a pair is rerouted).
 */
public final class DestinationBaseline {
  final DestinationDag dag;
  private final double[] latency;
  private final long[] fingerprint;
  /** The statistics made on demand, and the binding they belong to; null when complete. */
  private final PathStats.OnDemand onDemand;
  private final int binding;
  /** The evaluator that pushes the loads when they are first asked for. */
  private final PairEvaluator maker;
  /** The arcs with load, ascending, and their loads (Gbps): O(DAG) memory, not O(E). */
  private int[] loadArcs;
  private double[] loads;
  final double lost;

  /** A baseline computed at once. */
  DestinationBaseline(DestinationDag dag, double[] latency, long[] fingerprint, int[] loadArcs,
      double[] loads, double lost) {
    this.dag = dag;
    this.latency = latency;
    this.fingerprint = fingerprint;
    this.onDemand = null;
    this.binding = 0;
    this.maker = null;
    this.loadArcs = loadArcs;
    this.loads = loads;
    this.lost = lost;
  }

  /**
   * A baseline whose statistics {@code onDemand} (bound as {@code binding}) and whose loads
   * {@code maker} make when first asked for.
   */
  DestinationBaseline(DestinationDag dag, PathStats.OnDemand onDemand, int binding,
      PairEvaluator maker, double lost) {
    this.dag = dag;
    this.latency = null;
    this.fingerprint = null;
    this.onDemand = onDemand;
    this.binding = binding;
    this.maker = maker;
    this.lost = lost;
  }

  public int destination() {
    return dag.destination();
  }

  public DestinationDag dag() {
    return dag;
  }

  /** Traffic-weighted mean latency (ms) of device {@code v}'s paths to the destination. */
  public double latency(int v) {
    if (onDemand == null) {
      return latency[v];
    }
    onDemand.check(binding);
    return onDemand.latency(v);
  }

  /** The fingerprint of device {@code v}'s path distribution ({@link PathStats}). */
  long fingerprint(int v) {
    if (onDemand == null) {
      return fingerprint[v];
    }
    onDemand.check(binding);
    return onDemand.fingerprint(v);
  }

  /** Makes every device's path statistics now (a reroute compares them all). O(DAG) once. */
  void completeStatistics() {
    if (onDemand != null) {
      onDemand.check(binding);
      onDemand.ensureAll();
    }
  }

  /** Gbps of the destination's demands that have no path in the base. */
  public double lost() {
    return lost;
  }

  /** The loaded arcs, ascending (pushed first if not yet). */
  int[] loadArcs() {
    ensureLoads();
    return loadArcs;
  }

  /** The loads of {@link #loadArcs}, aligned. */
  double[] loads() {
    ensureLoads();
    return loads;
  }

  /** Sets the loads once pushed ({@link PairEvaluator}). */
  void setLoads(int[] arcs, double[] gbps) {
    this.loadArcs = arcs;
    this.loads = gbps;
  }

  private void ensureLoads() {
    if (loadArcs == null) {
      onDemand.check(binding);
      maker.pushLoads(this);
    }
  }

  /**
   * Adds the destination's base arc loads (Gbps) into {@code sink}: O(its loaded arcs) when
   * they are kept; otherwise its demands are pushed straight into {@code sink}, O(DAG), and
   * nothing is kept (a reroute that needs them pushes again).
   */
  public void addLoads(LoadSink sink) {
    if (loadArcs == null) {
      onDemand.check(binding);
      maker.pushLoads(this, sink);
      return;
    }
    for (int i = 0; i < loadArcs.length; i++) {
      sink.add(loadArcs[i], loads[i]);
    }
  }
}
