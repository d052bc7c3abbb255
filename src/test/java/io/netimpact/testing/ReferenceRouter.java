package io.netimpact.testing;

import io.netimpact.routing.NetworkView;

/**
 * An independent, deliberately naive router for differential tests: distances by
 * Bellman-Ford over all arcs (no heap, no CSR), traffic split by recursion along the
 * contract's rule, one demand at a time. Exponential in the worst case: small graphs only.
 */
public final class ReferenceRouter {
  private static final long INF = Long.MAX_VALUE / 4;

  private ReferenceRouter() {}

  /** Arc loads in Gbps for every demand of {@code net}; {@code lost[0]} receives the lost Gbps. */
  public static double[] loads(NetworkView net, double[] lost) {
    double[] load = new double[net.arcCount()];
    for (int k = 0; k < net.demandCount(); k++) {
      int s = net.demandSrc(k);
      int t = net.demandDst(k);
      long[] d = distances(net, t);
      if (!net.isPresent(s) || !net.isPresent(t) || d[s] >= INF) {
        lost[0] += net.demandGbps(k);
        continue;
      }
      send(net, d, t, s, net.demandGbps(k), load);
    }
    return load;
  }

  /**
   * The arcs some path of demand {@code k} crosses, or null when it has no path (an end device
   * removed or no route).
   */
  public static boolean[] arcsOf(NetworkView net, int k) {
    int s = net.demandSrc(k);
    int t = net.demandDst(k);
    long[] d = distances(net, t);
    if (!net.isPresent(s) || !net.isPresent(t) || d[s] >= INF) {
      return null;
    }
    boolean[] used = new boolean[net.arcCount()];
    mark(net, d, t, s, used);
    return used;
  }

  private static void mark(NetworkView net, long[] d, int t, int u, boolean[] used) {
    for (int arc = 0; u != t && arc < net.arcCount(); arc++) {
      if (next(net, d, t, u, arc) && !used[arc]) {
        used[arc] = true;
        mark(net, d, t, net.head(arc), used);
      }
    }
  }

  static long[] distances(NetworkView net, int t) {
    int n = net.nodeCount();
    long[] d = new long[n];
    java.util.Arrays.fill(d, INF);
    if (!net.isPresent(t)) {
      return d;
    }
    d[t] = 0;
    for (int round = 0; round < n; round++) {
      boolean changed = false;
      for (int arc = 0; arc < net.arcCount(); arc++) {
        if (!net.arcUsable(arc)) {
          continue;
        }
        int u = net.tail(arc);
        int v = net.head(arc);
        boolean transitOk = v == t || !net.isDrained(v);
        if (transitOk && d[v] < INF && d[v] + net.arcMetric(arc) < d[u]) {
          d[u] = d[v] + net.arcMetric(arc);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return d;
  }

  private static void send(NetworkView net, long[] d, int t, int u, double gbps, double[] load) {
    if (u == t) {
      return;
    }
    int hops = 0;
    for (int arc = 0; arc < net.arcCount(); arc++) {
      if (next(net, d, t, u, arc)) {
        hops++;
      }
    }
    for (int arc = 0; arc < net.arcCount(); arc++) {
      if (next(net, d, t, u, arc)) {
        load[arc] += gbps / hops;
        send(net, d, t, net.head(arc), gbps / hops, load);
      }
    }
  }

  private static boolean next(NetworkView net, long[] d, int t, int u, int arc) {
    if (!net.arcUsable(arc) || net.tail(arc) != u) {
      return false;
    }
    int v = net.head(arc);
    return (v == t || !net.isDrained(v)) && d[v] < INF && d[u] == d[v] + net.arcMetric(arc);
  }
}
