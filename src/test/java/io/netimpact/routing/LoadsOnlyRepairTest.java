package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.ChangeOp;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.routes.LoadSink;
import io.netimpact.routes.PairResult;
import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A pair that asks for loads and lost traffic only (no route changes: the survival figures) is
 * repaired from the devices whose next hops change, not from all of their ancestors; it must
 * give the loads and the lost traffic of the reroute, whether no distance moves (a link with
 * an equal-cost twin), some do, or devices are cut off (then the whole region is repaired).
 */
class LoadsOnlyRepairTest {
  /** Counts of the pairs compared, and of those the evaluator finished from below. */
  private record Counts(long pairs, long below, long moving) {
    Counts plus(Counts o) {
      return new Counts(pairs + o.pairs, below + o.below, moving + o.moving);
    }
  }

  /**
   * Evaluates every destination each mask affects with a loads-only repairing evaluator and a
   * rerouting one: the same arc loads (1e-9) and the same change in lost traffic.
   */
  private static Counts repairedAsRerouted(Network net, List<ScenarioMask> masks) {
    PairEvaluator repairing = new PairEvaluator(net).routeChanges(false).repairShare(1);
    PairEvaluator rerouting = new PairEvaluator(net).routeChanges(false);
    long pairs = 0;
    for (int t : net.destinations()) {
      DestinationBaseline b = repairing.baseline(t);
      DestinationBaseline rb = rerouting.baseline(t);
      for (ScenarioMask m : masks) {
        if (!repairing.affects(b, m)) {
          continue;
        }
        double[] repaired = new double[net.arcCount()];
        double[] rerouted = new double[net.arcCount()];
        PairResult r = repairing.evaluate(b, m, true, LoadSink.into(repaired));
        PairResult f = rerouting.evaluate(rb, m, false, LoadSink.into(rerouted));
        assertArrayEquals(rerouted, repaired, 1e-9, "loads towards " + net.nodeId(t));
        assertEquals(f.lostAfter() - f.lostBefore(), r.lostAfter() - r.lostBefore(), 1e-9,
            "lost towards " + net.nodeId(t));
        pairs++;
      }
    }
    return new Counts(pairs, repairing.repairedBelow(),
        repairing.repairedBelowMovingDistances());
  }

  /** Every link down, every SRLG down, and every link's metric raised (both directions). */
  private static List<ScenarioMask> failures(Network net, Snapshot s) {
    List<ScenarioMask> masks = new ArrayList<>();
    Set<String> srlgs = new LinkedHashSet<>();
    for (Link l : s.links()) {
      masks.add(After.mask(net, new ChangeOp.SetLinkUp(l.id(), false)));
      masks.add(After.mask(net, new ChangeOp.SetMetric(l.id(), 7, ChangeOp.Direction.AB)));
      srlgs.addAll(l.srlgs());
    }
    for (String g : srlgs) {
      masks.add(After.mask(net, new ChangeOp.SrlgDown(g)));
    }
    return masks;
  }

  @Test
  void failuresOnRandomNetworks_moveTheLoadsAndLostTrafficOfTheReroute() {
    Counts all = new Counts(0, 0, 0);
    for (long seed = 1; seed <= 40; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 10), 14 + (int) (seed % 12),
          4 + (int) (seed % 30));
      Network net = NetworkCompiler.compile(s);
      all = all.plus(repairedAsRerouted(net, failures(net, s)));
    }
    assertTrue(all.pairs() > 2000, "pairs " + all);
    assertTrue(all.below() - all.moving() > 200, "pairs that moved no distance " + all);
    assertTrue(all.moving() > 200, "pairs that moved distances " + all);
    assertTrue(all.pairs() > all.below() + 50, "pairs repaired over the whole region " + all);
  }

  @Test
  void failuresInFabricsWithStubs_moveTheLoadsOfTheReroute() {
    Counts all = new Counts(0, 0, 0);
    for (long seed = 1; seed <= 6; seed++) {
      Snapshot s = RandomNetworks.fabrics(seed);
      Network net = NetworkCompiler.compile(s);
      all = all.plus(repairedAsRerouted(net, failures(net, s)));
    }
    assertTrue(all.below() > 100, "pairs " + all);
  }

  @Test
  void drainsAndRouteChanges_takeTheWholeRegion() {
    Snapshot s = RandomNetworks.snapshot(3, 14, 24, 20);
    Network net = NetworkCompiler.compile(s);
    List<ScenarioMask> drains = new ArrayList<>();
    for (Device d : s.devices()) {
      drains.add(After.mask(net, new ChangeOp.SetDrained(d.id(), true)));
    }
    Counts c = repairedAsRerouted(net, drains);
    assertTrue(c.pairs() > 20, "pairs " + c);
    assertEquals(0, c.below(), "a drain is repaired over its region");
    PairEvaluator listing = new PairEvaluator(net).repairShare(1);
    for (int t : net.destinations()) {
      DestinationBaseline b = listing.baseline(t);
      for (ScenarioMask m : failures(net, s)) {
        listing.evaluate(b, m, true, LoadSink.into(new double[net.arcCount()]));
      }
    }
    assertEquals(0, listing.repairedBelow(), "route changes asked for: every ancestor looked at");
  }
}
