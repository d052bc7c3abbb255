package io.netimpact.routing;

/**
 * The one computation of path latency and path fingerprint: per device, the traffic-weighted
 * mean latency (ms) over its ECMP paths to the destination (following the per-hop split), and
 * a 64-bit fingerprint of its path distribution (equal fingerprints mean the same arcs with
 * the same shares, up to hash collisions). Devices are handled nearest first, each from its
 * next hops' values. The fingerprint folds next hops with a commutative sum, so it does not
 * depend on the order in which a view lists a device's arcs. O(devices handled + their arcs).
 */
public final class PathStats {
  /** Fingerprint of the destination itself. */
  static final long DESTINATION_FINGERPRINT = 0x5bd1e995L;
  private static final long SEED = 0x9E3779B97F4A7C15L;

  private PathStats() {}

  /** Latency and fingerprint of every device of {@code dag} (computed on {@code g}). O(V + E). */
  public static void computeAll(MaskedView g, DestinationDag dag, double[] latency,
      long[] fingerprint) {
    dag.checkView(g);
    int[] order = dag.order();
    compute(g, dag.destination(), dag.distances(), order, order.length, latency, fingerprint);
  }

  /**
   * Computes {@code latency[u]} and {@code fingerprint[u]} for the first {@code count} devices
   * of {@code nearestFirst} (each after all of its next hops), reading the values of next hops
   * not in the list from the same arrays.
   */
  static void compute(MaskedView g, int dst, long[] dist, int[] nearestFirst, int count,
      double[] latency, long[] fingerprint) {
    Network b = g.base;
    for (int i = 0; i < count; i++) {
      int u = nearestFirst[i];
      if (u == dst) {
        latency[u] = 0;
        fingerprint[u] = DESTINATION_FINGERPRINT;
        continue;
      }
      int hops = 0;
      double lat = 0;
      long h = 0;
      for (int k = g.slots.outFrom[u]; k < g.slots.outFrom[u + 1]; k++) {
        int j = g.slots.outSlot[k];
        if (g.isNextHopSlot(dst, dist, u, j)) {
          int arc = b.outArc[j];
          int v = b.outHead[j];
          hops++;
          lat += g.latencyMs(arc) + latency[v];
          h += step(arc, fingerprint[v]);
        }
      }
      if (g.hasExtraOut[u]) {
        for (int arc : g.extraOut(u)) {
          if (g.isNextHop(dst, dist, arc)) {
            int v = g.head(arc);
            hops++;
            lat += g.latencyMs(arc) + latency[v];
            h += step(arc, fingerprint[v]);
          }
        }
      }
      latency[u] = hops == 0 ? 0 : lat / hops;
      fingerprint[u] = hops == 0 ? 0 : mix(h ^ SEED);
    }
  }

  private static long step(int arc, long headFingerprint) {
    return mix(mix(arc + 0x632BE59BD9B4E019L) ^ headFingerprint);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
