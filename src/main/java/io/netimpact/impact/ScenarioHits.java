package io.netimpact.impact;

import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routes.RouteChange;
import io.netimpact.verdict.Thresholds;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * What a scenario's merged state says about hits (contract 7.6), where the state is: the arcs
 * over capacity after, and for each demand whose routing changed whether it is hit
 * (unroutable after, or a path after crosses an arc that drops its traffic) and its unroutable
 * Gbps. The demands whose routing did not change keep their base paths: their hits are found
 * per destination on the base DAG (availability.DestinationHits).
 */
public final class ScenarioHits {
  private ScenarioHits() {}

  /** The base's arcs over capacity before, ascending: once per sweep. O(E). */
  public static int[] overBefore(Network base, double[] loadBefore) {
    IntArrayList out = new IntArrayList();
    for (int a = 0; a < base.arcCount(); a++) {
      if (Thresholds.over(loadBefore[a], base.arcCapacity(a))) {
        out.add(a);
      }
    }
    return out.toIntArray();
  }

  /**
   * The arcs over capacity after ({@link Thresholds#over}), ascending: only the arcs the
   * state changes, the arcs over capacity before ({@code overBefore}, from {@link
   * #overBefore}) and the added arcs are looked at, as the {@link Assembler} does; every other
   * arc is as it was, and not over. {@code after} shows the scenario's mask. O(k log k) for
   * the k arcs looked at.
   */
  public static int[] overArcs(Network base, double[] loadBefore, int[] overBefore,
      MaskedView after, ScenarioState state) {
    int baseArcs = base.arcCount();
    it.unimi.dsi.fastutil.ints.IntOpenHashSet looked =
        new it.unimi.dsi.fastutil.ints.IntOpenHashSet(state.delta().keySet());
    for (int a : after.mask().capacityChangedArcs()) {
      looked.add(a);
    }
    for (int a : overBefore) {
      looked.add(a);
    }
    for (int a = baseArcs; a < after.arcCount(); a++) {
      looked.add(a);
    }
    IntArrayList out = new IntArrayList();
    for (int a : looked) {
      double load = (a < baseArcs ? loadBefore[a] : 0.0) + state.delta().get(a);
      if (Thresholds.over(load, after.arcCapacity(a))) {
        out.add(a);
      }
    }
    int[] o = out.toIntArray();
    java.util.Arrays.sort(o);
    return o;
  }

  /** A demand whose routing changed: whether it is hit, and its unroutable Gbps after. */
  public record Changed(int demand, boolean hit, double unroutableGbps)
      implements java.io.Serializable {}

  /**
   * Every demand of the state whose routing changed, hit or not: unroutable after, or some
   * path after crosses an arc {@code dropping.apply(groupOf(demand))} accepts (one pass per
   * pair's paths and group). {@code after} shows the scenario's mask. O(changed demands +
   * their pairs' paths).
   */
  public static List<Changed> changed(MaskedView after, ScenarioState state,
      IntUnaryOperator groupOf, IntFunction<IntPredicate> dropping) {
    List<Changed> out = new ArrayList<>(state.changes().size());
    IdentityHashMap<PathsAfter, boolean[][]> crossing = new IdentityHashMap<>();
    for (RouteChange rc : state.changes()) {
      int k = rc.demand();
      if (!rc.routableAfter()) {
        double gbps = Double.isNaN(rc.gbpsAfter()) ? after.demandGbps(k) : rc.gbpsAfter();
        out.add(new Changed(k, true, gbps));
        continue;
      }
      int g = groupOf.applyAsInt(k);
      boolean[][] byGroup = crossing.computeIfAbsent(rc.pathsAfter(), x -> new boolean[g + 1][]);
      if (byGroup.length <= g) {
        byGroup = java.util.Arrays.copyOf(byGroup, g + 1);
        crossing.put(rc.pathsAfter(), byGroup);
      }
      if (byGroup[g] == null) {
        byGroup[g] = rc.pathsAfter().crossing(dropping.apply(g));
      }
      out.add(new Changed(k, byGroup[g][rc.pathNode()], 0.0));
    }
    return out;
  }

}
