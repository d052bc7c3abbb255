package io.netimpact.availability;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.io.Serializable;

/**
 * Per demand, the partial sums of its availability over some scenarios: the probability of
 * the scenarios that hit it, the expected unroutable Gbps, and its worst scenario (highest
 * probability among those that hit it; ties: the first in scenario order). Mergeable: the
 * accumulators of disjoint (demand, scenario) sets {@link #merge} into that of their union,
 * in any order, to the same worst scenario; so tasks sum their destinations' demands and the
 * driver merges the tasks'. Sparse: O(demands touched) memory.
 */
public final class Accumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One demand's sums. */
  static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    double hitP;
    double unroutable;
    double worstP = -1;
    int worst = -1;

    void hit(int scenario, double p, double unroutableGbps) {
      hitP += p;
      unroutable += p * unroutableGbps;
      if (p > worstP || (p == worstP && scenario < worst)) {
        worstP = p;
        worst = scenario;
      }
    }

    void add(Entry o) {
      hitP += o.hitP;
      unroutable += o.unroutable;
      if (o.worst >= 0 && (o.worstP > worstP || (o.worstP == worstP && o.worst < worst))) {
        worstP = o.worstP;
        worst = o.worst;
      }
    }
  }

  private final Int2ObjectOpenHashMap<Entry> byDemand = new Int2ObjectOpenHashMap<>();

  /** Demand {@code k} is hit in scenario {@code scenario} of probability {@code p}. O(1). */
  public void hit(int k, int scenario, double p, double unroutableGbps) {
    entry(k).hit(scenario, p, unroutableGbps);
  }

  /**
   * Demand {@code k} is hit in scenarios of total probability {@code p} with {@code
   * unroutableGbps} each time, of which the most probable is {@code worst} with {@code
   * worstP}. O(1).
   */
  public void hitMany(int k, double p, double unroutableGbps, int worst, double worstP) {
    Entry e = entry(k);
    e.hitP += p;
    e.unroutable += p * unroutableGbps;
    Entry w = new Entry();
    w.worst = worst;
    w.worstP = worstP;
    e.add(w);
  }

  private Entry entry(int k) {
    Entry e = byDemand.get(k);
    if (e == null) {
      e = new Entry();
      byDemand.put(k, e);
    }
    return e;
  }

  /** Adds {@code o} into this; returns this. O(o's demands). */
  public Accumulator merge(Accumulator o) {
    for (Int2ObjectOpenHashMap.Entry<Entry> e : o.byDemand.int2ObjectEntrySet()) {
      Entry mine = byDemand.get(e.getIntKey());
      if (mine == null) {
        byDemand.put(e.getIntKey(), e.getValue());
      } else {
        mine.add(e.getValue());
      }
    }
    return this;
  }

  /** The probability of the scenarios that hit demand {@code k}. */
  public double hitProbability(int k) {
    Entry e = byDemand.get(k);
    return e == null ? 0 : e.hitP;
  }

  /** Sum over the scenarios of P(s) times demand {@code k}'s unroutable Gbps in s. */
  public double expectedUnroutableGbps(int k) {
    Entry e = byDemand.get(k);
    return e == null ? 0 : e.unroutable;
  }

  /** The scenario that hits demand {@code k} with the highest probability, or -1. */
  public int worstScenario(int k) {
    Entry e = byDemand.get(k);
    return e == null ? -1 : e.worst;
  }
}
