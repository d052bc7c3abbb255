package io.netimpact.te;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Link;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.Net;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The TE rules of docs/semantics.md#traffic-engineering on hand-worked tiny topologies. */
class TeRulesTest {
  private static final double EPS = 1e-9;

  /** A compiled tiny network with its TE table, routed before any change. */
  record Routed(Network net, TeTable table, TeState state) {
    Map<String, Double> loads() {
      Map<String, Double> out = new TreeMap<>();
      MaskedView g = MaskedView.of(net);
      for (int a = 0; a < state.arcSpan(); a++) {
        if (Math.abs(state.load(a)) > EPS) {
          out.put(Net.arcName(g, a), state.load(a));
        }
      }
      return out;
    }

    int demand(String src, String dst) {
      int s = net.node(src).orElseThrow();
      int t = net.node(dst).orElseThrow();
      for (int k = net.demandsTo(t); k < net.demandsTo(t + 1); k++) {
        if (net.demandSrc(k) == s) {
          return k;
        }
      }
      throw new AssertionError("no demand " + src + "->" + dst);
    }

    int lsp(String id) {
      return table.lspIndex(id);
    }

    String path(int lsp) {
      return state.lsps().devices(MaskedView.of(net), lsp).orElse("DOWN");
    }

    /** The TE state after {@code ops}, LSPs re-placed from this state. */
    TeState after(ChangeOp... ops) {
      Change c = new Change("c", "", List.of(ops));
      MaskedView g = MaskedView.of(net, ScenarioMask.of(net, c));
      TeTable t = TeTable.compile(net, TeChange.apply(table.tables(), c, net, rows(net)),
          rows(net));
      return new TeRouting(net.nodeCount()).route(g, t,
          new TeRouting.Prior(table, state.lsps()));
    }
  }

  private static final Map<Network, List<Demand>> ROWS = new java.util.IdentityHashMap<>();

  private static List<Demand> rows(Network net) {
    return ROWS.get(net);
  }

  private static Routed route(Net topo, List<Demand> rows, List<SrPolicy> policies,
      List<Lsp> lsps) {
    Snapshot plain = topo.snapshot();
    Snapshot s = new Snapshot(plain.info(), plain.devices(), plain.links(), rows,
        new TrafficEngineering(policies, lsps));
    Network net = NetworkCompiler.compile(s);
    ROWS.put(net, rows);
    TeTable t = TeTable.compile(net, s.te(), rows);
    TeState state = new TeRouting(net.nodeCount()).route(MaskedView.of(net), t);
    return new Routed(net, t, state);
  }

  private static SrPolicy policy(String id, String head, String end, List<Segment>... paths) {
    return new SrPolicy(id, head, end, List.of(), true, List.of(paths));
  }

  private static Lsp lsp(String id, String head, String tail, double bw, int priority) {
    return new Lsp(id, head, tail, bw, priority, List.of(), true);
  }

  private static Segment node(String d) {
    return new Segment.Node(d);
  }

  private static Segment adj(String l) {
    return new Segment.Adj(l);
  }

  private static Net withLatency(Net n, String id, String a, String b, int metric, double cap,
      double ms) {
    return n.add(Link.simple(id, a, b, metric, cap).withLatency(ms));
  }

  @Test
  void twoSegmentPolicy_splitsOverEcmpOnEachLeg() {
    // h -> {a1, a2} -> m -> {b1, b2} -> e, and a direct h-e of metric 3 that IGP would take.
    Net topo = Net.create();
    withLatency(topo, "ha1", "h", "a1", 1, 100, 1);
    withLatency(topo, "ha2", "h", "a2", 1, 100, 3);
    withLatency(topo, "a1m", "a1", "m", 1, 100, 1);
    withLatency(topo, "a2m", "a2", "m", 1, 100, 3);
    withLatency(topo, "mb1", "m", "b1", 1, 100, 1);
    withLatency(topo, "mb2", "m", "b2", 1, 100, 1);
    withLatency(topo, "b1e", "b1", "e", 1, 100, 1);
    withLatency(topo, "b2e", "b2", "e", 1, 100, 1);
    withLatency(topo, "he", "h", "e", 3, 100, 1);
    Routed r = route(topo, List.of(Demand.of("h", "e", 10)),
        List.of(policy("p", "h", "e", List.of(node("m"), node("e")))), List.of());

    assertEquals(0, r.state().candidate(0));
    assertEquals(Map.of("ha1:h>a1", 5.0, "ha2:h>a2", 5.0, "a1m:a1>m", 5.0, "a2m:a2>m", 5.0,
        "mb1:m>b1", 5.0, "mb2:m>b2", 5.0, "b1e:b1>e", 5.0, "b2e:b2>e", 5.0), r.loads());
    int k = r.demand("h", "e");
    assertEquals(10, r.state().steeredGbps(k), EPS);
    // Leg 1: mean of 1+1 and 3+3 = 4 ms; leg 2: 2 ms.
    assertEquals(6.0, r.state().latencyGbpsMs(k) / 10, EPS);
  }

