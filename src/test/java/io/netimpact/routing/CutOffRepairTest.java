package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.routes.LoadSink;
import io.netimpact.routes.PairResult;
import io.netimpact.routes.RouteChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incremental repair against the reroute. A change that cuts devices off (a PoP losing
 * both uplinks) leaves them unreachable beyond every baseline's horizon, and the repair vouches
 * for those distances itself; a region that still has paths past the horizon is repaired
 * again on the destination's complete DAG. Either way the repair gives what the reroute gives,
 * and the net change it pushes past its region stops where the traffic meets again.
 */
class CutOffRepairTest {
  /** A ring of four cores, a PoP dual-homed to two of them, demands between all five. */
  private static Snapshot popOnARing() {
    List<Device> ds = new ArrayList<>();
    for (String id : List.of("c1", "c2", "c3", "c4", "pop")) {
      ds.add(new Device(id, id, "", "core", false));
    }
    List<Link> ls = List.of(Link.simple("r12", "c1", "c2", 1, 100),
        Link.simple("r23", "c2", "c3", 1, 100), Link.simple("r34", "c3", "c4", 1, 100),
        Link.simple("r41", "c4", "c1", 1, 100), Link.simple("up1", "pop", "c1", 1, 100),
        Link.simple("up2", "pop", "c2", 1, 100));
    List<Demand> dm = new ArrayList<>();
    for (Device a : ds) {
      for (Device b : ds) {
        if (!a.id().equals(b.id())) {
          dm.add(Demand.of(a.id(), b.id(), 1 + a.id().length() + b.id().charAt(1)));
        }
      }
    }
    return new Snapshot(SnapshotInfo.of("pop-ring"), ds, ls, dm);
  }

  /** Each changed demand with whether it is routable after, in demand order. */
  private static List<String> routes(PairResult p) {
    return p.changes().stream().sorted(java.util.Comparator.comparingInt(RouteChange::demand))
        .map(c -> c.demand() + (c.routableAfter() ? " routable" : " lost")).toList();
  }

  /**
   * Evaluates every destination {@code cut} affects with {@code repairing} (incremental) and a
   * fresh evaluator (rerouted), checking that both give the same loads, newly lost traffic and
   * changed demands; returns how many destinations it evaluated.
   */
  private static int repairedAsRerouted(Network net, ScenarioMask cut,
      PairEvaluator repairing) {
    PairEvaluator rerouting = new PairEvaluator(net);
    int pairs = 0;
    for (int t : net.destinations()) {
      DestinationBaseline b = repairing.baseline(t);
      if (!repairing.affects(b, cut)) {
        continue;
      }
      double[] repaired = new double[net.arcCount()];
      double[] rerouted = new double[net.arcCount()];
      PairResult r = repairing.evaluate(b, cut, true, LoadSink.into(repaired));
      PairResult f = rerouting.evaluate(rerouting.baseline(t), cut, false,
          LoadSink.into(rerouted));
      assertArrayEquals(rerouted, repaired, 1e-9, "loads towards " + net.nodeId(t));
      assertEquals(f.newlyUnroutable(), r.newlyUnroutable(), 1e-9);
      assertEquals(routes(f), routes(r), "demands whose routing changed, towards "
          + net.nodeId(t));
      pairs++;
    }
    return pairs;
  }

  @Test
  void aPopLosingBothUplinks_isRepairedForEveryDestination_asTheRerouteWouldRouteIt() {
    Network net = NetworkCompiler.compile(popOnARing());
    ScenarioMask cut = After.mask(net, new ChangeOp.SetLinkUp("up1", false),
        new ChangeOp.SetLinkUp("up2", false));
    PairEvaluator repairing = new PairEvaluator(net);
    // Every destination has the PoP as a source, or is it.
    assertEquals(5, repairedAsRerouted(net, cut, repairing));
    assertEquals(0, repairing.fallbacks(), "no destination needed a reroute");
  }

