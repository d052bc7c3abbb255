package io.netimpact.topology;

import io.netimpact.routing.Network;

/**
 * Single points of failure that carry demand: the bridges and articulation points of the usable
 * topology ({@link Biconnectivity}) restricted to the links and devices the baseline routing
 * uses.
 *
 * <p>Why the whole usable topology and not the subgraph of loaded links: a link that is a bridge
 * only of the loaded subgraph has a spare path that routing would move to; losing it reroutes
 * traffic but strands nothing. A bridge of the whole topology that carries load strands the
 * traffic that crosses it. A link (device) "carries demand" when an arc of it (an arc incident
 * to it) has baseline load above zero.
 *
 * <p>O(V + E) time after the baseline routing that gives the arc loads.
 *
 * @param bridge            per link: a bridge of the usable topology with load in either direction
 * @param articulationPoint per device: an articulation point with a loaded incident link
 */
public record SinglePoints(boolean[] bridge, boolean[] articulationPoint) {

  public SinglePoints {
    bridge = bridge.clone();
    articulationPoint = articulationPoint.clone();
  }

  /** @param arcLoad baseline load per arc in Gbps ({@code 2l} a-&gt;b, {@code 2l+1} b-&gt;a) */
  public static SinglePoints of(Network net, double[] arcLoad) {
    if (arcLoad.length != net.arcCount()) {
      throw new IllegalArgumentException("arc loads for " + arcLoad.length + " arcs, network has "
          + net.arcCount());
    }
    Biconnectivity b = Biconnectivity.of(net);
    boolean[] bridge = new boolean[net.linkCount()];
    boolean[] busy = new boolean[net.nodeCount()];
    for (int l = 0; l < net.linkCount(); l++) {
      boolean loaded = net.isUsable(l) && (arcLoad[2 * l] > 0 || arcLoad[2 * l + 1] > 0);
      bridge[l] = loaded && b.isBridge(l);
      if (loaded) {
        busy[net.linkA(l)] = true;
        busy[net.linkB(l)] = true;
      }
    }
    boolean[] cut = new boolean[net.nodeCount()];
    for (int v = 0; v < cut.length; v++) {
      cut[v] = busy[v] && b.isArticulationPoint(v);
    }
    return new SinglePoints(bridge, cut);
  }

  public int bridgeCount() {
    int c = 0;
    for (boolean x : bridge) {
      c += x ? 1 : 0;
    }
    return c;
  }

  public int articulationPointCount() {
    int c = 0;
    for (boolean x : articulationPoint) {
      c += x ? 1 : 0;
    }
    return c;
  }
}
