package io.netimpact.testing;

import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.EcmpPush;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.NetworkView;
import io.netimpact.routing.ShortestPaths;

/** One destination at a time through the routing kernel, for tests: a DAG, then its push. */
public final class Router {
  private final ShortestPaths paths;
  private final EcmpPush push;
  private DestinationDag dag;
  private io.netimpact.routing.MaskedView view;
  private NetworkView routed;

  public Router(int nodeCount) {
    paths = new ShortestPaths(nodeCount);
    push = new EcmpPush(nodeCount);
  }

  /** The DAG of every device towards {@code dst} on {@code net}. */
  public DestinationDag shortestPaths(NetworkView net, int dst) {
    if (net != routed) {
      view = net.view();
      routed = net;
    }
    dag = paths.toward(view, dst);
    return dag;
  }

  /** Pushes the destination's demands into {@code load}; returns the Gbps without a path. */
  public double push(NetworkView net, double[] load) {
    if (net != routed) {
      throw new IllegalArgumentException("push on another network than the DAG's");
    }
    return push.pushDemands(view, dag, LoadSink.into(load));
  }

  public boolean reaches(int v) {
    return dag.reaches(v);
  }

  public long[] distancesCopy() {
    return dag.distances().clone();
  }
}