  @Test
  void aRegionThatCanStillLeave_isRepairedOnTheCompleteDag_asTheRerouteWouldRouteIt() {
    // Cutting c1's ring links leaves the PoP, and through it c1, connected: towards c3 the
    // region (c1, the PoP, and who routes through them) finds paths past the horizon.
    Network net = NetworkCompiler.compile(popOnARing());
    ScenarioMask cut = After.mask(net, new ChangeOp.SetLinkUp("r12", false),
        new ChangeOp.SetLinkUp("r41", false));
    PairEvaluator repairing = new PairEvaluator(net).repairShare(1);
    assertTrue(repairedAsRerouted(net, cut, repairing) > 0);
    assertTrue(repairing.fallbacks() > 0, "some region distance lay past its horizon");
  }

  @Test
  void regionsPastTheHorizonOnRandomNetworks_areRepairedOnTheCompleteDag_asTheRerouteWould() {
    long completed = 0;
    int pairs = 0;
    for (long seed = 1; seed <= 40; seed++) {
      // Few demands: most DAGs stop at their sources well before the farthest device.
      Snapshot s = RandomNetworks.snapshot(seed, 10 + (int) (seed % 8), 16 + (int) (seed % 10),
          6);
      Network net = NetworkCompiler.compile(s);
      PairEvaluator repairing = new PairEvaluator(net).repairShare(1);
      for (Device d : s.devices()) {
        pairs += repairedAsRerouted(net, After.mask(net, new ChangeOp.SetDrained(d.id(), true)),
            repairing);
      }
      for (Link l : s.links()) {
        pairs += repairedAsRerouted(net, After.mask(net, new ChangeOp.SetLinkUp(l.id(), false)),
            repairing);
      }
      completed += repairing.fallbacks();
    }
    assertTrue(pairs > 300, "pairs " + pairs);
    assertTrue(completed > 20, "pairs repaired on the complete DAG: " + completed);
  }

