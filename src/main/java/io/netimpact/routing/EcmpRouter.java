package io.netimpact.routing;

import java.util.Arrays;

/**
 * Routes the demands of one destination at a time over shortest paths with per-hop equal
 * ECMP (contract section 2). A router is a reusable workspace sized for one network's node
 * count: not thread-safe, allocate one per task or thread.
 *
 * <p>Per destination t:
 * <ol>
 *   <li>{@link #shortestPaths}: reverse Dijkstra from t over the usable arcs, path costs summed
 *       in {@code long}; a drained device other than t is given its own distance but never
 *       expanded, so no path transits it. O(E log V).</li>
 *   <li>{@link #push}: devices in decreasing distance order hand their traffic (own demand plus
 *       transit received) in equal shares to every next-hop arc {@code u->v} with
 *       {@code d(u) == w + d(v)} and v not a drained transit device; parallel links are
 *       separate next hops. O(V + E).</li>
 *   <li>{@link #pathStats}: per device, the traffic-weighted mean latency over its ECMP paths
 *       and a 64-bit fingerprint of its path distribution (equal fingerprints mean the same
 *       arcs with the same shares, up to hash collisions). O(V + E).</li>
 * </ol>
 * Routing all D destinations costs O(D (E log V)).
 */
public final class EcmpRouter {
  /** Distance of a device that cannot reach the destination. */
  public static final long UNREACHABLE = Long.MAX_VALUE;

  private final long[] dist;
  private final int[] order;
  private final double[] traffic;
  private final double[] latency;
  private final long[] fingerprint;
  private final IndexedMinHeap heap;
  private int settled;
  private int destination = -1;

  public EcmpRouter(int nodeCount) {
    dist = new long[nodeCount];
    order = new int[nodeCount];
    traffic = new double[nodeCount];
    latency = new double[nodeCount];
    fingerprint = new long[nodeCount];
    heap = new IndexedMinHeap(nodeCount);
    Arrays.fill(dist, UNREACHABLE);
  }

  /** Reverse Dijkstra to {@code dst}. O(E log V). */
  public void shortestPaths(Network net, int dst) {
    for (int i = 0; i < settled; i++) {
      dist[order[i]] = UNREACHABLE;
    }
    settled = 0;
    destination = dst;
    if (!net.present[dst]) {
      return;
    }
    int[] inArc = net.inArc;
    int[] inStart = net.inStart;
    dist[dst] = 0;
    heap.pushOrDecrease(dst, 0);
    while (!heap.isEmpty()) {
      int v = heap.pop();
      order[settled++] = v;
      if (v != dst && net.drained[v]) {
        continue;
      }
      long dv = dist[v];
      for (int i = inStart[v]; i < inStart[v + 1]; i++) {
        int arc = inArc[i];
        int u = net.tail(arc);
        long nd = dv + net.arcMetric(arc);
        if (nd < dist[u]) {
          dist[u] = nd;
          heap.pushOrDecrease(u, nd);
        }
      }
    }
  }

  /** Distance from {@code v} to the last destination, or {@link #UNREACHABLE}. */
  public long distance(int v) {
    return dist[v];
  }

  public boolean reaches(int v) {
    return dist[v] != UNREACHABLE;
  }

  /** The destination of the last {@link #shortestPaths} call. */
  public int destination() {
    return destination;
  }

  /** Number of devices that reach the destination (its shortest-path DAG's node count). */
  public int reachedCount() {
    return settled;
  }

  /**
   * Whether {@code arc} lies on the shortest-path DAG towards the last destination. O(1).
   */
  public boolean onDag(Network net, int arc) {
    return onDag(net, destination, dist, arc);
  }

  /** DAG membership of {@code arc} given distances {@code dist} to {@code dst}. O(1). */
  public static boolean onDag(Network net, int dst, long[] dist, int arc) {
    if (!net.usable[arc >> 1]) {
      return false;
    }
    int u = net.tail(arc);
    int v = net.head(arc);
    long du = dist[u];
    long dv = dist[v];
    if (du == UNREACHABLE || dv == UNREACHABLE || u == dst) {
      return false;
    }
    if (v != dst && net.drained[v]) {
      return false;
    }
    return du == dv + net.arcMetric(arc);
  }

  /** A copy of the current distances, indexed by device. O(V). */
  public long[] distancesCopy() {
    return dist.clone();
  }

