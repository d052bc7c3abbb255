package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary page as text: content, escaping, self-containment. */
class SummaryHtmlTest {
  private static final ScenarioSummary BLOCKED = new ScenarioSummary("r", "snap", "CR-<1>",
      "Cut \"conduit\" & <script>alert(1)</script>", Verdict.BLOCK, 0.84, 1.227, 3, 1, 0, 12.5,
      4.2, 6, "lag-x", "BLOCK: a->b (lag-x) over <capacity>, 84.0% -> 122.7%", 12.5, 0);
  private static final LinkImpact OVER = new LinkImpact("r", "CR-<1>", "lag-x", "a", "b", 100,
      100, 84, 122.7, 0.84, 1.227, 22.7, ArcStatus.OVER, ArcStatus.WARN);
  private static final LinkImpact DOWN = new LinkImpact("r", "CR-<1>", "lag-y", "c", "d", 100,
      0, 30, 0, 0.3, 0, 0, ArcStatus.DOWN, ArcStatus.OK);
  private static final DemandImpact LOST = new DemandImpact("r", "CR-<1>", "a", "z", 12.5,
      DemandStatus.UNROUTABLE, 7.0, Double.NaN);

  private static SummaryHtml.Page page(long scenarios) {
    return new SummaryHtml.Page("review", "CR-<1>", "snap", scenarios,
        Map.of(Verdict.BLOCK, scenarios), List.of(BLOCKED), List.of(OVER, DOWN), List.of(LOST),
        12.5, 4.2, 0.8);
  }

  @Test
  void review_showsVerdictWorstLinkBeforeAfterAndLostTraffic() {
    String h = SummaryHtml.render(page(1));
    assertTrue(h.contains("id=\"verdict\">BLOCK<"), h);
    assertTrue(h.contains("lag-x a\u2192b"));
    assertTrue(h.contains("84.0 % \u2192 122.7 %"));
    assertTrue(h.contains(">84.0 \u2192 122.7 of 100.0 Gbps<"), "Gbps beside %: " + h);
    assertTrue(h.contains("30.0 % \u2192 DOWN"));
    assertTrue(h.contains("<th>Stranded traffic</th><td>12.5 Gbps of other devices"), h);
    assertTrue(h.contains("<th>Its own traffic</th><td>0.0 Gbps"), h);
    assertTrue(h.contains("overflow 4.2 Gbps"), h);
  }

  @Test
  void textFromTheInput_isEscaped() {
    String h = SummaryHtml.render(page(1));
    assertFalse(h.contains("<script>"), "no markup from a change title");
    assertTrue(h.contains("Cut &quot;conduit&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(h.contains("CR-&lt;1&gt;"));
  }

  @Test
  void page_needsNothingFromTheNetwork() {
    String h = SummaryHtml.render(page(1));
    assertFalse(h.contains("<script"));
    assertFalse(h.contains("<link"));
    assertFalse(h.contains("src=\"http"));
    assertFalse(h.contains("url("));
  }

  @Test
  void sweep_countsEveryVerdictAndNamesTheScenarioOfEachLink() {
    SummaryHtml.Page p = new SummaryHtml.Page("sweep", "n", "snap", 5,
        Map.of(Verdict.BLOCK, 2L, Verdict.SAFE, 3L), List.of(BLOCKED), List.of(OVER),
        List.of(LOST), 12.5, 4.2, 0.8);
    String h = SummaryHtml.render(p);
    assertTrue(h.contains(">BLOCK: 2<") && h.contains(">RISK: 0<") && h.contains(">SAFE: 3<"));
    assertTrue(h.contains("(CR-&lt;1&gt;)"));
    assertEquals(Verdict.BLOCK, p.worstVerdict());
  }

  @Test
  void page_rejectsAnEmptyRunId() {
    assertThrows(IllegalArgumentException.class, () -> new SummaryHtml.Page("review", "", "s",
        1, Map.of(), List.of(), List.of(), List.of(), 0, 0, 0.8));
  }

  @Test
  void review_headerNamesTheChangeAndTheVerdictSaysWhy() {
    String h = SummaryHtml.render(page(1));
    assertTrue(h.contains("id=\"title\">\u201cCut &quot;conduit&quot;"), h);
    assertTrue(h.contains("id=\"reason\">BLOCK: a-&gt;b (lag-x) over &lt;capacity&gt;, "
        + "84.0% -&gt; 122.7%</p>"), h);

  }

  @Test
  void chart_drawsTheWarnLevelItWasGiven() {
    String h = SummaryHtml.render(new SummaryHtml.Page("review", "r", "snap", 1,
        Map.of(Verdict.BLOCK, 1L), List.of(BLOCKED), List.of(OVER), List.of(), 0, 0, 0.9));
    assertTrue(h.contains("id=\"warn-line\""), h);
    assertTrue(h.contains(">warn 90.0 %<"), h);
    assertTrue(h.contains("warn above 90.0 %"), h);
  }
}
