package io.netimpact.impact;

import java.io.Serializable;

/**
 * Per-arc loads before and after a change plus lost traffic, summed over some destinations.
 * Mergeable: partial totals of disjoint destination sets {@link #merge} into the totals of
 * their union, so aggregation is one pass (a tree reduce in Spark).
 */
public final class LoadTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  final double[] before;
  final double[] after;
  double unroutableBefore;
  double unroutableAfter;
  /** Gbps of demands routable before and unroutable after. */
  double newlyUnroutable;

  public LoadTotals(int arcsBefore, int arcsAfter) {
    before = new double[arcsBefore];
    after = new double[arcsAfter];
  }

  /** Adds {@code other} into this and returns this. O(arcs). */
  public LoadTotals merge(LoadTotals other) {
    for (int i = 0; i < before.length; i++) {
      before[i] += other.before[i];
    }
    for (int i = 0; i < after.length; i++) {
      after[i] += other.after[i];
    }
    unroutableBefore += other.unroutableBefore;
    unroutableAfter += other.unroutableAfter;
    newlyUnroutable += other.newlyUnroutable;
    return this;
  }

  /** Load of arc {@code a} before the change in Gbps (0 for arcs the change adds). */
  public double loadBefore(int arc) {
    return arc < before.length ? before[arc] : 0.0;
  }

  /** The before loads, indexed by arc (the array itself: do not modify). */
  public double[] loadsBefore() {
    return before;
  }

  public double loadAfter(int arc) {
    return after[arc];
  }

  public double unroutableBefore() {
    return unroutableBefore;
  }

  public double unroutableAfter() {
    return unroutableAfter;
  }

  public double newlyUnroutable() {
    return newlyUnroutable;
  }
}
