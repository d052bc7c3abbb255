package io.netimpact.routing;

import io.netimpact.testing.Router;
import io.netimpact.testing.After;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing rules on hand-worked tiny topologies: per-hop ECMP, LAGs and min-links, drains,
 * lost traffic, each op's effect on the loads.
 */
class RoutingSemanticsTest {
  private static final double EPS = 1e-12;

  private static Map<String, Double> loads(Net net) {
    return Net.loads(net.compile());
  }

  private static Map<String, Double> loadsAfter(Net net, ChangeOp... ops) {
    return Net.loads(After.of(net.compile(), new Change("c", "", List.of(ops))));
  }

  @Test
  void ecmp_splitsEquallyOverTwoEqualCostPaths() {
    Map<String, Double> l = loads(Topologies.square().demand("a", "d", 10));
    assertEquals(Map.of("ab:a>b", 5.0, "bd:b>d", 5.0, "ac:a>c", 5.0, "cd:c>d", 5.0), l);
  }

  @Test
  void ecmp_splitsEquallyOverThreeEqualCostPaths() {
    Map<String, Double> l = loads(Topologies.threePaths().demand("a", "d", 9));
    assertEquals(3.0, l.get("ab:a>b"), EPS);
    assertEquals(3.0, l.get("ac:a>c"), EPS);
    assertEquals(3.0, l.get("ae:a>e"), EPS);
    assertEquals(3.0, l.get("ed:e>d"), EPS);
    assertEquals(6, l.size());
  }

  @Test
  void ecmp_splitsPerHopNotPerPath() {
    // a -> {b, c} halves; b -> {x, y} halves its half: 1/2, 1/4, 1/4 (per path it would be thirds).
    Map<String, Double> l = loads(Topologies.perHop().demand("a", "d", 8));
    assertEquals(4.0, l.get("ab:a>b"), EPS);
    assertEquals(4.0, l.get("ac:a>c"), EPS);
    assertEquals(2.0, l.get("bx:b>x"), EPS);
    assertEquals(2.0, l.get("by:b>y"), EPS);
    assertEquals(2.0, l.get("xd:x>d"), EPS);
    assertEquals(4.0, l.get("cd:c>d"), EPS);
  }

  @Test
  void parallelLinks_areSeparateNextHops() {
    Map<String, Double> l = loads(Topologies.parallel().demand("a", "c", 10));
    assertEquals(Map.of("ab1:a>b", 5.0, "ab2:a>b", 5.0, "bc:b>c", 10.0), l);
  }

  @Test
  void reverseDirection_carriesReverseDemandOnly() {
    Map<String, Double> l = loads(Topologies.parallel().demand("c", "a", 4).demand("a", "c", 2));
    assertEquals(2.0, l.get("ab1:b>a"), EPS);
    assertEquals(1.0, l.get("ab1:a>b"), EPS);
    assertEquals(4.0, l.get("bc:c>b"), EPS);
  }

  @Test
  void lagMemberDown_aboveMinLinks_keepsLinkWithLessCapacity() {
    Net net = Net.create().lag("ab", "a", "b", 1, 4, 100, 2).link("ax", "a", "x", 1, 100)
        .link("xb", "x", "b", 1, 100).demand("a", "b", 30);
    MaskedView after = After.of(net.compile(), new Change("c", "",
        List.of(new ChangeOp.SetMemberUp("ab", "m0", false),
            new ChangeOp.SetMemberUp("ab", "m1", false))));
    int ab = after.link("ab").orElseThrow();
    assertEquals(200.0, after.linkCapacity(ab), EPS);
    assertEquals(Map.of("ab:a>b", 30.0), Net.loads(after));
  }

  @Test
  void lagMemberDown_belowMinLinks_takesLinkDownAndReroutes() {
    Net net = Net.create().lag("ab", "a", "b", 1, 4, 100, 2).link("ax", "a", "x", 1, 100)
        .link("xb", "x", "b", 1, 100).demand("a", "b", 30);
    MaskedView after = After.of(net.compile(), new Change("c", "",
        List.of(new ChangeOp.SetMemberUp("ab", "m0", false),
            new ChangeOp.SetMemberUp("ab", "m1", false),
            new ChangeOp.SetMemberUp("ab", "m2", false))));
    int ab = after.link("ab").orElseThrow();
    assertEquals(0.0, after.linkCapacity(ab), EPS);
    assertEquals(Map.of("ax:a>x", 30.0, "xb:x>b", 30.0), Net.loads(after));
  }

  @Test
  void drain_removesTransitButKeepsOwnTraffic() {
    Net net = Topologies.transit().drained("t").demand("a", "b", 10).demand("t", "b", 3)
        .demand("a", "t", 2);
    Map<String, Double> l = loads(net);
    // a->b avoids t (detour via x); t still sends and receives its own traffic.
    assertEquals(10.0, l.get("ax:a>x"), EPS);
    assertEquals(10.0, l.get("xb:x>b"), EPS);
    assertEquals(3.0, l.get("tb:t>b"), EPS);
    assertEquals(2.0, l.get("at:a>t"), EPS);
    assertEquals(4, l.size());
  }

  @Test
  void drain_makesSingleHomedNeighbourUnreachable() {
    // x hangs off d only; with d drained nobody can reach x, but d itself stays reachable.
    Net net = Net.create().link("ad", "a", "d", 1, 100).link("dx", "d", "x", 1, 100)
        .drained("d").demand("a", "x", 5).demand("a", "d", 1);
    Network n = net.compile();
    Router r = new Router(n.nodeCount());
    double[] load = new double[n.arcCount()];
    r.shortestPaths(n, n.node("x").orElseThrow());
    assertEquals(5.0, r.push(n, load), EPS);
    r.shortestPaths(n, n.node("d").orElseThrow());
    assertEquals(0.0, r.push(n, load), EPS);
    assertEquals(Map.of("ad:a>d", 1.0), Net.byArc(n, load));
  }

