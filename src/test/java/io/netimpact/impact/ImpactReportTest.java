package io.netimpact.impact;

import io.netimpact.testing.After;
import io.netimpact.routing.ScenarioMask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routing.Network;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The report of a change: verdicts, the rows of changed arcs and demands, latency, statuses at
 * their thresholds.
 */
class ImpactReportTest {
  private static final double EPS = 1e-12;

  static ImpactReport review(Net net, ChangeOp... ops) {
    Network before = net.compile();
    ScenarioMask after = After.mask(before, new Change("c1", "t", List.of(ops)));
    return Evaluator.review("run", "snap", before, new Scenario("c1", "t", after),
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT);
  }

  static Map<String, LinkImpact> arcs(ImpactReport r) {
    return r.links().stream().collect(Collectors.toMap(
        l -> l.linkId() + ":" + l.fromDevice() + ">" + l.toDevice(), Function.identity()));
  }

  @Test
  void unchangedLoads_giveSafeAndNoRows() {
    ImpactReport r = review(Topologies.square().demand("a", "d", 10),
        new ChangeOp.SetCapacity("ab", "ab", 100));
    assertEquals(Verdict.SAFE, r.summary().verdict());
    assertEquals(List.of(), r.links());
    assertEquals(List.of(), r.demands());
    assertEquals(0.05, r.summary().maxUtilBefore(), EPS);
  }

  @Test
  void linkDown_shiftsLoadAndListsEveryChangedArc() {
    ImpactReport r = review(Topologies.square().demand("a", "d", 60),
        new ChangeOp.SetLinkUp("ab", false));
    Map<String, LinkImpact> a = arcs(r);
    // ab (both directions) is DOWN; bd loses 30; ac and cd gain 30.
    assertEquals(ArcStatus.DOWN, a.get("ab:a>b").statusAfter());
    assertEquals(ArcStatus.DOWN, a.get("ab:b>a").statusAfter());
    assertEquals(30.0, a.get("ab:a>b").loadBeforeGbps(), EPS);
    assertEquals(0.0, a.get("ab:a>b").capacityAfterGbps(), EPS);
    assertEquals(0.0, a.get("bd:b>d").loadAfterGbps(), EPS);
    assertEquals(60.0, a.get("ac:a>c").loadAfterGbps(), EPS);
    assertEquals(0.6, a.get("cd:c>d").utilAfter(), EPS);
    assertEquals(5, r.links().size());
    assertEquals(Verdict.SAFE, r.summary().verdict());
    assertEquals(1, r.demands().size());
    DemandImpact d = r.demands().get(0);
    assertEquals(DemandStatus.REROUTED, d.status());
    assertEquals(60.0, d.gbps(), EPS);
  }

  @Test
  void newArcAboveWarn_isRisk() {
    ImpactReport r = review(Topologies.square().demand("a", "d", 170),
        new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.BLOCK, r.summary().verdict(), "170 on one 100 Gbps path is over");
    ImpactReport risk = review(Topologies.square().demand("a", "d", 90),
        new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.RISK, risk.summary().verdict());
    assertEquals(2, risk.summary().linksOverWarnAfter());
    assertEquals(0, risk.summary().linksOverCapacityAfter());
    assertEquals(0.9, risk.summary().maxUtilAfter(), EPS);
  }

  @Test
  void overCapacity_isBlockWithOverflowAndAtRiskDemands() {
    ImpactReport r = review(Topologies.square().demand("a", "d", 150).demand("b", "d", 10),
        new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.BLOCK, r.summary().verdict());
    LinkImpact ac = arcs(r).get("ac:a>c");
    assertEquals(ArcStatus.OVER, ac.statusAfter());
    assertEquals(50.0, ac.overflowAfterGbps(), EPS);
    assertEquals(100.0, r.summary().overflowGbpsAfter(), EPS, "ac and cd each drop 50");
    assertEquals(2, r.summary().linksOverCapacityAfter());
    assertEquals("ac", r.summary().worstLinkId());
    assertEquals(DemandStatus.AT_RISK, r.demands().get(0).status());
    assertEquals(1, r.demands().size(), "b->d keeps its path: no row");
  }

  @Test
  void newlyUnroutableTraffic_isBlock() {
    ImpactReport r = review(Net.create().link("ab", "a", "b", 1, 100).demand("a", "b", 1),
        new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.BLOCK, r.summary().verdict());
    assertEquals(1.0, r.summary().unroutableGbpsAfter(), EPS);
    assertEquals(0.0, r.summary().unroutableGbpsBefore(), EPS);
    DemandImpact d = r.demands().get(0);
    assertEquals(DemandStatus.UNROUTABLE, d.status());
    assertTrue(d.latencyAfter().isEmpty());
    assertTrue(d.latencyBefore().isPresent());
  }