  @Test
  void pairsWhoseRegionPassesTheRepairShare_areRerouted_withTheResultOfTheReroute() {
    long pairs = 0;
    long rerouted = 0;
    long repaired = 0;
    for (long seed = 1; seed <= 30; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 10 + (int) (seed % 8), 16 + (int) (seed % 10),
          6 + (int) (seed % 20));
      Network net = NetworkCompiler.compile(s);
      PairEvaluator byShare = new PairEvaluator(net).repairShare(PairEvaluator.REPAIR_SHARE);
      PairEvaluator always = new PairEvaluator(net).repairShare(1);
      List<ScenarioMask> masks = new ArrayList<>();
      for (Device d : s.devices()) {
        masks.add(After.mask(net, new ChangeOp.SetDrained(d.id(), true)));
      }
      for (Link l : s.links()) {
        masks.add(After.mask(net, new ChangeOp.SetLinkUp(l.id(), false)));
        // Lowered metrics may shorten paths: the region of repairShorter.
        masks.add(After.mask(net, new ChangeOp.SetMetric(l.id(), 1, ChangeOp.Direction.AB)));
      }
      int selected = 0;
      for (ScenarioMask m : masks) {
        selected += repairedAsRerouted(net, m, byShare);
        repairedAsRerouted(net, m, always);
      }
      pairs += selected;
      rerouted += byShare.rerouted();
      repaired += selected - byShare.rerouted();
      assertEquals(0, always.rerouted(), "a share of 1 repairs every pair");
    }
    assertTrue(rerouted > 50, "pairs rerouted by the share: " + rerouted + " of " + pairs);
    assertTrue(repaired > rerouted, "pairs repaired: " + repaired + " of " + pairs);
  }

  @Test
  void aRepairShareOutsideZeroToOne_isRefused() {
    Network net = NetworkCompiler.compile(popOnARing());
    assertThrows(IllegalArgumentException.class, () -> new PairEvaluator(net).repairShare(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> new PairEvaluator(net).repairShare(Double.NaN));
  }

  /**
   * A repair region with no source of the destination (and no demand towards it changed)
   * carries nothing before or after: the repair moves nothing, as the reroute finds, for every
   * link down on random networks with few demands, where many DAG arcs lead only from devices
   * that send the destination nothing.
   */
  @Test
  void aRegionWithoutSources_movesNothing_asTheRerouteFinds_onRandomNetworks() {
    int silent = 0;
    int pairs = 0;
    for (long seed = 41; seed <= 70; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 9), 14 + (int) (seed % 11),
          3 + (int) (seed % 4));
      Network net = NetworkCompiler.compile(s);
      PairEvaluator repairing = new PairEvaluator(net);
      for (Link l : s.links()) {
        ScenarioMask cut = After.mask(net, new ChangeOp.SetLinkUp(l.id(), false));
        pairs += repairedAsRerouted(net, cut, repairing);
        PairEvaluator rerouting = new PairEvaluator(net);
        for (int t : net.destinations()) {
          DestinationBaseline b = rerouting.baseline(t);
          double[] moved = new double[net.arcCount()];
          PairResult f = rerouting.evaluate(b, cut, false, LoadSink.into(moved));
          if (rerouting.affects(b, cut) && f.changes().isEmpty()
              && java.util.Arrays.stream(moved).allMatch(x -> x == 0)) {
            silent++;
          }
        }
      }
    }
    assertTrue(pairs > 300, "pairs " + pairs);
    assertTrue(silent > 50, "pairs the rules select that move nothing: " + silent);
  }

  /**
   * Two leaves over three spines into one border, then a chain of two routers to the
   * destination: draining a spine moves the leaves' traffic onto the other two, and it meets
   * again at the border.
   */
  private static Snapshot fabricOverAChain() {
    List<Device> ds = new ArrayList<>();
    for (String id : List.of("l1", "l2", "s1", "s2", "s3", "b", "x1", "x2", "d")) {
      ds.add(new Device(id, id, "", "core", false));
    }
    List<Link> ls = new ArrayList<>();
    for (String sp : List.of("s1", "s2", "s3")) {
      ls.add(Link.simple("l1-" + sp, "l1", sp, 1, 100));
      ls.add(Link.simple("l2-" + sp, "l2", sp, 1, 100));
      ls.add(Link.simple(sp + "-b", sp, "b", 1, 100));
    }
    ls.add(Link.simple("b-x1", "b", "x1", 1, 100));
    ls.add(Link.simple("x1-x2", "x1", "x2", 1, 100));
    ls.add(Link.simple("x2-d", "x2", "d", 1, 100));
    // Volumes whose thirds and halves round differently.
    List<Demand> dm = List.of(Demand.of("l1", "d", 0.1), Demand.of("l2", "d", 0.7),
        Demand.of("x1", "d", 0.3));
    return new Snapshot(SnapshotInfo.of("fabric-chain"), ds, ls, dm);
  }

  @Test
  void trafficMovedInsideTheFabric_leavesNoDeltaPastWhereItMeetsAgain() {
    Network net = NetworkCompiler.compile(fabricOverAChain());
    ScenarioMask drain = After.mask(net, new ChangeOp.SetDrained("s1", true));
    PairEvaluator pe = new PairEvaluator(net);
    int d = net.node("d").orElseThrow();
    DestinationBaseline b = pe.baseline(d);
    assertTrue(pe.affects(b, drain));
    java.util.Map<String, Double> deltas = new java.util.TreeMap<>();
    pe.evaluate(b, drain, true, (arc, gbps) -> deltas.merge(
        net.nodeId(net.tail(arc)) + "->" + net.nodeId(net.head(arc)), gbps, Double::sum));
    // Each leaf's third on s1 now goes half-and-half over s2 and s3, and so on to the border.
    assertEquals(java.util.Set.of("l1->s1", "l1->s2", "l1->s3", "l2->s1", "l2->s2", "l2->s3",
        "s1->b", "s2->b", "s3->b"), deltas.keySet());
    assertEquals(-0.8 / 3, deltas.get("s1->b"), 1e-12);
    assertEquals(0.8 / 2 - 0.8 / 3, deltas.get("s2->b"), 1e-12);
  }
}
