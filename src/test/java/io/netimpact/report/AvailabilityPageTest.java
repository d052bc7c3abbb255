package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.availability.Availabilities;
import io.netimpact.availability.Availability;
import io.netimpact.availability.FailureScenarios;
import io.netimpact.impact.Evaluator;
import io.netimpact.model.FailureModel;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.Topologies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page's availability section: figures, and the demands furthest from target. */
class AvailabilityPageTest {
  private static SummaryHtml.Page page() {
    return new SummaryHtml.Page("sweep", "run", "snap", 11, Map.of(), List.of(), List.of(),
        List.of(), 0, 0, 0.8);
  }

  @Test
  void sweepWithAFailureModel_showsTheDemandFurthestFromTarget_andItsCostliestFailure() {
    Snapshot s = Topologies.square().demand("a", "d", 60).demand("b", "c", 1).snapshot();
    Availability a = Availabilities.evaluate("run", NetworkCompiler.compile(s),
        FailureScenarios.of(new FailureModel(Map.of(Sweep.Each.LINK, 0.01), Map.of()), s, 0),
        Evaluator.Strategy.INCREMENTAL);
    String html = SummaryHtml.render(page(), new SummaryHtml.Planning(List.of(),
        Optional.empty(), Optional.of(AvailabilityPage.of(a))));
    assertTrue(html.contains("<h2>Availability</h2>"), html);
    assertTrue(html.contains("<td>a</td><td>d</td><td class=\"n\">60.0</td><td class=\"n\">"
        + "99.96040 %</td>"), html);
    assertTrue(html.contains("link_down:ab+link_down:ac"), html);
    assertTrue(html.contains("id=\"avail-uncovered\""), html);
  }

  @Test
  void sweepWithoutAFailureModel_hasNoAvailabilitySection() {
    String html = SummaryHtml.render(page(), SummaryHtml.Planning.NONE);
    assertFalse(html.contains("Availability"), html);
  }
}
