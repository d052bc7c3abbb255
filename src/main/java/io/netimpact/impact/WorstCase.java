package io.netimpact.impact;

import io.netimpact.routing.Network;
import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.verdict.Thresholds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each base arc at its worst over a sweep's scenarios
 * (docs/semantics.md#a-sweeps-worst-case-per-arc): the highest
 * utilisation over the scenarios in which the arc is usable (with its capacity in that
 * scenario), the load there and which scenario it was (ties: the first in scenario order), and
 * in how many scenarios it is above warn and over capacity. Folded in the pass that assembles
 * each scenario's report from its loads (no second routing pass), and mergeable like
 * {@link ScenarioState}: the states of disjoint scenario sets merge into the state of their
 * union. It also folds each link's {@link CapacityCurve} (the augmentation plan's input).
 * The arcs a scenario changes are folded one by one; the arcs it leaves as they were are
 * folded with the baseline once for all scenarios ({@link #scenario}, {@link #withBaseline}).
 * O(E) memory (plus the curve's entries); O(changed arcs) per scenario folded.
 */
public final class WorstCase implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] worstUtil;
  private final double[] worstLoad;
  private final int[] worstScenario;
  private final int[] overWarn;
  private final int[] overCapacity;
  private final CapacityCurve curve;
  /**
   * Arcs left as they were in a scenario are not folded one by one ({@link #scenario}): per
   * arc, the first scenario that left it so (-1: none yet) and in how many it was changed;
   * folded with the baseline once, by {@link #withBaseline}.
   */
  private final int[] firstUnchanged;
  private final int[] changedIn;
  private int scenarios;
  private int lastScenario = -1;
  /** Arcs changed in every scenario registered so far (null before the first). */
  private int[] pending;
  private boolean baselineFolded;

  public WorstCase(int baseArcs) {
    firstUnchanged = new int[baseArcs];
    Arrays.fill(firstUnchanged, -1);
    changedIn = new int[baseArcs];
    curve = new CapacityCurve(baseArcs / 2);
    worstUtil = new double[baseArcs];
    worstLoad = new double[baseArcs];
    worstScenario = new int[baseArcs];
    Arrays.fill(worstScenario, -1);
    overWarn = new int[baseArcs];
    overCapacity = new int[baseArcs];
  }

  /** Folds base arc {@code a} of scenario {@code s} (usable there). O(1). */
  void add(int s, int a, double load, double capacity, ArcStatus status) {
    if (held != null) {
      held.arcs.add(a);
      held.loads.add(load);
      held.capacities.add(capacity);
      held.statuses.add(status);
      return;
    }
    fold(s, a, load, capacity, status, 1);
  }

  /**
   * The folds of one scenario held back by {@link #hold} until {@link #commit} or {@link
   * #drop}; null when folds go straight in.
   */
  private transient Held held;

  private static final class Held {
    final it.unimi.dsi.fastutil.ints.IntArrayList arcs =
        new it.unimi.dsi.fastutil.ints.IntArrayList();
    final it.unimi.dsi.fastutil.doubles.DoubleArrayList loads =
        new it.unimi.dsi.fastutil.doubles.DoubleArrayList();
    final it.unimi.dsi.fastutil.doubles.DoubleArrayList capacities =
        new it.unimi.dsi.fastutil.doubles.DoubleArrayList();
    final List<ArcStatus> statuses = new ArrayList<>();
    int scenario = -1;
    int[] changed;
  }

  /**
   * Holds back what the next scenario assembled into this folds, so that it is folded only
   * once its verdict says it belongs ({@link #commit}) or not at all ({@link #drop}).
   * Returns this. O(1).
   */
  public WorstCase hold() {
    held = new Held();
    return this;
  }

  /** Folds the held scenario in, as if it had been folded directly. O(its changed arcs). */
  public void commit() {
    Held h = held;
    held = null;
    if (h == null || h.changed == null) {
      return;
    }
    for (int i = 0; i < h.arcs.size(); i++) {
      fold(h.scenario, h.arcs.getInt(i), h.loads.getDouble(i), h.capacities.getDouble(i),
          h.statuses.get(i), 1);
    }
    scenario(h.scenario, h.changed);
  }

  /** Forgets the held scenario. O(1). */
  public void drop() {
    held = null;
  }

  /** Folds arc {@code a} at {@code load} and {@code capacity} for {@code times} scenarios. */
  private void fold(int s, int a, double load, double capacity, ArcStatus status, int times) {
    double util = load / capacity;
    curve.add(Network.linkOf(a), s, load, capacity);
    if (worse(a, util, s)) {
      worstUtil[a] = util;
      worstLoad[a] = load;
      worstScenario[a] = s;
    }
    if (status == ArcStatus.WARN || status == ArcStatus.OVER) {
      overWarn[a] += times;
    }
    if (status == ArcStatus.OVER) {
      overCapacity[a] += times;
    }
  }

  /**
   * Registers scenario {@code s}, whose changed arcs ({@code changed}, ascending) were folded
   * with {@link #add}; every other arc had its baseline load and capacity there, and is folded
   * for all such scenarios at once by {@link #withBaseline}. Scenarios come in increasing
   * index. O(|changed| + the arcs changed in every scenario so far), O(E) for the first.
   */
  void scenario(int s, int[] changed) {
    if (held != null) {
      held.scenario = s;
      held.changed = changed.clone();
      return;
    }
    if (s <= lastScenario || baselineFolded) {
      throw new IllegalStateException("scenario " + s + " after " + lastScenario
          + (baselineFolded ? " and the baseline" : "") + ": scenarios come in increasing index");
    }
    lastScenario = s;
    scenarios++;
    for (int a : changed) {
      changedIn[a]++;
    }
    if (pending == null) {
      for (int a = 0; a < firstUnchanged.length; a++) {
        if (Arrays.binarySearch(changed, a) < 0) {
          firstUnchanged[a] = s;
        }
      }
      pending = changed.clone();
      return;
    }
    int kept = 0;
    for (int a : pending) {
      if (Arrays.binarySearch(changed, a) >= 0) {
        pending[kept++] = a;
      } else {
        firstUnchanged[a] = s;
      }
    }
    pending = Arrays.copyOf(pending, kept);
  }

  /**
   * Folds, once all parts are merged, every arc of every registered scenario that left it as
   * it was: its baseline load at its base capacity, counted in each such scenario, the first
   * of them named. Returns this. O(E).
   */
  public WorstCase withBaseline(Network base, double[] loadBefore, Thresholds th) {
    if (baselineFolded) {
      throw new IllegalStateException("the baseline is folded once");
    }
    baselineFolded = true;
    for (int a = 0; a < firstUnchanged.length; a++) {
      int unchanged = scenarios - changedIn[a];
      double capacity = base.arcCapacity(a);
      if (unchanged <= 0 || capacity <= 0) {
        continue;
      }
      fold(firstUnchanged[a], a, loadBefore[a], capacity,
          ArcStatus.of(capacity, loadBefore[a], th), unchanged);
    }
    return this;
  }

  private void checkFolded() {
    if (scenarios > 0 && !baselineFolded) {
      throw new IllegalStateException("scenarios were registered: fold the baseline first "
          + "(withBaseline)");
    }
  }

  /**
   * Whether utilisation {@code util} of scenario {@code s} is arc {@code a}'s new worst: higher
   * by more than rounding (1e-9 relative), or equal within it and earlier in scenario order, so
   * that the incremental and the full evaluation, whose sums differ in the last bits, name the
   * same scenario.
   */
  private boolean worse(int a, double util, int s) {
    if (worstScenario[a] < 0) {
      return true;
    }
    double cur = worstUtil[a];
    if (Math.abs(util - cur) <= 1e-9 * Math.max(Math.abs(util), Math.abs(cur))) {
      return s < worstScenario[a];
    }
    return util > cur;
  }

  /** Adds {@code o} into this and returns this. O(E). */
  public WorstCase merge(WorstCase o) {
    for (int a = 0; a < worstUtil.length; a++) {
      int s = o.worstScenario[a];
      if (s >= 0 && worse(a, o.worstUtil[a], s)) {
        worstUtil[a] = o.worstUtil[a];
        worstLoad[a] = o.worstLoad[a];
        worstScenario[a] = s;
      }
      overWarn[a] += o.overWarn[a];
      overCapacity[a] += o.overCapacity[a];
    }
    curve.merge(o.curve);
    for (int a = 0; a < firstUnchanged.length; a++) {
      int f = o.firstUnchanged[a];
      if (f >= 0 && (firstUnchanged[a] < 0 || f < firstUnchanged[a])) {
        firstUnchanged[a] = f;
      }
      changedIn[a] += o.changedIn[a];
    }
    scenarios += o.scenarios;
    // Merged parts hold scenarios of any order: no more may be registered.
    lastScenario = Integer.MAX_VALUE;
    return this;
  }

  /**
   * Renames scenario i to {@code index[i]} everywhere (a sweep's scenarios evaluated as a
   * subset, {@code index} giving each one's place in the whole, ascending so that the first of
   * equal scenarios stays first). Returns this. O(E + the curve's entries).
   */
  public WorstCase renumbered(int[] index) {
    for (int a = 0; a < worstScenario.length; a++) {
      worstScenario[a] = worstScenario[a] < 0 ? -1 : index[worstScenario[a]];
      firstUnchanged[a] = firstUnchanged[a] < 0 ? -1 : index[firstUnchanged[a]];
    }
    curve.renumber(index);
    lastScenario = Integer.MAX_VALUE;
    return this;
  }

  /** Each base link's heaviest load per capacity over the scenarios: the plan's input. */
  public CapacityCurve curve() {
    checkFolded();
    return curve;
  }

  /** One {@code link_worst_case} row per base arc. O(E). */
  public List<LinkWorstCase> rows(String runId, Network base, double[] loadBefore,
      List<Scenario> scenarios) {
    checkFolded();
    List<LinkWorstCase> out = new ArrayList<>(worstUtil.length);
    for (int a = 0; a < worstUtil.length; a++) {
      int s = worstScenario[a];
      out.add(new LinkWorstCase(runId, base.linkId(Network.linkOf(a)), base.nodeId(base.tail(a)),
          base.nodeId(base.head(a)), base.arcCapacity(a), loadBefore[a],
          s < 0 ? 0.0 : worstLoad[a], s < 0 ? 0.0 : worstUtil[a],
          s < 0 ? java.util.Optional.empty() : java.util.Optional.of(scenarios.get(s).id()),
          overWarn[a], overCapacity[a]));
    }
    return out;
  }
}
