package io.netimpact.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.spark.Partitioner;

/**
 * Splits the sweep's (scenario, destination) work into units and assigns them to partitions
 * by estimated cost, not by count, so that no task is a straggler.
 *
 * <p>A destination's cost is (pairs the rules select) x (its DAG size) plus one DAG size for
 * loading it. A destination costing more than a fair share is cut into several units, each
 * taking a slice of its selected scenarios. Units go to partitions by longest processing
 * time first (the costliest unit to the least loaded partition): within 4/3 of the optimum.
 * O(U log U + U log P) for U units and P partitions.
 */
final class WorkPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One unit: destination {@code dst}, its selected scenarios from {@code from} to {@code to}. */
  record Unit(int id, int dst, int from, int to, double cost) implements Serializable {}

  final List<Unit> units;
  final int[] partitionOf;
  final double[] partitionCost;
  final int[][] unitsByDst;

  private WorkPlan(List<Unit> units, int partitions, int maxDst) {
    this.units = List.copyOf(units);
    this.partitionOf = new int[units.size()];
    this.partitionCost = new double[partitions];
    PriorityQueue<Integer> least = new PriorityQueue<>(
        Comparator.<Integer>comparingDouble(p -> partitionCost[p]).thenComparing(p -> p));
    for (int p = 0; p < partitions; p++) {
      least.add(p);
    }
    List<Unit> byCost = new ArrayList<>(units);
    byCost.sort(Comparator.comparingDouble(Unit::cost).reversed().thenComparing(Unit::id));
    for (Unit u : byCost) {
      int p = least.poll();
      partitionOf[u.id()] = p;
      partitionCost[p] += u.cost();
      least.add(p);
    }
    int[] count = new int[maxDst + 1];
    for (Unit u : units) {
      count[u.dst()]++;
    }
    unitsByDst = new int[maxDst + 1][];
    for (int d = 0; d <= maxDst; d++) {
      unitsByDst[d] = new int[count[d]];
    }
    Arrays.fill(count, 0);
    for (Unit u : units) {
      unitsByDst[u.dst()][count[u.dst()]++] = u.id();
    }
  }

  /**
   * @param dsts     destinations
   * @param selected pairs the rules selected, per destination
   * @param dagSize  DAG size per destination
   */
  static WorkPlan of(int[] dsts, int[] selected, int[] dagSize, int partitions, int nodeCount) {
    double[] one = new double[dsts.length];
    Arrays.fill(one, 1.0);
    return of(dsts, selected, dagSize, one, partitions, nodeCount);
  }

  /**
   * The same with {@code weight}, per destination, the estimated cost of one of its selected
   * scenarios in repairs (below 1 where pairs of failures take a single failure's state,
   * see {@code impact.PairComposition}): a selected scenario costs weight x DAG size.
   */
  static WorkPlan of(int[] dsts, int[] selected, int[] dagSize, double[] weight,
      int partitions, int nodeCount) {
    double total = 0;
    for (int i = 0; i < dsts.length; i++) {
      total += cost(selected[i], dagSize[i], weight[i]);
    }
    double cap = Math.max(1.0, total / (4.0 * partitions));
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < dsts.length; i++) {
      if (selected[i] == 0) {
        continue;
      }
      int pieces = (int) Math.max(1, Math.min(selected[i],
          Math.ceil(cost(selected[i], dagSize[i], weight[i]) / cap)));
      for (int k = 0; k < pieces; k++) {
        int from = (int) ((long) selected[i] * k / pieces);
        int to = (int) ((long) selected[i] * (k + 1) / pieces);
        units.add(new Unit(units.size(), dsts[i], from, to,
            cost(to - from, dagSize[i], weight[i])));
      }
    }
    return new WorkPlan(units, partitions, Math.max(0, nodeCount - 1));
  }

  private static double cost(int pairs, int dag, double weight) {
    return pairs * weight * dag + dag;
  }

  double totalCost() {
    return Arrays.stream(partitionCost).sum();
  }

  /** Highest partition cost over the mean: the straggler ratio the plan predicts. */
  double predictedImbalance() {
    double max = Arrays.stream(partitionCost).max().orElse(0);
    double mean = totalCost() / partitionCost.length;
    return mean == 0 ? 1 : max / mean;
  }

  /** Places unit ids on their planned partitions. */
  static final class UnitPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int[] partitionOf;
    private final int partitions;

    UnitPartitioner(WorkPlan plan) {
      this.partitionOf = plan.partitionOf;
      this.partitions = plan.partitionCost.length;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return partitionOf[(Integer) key];
    }
  }
}
