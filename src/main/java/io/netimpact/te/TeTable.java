package io.netimpact.te;

import io.netimpact.model.Demand;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.routing.Network;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TE tables compiled over the dense indices of a {@link Network}: each policy and LSP with
 * its end devices, and the demand rows each steers, summed into <em>steering groups</em>
 * (rows of one (src, dst) pair that the same policy, or the same set of LSPs, would steer).
 * A group's volume is the sum of its rows; a change that scales demands scales it with the
 * factor the change puts on its pair.
 *
 * <p>Built in O(rows + policies + LSPs + segments); immutable. Policy and LSP indices are
 * positions in {@link #policies()} and {@link #lsps()}.
 */
public final class TeTable {
  /** The TE table with nothing in it: every row follows plain IGP. */
  public static TeTable none(Network base) {
    return compile(base, TrafficEngineering.NONE, List.of());
  }

  private final Network base;
  private final TrafficEngineering te;
  private final List<SrPolicy> policies;
  private final List<Lsp> lsps;
  final int[] policyHead;
  final int[] policyEnd;
  final int[] lspHead;
  final int[] lspTail;
  /** LSP indices in placement order: setup priority up, bandwidth down, id up. */
  final int[] placementOrder;
  private final Map<String, Integer> lspById;
  /** Steering groups: the network demand (pair) of each, its volume (Gbps), its steerer. */
  final int[] groupPair;
  final double[] groupGbps;
  /** Policy index of a policy group, or -1 for an LSP group. */
  final int[] groupPolicy;
  /** LSP indices of an LSP group (empty for a policy group). */
  final int[][] groupLsps;

  private TeTable(Network base, TrafficEngineering te, int[] groupPair, double[] groupGbps,
      int[] groupPolicy, int[][] groupLsps) {
    this.base = base;
    this.te = te;
    this.policies = te.policies();
    this.lsps = te.lsps();
    this.policyHead = new int[policies.size()];
    this.policyEnd = new int[policies.size()];
    for (int i = 0; i < policies.size(); i++) {
      policyHead[i] = index(base, policies.get(i).head());
      policyEnd[i] = index(base, policies.get(i).endpoint());
    }
    this.lspHead = new int[lsps.size()];
    this.lspTail = new int[lsps.size()];
    for (int j = 0; j < lsps.size(); j++) {
      lspHead[j] = index(base, lsps.get(j).head());
      lspTail[j] = index(base, lsps.get(j).tail());
    }
    this.placementOrder = placementOrder(lsps);
    this.lspById = new HashMap<>(lsps.size() * 2);
    for (int j = 0; j < lsps.size(); j++) {
      lspById.put(lsps.get(j).id(), j);
    }
    this.groupPair = groupPair;
    this.groupGbps = groupGbps;
    this.groupPolicy = groupPolicy;
    this.groupLsps = groupLsps;
  }

  private static int index(Network base, String device) {
    return base.node(device).orElseThrow(() -> new IllegalArgumentException(
        "TE table names unknown device " + device));
  }

  /** The placement order of docs/semantics.md#traffic-engineering, as LSP indices. O(L log L). */
  static int[] placementOrder(List<Lsp> lsps) {
    Integer[] order = new Integer[lsps.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Comparator<Integer> c = Comparator.<Integer>comparingInt(j -> lsps.get(j).setupPriority())
        .thenComparing(j -> -lsps.get(j).bandwidthGbps())
        .thenComparing(j -> lsps.get(j).id());
    Arrays.sort(order, c);
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Compiles {@code te} over {@code base} for the demand rows {@code rows} (the snapshot's
   * demands, whose (src, dst) sums are the base's demands). O(rows + policies + LSPs).
   */
  public static TeTable compile(Network base, TrafficEngineering te, List<Demand> rows) {
    Map<String, List<Integer>> policiesByPair = new HashMap<>();
    for (int i = 0; i < te.policies().size(); i++) {
      SrPolicy p = te.policies().get(i);
      policiesByPair.computeIfAbsent(p.head() + "\u0000" + p.endpoint(), k -> new ArrayList<>())
          .add(i);
    }
    Map<String, List<Integer>> lspsByPair = new HashMap<>();
    for (int j = 0; j < te.lsps().size(); j++) {
      Lsp l = te.lsps().get(j);
      lspsByPair.computeIfAbsent(l.head() + "\u0000" + l.tail(), k -> new ArrayList<>()).add(j);
    }
    // Group key: pair + "p" + policy, or pair + "l" + the matching LSP indices.
    Map<String, double[]> volume = new LinkedHashMap<>();
    Map<String, Object[]> groups = new LinkedHashMap<>();
    for (Demand row : rows) {
      String pairKey = row.src() + "\u0000" + row.dst();
      List<Integer> ps = policiesByPair.get(pairKey);
      List<Integer> ls = lspsByPair.get(pairKey);
      if (ps == null && ls == null) {
        continue;
      }
      String key = null;
      Object steerer = null;
      if (ps != null) {
        for (int i : ps) {
          if (te.policies().get(i).steersClass(row.trafficClass())) {
            key = pairKey + "\u0000p" + i;
            steerer = i;
            break;
          }
        }
      }
      if (key == null && ls != null) {
        IntArrayList match = new IntArrayList();
        for (int j : ls) {
          if (te.lsps().get(j).steersClass(row.trafficClass())) {
            match.add(j);
          }
        }
        if (!match.isEmpty()) {
          key = pairKey + "\u0000l" + match;
          steerer = match.toIntArray();
        }
      }
      if (key == null) {
        continue;
      }
      volume.computeIfAbsent(key, k -> new double[1])[0] += row.gbps();
      groups.putIfAbsent(key, new Object[] {row.src(), row.dst(), steerer});
    }
    int g = groups.size();
    int[] pair = new int[g];
    double[] gbps = new double[g];
    int[] policy = new int[g];
    int[][] lspSets = new int[g][];
    int at = 0;
    for (Map.Entry<String, Object[]> e : groups.entrySet()) {
      Object[] v = e.getValue();
      int k = pairIndex(base, (String) v[0], (String) v[1]);
      pair[at] = k;
      gbps[at] = volume.get(e.getKey())[0];
      if (v[2] instanceof Integer i) {
        policy[at] = i;
        lspSets[at] = new int[0];
      } else {
        policy[at] = -1;
        lspSets[at] = (int[]) v[2];
      }
      at++;
    }
    return new TeTable(base, te, pair, gbps, policy, lspSets);
  }

  /** The network demand index of (src, dst). O(demands into dst). */
  private static int pairIndex(Network base, String src, String dst) {
    int s = index(base, src);
    int t = index(base, dst);
    for (int k = base.demandsTo(t); k < base.demandsTo(t + 1); k++) {
      if (base.demandSrc(k) == s) {
        return k;
      }
    }
    throw new IllegalArgumentException("no demand " + src + " -> " + dst + " in the network");
  }

  public Network base() {
    return base;
  }

  public TrafficEngineering tables() {
    return te;
  }

  public List<SrPolicy> policies() {
    return policies;
  }

  public List<Lsp> lsps() {
    return lsps;
  }

  public boolean isEmpty() {
    return te.isEmpty();
  }

  /** Network demands (pairs) some of whose rows this table could steer, ascending. */
  public int[] pairs() {
    return java.util.Arrays.stream(groupPair).distinct().sorted().toArray();
  }

  public int groupCount() {
    return groupPair.length;
  }

  /** Index of the LSP with this id, or -1. O(1). */
  int lspIndex(String id) {
    return lspById.getOrDefault(id, -1);
  }

  /** The segments of a policy's candidate path. */
  List<Segment> candidate(int policy, int c) {
    return policies.get(policy).candidatePaths().get(c);
  }
}
