package io.netimpact.te;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LspImpact;
import io.netimpact.verdict.PolicyChange;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Link;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.Net;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A review's TE rows: lsp_impact, the restated demand rows and the policies that move. */
class TeReviewTest {
  private static ImpactReport review(Snapshot s, ChangeOp... ops) {
    TeOverlay ov = TeOverlay.of(s, true);
    Change c = new Change("c", "", List.of(ops));
    return Evaluator.review("r", "s", ov.network(), ov.scenario(c,
        ScenarioMask.of(ov.network(), c)), Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT,
        ov);
  }

  @Test
  void lspThatCannotBeReplaced_isDownInLspImpact_andItsDemandIsAtRisk() {
    Net net = Net.create().add(Link.simple("ht", "h", "t", 1, 10).withLatency(2))
        .add(Link.simple("hx", "h", "x", 1, 5).withLatency(3))
        .add(Link.simple("xt", "x", "t", 1, 5).withLatency(3)).demand("h", "t", 8);
    Snapshot s = net.snapshot().withTe(new TrafficEngineering(List.of(),
        List.of(new Lsp("l", "h", "t", 8, 7, List.of(), true))));
    ImpactReport r = review(s, new ChangeOp.SetLinkUp("ht", false));

    assertEquals(List.of(new LspImpact("r", "c", "l", "h", "t", 8, LspImpact.LspState.UP,
        LspImpact.LspState.DOWN, "h>t", "", 1, -1)), r.lsps());
    assertEquals(Optional.empty(), r.lsps().get(0).pathAfter());
    DemandImpact d = r.demands().get(0);
    assertEquals(DemandStatus.AT_RISK, d.status());
    assertEquals(8, d.gbps(), 1e-9);
    assertEquals(2, d.latencyBefore().getAsDouble(), 1e-9);
    assertEquals(6, d.latencyAfter().getAsDouble(), 1e-9);
  }

  @Test
  void policyThatSurvives_hasNoRows_andOneThatFallsBackIsListed() {
    Net net = Net.create().link("ab", "a", "b", 1, 100).link("bd", "b", "d", 1, 100)
        .link("ac", "a", "c", 1, 100).link("cd", "c", "d", 1, 100).link("ce", "c", "e", 1, 100);
    Snapshot plain = net.snapshot();
    Snapshot s = new Snapshot(plain.info(), plain.devices(), plain.links(),
        List.of(Demand.of("a", "d", 10), Demand.of("a", "e", 2)), new TrafficEngineering(
            List.of(new SrPolicy("via-c", "a", "d", List.of(), true,
                    List.of(List.of(new Segment.Node("c"), new Segment.Adj("cd")))),
                new SrPolicy("to-e", "a", "e", List.of(), true,
                    List.of(List.of(new Segment.Node("c"))))), List.of()));
    ImpactReport r = review(s, new ChangeOp.SetLinkUp("cd", false));

    assertEquals(List.of(new PolicyChange("via-c", "a", "d", 0, -1)), r.policies());
    assertEquals("falls back to IGP", r.policies().get(0).what());
    assertEquals(1, r.demands().size(), "only a>d moves: " + r.demands());
    assertEquals("d", r.demands().get(0).dst());
    assertTrue(r.lsps().isEmpty());
  }
}
