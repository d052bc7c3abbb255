package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.model.ChangeOp;
import io.netimpact.testing.Topologies;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.verdict.VerdictReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line reason of every verdict, from the engine's own rows on the square. */
class VerdictReasonTest {
  @Test
  void safe_saysNothingNewlyHotAndNothingLost() {
    ImpactReport r = ImpactReportTest.review(Topologies.square().demand("a", "d", 60),
        new ChangeOp.SetLinkUp("ab", false));
    assertEquals("SAFE: nothing newly above 80%, no traffic lost", r.summary().reason());
  }

  @Test
  void risk_namesTheHottestArcNewlyAboveWarn() {
    ImpactReport r = ImpactReportTest.review(Topologies.square().demand("a", "d", 90),
        new ChangeOp.SetLinkUp("ab", false));
    // a->c and c->d both go from 45 % to 90 %; ties go by link id.
    assertEquals("RISK: a->c (ac) above warn 80%, 45.0% -> 90.0% (2 arcs newly above warn)",
        r.summary().reason());
  }

  @Test
  void block_namesTheArcNewlyOverCapacity() {
    ImpactReport r = ImpactReportTest.review(Topologies.square().demand("a", "d", 150),
        new ChangeOp.SetLinkUp("ab", false));
    assertEquals("BLOCK: a->c (ac) over capacity, 75.0% -> 150.0% (2 arcs newly over capacity)",
        r.summary().reason());
  }

  @Test
  void utilisationsEqualToRounding_areATie_wonByTheLinkId() {
    ImpactReport r = ImpactReportTest.review(Topologies.square().demand("a", "d", 150),
        new ChangeOp.SetLinkUp("ab", false));
    // The same rows with c->d's load one bit higher, as a sum in another order can leave it.
    List<io.netimpact.verdict.LinkImpact> rows = r.links().stream().map(l -> !l.linkId()
        .equals("cd") ? l : new io.netimpact.verdict.LinkImpact(l.runId(), l.scenarioId(),
        l.linkId(), l.fromDevice(), l.toDevice(), l.capacityBeforeGbps(),
        l.capacityAfterGbps(), l.loadBeforeGbps(), Math.nextUp(l.loadAfterGbps()),
        l.utilBefore(), Math.nextUp(l.utilAfter()), l.overflowAfterGbps(), l.statusAfter(),
        l.statusBefore())).toList();
    assertEquals(r.summary().reason(), VerdictReason.of(Verdict.BLOCK, rows, r.demands(),
        Thresholds.DEFAULT));
  }

  @Test
  void block_namesLostTrafficAndTheLargestLostDemand() {
    ImpactReport r = ImpactReportTest.review(
        Topologies.square().demand("a", "d", 10).demand("b", "d", 4).demand("c", "d", 3),
        new ChangeOp.SetLinkUp("ab", false), new ChangeOp.SetLinkUp("ac", false));
    assertEquals(Verdict.BLOCK, r.summary().verdict());
    assertEquals("BLOCK: 10.0 Gbps newly unroutable, largest a->d 10.0 Gbps",
        r.summary().reason());
  }

  @Test
  void capacityChange_showsCapacityBeforeAndAfter() {
    ImpactReport r = ImpactReportTest.review(Topologies.square().demand("a", "d", 100),
        new ChangeOp.SetCapacity("ab", "ab", 40));
    assertEquals("BLOCK: a->b (ab) over capacity, 50.0% -> 125.0% (capacity 100.0 -> 40.0 Gbps)",
        r.summary().reason());
  }

  @Test
  void warnThreshold_isTheOneGiven() {
    String reason = VerdictReason.of(Verdict.SAFE, List.of(), List.of(), new Thresholds(0.75));
    assertEquals("SAFE: nothing newly above 75%, no traffic lost", reason);
  }

  @Test
  void smallLosses_keepThreeSignificantDigits() {
    ImpactReport r = ImpactReportTest.review(
        Topologies.square().demand("a", "d", 0.0421).demand("b", "d", 0.004),
        new ChangeOp.SetLinkUp("ab", false), new ChangeOp.SetLinkUp("ac", false));
    assertEquals("BLOCK: 0.0421 Gbps newly unroutable, largest a->d 0.0421 Gbps",
        r.summary().reason());
    assertEquals("12.3", VerdictReason.gbps(12.34));
    assertEquals("0.5", VerdictReason.gbps(0.5));
  }
}
