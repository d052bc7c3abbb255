package io.netimpact.routing;

import io.netimpact.testing.Router;
import io.netimpact.testing.After;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule of the incremental selection, on the transit topology towards b. */
class IncrementalRulesTest {
  // a-t-b costs 2 (the DAG towards b), a-x-b costs 3.
  private static final Net NET = Topologies.transit().demand("a", "b", 10);

  private static boolean affects(Net net, String dst, ChangeOp... ops) {
    Network base = net.compile();
    ScenarioMask mask = After.mask(base, new Change("c", "", List.of(ops)));
    PairEvaluator pe = new PairEvaluator(base);
    return pe.affects(pe.baseline(base.node(dst).orElseThrow()), mask);
  }

  @Test
  void removedArc_mattersOnlyOnTheDag() {
    assertTrue(affects(NET, "b", new ChangeOp.SetLinkUp("tb", false)));
    assertTrue(affects(NET, "b", new ChangeOp.SetLinkUp("xb", false)), "x->b is x's own route");
    assertFalse(affects(NET, "b", new ChangeOp.SetLinkUp("ax", false)));
  }

  @Test
  void raisedMetric_mattersOnlyOnTheDag() {
    assertTrue(affects(NET, "b", new ChangeOp.SetMetric("at", 5, ChangeOp.Direction.BOTH)));
    assertFalse(affects(NET, "b", new ChangeOp.SetMetric("ax", 9, ChangeOp.Direction.BOTH)));
    // Only the direction towards b counts: raising t->a (ba) leaves the DAG alone.
    assertFalse(affects(NET, "b", new ChangeOp.SetMetric("at", 9, ChangeOp.Direction.BA)));
  }

  @Test
  void loweredMetric_mattersWhenItTiesOrBeats() {
    // a-x-b costs 3 = 2 + 1; lowering ax to 1 ties a-t-b (2): a new ECMP next hop.
    assertTrue(affects(NET, "b", new ChangeOp.SetMetric("ax", 1, ChangeOp.Direction.BOTH)));
    // xb from 1 ... x's own route is xb already; lowering a non-DAG arc that cannot tie:
    Net wide = Topologies.transit().link("ay", "a", "y", 5, 100).link("yb", "y", "b", 5, 100)
        .demand("a", "b", 1);
    assertFalse(affects(wide, "b", new ChangeOp.SetMetric("ay", 4, ChangeOp.Direction.BOTH)));
  }

  @Test
  void addedArc_mattersWhenItTiesOrBeats() {
    assertTrue(affects(NET, "b", new ChangeOp.AddLink(Link.simple("ab", "a", "b", 2, 100))),
        "equal cost: a new ECMP next hop");
    assertTrue(affects(NET, "b", new ChangeOp.AddLink(Link.simple("ab", "a", "b", 1, 100))));
    assertFalse(affects(NET, "b", new ChangeOp.AddLink(Link.simple("ab", "a", "b", 3, 100))));
  }

  @Test
  void drain_mattersOnlyWhenADagArcEntersTheDevice() {
    assertTrue(affects(NET, "b", new ChangeOp.SetDrained("t", true)));
    assertFalse(affects(NET, "b", new ChangeOp.SetDrained("x", true)));
    assertFalse(affects(NET, "t", new ChangeOp.SetDrained("t", true)),
        "draining the destination itself changes nothing");
  }

  @Test
  void undrain_mattersWhenTheDeviceCouldCarryTransit() {
    Net drained = Topologies.transit().drained("t").demand("a", "b", 10);
    assertTrue(affects(drained, "b", new ChangeOp.SetDrained("t", false)));
    Net far = Topologies.transit().link("ay", "a", "y", 9, 100).link("yb", "y", "b", 9, 100)
        .drained("y").demand("a", "b", 1);
    assertFalse(affects(far, "b", new ChangeOp.SetDrained("y", false)));
  }

  @Test
  void capacityChange_neverMatters() {
    assertFalse(affects(NET, "b", new ChangeOp.SetCapacity("tb", "tb", 1)));
  }

  @Test
  void demandChange_needsAPushForItsDestinationOnly() {
    Net two = Topologies.transit().device("a", "s1").device("b", "s2").device("t", "s3")
        .device("x", "s4").demand("a", "b", 10).demand("b", "a", 1);
    assertTrue(affects(two, "b", new ChangeOp.ScaleDemands(2, Optional.of("s1"),
        Optional.empty())));
    assertFalse(affects(two, "a", new ChangeOp.ScaleDemands(2, Optional.of("s1"),
        Optional.empty())));
  }
}
