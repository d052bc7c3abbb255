package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.RandomSweeps;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The page tally: the same page however the reports are split over tasks and merged. */
class PageTallyTest {
  private static PageTally tally(List<ImpactReport> reports) {
    PageTally t = new PageTally();
    reports.forEach(t::add);
    return t;
  }

  @Test
  void splitAndMergedInAnyOrder_givesThePageOfAllReportsInOne() {
    for (long seed = 1; seed <= 25; seed++) {
      List<ImpactReport> reports = RandomSweeps.of(seed).reports();
      SummaryHtml.Page whole = tally(reports).page("r", 0.8);
      SplittableRandom rnd = new SplittableRandom(seed);
      int a = rnd.nextInt(reports.size() + 1);
      int b = a + rnd.nextInt(reports.size() - a + 1);
      PageTally p1 = tally(reports.subList(0, a));
      PageTally p2 = tally(reports.subList(a, b));
      PageTally p3 = tally(reports.subList(b, reports.size()));
      assertEquals(whole, new PageTally().merge(p3).merge(p1).merge(p2).page("r", 0.8),
          "seed " + seed + " split at " + a + ", " + b);
    }
  }

  @Test
  void page_countsEveryVerdict_andShowsTheRiskiestFirst() {
    List<ImpactReport> reports = RandomSweeps.of(7).reports();
    SummaryHtml.Page page = tally(reports).page("r", 0.8);
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    double lost = 0;
    for (ImpactReport r : reports) {
      counts.merge(r.summary().verdict(), 1L, Long::sum);
      lost += Math.max(0, r.summary().unroutableGbpsAfter() - r.summary().unroutableGbpsBefore());
    }
    for (Verdict v : Verdict.values()) {
      assertEquals(counts.getOrDefault(v, 0L), page.verdicts().getOrDefault(v, 0L), v.name());
    }
    assertEquals(reports.size(), page.scenarios());
    assertEquals(lost, page.lostGbps(), 1e-9);
    List<ScenarioSummary> expected = reports.stream().map(ImpactReport::summary)
        .sorted(ScenarioSummary.RISKIEST_FIRST).limit(PageTally.SHOWN).toList();
    assertEquals(expected, page.riskiest());
    assertEquals("sweep", page.kind());
    assertTrue(page.worstLinks().size() <= PageTally.SHOWN);
  }

  @Test
  void oneReport_isAReviewPage() {
    ImpactReport r = RandomSweeps.of(3).reports().get(0);
    SummaryHtml.Page page = new PageTally().add(r).page("cr", 0.8);
    assertEquals("review", page.kind());
    assertEquals(1, page.scenarios());
    assertEquals(r.summary().snapshotId(), page.snapshotId());
  }
}
