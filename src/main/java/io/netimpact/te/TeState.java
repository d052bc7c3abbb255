package io.netimpact.te;

import io.netimpact.routes.LoadSink;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.util.Arrays;

/**
 * The TE traffic on one network (the base, or the network after a change): where the LSPs are
 * placed, which candidate path each policy uses (-1: down or none valid, its rows follow IGP),
 * the arc loads of the steered traffic, and per network demand (pair) the Gbps that TE steers
 * away from plain IGP, the Gbps-weighted latency of that traffic and a fingerprint of its
 * route. Made by {@link TeRouting}; immutable.
 */
public final class TeState {
  private final TeTable table;
  private final LspPaths lsps;
  private final int[] policyCandidate;
  private final double[] load;
  private final Int2DoubleOpenHashMap steered;
  private final Int2DoubleOpenHashMap latencyGbpsMs;
  private final it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap fingerprint;
  private final it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<int[]> arcs;

  TeState(TeTable table, LspPaths lsps, int[] policyCandidate, double[] load,
      Int2DoubleOpenHashMap steered, Int2DoubleOpenHashMap latencyGbpsMs,
      it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap fingerprint,
      it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<int[]> arcs) {
    this.table = table;
    this.lsps = lsps;
    this.policyCandidate = policyCandidate;
    this.load = load;
    this.steered = steered;
    this.latencyGbpsMs = latencyGbpsMs;
    this.fingerprint = fingerprint;
    this.arcs = arcs;
  }

  /** The arcs the TE-steered traffic of demand {@code k} crosses, ascending (do not modify). */
  public int[] arcs(int k) {
    int[] a = arcs.get(k);
    return a == null ? new int[0] : a;
  }

  public TeTable table() {
    return table;
  }

  public LspPaths lsps() {
    return lsps;
  }

  /** The candidate path a policy uses (index into its list), or -1 when it steers nothing. */
  public int candidate(int policy) {
    return policyCandidate[policy];
  }

  /** TE load of an arc, Gbps. */
  public double load(int arc) {
    return arc < load.length ? load[arc] : 0;
  }

  public int arcSpan() {
    return load.length;
  }

  /** Adds every TE arc load times {@code sign} into {@code sink}. O(arcs). */
  public void addLoads(LoadSink sink, double sign) {
    for (int a = 0; a < load.length; a++) {
      if (load[a] != 0) {
        sink.add(a, sign * load[a]);
      }
    }
  }

  /** Gbps of network demand {@code k} that TE steers (policies and LSPs). */
  public double steeredGbps(int k) {
    return steered.get(k);
  }

  /** Network demands some of whose traffic TE steers, ascending. */
  public int[] steeredDemands() {
    int[] ks = steered.keySet().toIntArray();
    Arrays.sort(ks);
    return ks;
  }

  /** Sum over the TE-steered traffic of demand {@code k} of Gbps times latency (ms). */
  public double latencyGbpsMs(int k) {
    return latencyGbpsMs.get(k);
  }

  /** A fingerprint of how TE carries demand {@code k} (0 when it steers none of it). */
  public long fingerprint(int k) {
    return fingerprint.get(k);
  }
}