  @Test
  void alreadyUnroutableTraffic_isNotBlock() {
    ImpactReport r = review(Net.create().link("ab", "a", "b", 1, 100).link("cd", "c", "d", 1, 100)
        .demand("a", "d", 5), new ChangeOp.SetMetric("ab", 3, ChangeOp.Direction.BOTH));
    assertEquals(Verdict.SAFE, r.summary().verdict());
    assertEquals(5.0, r.summary().unroutableGbpsBefore(), EPS);
    assertEquals(5.0, r.summary().unroutableGbpsAfter(), EPS);
    assertEquals(List.of(), r.demands());
  }

  @Test
  void arcAlreadyOverBefore_isNotNewlyOver() {
    ImpactReport r = review(Net.create().link("ab", "a", "b", 1, 10).link("cd", "c", "d", 1, 10)
        .demand("a", "b", 20).demand("c", "d", 1),
        new ChangeOp.SetCapacity("cd", "cd", 20));
    assertEquals(Verdict.SAFE, r.summary().verdict());
    assertEquals(1, r.summary().linksOverCapacityAfter(), "ab stays over, reported");
    assertTrue(arcs(r).containsKey("ab:a>b"), "a row for every arc whose status is not OK");
  }

  @Test
  void latency_isTheTrafficWeightedMeanOverEcmpPaths() {
    Net net = Net.create()
        .add(io.netimpact.model.Link.simple("ab", "a", "b", 1, 100).withLatency(1))
        .add(io.netimpact.model.Link.simple("bd", "b", "d", 1, 100).withLatency(1))
        .add(io.netimpact.model.Link.simple("ac", "a", "c", 1, 100).withLatency(3))
        .add(io.netimpact.model.Link.simple("cd", "c", "d", 1, 100).withLatency(3))
        .add(io.netimpact.model.Link.simple("ae", "a", "e", 2, 100).withLatency(10))
        .add(io.netimpact.model.Link.simple("ed", "e", "d", 2, 100).withLatency(10))
        .demand("a", "d", 8);
    ImpactReport r = review(net, new ChangeOp.SetLinkUp("ab", false));
    DemandImpact d = r.demands().get(0);
    assertEquals(4.0, d.latencyBefore().getAsDouble(), EPS, "(2 + 6) / 2");
    assertEquals(6.0, d.latencyAfter().getAsDouble(), EPS);
  }

  @Test
  void metricChangeKeepingThePaths_isNoDemandRow() {
    // a-t-b costs 2, a-x-b 3 -> 4: the shortest path stays a-t-b.
    ImpactReport r = review(Topologies.transit().demand("a", "b", 5),
        new ChangeOp.SetMetric("xb", 2, ChangeOp.Direction.BOTH));
    assertEquals(List.of(), r.demands());
    assertEquals(List.of(), r.links());
  }

  @Test
  void metricChangeCreatingAnEqualCostPath_reroutesHalf() {
    // a-t-b becomes 3 = a-x-b: a new ECMP next hop takes half.
    ImpactReport r = review(Topologies.transit().demand("a", "b", 6),
        new ChangeOp.SetMetric("at", 2, ChangeOp.Direction.BOTH));
    assertEquals(DemandStatus.REROUTED, r.demands().get(0).status());
    assertEquals(3.0, arcs(r).get("ax:a>x").loadAfterGbps(), EPS);
    assertEquals(3.0, arcs(r).get("at:a>t").loadAfterGbps(), EPS);
  }

  @Test
  void addedArc_isReportedWithZeroBefore() {
    ImpactReport r = review(Net.create().link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100)
        .demand("a", "c", 4), new ChangeOp.AddLink(
            io.netimpact.model.Link.simple("ac", "a", "c", 1, 100)));
    LinkImpact ac = arcs(r).get("ac:a>c");
    assertEquals(0.0, ac.capacityBeforeGbps(), EPS);
    assertEquals(100.0, ac.capacityAfterGbps(), EPS);
    assertEquals(4.0, ac.loadAfterGbps(), EPS);
    assertEquals(ArcStatus.DOWN, ac.statusBefore());
  }

  @Test
  void thresholds_areStrictAtTheirBoundaries() {
    Thresholds t = Thresholds.DEFAULT;
    assertEquals(ArcStatus.OK, ArcStatus.of(100, 80, t), "exactly 80 % is not above warn");
    assertEquals(ArcStatus.WARN, ArcStatus.of(100, 80.001, t));
    assertEquals(ArcStatus.WARN, ArcStatus.of(100, 100, t), "exactly full is not over");
    assertEquals(ArcStatus.OVER, ArcStatus.of(100, 100.001, t));
    assertEquals(ArcStatus.OK, ArcStatus.of(100, 100 * (0.1 + 0.7), t), "rounding noise");
    assertEquals(ArcStatus.DOWN, ArcStatus.of(0, 0, t));
  }
}
