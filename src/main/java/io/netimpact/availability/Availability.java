package io.netimpact.availability;

import io.netimpact.routing.Network;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's availability (contract 7.6): one row per demand, and the figures the marker, the
 * console and the page give.
 *
 * @param rows          one per demand of the base network, in demand order
 * @param uncovered     1 - the probability of the evaluated scenarios: three or more failures,
 *                      and the pairs the cutoff left out
 * @param meanAvailability traffic-weighted mean availability (the plain mean when no demand
 *                      has traffic; 1 without demands)
 * @param gbpsBelow     Gbps of the demands whose availability is below each of {@link #TARGETS}
 * @param scenarios     scenarios evaluated, the base included
 * @param pairsPruned   pairs left out by the cutoff
 * @param cutoff        the cutoff
 */
public record Availability(List<DemandAvailability> rows, double uncovered,
    double meanAvailability, double[] gbpsBelow, long scenarios, long pairsPruned,
    double cutoff) {
  /** The id of the scenario where nothing fails, as {@code worst_scenario_id} gives it. */
  public static final String BASE_ID = "base";

  /** The availability targets the figures count the traffic below. */
  public static final double[] TARGETS = {0.999, 0.9999, 0.99999};

  public Availability {
    rows = List.copyOf(rows);
    gbpsBelow = gbpsBelow.clone();
  }

  /**
   * The rows and figures from the merged {@code acc}: a demand's availability is the
   * probability of the evaluated scenarios ({@link Hazards#covered}) less that of those that
   * hit it. {@code ids[j]} names scenario j (the base is {@code "base"}). O(demands).
   */
  public static Availability of(String runId, Network base, Hazards hz, List<String> ids,
      Accumulator acc, FailureScenarios fs) {
    double covered = hz.covered();
    List<DemandAvailability> rows = new ArrayList<>(base.demandCount());
    double total = 0;
    double weighted = 0;
    double plain = 0;
    double[] below = new double[TARGETS.length];
    for (int k = 0; k < base.demandCount(); k++) {
      double gbps = base.demandGbps(k);
      double a = Math.min(1, Math.max(0, covered - acc.hitProbability(k)));
      int w = acc.worstScenario(k);
      rows.add(new DemandAvailability(runId, base.nodeId(base.demandSrc(k)),
          base.nodeId(base.demandDst(k)), gbps, a, acc.expectedUnroutableGbps(k),
          w < 0 ? Optional.empty() : Optional.of(ids.get(w)), w < 0 ? 0 : hz.p(w)));
      total += gbps;
      weighted += gbps * a;
      plain += a;
      for (int i = 0; i < TARGETS.length; i++) {
        if (a < TARGETS[i]) {
          below[i] += gbps;
        }
      }
    }
    int n = base.demandCount();
    double mean = total > 0 ? weighted / total : n > 0 ? plain / n : 1;
    return new Availability(rows, Math.max(0, 1 - covered), mean, below, hz.scenarios(),
        fs.prunedPairs(), fs.cutoff());
  }

  /** The demands furthest below the highest target, most unavailable traffic first. */
  public List<DemandAvailability> furthestFromTarget(int shown) {
    return rows.stream().filter(r -> r.availability() < TARGETS[TARGETS.length - 1])
        .sorted(Comparator.comparingDouble(DemandAvailability::availability)
            .thenComparing(Comparator.comparingDouble(DemandAvailability::gbps).reversed())
            .thenComparing(DemandAvailability::src).thenComparing(DemandAvailability::dst))
        .limit(shown).toList();
  }

  /** The marker's {@code "availability"} object. */
  public Map<String, Number> marker() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("uncovered_probability", uncovered);
    m.put("mean_availability", meanAvailability);
    m.put("gbps_below_99_9", gbpsBelow[0]);
    m.put("gbps_below_99_99", gbpsBelow[1]);
    m.put("gbps_below_99_999", gbpsBelow[2]);
    m.put("scenarios", scenarios);
    m.put("pairs_pruned", pairsPruned);
    return m;
  }

  /** The console's lines. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "availability: %d scenarios (base, single failures, "
        + "pairs%s), uncovered probability %.3g; traffic-weighted mean availability %s",
        scenarios, cutoff > 0 ? String.format(Locale.ROOT, " at or above %.3g, %d pairs below "
            + "it left out", cutoff, pairsPruned) : "", uncovered, percent(meanAvailability)));
    out.add(String.format(Locale.ROOT, "availability: demand below 99.9 %%: %.1f Gbps, below "
        + "99.99 %%: %.1f Gbps, below 99.999 %%: %.1f Gbps", gbpsBelow[0], gbpsBelow[1],
        gbpsBelow[2]));
    for (DemandAvailability r : furthestFromTarget(5)) {
      out.add(String.format(Locale.ROOT, "  %s -> %s  %.1f Gbps  %s  worst: %s (P %.3g)",
          r.src(), r.dst(), r.gbps(), percent(r.availability()),
          r.worstScenarioId().orElse("-"), r.worstProbability()));
    }
    return out;
  }

  /** An availability as a percentage with enough nines to tell it from the targets. */
  public static String percent(double a) {
    return String.format(Locale.ROOT, "%.5f %%", 100 * a);
  }
}
