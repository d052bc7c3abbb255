package io.netimpact.routing;

import java.io.Serializable;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * What a change did to a network, element by element: the input of the incremental rules.
 * Computed by diffing a baseline with the network {@link ChangeApplier} made from it, so the
 * semantics of every op are defined once, in the applier.
 *
 * <p>An <em>increase-only</em> delta (arcs removed, metrics raised, devices drained or
 * removed, capacities and volumes changed) can only lengthen paths; it is repaired in place
 * by {@link IncrementalRouter}. Anything that may shorten a path (an arc added or restored, a
 * metric lowered, a device undrained) is routed afresh for the destinations it touches.
 */
public final class Delta implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Base arcs usable before and not after. */
  final int[] offArcs;
  /** Arcs usable after and not before (restored, or added: index at or above the base's). */
  final int[] onArcs;
  /** Tail, head and metric after of each on-arc (added arcs are unknown to the base). */
  final int[] onTail;
  final int[] onHead;
  final int[] onMetric;
  /** Arcs usable both times whose metric changed, with their new metric. */
  final int[] metricArcs;
  final int[] newMetric;
  /** Devices drained after and not before, and the reverse. */
  final int[] drained;
  final int[] undrained;
  /** Arcs whose capacity differs (including off and on arcs), with the capacity after. */
  final int[] capacityArcs;
  final double[] newCapacity;
  /** Demands whose volume differs, with the volume after. */
  final int[] demands;
  final double[] newGbps;
  private final boolean increaseOnly;

  private Delta(int[] offArcs, int[] onArcs, int[] onTail, int[] onHead, int[] onMetric,
      int[] metricArcs, int[] newMetric, int[] drained,
      int[] undrained, int[] capacityArcs, double[] newCapacity, int[] demands,
      double[] newGbps, boolean increaseOnly) {
    this.offArcs = offArcs;
    this.onArcs = onArcs;
    this.onTail = onTail;
    this.onHead = onHead;
    this.onMetric = onMetric;
    this.metricArcs = metricArcs;
    this.newMetric = newMetric;
    this.drained = drained;
    this.undrained = undrained;
    this.capacityArcs = capacityArcs;
    this.newCapacity = newCapacity;
    this.demands = demands;
    this.newGbps = newGbps;
    this.increaseOnly = increaseOnly;
  }

  /**
   * The delta from {@code before} to {@code after} (same index space; after may have more
   * arcs). O(V + E + D).
   */
  public static Delta between(Network before, Network after) {
    IntArrayList off = new IntArrayList();
    IntArrayList on = new IntArrayList();
    IntArrayList onTail = new IntArrayList();
    IntArrayList onHead = new IntArrayList();
    IntArrayList onMetric = new IntArrayList();
    IntArrayList metric = new IntArrayList();
    IntArrayList newMetric = new IntArrayList();
    IntArrayList cap = new IntArrayList();
    DoubleArrayList newCap = new DoubleArrayList();
    boolean increaseOnly = true;
    int baseArcs = before.arcCount();
    for (int a = 0; a < after.arcCount(); a++) {
      boolean ub = a < baseArcs && before.arcUsable(a);
      boolean ua = after.arcUsable(a);
      if (ub && !ua) {
        off.add(a);
      } else if (!ub && ua) {
        on.add(a);
        onTail.add(after.tail(a));
        onHead.add(after.head(a));
        onMetric.add(after.arcMetric(a));
        increaseOnly = false;
      } else if (ub && before.arcMetric(a) != after.arcMetric(a)) {
        metric.add(a);
        newMetric.add(after.arcMetric(a));
        increaseOnly &= after.arcMetric(a) > before.arcMetric(a);
      }
      double cb = a < baseArcs ? before.arcCapacity(a) : 0.0;
      if (cb != after.arcCapacity(a)) {
        cap.add(a);
        newCap.add(after.arcCapacity(a));
      }
    }
    IntArrayList drained = new IntArrayList();
    IntArrayList undrained = new IntArrayList();
    for (int v = 0; v < before.nodeCount(); v++) {
      boolean db = before.isDrained(v) && before.isPresent(v);
      boolean da = after.isDrained(v) && after.isPresent(v);
      if (da && !db) {
        drained.add(v);
      } else if (db && !da && after.isPresent(v)) {
        undrained.add(v);
        increaseOnly = false;
      }
    }
    IntArrayList dem = new IntArrayList();
    DoubleArrayList gbps = new DoubleArrayList();
    for (int k = 0; k < before.demandCount(); k++) {
      if (before.demandGbps(k) != after.demandGbps(k)) {
        dem.add(k);
        gbps.add(after.demandGbps(k));
      }
    }
    return new Delta(off.toIntArray(), on.toIntArray(), onTail.toIntArray(),
        onHead.toIntArray(), onMetric.toIntArray(), metric.toIntArray(), newMetric.toIntArray(),
        drained.toIntArray(), undrained.toIntArray(), cap.toIntArray(), newCap.toDoubleArray(), dem.toIntArray(),
        gbps.toDoubleArray(), increaseOnly);
  }

  /** Whether the change can only lengthen paths (see the class comment). */
  public boolean isIncreaseOnly() {
    return increaseOnly;
  }

  /** Whether routing may change at all (anything but capacities and volumes changed). */
  public boolean touchesRouting() {
    return offArcs.length + onArcs.length + metricArcs.length + drained.length
        + undrained.length > 0;
  }

  /** Number of changed elements: the cost of checking the rules for one destination. */
  public int size() {
    return offArcs.length + onArcs.length + metricArcs.length + drained.length
        + undrained.length + demands.length;
  }

  /** Whether the change alters the volume of any demand. */
  public boolean changesDemands() {
    return demands.length > 0;
  }

  /** Demand indices whose volume changes, sorted. */
  public int[] changedDemands() {
    return demands.clone();
  }

  @Override
  public String toString() {
    return "Delta[off=" + Arrays.toString(offArcs) + ", on=" + Arrays.toString(onArcs)
        + ", metric=" + Arrays.toString(metricArcs) + ", drained=" + Arrays.toString(drained)
        + ", undrained=" + Arrays.toString(undrained) + ", demands=" + demands.length + "]";
  }
}
