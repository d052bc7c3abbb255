package io.netimpact.routing;

import io.netimpact.routes.LoadSink;

/**
 * Arc loads of a whole network routed in one thread: for tools that need the baseline on
 * the driver (scaling a demand matrix to a target utilisation, checks), not for the jobs,
 * which spread destinations over Spark tasks. O(D (E log V)).
 *
 * @param load       Gbps per arc
 * @param lostGbps   demand with no path
 * @param offeredGbps all demand
 */
public record BaselineLoads(double[] load, double lostGbps, double offeredGbps) {

  public static BaselineLoads of(NetworkView net) {
    MaskedView g = net.view();
    double[] load = new double[g.arcCount()];
    double lost = 0;
    ShortestPaths paths = new ShortestPaths(net.nodeCount());
    EcmpPush push = new EcmpPush(net.nodeCount());
    for (int dst : net.destinations()) {
      lost += push.pushDemands(g, paths.toward(g, dst), LoadSink.into(load));
    }
    double offered = 0;
    for (int k = 0; k < net.demandCount(); k++) {
      offered += net.demandGbps(k);
    }
    return new BaselineLoads(load, lost, offered);
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
}
