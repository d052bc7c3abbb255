package io.netimpact.availability;

import io.netimpact.impact.ScenarioHits;
import io.netimpact.routing.DagWalk;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routes.PathsAfter;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Per destination, which of its demands each availability scenario hits, folded into an
 * {@link Accumulator} (contract 7.6).
 *
 * <p>A demand whose routing a scenario changed comes with its outcome ({@link
 * ScenarioHits#changed}, made where the scenario's state is). Every other demand keeps its base
 * paths, so it is hit when it has no path in the base, or when its base paths cross an arc
 * that drops its traffic in that scenario. The base DAG of the destination is routed once (one
 * Dijkstra as far as its sources) and walked once below all its sources ({@link
 * DagWalk#pathsBelow}); the scenarios that matter are found from the arcs of those paths
 * ({@link Hazards#scenariosDropping}), and for each, one pass over the paths per group
 * ({@link PathsAfter#crossing}, heads before tails) marks every source whose paths reach a
 * drop arc. O(E log V + sum over the scenarios that drop traffic on the DAG or change one of
 * its demands of (DAG + its demands)); a demand without a base path costs O(its changed
 * scenarios) more. An instance is a per-task workspace; not thread-safe.
 */
public final class DestinationHits {
  private final Network base;
  private final MaskedView view;
  private final PairEvaluator pe;
  private final DagWalk walk;

  public DestinationHits(Network base) {
    this.base = base;
    this.view = MaskedView.of(base);
    this.pe = new PairEvaluator(base);
    this.walk = new DagWalk(base.nodeCount());
  }

  /** A changed demand's outcome in availability scenario {@code scenario}. */
  public record ChangedHit(int scenario, ScenarioHits.Changed change) implements Serializable {}

  /**
   * Folds destination {@code t}'s demands over every scenario of {@code hz} into {@code into};
   * {@code changed} holds the outcomes of its demands whose routing a scenario changed.
   */
  public void fold(int t, Hazards hz, Iterable<ChangedHit> changed, Accumulator into) {
    int from = base.demandsTo(t);
    int m = base.demandsTo(t + 1) - from;
    if (m == 0) {
      return;
    }
    DestinationDag dag = pe.route(t);
    int[] src = new int[m];
    for (int i = 0; i < m; i++) {
      src[i] = base.demandSrc(from + i);
    }
    int[] local = new int[m];
    PathsAfter paths = walk.pathsBelow(view, t, dag.distances(), src, m, local);
    BitSet relevant = new BitSet();
    Int2ObjectOpenHashMap<List<ScenarioHits.Changed>> byScenario =
        new Int2ObjectOpenHashMap<>();
    for (ChangedHit c : changed) {
      byScenario.computeIfAbsent(c.scenario(), x -> new ArrayList<>()).add(c.change());
      relevant.set(c.scenario());
    }
    paths.forEachArc(a -> {
      for (int j : hz.scenariosDropping(a)) {
        relevant.set(j);
      }
    });
    ScenarioHits.Changed[] here = new ScenarioHits.Changed[m];
    for (int j = relevant.nextSetBit(0); j >= 0; j = relevant.nextSetBit(j + 1)) {
      List<ScenarioHits.Changed> ch = byScenario.getOrDefault(j, List.of());
      for (ScenarioHits.Changed c : ch) {
        here[c.demand() - from] = c;
      }
      boolean[][] crossing = new boolean[hz.groups()][];
      double p = hz.p(j);
      for (int i = 0; i < m; i++) {
        int k = from + i;
        ScenarioHits.Changed c = here[i];
        if (c != null) {
          if (c.hit()) {
            into.hit(k, j, p, c.unroutableGbps());
          }
        } else if (local[i] >= 0) {
          int g = hz.groupOf(k);
          if (crossing[g] == null && hz.drops(j, g)) {
            crossing[g] = paths.crossing(hz.dropping(j, g));
          }
          if (crossing[g] != null && crossing[g][local[i]]) {
            into.hit(k, j, p, 0.0);
          }
        }
      }
      for (ScenarioHits.Changed c : ch) {
        here[c.demand() - from] = null;
      }
    }
    // Without a base path: hit in every scenario that did not change it (those that did were
    // counted above).
    for (int i = 0; i < m; i++) {
      if (local[i] >= 0) {
        continue;
      }
      int k = from + i;
      BitSet changedIn = new BitSet();
      for (var e : byScenario.int2ObjectEntrySet()) {
        for (ScenarioHits.Changed c : e.getValue()) {
          if (c.demand() == k) {
            changedIn.set(e.getIntKey());
          }
        }
      }
      double p = hz.covered();
      for (int j = changedIn.nextSetBit(0); j >= 0; j = changedIn.nextSetBit(j + 1)) {
        p -= hz.p(j);
      }
      int worst = -1;
      for (int j : hz.byProbability()) {
        if (!changedIn.get(j)) {
          worst = j;
          break;
        }
      }
      if (worst >= 0) {
        into.hitMany(k, Math.max(0, p), base.demandGbps(k), worst, hz.p(worst));
      }
    }
  }
}
