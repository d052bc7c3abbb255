package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.testing.After;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change that cuts devices off (a PoP losing both uplinks) leaves them unreachable beyond
 * every baseline's horizon; the repair vouches for those distances itself instead of
 * rerouting the destination in full, and gives what the reroute gives.
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
  void aRegionThatCanStillLeave_isRerouted() {
    // Cutting c1's ring links leaves the PoP, and through it c1, connected: towards c3 the
    // region (c1, the PoP, and who routes through them) finds paths past the horizon.
    Network net = NetworkCompiler.compile(popOnARing());
    ScenarioMask cut = After.mask(net, new ChangeOp.SetLinkUp("r12", false),
        new ChangeOp.SetLinkUp("r41", false));
    PairEvaluator repairing = new PairEvaluator(net);
    assertTrue(repairedAsRerouted(net, cut, repairing) > 0);
    assertTrue(repairing.fallbacks() > 0, "some region distance lay past its horizon");
  }
}
