package io.netimpact.impact;

import io.netimpact.routing.Network;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each base arc at its worst over a sweep's scenarios (contract section 6.5): the highest
 * utilisation over the scenarios in which the arc is usable (with its capacity in that
 * scenario), the load there and which scenario it was (ties: the first in scenario order), and
 * in how many scenarios it is above warn and over capacity. Folded in the pass that assembles
 * each scenario's report from its loads (no second routing pass), and mergeable like
 * {@link ScenarioState}: the states of disjoint scenario sets merge into the state of their
 * union. It also folds each link's {@link CapacityCurve} (the augmentation plan's input).
 * O(E) memory (plus the curve's entries); O(E) per scenario folded.
 */
public final class WorstCase implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] worstUtil;
  private final double[] worstLoad;
  private final int[] worstScenario;
  private final int[] overWarn;
  private final int[] overCapacity;
  private final CapacityCurve curve;

  public WorstCase(int baseArcs) {
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
    double util = load / capacity;
    curve.add(Network.linkOf(a), s, load, capacity);
    if (worse(a, util, s)) {
      worstUtil[a] = util;
      worstLoad[a] = load;
      worstScenario[a] = s;
    }
    if (status == ArcStatus.WARN || status == ArcStatus.OVER) {
      overWarn[a]++;
    }
    if (status == ArcStatus.OVER) {
      overCapacity[a]++;
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
    return this;
  }

  /** Each base link's heaviest load per capacity over the scenarios: the plan's input. */
  public CapacityCurve curve() {
    return curve;
  }

  /** One {@code link_worst_case} row per base arc. O(E). */
  public List<LinkWorstCase> rows(String runId, Network base, double[] loadBefore,
      List<Scenario> scenarios) {
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
