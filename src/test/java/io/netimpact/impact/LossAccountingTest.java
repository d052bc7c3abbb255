package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.Net;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traffic lost to a change, told apart: the failed site's own traffic, and the collateral. */
class LossAccountingTest {
  private static ScenarioSummary review(Net net, ChangeOp... ops) {
    Network base = net.compile();
    Change c = new Change("c", "", List.of(ops));
    return Evaluator.review("r", "s", base, new Scenario("c", "", ScenarioMask.of(base, c)),
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT).summary();
  }

  /** x - h - y in three sites; h is the hub every path crosses. */
  private static Net hub() {
    return Net.create().device("x", "X").device("h", "H").device("y", "Y")
        .link("xh", "x", "h", 1, 100).link("hy", "h", "y", 1, 100)
        .demand("x", "y", 10).demand("h", "y", 3).demand("x", "h", 2);
  }

  @Test
  void siteFailure_ownTrafficIsEndpointRemoved_collateralIsStranded() {
    ScenarioSummary s = review(hub(), new ChangeOp.SiteDown("H"));
    assertEquals(5, s.endpointRemovedGbpsAfter(), 1e-12, "h's own 3 + 2");
    assertEquals(10, s.strandedGbpsAfter(), 1e-12, "x->y crossed h");
    assertEquals(15, s.unroutableGbpsAfter(), 1e-12, "the two add up");
    assertEquals(10, s.newlyStrandedGbps(), 1e-12);
    assertEquals(Verdict.BLOCK, s.verdict());
  }

  @Test
  void linkCut_strandsOnly() {
    ScenarioSummary s = review(hub(), new ChangeOp.SetLinkUp("hy", false));
    assertEquals(0, s.endpointRemovedGbpsAfter(), 0);
    assertEquals(13, s.strandedGbpsAfter(), 1e-12, "x->y and h->y");
  }

  @Test
  void removingBothEnds_countsTheDemandOnce() {
    ScenarioSummary s = review(hub(), new ChangeOp.RemoveDevice("x"),
        new ChangeOp.RemoveDevice("h"));
    assertEquals(15, s.endpointRemovedGbpsAfter(), 1e-12, "x->h counted once");
    assertEquals(0, s.strandedGbpsAfter(), 1e-12);
  }

  @Test
  void trafficLostBeforeTheChange_staysStrandedNotNew() {
    Net net = hub().device("z", "Z").demand("x", "z", 4); // z is isolated
    ScenarioSummary s = review(net, new ChangeOp.SiteDown("H"));
    assertEquals(4, s.unroutableGbpsBefore(), 1e-12);
    assertEquals(14, s.strandedGbpsAfter(), 1e-12);
    assertEquals(10, s.newlyStrandedGbps(), 1e-12, "the 4 were lost before");
  }
}
