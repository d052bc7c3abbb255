package io.netimpact.impact;

/**
 * What an evaluation measured about itself: the (scenario, destination) pairs it recomputed of
 * all pairs, its routing tasks, the straggler ratio (slowest over median task time) and the
 * imbalance its cost plan predicted.
 */
public record EvaluationStats(long pairsTotal, long pairsRecomputed, int routeTasks,
    double stragglerRatio, double predictedImbalance) {
  public EvaluationStats {
    if (pairsRecomputed < 0 || pairsTotal < pairsRecomputed || routeTasks < 0) {
      throw new IllegalArgumentException("pairs " + pairsRecomputed + " of " + pairsTotal
          + ", tasks " + routeTasks);
    }
  }
}
