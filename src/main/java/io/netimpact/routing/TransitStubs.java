package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Devices that can never carry traffic of the network's demands ("stubs": in the generated
 * fabrics, the racks), found exactly so that the per-destination work can leave them out.
 *
 * <p>The <em>border</em> of a site is its devices with a usable arc to or from another site
 * (or a device without a site); devices without a site are never stubs. A shortest path that
 * carries a demand's traffic visits a site in stretches, each entering at a border device or
 * at the demand's source and leaving at a border device or at its destination, with every
 * device in between inside the site; such a stretch is a shortest path of the site's own
 * sub-network. So a device that is no demand endpoint and lies strictly inside no shortest
 * path of its site's sub-network from (a border device or a source in the site) to (a border
 * device or a destination in the site) that some demand could use (a border device to a
 * border device or to a destination, a source to a border device, a source to its own
 * destination in the same site) is on no path that carries traffic: a stub. Leaving stubs out
 * of every destination's Dijkstra changes no source's distance, next hops, loads, latency or
 * fingerprint.
 *
 * <p>A change keeps this true in every site it does not touch (the site's sub-network stays
 * as it was and its border can only shrink); {@link #touched} gives the stubs of the sites a
 * change touches, which the evaluator routes again as ordinary devices.
 *
 * <p>Cost: one Dijkstra inside the site towards each border device and destination of a site
 * that has other devices, O(sum over such sites of T_s (E_s log V_s)) for T_s such targets,
 * V_s devices and E_s arcs; O(V) memory.
 */
public final class TransitStubs {
  private TransitStubs() {}

  /** The stubs of {@code net} (indexed by device). */
  static boolean[] find(Network net) {
    int n = net.nodeCount();
    boolean[] source = new boolean[n];
    boolean[] destination = new boolean[n];
    for (int k = 0; k < net.demandCount(); k++) {
      source[net.demSrc[k]] = true;
      destination[net.demDst[k]] = true;
    }
    boolean[] border = new boolean[n];
    for (int v = 0; v < n; v++) {
      if (net.nodeSite[v] < 0 || !net.present[v]) {
        continue;
      }
      for (int j = net.outStart[v]; j < net.outStart[v + 1]; j++) {
        border[v] |= net.nodeSite[net.outHead[j]] != net.nodeSite[v];
      }
      for (int i = net.inStart[v]; i < net.inStart[v + 1]; i++) {
        border[v] |= net.nodeSite[net.inTail[i]] != net.nodeSite[v];
      }
    }
    boolean[] stub = new boolean[n];
    MaskedView g = MaskedView.of(net);
    ShortestPaths paths = new ShortestPaths(n);
    long[] dist = new long[n];
    Arrays.fill(dist, ShortestPaths.UNREACHABLE);
    int[] order = new int[n];
    boolean[] region = new boolean[n];
    boolean[] entry = new boolean[n];
    boolean[] inside = new boolean[n];
    boolean[] transit = new boolean[n];
    for (int s = 0; s < net.siteCount(); s++) {
      int[] devices = net.devicesOfSite(s);
      IntArrayList borders = new IntArrayList();
      IntArrayList sources = new IntArrayList();
      IntArrayList targets = new IntArrayList();
      boolean candidates = false;
      for (int v : devices) {
        if (border[v]) {
          borders.add(v);
        }
        if (source[v]) {
          sources.add(v);
        }
        if (border[v] || destination[v]) {
          targets.add(v);
        }
        candidates |= !border[v] && !source[v] && !destination[v] && net.present[v];
      }
      if (!candidates) {
        continue;
      }
      for (int v : devices) {
        region[v] = true;
      }
      IntArrayList entries = new IntArrayList();
      for (int q : targets) {
        // Where a stretch towards q can start: any border device; towards a border device
        // also any source of the site; towards a destination the site's sources of its
        // demands.
        entries.clear();
        entries.addAll(borders);
        if (border[q]) {
          entries.addAll(sources);
        }
        if (destination[q]) {
          for (int k = net.demByDstStart[q]; k < net.demByDstStart[q + 1]; k++) {
            if (net.nodeSite[net.demSrc[k]] == s) {
              entries.add(net.demSrc[k]);
            }
          }
        }
        for (int e : entries) {
          entry[e] = true;
        }
        int reached = paths.towardWithin(g, q, region, dist, order);
        // Farthest first: an entry, or a device an entry's paths reach, hands the mark on to
        // its next hops; every marked device but q lies strictly inside such a path.
        for (int i = reached - 1; i > 0; i--) {
          int u = order[i];
          if (entry[u] || inside[u]) {
            for (int j = net.outStart[u]; j < net.outStart[u + 1]; j++) {
              if (g.isNextHopSlot(q, dist, u, j)) {
                int v = net.outHead[j];
                inside[v] = true;
                transit[v] |= v != q;
              }
            }
          }
        }
        for (int i = 0; i < reached; i++) {
          dist[order[i]] = ShortestPaths.UNREACHABLE;
          inside[order[i]] = false;
        }
        for (int e : entries) {
          entry[e] = false;
        }
      }
      for (int v : devices) {
        region[v] = false;
        stub[v] = net.present[v] && !border[v] && !source[v] && !destination[v] && !transit[v];
      }
    }
    return stub;
  }

  /**
   * The stubs of the sites {@code m} touches (an end of an arc it switches off or on or whose
   * metric it changes, a device it drains, undrains or removes), ascending; empty when those
   * sites have none. O(changed elements + those sites' devices).
   */
  static int[] touched(Network net, ScenarioMask m, MaskedView after) {
    IntArrayList sites = new IntArrayList();
    java.util.function.IntConsumer site = v -> {
      int s = net.nodeSite[v];
      if (s >= 0 && !sites.contains(s)) {
        sites.add(s);
      }
    };
    for (int[] arcs : new int[][] {m.offArcs, m.onArcs, m.anyMetricArcs}) {
      for (int a : arcs) {
        site.accept(after.tail(a));
        site.accept(after.head(a));
      }
    }
    for (int[] devices : new int[][] {m.drained, m.undrained, m.removed}) {
      for (int v : devices) {
        site.accept(v);
      }
    }
    if (sites.isEmpty()) {
      return new int[0];
    }
    // The network's stubs, grouped by site once: no scan of the sites' devices per call.
    int[][] bySite = net.stubsBySite();
    if (sites.size() == 1) {
      return bySite[sites.getInt(0)];
    }
    IntArrayList out = new IntArrayList();
    for (int s : sites) {
      out.addElements(out.size(), bySite[s]);
    }
    int[] r = out.toIntArray();
    Arrays.sort(r);
    return r;
  }
}