  @Test
  void adjacencySegment_crossesTheNamedLinkThenIgpToTheEndpoint() {
    Net topo = Net.create().link("fast", "h", "m", 1, 100).link("slow", "h", "m", 5, 100)
        .link("me", "m", "e", 1, 100);
    Routed r = route(topo, List.of(Demand.of("h", "e", 4)),
        List.of(policy("p", "h", "e", List.of(adj("slow")))), List.of());

    assertEquals(Map.of("slow:h>m", 4.0, "me:m>e", 4.0), r.loads());
  }

  @Test
  void invalidFirstCandidate_theSecondIsUsed() {
    // Candidate 0's adjacency "me" does not start at the head; candidate 1 goes via x.
    Net topo = Net.create().link("hm", "h", "m", 1, 100).link("me", "m", "e", 1, 100)
        .link("hx", "h", "x", 2, 100).link("xe", "x", "e", 2, 100);
    Routed r = route(topo, List.of(Demand.of("h", "e", 3)),
        List.of(policy("p", "h", "e", List.of(adj("me")), List.of(node("x")))), List.of());

    assertEquals(1, r.state().candidate(0));
    assertEquals(Map.of("hx:h>x", 3.0, "xe:x>e", 3.0), r.loads());
  }

  @Test
  void policyWithNoValidPath_steersNothingAndItsRowsFollowIgp() {
    // z hangs off a link that is admin down: no candidate reaches it.
    Net topo = Net.create().link("he", "h", "e", 1, 100)
        .add(Link.simple("ez", "e", "z", 1, 100).withUp(false));
    Routed r = route(topo, List.of(Demand.of("h", "e", 3)),
        List.of(policy("p", "h", "e", List.of(node("z")))), List.of());

    assertEquals(-1, r.state().candidate(0));
    assertEquals(0, r.state().steeredGbps(r.demand("h", "e")), EPS);
    assertEquals(Map.of(), r.loads());
  }

  @Test
  void policyOfOtherClasses_leavesUnmatchedRowsToIgp() {
    Net topo = Net.create().link("he", "h", "e", 1, 100).link("hx", "h", "x", 1, 100)
        .link("xe", "x", "e", 1, 100);
    SrPolicy gold = new SrPolicy("p", "h", "e", List.of("gold"), true,
        List.of(List.of(node("x"))));
    Routed r = route(topo, List.of(new Demand("h", "e", 2, "gold"),
        new Demand("h", "e", 6, "bronze")), List.of(gold), List.of());

    assertEquals(2, r.state().steeredGbps(r.demand("h", "e")), EPS);
    assertEquals(Map.of("hx:h>x", 2.0, "xe:x>e", 2.0), r.loads());
  }

  @Test
  void cspf_takesALongerPathWhenTheShorterLacksBandwidth() {
    Net topo = Net.create().link("ha", "h", "a", 1, 5).link("at", "a", "t", 1, 5)
        .link("hb", "h", "b", 2, 100).link("bt", "b", "t", 2, 100);
    Routed r = route(topo, List.of(Demand.of("h", "t", 10)), List.of(),
        List.of(lsp("big", "h", "t", 10, 7)));

    assertEquals("h>b>t", r.path(0));
    assertEquals(4L, r.state().lsps().metric(MaskedView.of(r.net()), 0).orElseThrow());
    assertEquals(Map.of("hb:h>b", 10.0, "bt:b>t", 10.0), r.loads());
  }

  @Test
  void cspf_breaksMetricTiesByHopsThenByLinkIds() {
    // Metric 4 three ways: direct (1 hop) wins over two-hop paths.
    Net hops = Net.create().link("z-direct", "h", "t", 4, 100).link("a1", "h", "a", 2, 100)
        .link("a2", "a", "t", 2, 100);
    assertEquals("h>t", route(hops, List.of(Demand.of("h", "t", 1)), List.of(),
        List.of(lsp("l", "h", "t", 1, 7))).path(0));
    // Two two-hop paths: via b starts with link "l1" < "l2" (via a), so via b.
    Net ids = Net.create().link("l2", "h", "a", 2, 100).link("l3", "a", "t", 2, 100)
        .link("l1", "h", "b", 2, 100).link("l4", "b", "t", 2, 100);
    assertEquals("h>b>t", route(ids, List.of(Demand.of("h", "t", 1)), List.of(),
        List.of(lsp("l", "h", "t", 1, 7))).path(0));
    // Parallel links compare as strings: "x10" < "x9".
    Net parallel = Net.create().link("x9", "h", "t", 1, 100).link("x10", "h", "t", 1, 100);
    Routed r = route(parallel, List.of(Demand.of("h", "t", 1)), List.of(),
        List.of(lsp("l", "h", "t", 1, 7)));
    assertEquals(Map.of("x10:h>t", 1.0), r.loads());
  }

