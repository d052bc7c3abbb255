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
}
