package io.netimpact.routing;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Optional;

/**
 * Compiles a {@link Snapshot} into a {@link Network}: ids become dense indices once, demands
 * are summed per (src, dst) and grouped by destination.
 *
 * <p>O(V + E + M + D) time for V devices, E links, M members and D demand rows.
 */
public final class NetworkCompiler {
  private NetworkCompiler() {}

  public static Network compile(Snapshot s) {
    List<Device> devices = s.devices();
    int n = devices.size();
    NetworkDraft d = new NetworkDraft();
    d.nodeIds = new String[n];
    d.nodeSite = new int[n];
    d.nodeRegion = new int[n];
    d.nodeRole = new int[n];
    d.drained = new boolean[n];
    d.present = new boolean[n];
    Map<String, Integer> sites = new LinkedHashMap<>();
    Map<String, Integer> regions = new LinkedHashMap<>();
    Map<String, Integer> roles = new LinkedHashMap<>();
    Map<String, Integer> nodeIndex = new HashMap<>(n * 2);
    for (int v = 0; v < n; v++) {
      Device dev = devices.get(v);
      d.nodeIds[v] = dev.id();
      d.nodeSite[v] = dictionary(sites, dev.site());
      d.nodeRegion[v] = dictionary(regions, dev.region());
      d.nodeRole[v] = dictionary(roles, dev.role());
      d.drained[v] = dev.drained();
      d.present[v] = true;
      nodeIndex.put(dev.id(), v);
    }
    d.sites = sites.keySet().toArray(String[]::new);
    d.regions = regions.keySet().toArray(String[]::new);
    d.roles = roles.keySet().toArray(String[]::new);

    List<Link> links = s.links();
    int e = links.size();
    int members = links.stream().mapToInt(l -> l.members().size()).sum();
    int srlgRefs = links.stream().mapToInt(l -> l.srlgs().size()).sum();
    d.linkIds = new String[e];
    d.linkA = new int[e];
    d.linkB = new int[e];
    d.metricAb = new int[e];
    d.metricBa = new int[e];
    d.latencyMs = new double[e];
    d.adminUp = new boolean[e];
    d.minLinks = new int[e];
    d.memberStart = new int[e + 1];
    d.memberIds = new String[members];
    d.memberCap = new double[members];
    d.memberUp = new boolean[members];
    d.srlgStart = new int[e + 1];
    d.srlgOf = new int[srlgRefs];
    d.srlgs = new String[0];
    for (Link l : links) {
      List<Member> ms = l.members();
      String[] ids = new String[ms.size()];
      double[] caps = new double[ms.size()];
      boolean[] ups = new boolean[ms.size()];
      for (int i = 0; i < ms.size(); i++) {
        ids[i] = ms.get(i).id();
        caps[i] = ms.get(i).capacityGbps();
        ups[i] = ms.get(i).up();
      }
      d.appendLink(l.id(), nodeIndex.get(l.a()), nodeIndex.get(l.b()), l.metric(),
          l.metricBaOrDefault(), l.latencyMs(), l.up(), l.minLinks(), ids, caps, ups,
          l.srlgs().toArray(String[]::new));
    }
    aggregateDemands(d, s.demands(), nodeIndex, n);
    return d.build();
  }

  private static int dictionary(Map<String, Integer> dict, String value) {
    if (value.isEmpty()) {
      return -1;
    }
    return dict.computeIfAbsent(value, k -> dict.size());
  }

