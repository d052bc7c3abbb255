package io.netimpact.impact;

import io.netimpact.routing.PairResult;
import io.netimpact.routing.RouteChange;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario changes, summed over some destinations: arc load deltas (sparse, Gbps),
 * lost traffic of the recomputed demands before and after, traffic newly without a path, and
 * the demands whose routing changed. Mergeable in the manner of Deequ's states: the states of
 * disjoint destination sets {@link #merge} into the state of their union in O(the smaller
 * one), so the plain-Java loop, a task's pre-merge and Spark's reduce are one operation.
 */
public final class ScenarioState implements Serializable {
  private static final long serialVersionUID = 2L;

  private final int scenario;
  private Int2DoubleOpenHashMap delta = new Int2DoubleOpenHashMap();
  private double lostBefore;
  private double lostAfter;
  private double newlyUnroutable;
  private ArrayList<RouteChange> changes = new ArrayList<>();
  private long pairs;

  public ScenarioState(int scenario) {
    this.scenario = scenario;
  }

  public int scenario() {
    return scenario;
  }

  /** (scenario, destination) pairs evaluated into this state. */
  public long pairs() {
    return pairs;
  }

  /** Adds a load delta for an arc. */
  public void addLoad(int arc, double gbps) {
    delta.addTo(arc, gbps);
  }

  /** Adds one evaluated pair (its load deltas went to {@link #addLoad}). */
  public void add(PairResult r) {
    lostBefore += r.lostBefore();
    lostAfter += r.lostAfter();
    newlyUnroutable += r.newlyUnroutable();
    changes.addAll(r.changes());
    pairs++;
  }

  /**
   * Replaces the route changes of the demands {@code replaced} accepts with {@code with}:
   * traffic engineering restates the demands it steers from their IGP part's changes.
   * O(changes + with).
   */
  public void replaceChanges(java.util.function.IntPredicate replaced, List<RouteChange> with) {
    changes.removeIf(c -> replaced.test(c.demand()));
    changes.addAll(with);
  }

  /** Adds {@code o} into this (or this into {@code o}, whichever is smaller); returns the sum. */
  public ScenarioState merge(ScenarioState o) {
    if (o.scenario != scenario) {
      throw new IllegalArgumentException("states of scenarios " + scenario + " and "
          + o.scenario + " do not merge");
    }
    ScenarioState big = delta.size() >= o.delta.size() ? this : o;
    ScenarioState small = big == this ? o : this;
    for (Int2DoubleMap.Entry e : small.delta.int2DoubleEntrySet()) {
      big.delta.addTo(e.getIntKey(), e.getDoubleValue());
    }
    big.lostBefore += small.lostBefore;
    big.lostAfter += small.lostAfter;
    big.newlyUnroutable += small.newlyUnroutable;
    big.changes.addAll(small.changes);
    big.pairs += small.pairs;
    return big;
  }

  Int2DoubleOpenHashMap delta() {
    return delta;
  }

  double lostBefore() {
    return lostBefore;
  }

  double lostAfter() {
    return lostAfter;
  }

  double newlyUnroutable() {
    return newlyUnroutable;
  }

  /** The demands whose routing changed, in no particular order. */
  public List<RouteChange> changes() {
    return changes;
  }
}
