package io.netimpact.impact;

import io.netimpact.testing.After;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Incremental and full sweeps give identical reports. */
class IncrementalEqualsFullTest {

  static List<Scenario> scenarios(Network base, List<Change> changes) {
    List<Scenario> out = new ArrayList<>();
    for (Change c : changes) {
      out.add(new Scenario(c.id(), c.title(), After.mask(base, c)));
    }
    return out;
  }

  /** Both strategies over {@code changes}: the same report for each; returns how many. */
  private static int assertIncrementalEqualsFull(Network base, List<Change> changes,
      String what) {
    List<Scenario> sc = scenarios(base, changes);
    List<ImpactReport> full = Evaluator.evaluate("r", "s", base, sc, Evaluator.Strategy.FULL,
        Thresholds.DEFAULT);
    List<ImpactReport> inc = Evaluator.evaluate("r", "s", base, sc,
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT);
    for (int i = 0; i < sc.size(); i++) {
      ReportAssertions.assertSameReport(full.get(i), inc.get(i),
          what + " " + changes.get(i).id() + " " + changes.get(i));
    }
    return sc.size();
  }

  @Test
  void incrementalEqualsFull_onRandomNetworksWithEveryOpKind() {
    int cases = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 6 + (int) (seed % 12), 10 + (int) (seed % 20),
          40);
      Network base = NetworkCompiler.compile(s);
      List<Change> changes = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        changes.add(RandomNetworks.change(seed * 100 + k, s));
      }
      cases += assertIncrementalEqualsFull(base, changes, "seed " + seed);
    }
    assertEquals(480, cases);
  }

  @Test
  void incrementalEqualsFull_forEverySingleElementFailure() {
    for (long seed = 1; seed <= 15; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 6), 16, 50);
      Network base = NetworkCompiler.compile(s);
      List<Change> changes = new ArrayList<>();
      s.devices().forEach(d -> changes.add(new Change("drain:" + d.id(), "",
          List.of(new ChangeOp.SetDrained(d.id(), true)))));
      s.devices().forEach(d -> changes.add(new Change("remove:" + d.id(), "",
          List.of(new ChangeOp.RemoveDevice(d.id())))));
      s.links().forEach(l -> changes.add(new Change("down:" + l.id(), "",
          List.of(new ChangeOp.SetLinkUp(l.id(), false)))));
      assertIncrementalEqualsFull(base, changes, "seed " + seed);
    }
  }

  @Test
  void incrementalEqualsFull_whenChangesCutDevicesOff() {
    int cases = 0;
    for (long seed = 1; seed <= 25; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 7), 14 + (int) (seed % 9),
          60);
      Network base = NetworkCompiler.compile(s);
      List<Change> changes = new ArrayList<>();
      // Every device alone, and every linked pair of devices together, cut off from the rest.
      s.devices().forEach(d -> changes.add(cutOff(s, "alone:" + d.id(), Set.of(d.id()))));
      s.links().forEach(l -> changes.add(cutOff(s, "pair:" + l.id(), Set.of(l.a(), l.b()))));
      cases += assertIncrementalEqualsFull(base, changes, "seed " + seed);
    }
    assertTrue(cases > 500, "cases " + cases);
  }

  /** Every link with exactly one end in {@code island} taken down. */
  private static Change cutOff(Snapshot s, String id, Set<String> island) {
    List<ChangeOp> ops = new ArrayList<>();
    s.links().forEach(l -> {
      if (island.contains(l.a()) != island.contains(l.b())) {
        ops.add(new ChangeOp.SetLinkUp(l.id(), false));
      }
    });
    if (ops.isEmpty()) {
      ops.add(new ChangeOp.SetLinkUp(s.links().get(0).id(), false));
    }
    return new Change(id, "", ops);
  }
}
