package io.netimpact.routing;

import io.netimpact.routes.LoadSink;

/**
 * Arc loads of a whole network routed in one thread: for tools that need the baseline on
 * the driver (scaling a demand matrix to a target utilisation, checks), not for the jobs,
 * which spread destinations over Spark tasks. O(D (E log V)).
 *
 * <p>Whoever routes every destination sums the base loads with a {@link Sum}: this class, the
 * driver's evaluator, the Spark plans' tasks and their merge on the driver, the topology run and
 * the generator's calibration, so that there is one way to add a destination's loads and one
 * way to add the parts summed elsewhere.
 *
 * @param load       Gbps per arc
 * @param lostGbps   demand with no path
 * @param offeredGbps all demand
 */
public record BaselineLoads(double[] load, double lostGbps, double offeredGbps) {

  public static BaselineLoads of(NetworkView net) {
    MaskedView g = net.view();
    Sum sum = new Sum(g.arcCount());
    ShortestPaths paths = new ShortestPaths(net.nodeCount());
    EcmpPush push = new EcmpPush(net.nodeCount());
    for (int dst : net.destinations()) {
      sum.lost += push.pushDemands(g, paths.toward(g, dst), LoadSink.into(sum.load));
    }
    double offered = 0;
    for (int k = 0; k < net.demandCount(); k++) {
      offered += net.demandGbps(k);
    }
    return new BaselineLoads(sum.load, sum.lost, offered);
  }

  /** Highest load / capacity over the usable arcs; 0 when nothing is loaded. */
  public double maxUtilisation(NetworkView net) {
    double max = 0;
    for (int a = 0; a < load.length; a++) {
      double cap = net.arcCapacity(a);
      if (cap > 0) {
        max = Math.max(max, load[a] / cap);
      }
    }
    return max;
  }

  /**
   * The running sum of base loads: Gbps per arc and the demand without a path, each destination
   * added once ({@link #add(DestinationBaseline)}, O(the destination's loaded arcs)), or parts
   * summed elsewhere added in, dense ({@link #add(double[], double)}, O(arcs)) or as the arcs
   * they load ({@link #add(int[], double[], double)}, O(those arcs)). Addition is in the order
   * of the calls, so the same calls in the same order give the same sums bit for bit. Not
   * thread-safe; one per task.
   */
  public static final class Sum {
    private final double[] load;
    private double lost;

    /** An empty sum over {@code arcs} arcs. */
    public Sum(int arcs) {
      this(new double[arcs], 0);
    }

    /** A sum that goes on from {@code load} (kept, not copied) and {@code lost}. */
    public Sum(double[] load, double lost) {
      this.load = load;
      this.lost = lost;
    }

    /** Adds one destination's base loads and its traffic without a path. */
    public Sum add(DestinationBaseline destination) {
      destination.addLoads(LoadSink.into(load));
      lost += destination.lost();
      return this;
    }

    /** Adds a part summed elsewhere, one entry per arc. */
    public Sum add(double[] partLoad, double partLost) {
      if (partLoad.length != load.length) {
        throw new IllegalArgumentException("a part of " + partLoad.length + " arcs added to a sum"
            + " of " + load.length);
      }
      for (int a = 0; a < load.length; a++) {
        load[a] += partLoad[a];
      }
      lost += partLost;
      return this;
    }

    /** Adds a part summed elsewhere as the arcs it loads, {@code loads} aligned with them. */
    public Sum add(int[] arcs, double[] loads, double partLost) {
      for (int i = 0; i < arcs.length; i++) {
        load[arcs[i]] += loads[i];
      }
      lost += partLost;
      return this;
    }

    /** Gbps per arc (the sum's own array). */
    public double[] load() {
      return load;
    }

    /** Gbps of demand without a path. */
    public double lost() {
      return lost;
    }
  }
}