  @Test
  void priorityOrder_decidesWhichLspGetsTheLastBandwidth() {
    // One 10 G link: "a" (priority 5, 8 G) comes after "b" (priority 3, 6 G) and no longer fits.
    Net topo = Net.create().link("ht", "h", "t", 1, 10);
    Routed r = route(topo, List.of(Demand.of("h", "t", 4)), List.of(),
        List.of(lsp("a", "h", "t", 8, 5), lsp("b", "h", "t", 6, 3)));
    assertFalse(r.state().lsps().isUp(r.lsp("a")));
    assertEquals("h>t", r.path(r.lsp("b")));
    // Equal priorities: the larger bandwidth goes first, then the smaller id.
    Routed bw = route(topo, List.of(Demand.of("h", "t", 4)), List.of(),
        List.of(lsp("a", "h", "t", 6, 7), lsp("b", "h", "t", 8, 7)));
    assertTrue(bw.state().lsps().isUp(bw.lsp("b")));
    assertFalse(bw.state().lsps().isUp(bw.lsp("a")));
    Routed id = route(topo, List.of(Demand.of("h", "t", 4)), List.of(),
        List.of(lsp("b", "h", "t", 6, 7), lsp("a", "h", "t", 6, 7)));
    assertTrue(id.state().lsps().isUp(id.lsp("a")));
    assertFalse(id.state().lsps().isUp(id.lsp("b")));
    // The row is split equally among the placed LSPs that match it: here only one.
    assertEquals(Map.of("ht:h>t", 4.0), id.loads());
  }

  @Test
  void lspKeptAfterAFailureElsewhere_whileABrokenOneIsReplaced() {
    // Ring h-a-t-b-h (t-b metric 2); "one" h>a>t, "two" b>h>a; b-h failing breaks "two" only.
    Net topo = Net.create().link("ha", "h", "a", 1, 100).link("at", "a", "t", 1, 100)
        .link("tb", "t", "b", 2, 100).link("bh", "b", "h", 1, 100)
        .link("ht-long", "h", "t", 5, 100);
    Routed r = route(topo, List.of(Demand.of("h", "t", 1), Demand.of("b", "a", 1)), List.of(),
        List.of(lsp("one", "h", "t", 50, 7), lsp("two", "b", "a", 10, 7)));
    assertEquals("h>a>t", r.path(r.lsp("one")));
    assertEquals("b>h>a", r.path(r.lsp("two")));

    TeState after = r.after(new ChangeOp.SetLinkUp("bh", false));
    MaskedView g = MaskedView.of(r.net());
    assertEquals("h>a>t", after.lsps().devices(g, r.lsp("one")).orElseThrow());
    assertEquals("b>t>a", after.lsps().devices(g, r.lsp("two")).orElseThrow());
  }

  @Test
  void lspKeepsItsPathEvenWhereACapacityDropOverReservesIt() {
    Net topo = Net.create().lag("ht", "h", "t", 1, 2, 10, 1).link("hx", "h", "x", 1, 100)
        .link("xt", "x", "t", 1, 100);
    Routed r = route(topo, List.of(Demand.of("h", "t", 1)), List.of(),
        List.of(lsp("l", "h", "t", 15, 7)));
    assertEquals("h>t", r.path(0));
    TeState after = r.after(new ChangeOp.SetMemberUp("ht", "m0", false));
    assertEquals("h>t", after.lsps().devices(MaskedView.of(r.net()), 0).orElseThrow());
  }

  @Test
  void lspThatCannotBeReplaced_goesDownAndItsTrafficFallsBackToIgp() {
    Net topo = Net.create().link("ht", "h", "t", 1, 10).link("hx", "h", "x", 1, 5)
        .link("xt", "x", "t", 1, 5);
    Routed r = route(topo, List.of(Demand.of("h", "t", 8)), List.of(),
        List.of(lsp("l", "h", "t", 8, 7)));
    int k = r.demand("h", "t");
    assertEquals(8, r.state().steeredGbps(k), EPS);

    TeState after = r.after(new ChangeOp.SetLinkUp("ht", false));
    assertFalse(after.lsps().isUp(0));
    assertEquals(0, after.steeredGbps(k), EPS);
    assertEquals(0, after.load(0) + after.load(2) + after.load(4), EPS);
  }

  @Test
  void policyDown_andLspBandwidthChange_followTheOps() {
    Net topo = Net.create().link("ht", "h", "t", 1, 10).link("hx", "h", "x", 1, 100)
        .link("xt", "x", "t", 1, 100);
    Routed r = route(topo, List.of(Demand.of("h", "t", 2), Demand.of("h", "x", 1)),
        List.of(policy("p", "h", "x", List.of(node("t")))),
        List.of(lsp("l", "h", "t", 5, 7)));
    assertEquals("h>t", r.path(0));
    assertEquals(0, r.state().candidate(0));

    TeState after = r.after(new ChangeOp.SetPolicyUp("p", false),
        new ChangeOp.SetLspBandwidth("l", 20));
    assertEquals(-1, after.candidate(0));
    assertEquals("h>x>t", after.lsps().devices(MaskedView.of(r.net()), 0).orElseThrow());
  }
}
