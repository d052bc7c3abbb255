package io.netimpact.report;

import io.netimpact.availability.Availability;
import io.netimpact.availability.DemandAvailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code summary.html} shows of a sweep's availability ({@code sweep --failure-model}),
 * as text for its template: the figures, and the demands furthest below the highest target
 * with the failure that costs each the most (its most probable scenario that hits it).
 *
 * @param facts the uncovered probability, the mean availability, the traffic below each target
 * @param rows  the demands furthest from target, in order
 */
public record AvailabilityPage(List<PageView.Fact> facts, List<Row> rows) {
  /** Demands shown. */
  static final int SHOWN = 15;

  public AvailabilityPage {
    facts = List.copyOf(facts);
    rows = List.copyOf(rows);
  }

  /** A demand of the table. */
  public record Row(String src, String dst, String gbps, String availability,
      String expectedUnroutable, String failure, String probability) {}

  public boolean hasRows() {
    return !rows.isEmpty();
  }

  /** The page's view of {@code a}. O(demands log demands). */
  public static AvailabilityPage of(Availability a) {
    List<PageView.Fact> facts = new ArrayList<>();
    facts.add(new PageView.Fact("avail-scenarios", "scenarios weighed",
        a.scenarios() + (a.pairsPruned() > 0 ? String.format(Locale.ROOT,
            " (%d pairs below the cutoff %.3g left out)", a.pairsPruned(), a.cutoff()) : "")));
    facts.add(new PageView.Fact("avail-uncovered", "uncovered probability",
        String.format(Locale.ROOT, "%.3g", a.uncovered())));
    facts.add(new PageView.Fact("avail-mean", "traffic-weighted mean availability",
        Availability.percent(a.meanAvailability())));
    String[] names = {"99.9 %", "99.99 %", "99.999 %"};
    for (int i = 0; i < names.length; i++) {
      facts.add(new PageView.Fact("avail-below-" + i, "demand below " + names[i],
          String.format(Locale.ROOT, "%.1f Gbps", a.gbpsBelow()[i])));
    }
    List<Row> rows = new ArrayList<>();
    for (DemandAvailability r : a.furthestFromTarget(SHOWN)) {
      rows.add(new Row(r.src(), r.dst(), String.format(Locale.ROOT, "%.1f", r.gbps()),
          Availability.percent(r.availability()),
          String.format(Locale.ROOT, "%.4g", r.expectedUnroutableGbps()),
          r.worstScenarioId().orElse("-"), String.format(Locale.ROOT, "%.3g",
              r.worstProbability())));
    }
    return new AvailabilityPage(facts, rows);
  }
}