  @Test
  void unroutableDemand_isLostWhole() {
    Net net = Net.create().link("ab", "a", "b", 1, 100).link("cd", "c", "d", 1, 100)
        .demand("a", "d", 7).demand("a", "b", 1);
    Network n = net.compile();
    Router r = new Router(n.nodeCount());
    double[] load = new double[n.arcCount()];
    r.shortestPaths(n, n.node("d").orElseThrow());
    assertEquals(7.0, r.push(n, load), EPS);
    assertEquals(Map.of(), Net.byArc(n, load));
  }

  @Test
  void asymmetricMetrics_routeEachDirectionByItsOwnMetric() {
    // a->b direct costs 1, b->a direct costs 5, so b->a goes around via c (1 + 1).
    Net net = Net.create().link("ab", "a", "b", 1, 5, 100).link("bc", "b", "c", 1, 100)
        .link("ca", "c", "a", 1, 100).demand("a", "b", 4).demand("b", "a", 6);
    Map<String, Double> l = loads(net);
    assertEquals(Map.of("ab:a>b", 4.0, "bc:b>c", 6.0, "ca:c>a", 6.0), l);
  }

  @Test
  void setMetric_directionAbChangesOnlyThatDirection() {
    Net net = Topologies.square().demand("a", "d", 10).demand("d", "a", 10);
    Map<String, Double> l = loadsAfter(net,
        new ChangeOp.SetMetric("ab", 5, ChangeOp.Direction.AB));
    assertEquals(10.0, l.get("ac:a>c"), EPS);
    assertEquals(null, l.get("ab:a>b"));
    assertEquals(5.0, l.get("ab:b>a"), EPS);
    assertEquals(5.0, l.get("ac:c>a"), EPS);
  }

  @Test
  void addLink_createsAShorterPath() {
    Net net = Net.create().link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100)
        .demand("a", "c", 3);
    Map<String, Double> l = loadsAfter(net,
        new ChangeOp.AddLink(io.netimpact.model.Link.simple("ac", "a", "c", 1, 100)));
    assertEquals(Map.of("ac:a>c", 3.0), l);
  }

  @Test
  void addLink_ofEqualCost_addsAnEcmpNextHop() {
    Net net = Net.create().link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100)
        .demand("a", "c", 4);
    Map<String, Double> l = loadsAfter(net,
        new ChangeOp.AddLink(io.netimpact.model.Link.simple("ac", "a", "c", 2, 100)));
    assertEquals(Map.of("ac:a>c", 2.0, "ab:a>b", 2.0, "bc:b>c", 2.0), l);
  }

  @Test
  void srlgDown_takesEveryLinkOfTheGroupDown() {
    Net withSrlg = Net.create()
        .add(io.netimpact.model.Link.simple("ab", "a", "b", 1, 100).withSrlgs(List.of("s1")))
        .link("bd", "b", "d", 1, 100)
        .add(io.netimpact.model.Link.simple("ac", "a", "c", 1, 100).withSrlgs(List.of("s1")))
        .link("cd", "c", "d", 1, 100).link("ae", "a", "e", 1, 100).link("ed", "e", "d", 1, 100)
        .demand("a", "d", 9);
    Map<String, Double> l = loadsAfter(withSrlg, new ChangeOp.SrlgDown("s1"));
    assertEquals(Map.of("ae:a>e", 9.0, "ed:e>d", 9.0), l);
  }

  @Test
  void siteDown_removesEveryDeviceOfTheSite() {
    Net net = Net.create().device("a", "s1").device("b", "s2").device("c", "s2")
        .device("d", "s3").link("ab", "a", "b", 1, 100).link("bd", "b", "d", 1, 100)
        .link("ac", "a", "c", 2, 100).link("cd", "c", "d", 2, 100).link("ad", "a", "d", 9, 100)
        .demand("a", "d", 2).demand("b", "d", 1);
    MaskedView after = After.of(net.compile(),
        new Change("c", "", List.of(new ChangeOp.SiteDown("s2"))));
    double[] load = new double[after.arcCount()];
    double lost = 0;
    Router r = new Router(after.nodeCount());
    for (int dst : after.destinations()) {
      r.shortestPaths(after, dst);
      lost += r.push(after, load);
    }
    assertEquals(Map.of("ad:a>d", 2.0), Net.byArc(after, load));
    assertEquals(1.0, lost, EPS, "b's own demand is lost with its site");
  }

  @Test
  void scaleDemands_multipliesOnlyMatchingSites() {
    Net net = Net.create().device("a", "s1").device("b", "s2").device("c", "s3")
        .link("ab", "a", "b", 1, 100).link("ac", "a", "c", 1, 100)
        .demand("a", "b", 2).demand("a", "c", 2);
    Map<String, Double> l = loadsAfter(net, new ChangeOp.ScaleDemands(3.0,
        java.util.Optional.of("s1"), java.util.Optional.of("s2")));
    assertEquals(Map.of("ab:a>b", 6.0, "ac:a>c", 2.0), l);
  }

  @Test
  void severalDemandRowsForOnePair_addUp() {
    Map<String, Double> l = loads(Topologies.parallel().demand("a", "c", 1).demand("a", "c", 3));
    assertEquals(4.0, l.get("bc:b>c"), EPS);
  }
}
