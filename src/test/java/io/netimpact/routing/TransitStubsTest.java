package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.testing.After;
import io.netimpact.testing.Net;
import io.netimpact.testing.ReferenceRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stubs on a two-plane mini data centre, all metrics 1: border bd (linked to the PoP router e
 * of another site), spines s1 and s2 (one per plane, both on bd), leaves l1 (plane 1, on s1)
 * and l2 (plane 2, on s2), and a rack r on both leaves. Traffic enters at bd: bd-s1-l1 costs 2,
 * bd-s2-l2-r-l1 costs 4, so r is inside no stretch a demand can use unless the site has a
 * demand of its own between the leaves (l1-r-l2 costs 2, the spines' way 4).
 */
class TransitStubsTest {
  private static Net dc() {
    Net net = Net.create().device("e", "pop");
    for (String d : List.of("bd", "s1", "s2", "l1", "l2", "r")) {
      net.device(d, "dc");
    }
    return net.link("e-bd", "e", "bd", 1, 100)
        .link("s1-bd", "s1", "bd", 1, 100).link("s2-bd", "s2", "bd", 1, 100)
        .link("l1-s1", "l1", "s1", 1, 100).link("l2-s2", "l2", "s2", 1, 100)
        .link("r-l1", "r", "l1", 1, 100).link("r-l2", "r", "l2", 1, 100);
  }

  private static List<String> stubs(Network net) {
    boolean[] s = net.transitStubs();
    return IntStream.range(0, net.nodeCount()).filter(v -> s[v]).mapToObj(net::nodeId).toList();
  }

  @Test
  void rackBetweenTwoPlanes_isAStubWhenAllTrafficLeavesTheSite() {
    Network net = dc().demand("e", "l1", 10).demand("l2", "e", 5).compile();
    assertEquals(List.of("r"), stubs(net));
  }

  @Test
  void rackBetweenTwoPlanes_carriesTransitOfADemandInsideTheSite() {
    Network net = dc().demand("e", "l1", 10).demand("l1", "l2", 5).compile();
    assertEquals(List.of(), stubs(net));
  }

  @Test
  void stubsAreLeftOutOfTheBaselineWithoutChangingLoads() {
    Network net = dc().demand("e", "l1", 10).demand("l2", "e", 5).compile();
    PairEvaluator pe = new PairEvaluator(net);
    int l1 = net.node("l1").orElseThrow();
    DestinationBaseline b = pe.baseline(l1);
    assertEquals(ShortestPaths.UNREACHABLE, b.dag().distance(net.node("r").orElseThrow()),
        "the rack is never labelled");
    // e's 10 Gbps: e->bd->s1->l1, one arc each.
    int[] arcs = b.loadArcs();
    assertEquals(3, arcs.length);
    assertArrayEquals(new double[] {10, 10, 10}, b.loads());
  }

  @Test
  void cuttingALeafUplink_putsTheRackBackIntoRouting() {
    // l1-s1 down: e's 10 Gbps to l1 go bd-s2-l2-r-l1 (cost 5, the only path left).
    Net dc = dc().demand("e", "l1", 10).demand("l2", "e", 5);
    Network net = dc.compile();
    ScenarioMask mask = After.mask(net, new Change("c", "",
        List.of(new ChangeOp.SetLinkUp("l1-s1", false))));
    for (Evaluator.Strategy strategy : Evaluator.Strategy.values()) {
      ImpactReport r = Evaluator.review("run", "snap", net, new Scenario("c", "", mask),
          strategy, Thresholds.DEFAULT);
      LinkImpact rl1 = r.links().stream()
          .filter(l -> l.linkId().equals("r-l1") && l.fromDevice().equals("r")).findFirst()
          .orElseThrow();
      assertEquals(0.0, rl1.loadBeforeGbps(), 1e-12, strategy.name());
      assertEquals(10.0, rl1.loadAfterGbps(), 1e-12, strategy.name());
    }
  }

  /**
   * Two small Clos data centres (2 planes, 2 spines a plane, 3 pods of 3 racks, pods 0 and 1
   * service pods whose leaves are endpoints, pod 2 not) behind two core routers, with demands
   * between the service leaves of the two data centres: the racks and pod 2's leaves are stubs.
   */
  static Net twoFabrics() {
    Net net = Net.create().device("c1", "core").device("c2", "core");
    net.link("c1-c2", "c1", "c2", 5, 1000);
    List<String> endpoints = new ArrayList<>();
    for (String dc : List.of("x", "y")) {
      for (int b = 1; b <= 2; b++) {
        String border = dc + "-b" + b;
        net.device(border, dc).link(border + "-c" + b, border, "c" + b, 1, 1000);
      }
      for (int p = 1; p <= 2; p++) {
        for (int s = 1; s <= 2; s++) {
          String spine = dc + "-s" + p + s;
          net.device(spine, dc).link(spine + "-b1", spine, dc + "-b1", 1, 400)
              .link(spine + "-b2", spine, dc + "-b2", 1, 400);
        }
      }
      for (int pod = 0; pod < 3; pod++) {
        for (int p = 1; p <= 2; p++) {
          String leaf = dc + "-l" + pod + p;
          net.device(leaf, dc).link(leaf + "-s1", leaf, dc + "-s" + p + "1", 1, 100)
              .link(leaf + "-s2", leaf, dc + "-s" + p + "2", 1, 100);
          if (pod < 2) {
            endpoints.add(leaf);
          }
        }
        for (int r = 0; r < 3; r++) {
          String rack = dc + "-r" + pod + r;
          net.device(rack, dc).link(rack + "-1", rack, dc + "-l" + pod + "1", 1, 100)
              .link(rack + "-2", rack, dc + "-l" + pod + "2", 1, 100);
        }
      }
    }
    int i = 0;
    for (String a : endpoints) {
      for (String b : endpoints) {
        if (a.charAt(0) != b.charAt(0)) {
          net.demand(a, b, 1 + (i++ % 7));
        }
      }
    }
    return net;
  }

  @Test
  void everySingleLinkDownOrDrain_givesTheReferenceRoutersLoads() {
    Net spec = twoFabrics();
    Network net = spec.compile();
    List<String> stubs = stubs(net);
    assertEquals(22, stubs.size(), "per data centre its 9 racks and pod 2's 2 leaves: " + stubs);
    List<ChangeOp> ops = new ArrayList<>();
    for (int l = 0; l < net.linkCount(); l++) {
      ops.add(new ChangeOp.SetLinkUp(net.linkId(l), false));
      ops.add(new ChangeOp.SetMetric(net.linkId(l), 3, ChangeOp.Direction.AB));
    }
    for (int v = 0; v < net.nodeCount(); v++) {
      ops.add(new ChangeOp.SetDrained(net.nodeId(v), true));
    }
    for (ChangeOp op : ops) {
      ScenarioMask mask = After.mask(net, new Change("c", "", List.of(op)));
      double[] lostBefore = new double[1];
      double[] lostAfter = new double[1];
      double[] before = ReferenceRouter.loads(net, lostBefore);
      double[] after = ReferenceRouter.loads(MaskedView.of(net, mask), lostAfter);
      for (Evaluator.Strategy strategy : Evaluator.Strategy.values()) {
        ImpactReport r = Evaluator.review("run", "snap", net, new Scenario("c", "", mask),
            strategy, Thresholds.DEFAULT);
        double[] got = before.clone();
        for (LinkImpact li : r.links()) {
          int l = net.link(li.linkId()).orElseThrow();
          int arc = net.nodeId(net.linkA(l)).equals(li.fromDevice()) ? 2 * l : 2 * l + 1;
          assertEquals(before[arc], li.loadBeforeGbps(), 1e-9, op + " " + strategy);
          got[arc] = li.loadAfterGbps();
        }
        for (int a = 0; a < net.arcCount(); a++) {
          assertEquals(after[a], got[a], 1e-9, op + " " + strategy + " arc " + a);
        }
      }
    }
  }

  @Test
  void everyAddedLinkAndLoweredMetric_givesTheReferenceRoutersLoads() {
    // Changes that can shorten paths, inside a site, between sites and at stubs, alone and
    // with a lengthening op: the stubs given back are only those that may carry traffic after.
    Net spec = twoFabrics();
    spec.link("x-up", "x-l21", "x-s11", 4, 100);
    Network net = spec.compile();
    List<List<ChangeOp>> changes = new ArrayList<>();
    List<String> devices = IntStream.range(0, net.nodeCount()).mapToObj(net::nodeId).toList();
    int k = 0;
    for (int i = 0; i < devices.size(); i++) {
      for (int j = i + 1; j < devices.size(); j += 3) {
        ChangeOp add = new ChangeOp.AddLink(io.netimpact.model.Link.simple("new" + k++,
            devices.get(i), devices.get(j), 1 + (i + j) % 3, 100));
        changes.add(List.of(add));
        if ((i + j) % 5 == 0) {
          changes.add(List.of(add, new ChangeOp.SetLinkUp(net.linkId((i * 7 + j) % net.linkCount()),
              false)));
        }
      }
    }
    changes.add(List.of(new ChangeOp.SetMetric("x-up", 1, ChangeOp.Direction.AB)));
    changes.add(List.of(new ChangeOp.SetMetric("x-up", 1, ChangeOp.Direction.BA)));
    for (List<ChangeOp> ops : changes) {
      ScenarioMask mask = After.mask(net, new Change("c", "", ops));
      double[] before = ReferenceRouter.loads(net, new double[1]);
      double[] after = ReferenceRouter.loads(MaskedView.of(net, mask), new double[1]);
      for (Evaluator.Strategy strategy : Evaluator.Strategy.values()) {
        ImpactReport r = Evaluator.review("run", "snap", net, new Scenario("c", "", mask),
            strategy, Thresholds.DEFAULT);
        double[] got = before.clone();
        for (LinkImpact li : r.links()) {
          var l = net.link(li.linkId());
          if (l.isEmpty()) {
            continue;
          }
          int arc = net.nodeId(net.linkA(l.get())).equals(li.fromDevice()) ? 2 * l.get()
              : 2 * l.get() + 1;
          got[arc] = li.loadAfterGbps();
        }
        for (int a = 0; a < net.arcCount(); a++) {
          assertEquals(after[a], got[a], 1e-9, ops + " " + strategy + " arc " + a);
        }
      }
    }
  }

  @Test
  void addingALinkBetweenTheTwoBorders_givesNoStubBack() {
    Network net = twoFabrics().compile();
    ScenarioMask mask = After.mask(net, new Change("c", "", List.of(new ChangeOp.AddLink(
        io.netimpact.model.Link.simple("bb", "x-b1", "x-b2", 1, 100)))));
    int[] back = TransitStubs.givenBackAfterShortening(net, mask, MaskedView.of(net, mask),
        new TransitStubs.Workspace(net.nodeCount()));
    assertEquals(0, back.length);
    ScenarioMask toRack = After.mask(net, new Change("c", "", List.of(new ChangeOp.AddLink(
        io.netimpact.model.Link.simple("rr", "x-r00", "y-r00", 1, 100)))));
    int[] racks = TransitStubs.givenBackAfterShortening(net, toRack,
        MaskedView.of(net, toRack), new TransitStubs.Workspace(net.nodeCount()));
    assertEquals(List.of("x-r00", "y-r00"), java.util.Arrays.stream(racks)
        .mapToObj(net::nodeId).sorted().toList(), "a rack linked to another site is a border");
  }

  private static List<String> givenBack(Network net, ChangeOp op) {
    ScenarioMask mask = After.mask(net, new Change("c", "", List.of(op)));
    int[] back = TransitStubs.returning(net, mask, MaskedView.of(net, mask),
        new TransitStubs.Workspace(net.nodeCount()));
    return java.util.Arrays.stream(back).mapToObj(net::nodeId).toList();
  }

  @Test
  void drainingASpineWithASparePlane_givesNoStubBack() {
    Network net = twoFabrics().compile();
    assertEquals(List.of(), givenBack(net, new ChangeOp.SetDrained("x-s11", true)));
    assertEquals(List.of(), givenBack(net, new ChangeOp.SetLinkUp("x-l01-s1", false)));
  }

  @Test
  void cuttingALeafsOnlyUplink_givesBackTheRackThatNowCarriesItsTraffic() {
    Network net = dc().demand("e", "l1", 10).demand("l2", "e", 5).compile();
    assertEquals(List.of("r"), givenBack(net, new ChangeOp.SetLinkUp("l1-s1", false)));
    assertEquals(List.of("r"), givenBack(net, new ChangeOp.SetDrained("s1", true)));
    assertEquals(List.of(), givenBack(net, new ChangeOp.SetLinkUp("e-bd", false)),
        "the site's own stretches are as they were");
  }
}
