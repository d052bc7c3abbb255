package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.RandomSweeps;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's lists are the first {@link PageTally#SHOWN} rows of a stable sort of all rows, as
 * the bounded selection that keeps them must give: the same rows in the same order, ties kept
 * in the order the rows came.
 */
class PageTallySelectionTest {
  private static final Comparator<LinkImpact> HIGHEST_UTIL_AFTER = Comparator
      .comparingDouble(LinkImpact::utilAfter).reversed()
      .thenComparing(Comparator.comparingDouble(LinkImpact::overflowAfterGbps).reversed())
      .thenComparing(LinkImpact::linkId).thenComparing(LinkImpact::fromDevice)
      .thenComparing(LinkImpact::scenarioId);
  private static final Comparator<DemandImpact> LARGEST = Comparator
      .comparingDouble(DemandImpact::gbps).reversed().thenComparing(DemandImpact::scenarioId)
      .thenComparing(d -> d.src() + ">" + d.dst());

  @Test
  void reviewPage_showsTheWorstArcs_asASortOfEveryArcWould() {
    int checked = 0;
    for (long seed = 1; seed <= 25; seed++) {
      for (ImpactReport r : RandomSweeps.of(seed).reports()) {
        SummaryHtml.Page page = new PageTally().add(r).page("r", 0.8);
        List<LinkImpact> expected = r.links().stream().sorted(HIGHEST_UTIL_AFTER)
            .limit(PageTally.SHOWN).toList();
        assertEquals(expected, page.worstLinks(), "seed " + seed + " " + r.summary());
        checked += r.links().size() > PageTally.SHOWN ? 1 : 0;
      }
    }
    assertTrue(checked > 0, "some reports have more arcs than the page shows");
  }

  @Test
  void sweepPage_showsTheLargestLostDemands_tiesInTheOrderTheyCame() {
    int checked = 0;
    for (long seed = 1; seed <= 25; seed++) {
      List<ImpactReport> reports = RandomSweeps.of(seed).reports();
      PageTally t = new PageTally();
      reports.forEach(t::add);
      List<DemandImpact> lost = reports.stream().flatMap(r -> r.demands().stream())
          .filter(d -> d.status() == DemandStatus.UNROUTABLE && d.gbps() > 0).toList();
      List<DemandImpact> expected = lost.stream().sorted(LARGEST).limit(PageTally.SHOWN)
          .toList();
      assertEquals(expected, t.page("r", 0.8).lostDemands(), "seed " + seed);
      checked += lost.size() > PageTally.SHOWN ? 1 : 0;
    }
    assertTrue(checked > 0, "some sweeps lose more demands than the page shows");
  }
}