  /**
   * The demands summed per (source, destination) pair, ordered by destination then source:
   * one stable radix sort of the pairs' keys, so a pair's volumes are summed in input order.
   * O(D) for D demand rows.
   */
  private static void aggregateDemands(NetworkDraft d, List<Demand> demands,
      Map<String, Integer> nodeIndex, int n) {
    int rows = demands.size();
    long[] keys = new long[rows];
    double[] rowGbps = new double[rows];
    int[] perm = new int[rows];
    for (int i = 0; i < rows; i++) {
      Demand dem = demands.get(i);
      int s = nodeIndex.get(dem.src());
      int t = nodeIndex.get(dem.dst());
      keys[i] = ((long) t << 32) | s;
      rowGbps[i] = dem.gbps();
      perm[i] = i;
    }
    LongArrays.radixSortIndirect(perm, keys, true);
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if (i == 0 || keys[perm[i]] != keys[perm[i - 1]]) {
        count++;
      }
    }
    d.demSrc = new int[count];
    d.demDst = new int[count];
    d.demGbps = new double[count];
    d.demByDstStart = new int[n + 1];
    int at = -1;
    for (int i = 0; i < rows; i++) {
      int j = perm[i];
      if (i == 0 || keys[j] != keys[perm[i - 1]]) {
        at++;
        d.demSrc[at] = (int) keys[j];
        d.demDst[at] = (int) (keys[j] >>> 32);
        d.demGbps[at] = rowGbps[j];
        d.demByDstStart[d.demDst[at] + 1]++;
      } else {
        d.demGbps[at] += rowGbps[j];
      }
    }
    for (int v = 0; v < n; v++) {
      d.demByDstStart[v + 1] += d.demByDstStart[v];
    }
  }

  /**
   * The routing of a network after a change, compiled as a network of its own, so that a second
   * change can be repaired against the first one's state instead of the base's: the kernel's
   * repairs then work over what the second change moves on the destination's DAG after the
   * first, not over what both move ({@code impact.SurviveComposition}).
   *
   * <p>{@link #network} applies a change that can only lengthen paths and touches routing
   * alone (arcs switched off, metrics changed, devices drained, capacities changed; no device
   * removed, no link added, no demand changed) in the base's index space: the same devices,
   * links, arcs and demands at the same indices, the arcs it switches off unusable, its metrics
   * in place, its devices drained. Every shortest path, next hop and load of that network is
   * the base's after the change, as a {@link MaskedView} of the change shows it. Capacities are
   * the base's: the network is for routing (distances, next hops, loads, lost traffic), not for
   * utilisations. Its stubs ({@link TransitStubs}) are found on it, once.
   *
   * <p>{@link #failure} gives a failure's mask on that network: the same elements, less the arcs
   * the change has switched off already.
   */
  public static final class AfterChange {
    private AfterChange() {}

    /**
     * The network after {@code change}, or empty when the change removes a device, adds or
     * switches on a link, undrains a device, changes a demand or switches off one direction of a
     * link only. O(V + E + stubs of the sites of the network) (its stubs found on it).
     */
    public static Optional<Network> network(Network base, ScenarioMask change) {
      if (change.baseNodes != base.nodeCount() || change.baseLinks != base.linkCount()) {
        throw new IllegalArgumentException("mask of another network");
      }
      if (!change.isComposable() || change.removed.length > 0 || change.demands.length > 0
          || change.scales.length > 0 || change.added.count() > 0) {
        return Optional.empty();
      }
      boolean[] adminUp = base.adminUp.clone();
      boolean[] offArc = new boolean[2 * base.linkCount()];
      for (int a : change.offArcs) {
        offArc[a] = true;
      }
      for (int a : change.offArcs) {
        if (!offArc[a ^ 1]) {
          return Optional.empty();
        }
        adminUp[Network.linkOf(a)] = false;
      }
      int[] metricAb = base.metricAb.clone();
      int[] metricBa = base.metricBa.clone();
      for (int i = 0; i < change.anyMetricArcs.length; i++) {
        int a = change.anyMetricArcs[i];
        if ((a & 1) == 0) {
          metricAb[Network.linkOf(a)] = change.anyNewMetric[i];
        } else {
          metricBa[Network.linkOf(a)] = change.anyNewMetric[i];
        }
      }
      boolean[] drained = base.drained.clone();
      for (int v : change.drained) {
        drained[v] = true;
      }
      Network after = new Network(
          new Network.Devices(base.nodeIds, base.nodeSite, base.nodeRegion, base.nodeRole,
              base.sites, base.regions, base.roles, drained, base.present),
          new Network.Links(base.linkIds, base.linkA, base.linkB, metricAb, metricBa,
              base.latencyMs, adminUp, base.minLinks),
          new Network.Members(base.memberStart, base.memberIds, base.memberCap, base.memberUp),
          new Network.Srlgs(base.srlgStart, base.srlgOf, base.srlgs),
          new Network.Demands(base.demSrc, base.demDst, base.demGbps, base.demByDstStart));
      after.transitStubs();
      return Optional.of(after);
    }

    /**
     * The mask on {@code after} (made by {@link #network} from {@code base} and {@code change})
     * of the failure {@code failure} (a mask of {@code base}): the same elements, less the arcs
     * the change has switched off already. Empty when the failure drains or undrains a device,
     * changes a metric, may shorten a path, or is of another network. When the failure's stubs
     * given back on the base are known and it touches no site the change touches (an end of an
     * arc either switches off or re-weights, a device either drains or removes), they are its
     * stubs given back on {@code after} too: the sites it touches have the same devices, arcs,
     * borders and endpoints there, so the same stubs, found again on the same sub-networks.
     * O(changed elements of both).
     */
    public static Optional<ScenarioMask> failure(Network base, Network after,
        ScenarioMask change, ScenarioMask failure) {
      if (failure.baseNodes != base.nodeCount() || failure.baseLinks != base.linkCount()
          || after.nodeCount() != base.nodeCount() || after.linkCount() != base.linkCount()) {
        throw new IllegalArgumentException("mask of another network");
      }
      if (!failure.isComposable() || failure.drained.length > 0
          || failure.anyMetricArcs.length > 0 || failure.added.count() > 0) {
        return Optional.empty();
      }
      IntArrayList off = new IntArrayList(failure.offArcs.length);
      for (int a : failure.offArcs) {
        if (after.usable[Network.linkOf(a)]) {
          off.add(a);
        }
      }
      int[] offArcs = off.size() == failure.offArcs.length ? failure.offArcs : off.toIntArray();
      ScenarioMask m = new ScenarioMask(failure.baseNodes, failure.baseLinks,
          new ScenarioMask.Arcs(offArcs, failure.onArcs, failure.onMetric, failure.metricArcs,
              failure.newMetric, failure.anyMetricArcs, failure.anyNewMetric,
              failure.capacityArcs, failure.newCapacity),
          new ScenarioMask.Devices(failure.drained, failure.undrained, failure.removed),
          failure.added, new ScenarioMask.Volumes(failure.demands, failure.newGbps,
              failure.scales), true);
      int[] known = failure.returningStubs;
      if (known != null && !TransitStubs.shareSite(base, change, failure)) {
        m.returningStubs = known;
      }
      return Optional.of(m);
    }
  }
}
