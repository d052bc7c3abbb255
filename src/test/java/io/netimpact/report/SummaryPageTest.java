package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.verdict.VerdictReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the pages say first, and how they say lost traffic and small numbers. */
class SummaryPageTest {
  private static ScenarioSummary scenario(String id, String title, Verdict v, double stranded,
      double own, double overflow) {
    return new ScenarioSummary("n", "snap", id, title, v, 0.5, 1.1, 1, overflow > 0 ? 1 : 0, 0,
        stranded + own, overflow, 3, "lag-x", v + ": why " + id, stranded, own);
  }

  private static final ScenarioSummary SITE = scenario("site_down:den", "site_down den",
      Verdict.BLOCK, 0, 246.4, 0);
  private static final ScenarioSummary CUT = scenario("srlg_down:conduit", "Cut the conduit",
      Verdict.BLOCK, 0.05, 0, 90.8);
  private static final LinkImpact OVER = new LinkImpact("n", "srlg_down:conduit", "lag-x", "a",
      "b", 400, 400, 100, 490.8, 0.25, 1.227, 90.8, ArcStatus.OVER, ArcStatus.OK);

  private static String sweep() {
    SummaryHtml.Page p = new SummaryHtml.Page("sweep", "nightly", "snap", 93,
        Map.of(Verdict.BLOCK, 2L, Verdict.SAFE, 91L), List.of(CUT, SITE), List.of(OVER),
        List.of(), 246.45, 90.8, 0.8, List.of(), SummaryHtml.Losses.of(List.of(CUT, SITE)),
        List.of());
    return SummaryHtml.render(p, SummaryHtml.Planning.NONE);
  }

  @Test
  void sweepPage_opensWithVerdictCountsThenTheRiskiestWithTheirReason() {
    String h = sweep();
    int verdicts = h.indexOf(">BLOCK: 2<");
    int riskiest = h.indexOf("id=\"scenarios\"");
    int lost = h.indexOf("id=\"facts\"");
    assertTrue(verdicts > 0 && riskiest > verdicts && lost > riskiest, h);
    assertTrue(h.contains("<td class=\"because\">why srlg_down:conduit</td>"), "the reason, without the verdict: "
        + h);
    assertFalse(h.contains("summed over the scenarios"), h);
  }

  @Test
  void lostTraffic_isSplitIntoStrandedAndOwn() {
    String h = sweep();
    assertTrue(h.contains("1 scenario cut off other devices&#39; traffic; the worst, "
        + "srlg_down:conduit, 0.05 Gbps") || h.contains("1 scenario cut off other devices' "
        + "traffic; the worst, srlg_down:conduit, 0.05 Gbps"), h);
    assertTrue(h.contains("1 scenario remove devices whose own traffic goes with them"), h);
    assertTrue(h.contains("site_down:den, 246.4 Gbps"), h);
  }

  @Test
  void scenarioTitles_sayOnlyWhatTheIdDoesNot() {
    assertEquals("", PageView.titleBeyondId(SITE));
    assertEquals("Cut the conduit", PageView.titleBeyondId(CUT));
    assertEquals("Drain x", PageView.titleBeyondId(scenario("CR-1", "Drain x (CR-1)",
        Verdict.SAFE, 0, 0, 0)));
    String h = sweep();
    assertFalse(h.contains("site_down den"), h);
    assertTrue(h.contains("<div class=\"sub\">Cut the conduit</div>"), h);
  }

  @Test
  void smallNumbers_keepTheDigitsThatShowTheyAreNotZero_andNoiseIsZero() {
    assertEquals("0.05", VerdictReason.gbps(0.05));
    assertEquals("0.0042", VerdictReason.gbps(0.0042));
    assertEquals("0.0", VerdictReason.gbps(5.7e-14));
    assertEquals("0.012%", VerdictReason.pct(0.00012));
    assertEquals("49.9%", VerdictReason.pct(0.499));
    assertEquals("0.0042", SummaryText.twoDecimals(0.0042));
    assertEquals("90.84", SummaryText.twoDecimals(90.8412));
  }

  @Test
  void reviewPage_listsTheDemandsAtRisk_andGbpsBesidePercent() {
    DemandImpact atRisk = new DemandImpact("r", "CR-9", "sfo", "nyc", 12.6, DemandStatus.AT_RISK,
        26.0, 30.5);
    ScenarioSummary s = scenario("CR-9", "Civil works", Verdict.BLOCK, 0, 0, 90.8);
    SummaryHtml.Page p = new SummaryHtml.Page("review", "CR-9", "snap", 1,
        Map.of(Verdict.BLOCK, 1L), List.of(s), List.of(OVER), List.of(), 0, 90.8, 0.8,
        List.of(), SummaryHtml.Losses.NONE.plus(s, 52, 0), List.of(atRisk));
    String h = SummaryHtml.render(p);
    assertTrue(h.contains("id=\"at-risk-note\">52 demands at risk; the 1 largest:"), h);
    assertTrue(h.contains("<td>sfo</td><td>nyc</td><td class=\"n\">12.6</td>"), h);
    assertTrue(h.contains("26.0 ms \u2192 30.5 ms"), h);
    assertTrue(h.contains(">100.0 \u2192 490.8 of 400.0 Gbps<"), h);
    assertTrue(h.contains("id=\"title\">\u201cCivil works\u201d"), "no repeated id: " + h);
  }
}
