package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The one computation of path latency and path fingerprint: per device, the traffic-weighted
 * mean latency (ms) over its ECMP paths to the destination (following the per-hop split), and
 * a 64-bit fingerprint of its path distribution (equal fingerprints mean the same arcs with
 * the same shares, up to hash collisions). Devices are handled nearest first, each from its
 * next hops' values. The fingerprint folds next hops with a commutative sum, so it does not
 * depend on the order in which a view lists a device's arcs. O(devices handled + their arcs).
 *
 * <p>Three ways to choose the devices, one rule per device: {@link #computeAll} handles a
 * whole DAG; {@link #compute} a list of devices nearest first; {@link OnDemand} only the
 * devices asked for and what they depend on (their descendants on the DAG), each once: a
 * repaired region needs the values of the few devices below it, not of the whole DAG.
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
    for (int i = 0; i < count; i++) {
      one(g, dst, dist, nearestFirst[i], latency, fingerprint, null, null);
    }
  }

  /**
   * As {@link #compute} for a region of the view {@code g} (after a change) over a base DAG:
   * the values of next hops in the region ({@code inRegion}) are read from the arrays, those
   * of next hops outside it from the baseline {@code outside} (asked for device by device:
   * outside a repaired region the change leaves distances and next hops as they were).
   */
  static void computeRegion(MaskedView g, int dst, long[] dist, int[] nearestFirst, int count,
      double[] latency, long[] fingerprint, boolean[] inRegion, DestinationBaseline outside) {
    for (int i = 0; i < count; i++) {
      one(g, dst, dist, nearestFirst[i], latency, fingerprint, inRegion, outside);
    }
  }

  /** The rule for one device u, from its next hops' values. */
  private static void one(MaskedView g, int dst, long[] dist, int u, double[] latency,
      long[] fingerprint, boolean[] inRegion, DestinationBaseline outside) {
    if (u == dst) {
      latency[u] = 0;
      fingerprint[u] = DESTINATION_FINGERPRINT;
      return;
    }
    Network b = g.base;
    int hops = 0;
    double lat = 0;
    long h = 0;
    for (int k = g.slots.outFrom[u]; k < g.slots.outFrom[u + 1]; k++) {
      int j = g.slots.outSlot[k];
      if (g.isNextHopSlot(dst, dist, u, j)) {
        int arc = b.outArc[j];
        int v = b.outHead[j];
        hops++;
        if (inRegion == null || inRegion[v]) {
          lat += g.latencyMs(arc) + latency[v];
          h += step(arc, fingerprint[v]);
        } else {
          lat += g.latencyMs(arc) + outside.latency(v);
          h += step(arc, outside.fingerprint(v));
        }
      }
    }
    if (g.hasExtraOut[u]) {
      for (int arc : g.extraOut(u)) {
        if (g.isNextHop(dst, dist, arc)) {
          int v = g.head(arc);
          hops++;
          if (inRegion == null || inRegion[v]) {
            lat += g.latencyMs(arc) + latency[v];
            h += step(arc, fingerprint[v]);
          } else {
            lat += g.latencyMs(arc) + outside.latency(v);
            h += step(arc, outside.fingerprint(v));
          }
        }
      }
    }
    latency[u] = hops == 0 ? 0 : lat / hops;
    fingerprint[u] = hops == 0 ? 0 : mix(h ^ SEED);
  }

  private static long step(int arc, long headFingerprint) {
    return mix(mix(arc + 0x632BE59BD9B4E019L) ^ headFingerprint);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The path statistics of one DAG at a time, each device's computed the first time it is
   * asked for (after its next hops', with an explicit stack: no recursion depth limit) and
   * kept until the next {@link #bind}. Asking for a set of devices costs O(them and their
   * descendants on the DAG + those devices' arcs), each device once per binding; once a
   * quarter of the DAG has been asked for (a sweep's many pairs of one destination, a large
   * region), the rest is computed in one pass nearest first, which costs a third of the
   * device-by-device walk per device: never more than twice {@link #computeAll}. Binding is
   * O(1) (a new stamp). The values equal {@link #computeAll}'s bit for bit: the same rule on
   * the same next hops. A per-evaluator workspace (O(V)); not thread-safe.
   */
  static final class OnDemand {
    private final int[] stamp;
    /** Devices whose missing next hops have been stacked, by binding. */
    private final int[] expanded;
    private final IntArrayList stack = new IntArrayList();
    private final NextHops next = new NextHops();
    private int epoch;
    private int[] order;
    private int computed;
    private MaskedView g;
    private int dst;
    private long[] dist;
    private double[] latency;
    private long[] fingerprint;

    OnDemand(int nodeCount) {
      stamp = new int[nodeCount];
      expanded = new int[nodeCount];
    }

    /**
     * Forgets every value and binds the DAG of {@code dst} on {@code g} (distances {@code
     * dist}), its values to be kept in {@code latency} and {@code fingerprint}. Returns the
     * binding's stamp, which {@link #check} compares. O(1).
     */
    int bind(MaskedView g, DestinationDag dag, double[] latency, long[] fingerprint) {
      this.g = g;
      this.dst = dag.destination();
      this.dist = dag.distances();
      this.order = dag.order();
      this.computed = 0;
      this.latency = latency;
      this.fingerprint = fingerprint;
      return ++epoch;
    }

    /** Fails when the binding {@code binding} has been replaced (a value used too late). */
    void check(int binding) {
      if (binding != epoch) {
        throw new IllegalStateException("path statistics of a replaced DAG: a baseline made "
            + "\"for now\" was used after the next one was made");
      }
    }

    double latency(int v) {
      ensure(v);
      return latency[v];
    }

    long fingerprint(int v) {
      ensure(v);
      return fingerprint[v];
    }

    /**
     * Computes the values of every device of the bound DAG not yet computed, nearest first
     * ({@code nearestFirst}: its settle order): a reroute compares every source. O(DAG).
     */
    void ensureAll() {
      for (int u : order) {
        if (stamp[u] != epoch) {
          one(g, dst, dist, u, latency, fingerprint, null, null);
          stamp[u] = epoch;
        }
      }
      computed = order.length;
    }

    /** Computes v's values and, first, those of its descendants not yet computed. */
    private void ensure(int v) {
      if (stamp[v] == epoch) {
        return;
      }
      if (computed > order.length / 4) {
        ensureAll();
        return;
      }
      stack.add(v);
      while (!stack.isEmpty()) {
        int u = stack.getInt(stack.size() - 1);
        if (stamp[u] == epoch) {
          stack.removeInt(stack.size() - 1);
          continue;
        }
        // First visit: stack the next hops still missing; the second comes after them all.
        if (expanded[u] != epoch) {
          expanded[u] = epoch;
          if (pushMissingNextHops(u)) {
            continue;
          }
        }
        one(g, dst, dist, u, latency, fingerprint, null, null);
        stamp[u] = epoch;
        computed++;
        stack.removeInt(stack.size() - 1);
      }
    }

    /** Stacks u's next hops without values; true when there were any. */
    private boolean pushMissingNextHops(int u) {
      if (u == dst) {
        return false;
      }
      boolean missing = false;
      int hops = next.of(g, dst, dist, u);
      for (int k = 0; k < hops; k++) {
        int v = next.head[k];
        if (stamp[v] != epoch) {
          stack.add(v);
          missing = true;
        }
      }
      return missing;
    }
  }
}