  /**
   * Whether any shortest path from {@code src} to {@code dst} (given distances {@code dist})
   * crosses an arc flagged in {@code arcFlag}. Depth-first over the DAG below {@code src};
   * {@code visited} is scratch of length V, all false on entry and on return. O(V + E).
   */
  public static boolean anyPathCrosses(Network net, int dst, long[] dist, int src,
      boolean[] arcFlag, boolean[] visited) {
    if (dist[src] == UNREACHABLE) {
      return false;
    }
    int[] stack = new int[16];
    int top = 0;
    int[] seen = new int[16];
    int seenCount = 0;
    stack[top++] = src;
    visited[src] = true;
    seen[seenCount++] = src;
    boolean found = false;
    while (top > 0 && !found) {
      int u = stack[--top];
      for (int j = net.outStart[u]; j < net.outStart[u + 1] && !found; j++) {
        int arc = net.outArc[j];
        if (!onDag(net, dst, dist, arc)) {
          continue;
        }
        if (arc < arcFlag.length && arcFlag[arc]) {
          found = true;
        }
        int v = net.head(arc);
        if (!visited[v]) {
          visited[v] = true;
          if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, seenCount * 2);
          }
          seen[seenCount++] = v;
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = v;
        }
      }
    }
    for (int i = 0; i < seenCount; i++) {
      visited[seen[i]] = false;
    }
    return found;
  }

  /**
   * Pushes the destination's demands (from {@code net}, which may differ from the routed
   * network only in demand volumes) along the last computed shortest paths, adding arc loads
   * (Gbps) into {@code load}, indexed by arc. O(V + E).
   *
   * @return the Gbps of the destination's demands that have no path
   */
  public double push(Network net, double[] load) {
    int dst = destination;
    double lost = 0;
    for (int i = 0; i < settled; i++) {
      traffic[order[i]] = 0;
    }
    for (int k = net.demByDstStart[dst]; k < net.demByDstStart[dst + 1]; k++) {
      int s = net.demSrc[k];
      double g = net.demGbps[k];
      if (dist[s] == UNREACHABLE) {
        lost += g;
      } else {
        traffic[s] += g;
      }
    }
    int[] outArc = net.outArc;
    int[] outStart = net.outStart;
    for (int i = settled - 1; i > 0; i--) {
      int u = order[i];
      double t = traffic[u];
      if (t == 0) {
        continue;
      }
      int hops = 0;
      for (int j = outStart[u]; j < outStart[u + 1]; j++) {
        if (onDag(net, outArc[j])) {
          hops++;
        }
      }
      double share = t / hops;
      for (int j = outStart[u]; j < outStart[u + 1]; j++) {
        int arc = outArc[j];
        if (onDag(net, arc)) {
          load[arc] += share;
          traffic[net.head(arc)] += share;
        }
      }
    }
    return lost;
  }

  /** Computes {@link #meanLatencyMs} and {@link #fingerprint} for every reached device. O(V + E). */
  public void pathStats(Network net) {
    int[] outArc = net.outArc;
    int[] outStart = net.outStart;
    if (settled == 0) {
      return;
    }
    latency[order[0]] = 0;
    fingerprint[order[0]] = DESTINATION_FINGERPRINT;
    for (int i = 1; i < settled; i++) {
      int u = order[i];
      int hops = 0;
      double lat = 0;
      long h = FINGERPRINT_SEED;
      for (int j = outStart[u]; j < outStart[u + 1]; j++) {
        int arc = outArc[j];
        if (onDag(net, arc)) {
          int v = net.head(arc);
          hops++;
          lat += net.latencyMs[arc >> 1] + latency[v];
          h = fingerprintStep(h, arc, fingerprint[v]);
        }
      }
      latency[u] = hops == 0 ? 0 : lat / hops;
      fingerprint[u] = hops == 0 ? 0 : h;
    }
  }

  /** Traffic-weighted mean latency (ms) from {@code v} over its ECMP paths; needs {@link #pathStats}. */
  public double meanLatencyMs(int v) {
    return latency[v];
  }

  /** Fingerprint of the path distribution from {@code v}; needs {@link #pathStats}. */
  public long fingerprint(int v) {
    return fingerprint[v];
  }

  /** Fingerprint of the destination itself, and the seed of every other device's. */
  static final long DESTINATION_FINGERPRINT = 0x5bd1e995L;
  static final long FINGERPRINT_SEED = 0x9E3779B97F4A7C15L;

  /**
   * Folds one next hop (its arc, and the fingerprint of the device it enters) into a
   * fingerprint; next hops are folded in increasing arc order.
   */
  static long fingerprintStep(long h, int arc, long headFingerprint) {
    return mix(h ^ mix(arc + 0x632BE59BD9B4E019L) ^ headFingerprint);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
