package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.SurviveComposition;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code review --survive} with each failure repaired against the destination's state after
 * the change, on the network after it ({@code routing.NetworkCompiler.AfterChange}), against brute force (the
 * change then each failure as two-op changes rerouted from scratch): random networks with
 * LAGs, min-links, SRLGs, drained devices, parallel links and sites, and changes of every sort
 * that takes that way (a drain, an SRLG down, a LAG member down below its min-links, a raised
 * metric, a drain with a link down); changes that do not (a removed device) take the other.
 */
class SurviveAfterChangeTest {
  @Test
  void changeThenEachFailure_repairedAfterTheChange_equalsTwoOpChangesReroutedFromScratch() {
    long detours = 0;
    long repairs = 0;
    for (long seed = 5; seed <= 9; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) seed % 3, 15 + (int) seed, 45);
      Network base = NetworkCompiler.compile(s);
      Link lag = s.links().stream().filter(l -> l.members().size() > 1).findFirst()
          .orElse(s.links().get(0));
      Link busy = s.links().get((int) (seed * 5) % s.links().size());
      String srlg = s.links().stream().flatMap(l -> l.srlgs().stream()).findFirst()
          .orElse("g0");
      List<Change> changes = new ArrayList<>(List.of(
          new Change("drain", "", List.of(
              new ChangeOp.SetDrained(s.devices().get((int) seed % 4).id(), true))),
          new Change("srlg", "", List.of(new ChangeOp.SrlgDown(srlg))),
          new Change("members", "", lag.members().stream().map(m -> (ChangeOp)
              new ChangeOp.SetMemberUp(lag.id(), m.id(), false)).limit(
                  Math.max(1, lag.members().size() - lag.minLinks() + 1)).toList()),
          new Change("metric", "", List.of(new ChangeOp.SetMetric(busy.id(), 9,
              ChangeOp.Direction.AB))),
          new Change("drain+link", "", List.of(
              new ChangeOp.SetDrained(s.devices().get(2).id(), true),
              new ChangeOp.SetLinkUp(busy.id(), false)))));
      for (Change c : changes) {
        ScenarioMask cm = ScenarioMask.of(base, c);
        assertTrue(plan(base, cm).repairsAfterChange(), "seed " + seed + " " + c.id());
        for (Thresholds th : List.of(Thresholds.DEFAULT, new Thresholds(0.3))) {
          SurviveComposition.Part p = SurviveCompositionTest.assertComposedExact(base, s,
              Optional.of(c), th, "seed " + seed + " " + c.id() + " warn " + th.warnUtil());
          detours += p.detours();
          repairs += p.repairs();
        }
      }
      Change removal = new Change("remove", "", List.of(
          new ChangeOp.RemoveDevice(s.devices().get(3).id())));
      assertFalse(plan(base, ScenarioMask.of(base, removal)).repairsAfterChange(),
          "a removed device changes the network's devices: the other way");
      SurviveCompositionTest.assertComposedExact(base, s, Optional.of(removal),
          Thresholds.DEFAULT, "seed " + seed + " removal");
    }
    // Failures selected on the DAG after the change and not on the base DAG (a detour the
    // change makes): a selection on the base DAG alone would miss them and fail above.
    assertTrue(detours > 0, "failures on the change's detours: " + detours);
    assertTrue(repairs > 0, "repairs " + repairs);
  }

  /**
   * On Clos data centres with racks that are stubs: failures with a rack end are on no DAG and
   * are not looked at, and the failures inside the drained spine's site find the stubs they
   * give back from the site's kept stretches (routing.TransitStubs.Stretches).
   */
  @Test
  void spineDrainThenEachFailure_onRandomFabrics_equalsTwoOpChangesReroutedFromScratch() {
    long repairs = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Snapshot s = RandomNetworks.fabrics(seed);
      Network base = NetworkCompiler.compile(s);
      for (String spine : List.of("dc0-s11", "dc1-s11")) {
        Change c = new Change("drain", "", List.of(new ChangeOp.SetDrained(spine, true)));
        assertTrue(plan(base, ScenarioMask.of(base, c)).repairsAfterChange(), "seed " + seed);
        for (Thresholds th : List.of(Thresholds.DEFAULT, new Thresholds(0.3))) {
          repairs += SurviveCompositionTest.assertComposedExact(base, s, Optional.of(c), th,
              "seed " + seed + " " + spine + " warn " + th.warnUtil()).repairs();
        }
      }
    }
    assertTrue(repairs > 0, "repairs " + repairs);
  }

  @Test
  void noChange_orAChangeThatMayShortenPaths_isNotRepairedAfterIt() {
    Snapshot s = RandomNetworks.snapshot(3, 9, 16, 30);
    Network base = NetworkCompiler.compile(s);
    assertFalse(SurviveComposition.of(base, Optional.empty(), List.of(), List.of())
        .orElseThrow().repairsAfterChange());
    ScenarioMask lower = ScenarioMask.of(base, new Change("m", "", List.of(
        new ChangeOp.SetMetric(s.links().get(0).id(), 1, ChangeOp.Direction.BOTH))));
    assertEquals(lower.isComposable(), plan(base, lower).repairsAfterChange());
  }

  @Test
  void storedStubsGivenBack_areGivenToFreshMasks_andAStoredNonStubIsRefused() {
    Snapshot s = RandomNetworks.snapshot(4, 9, 16, 30);
    Network base = NetworkCompiler.compile(s);
    List<Change> fs = Failures.all(base, SurviveCompositionTest.KINDS);
    List<String> ids = fs.stream().map(Change::id).toList();
    List<ScenarioMask> found = fs.stream().map(f -> ScenarioMask.of(base, f)).toList();
    java.util.Map<String, List<String>> stored = StubsGivenBack.of(base, ids, found);
    assertEquals(fs.size(), stored.size());
    List<ScenarioMask> fresh = fs.stream().map(f -> ScenarioMask.of(base, f)).toList();
    assertTrue(fresh.get(0).knownStubsGivenBack().isEmpty());
    assertEquals(fs.size(), StubsGivenBack.give(base, ids, fresh, stored));
    for (int i = 0; i < fs.size(); i++) {
      assertEquals(java.util.Arrays.toString(found.get(i).knownStubsGivenBack().orElseThrow()),
          java.util.Arrays.toString(fresh.get(i).knownStubsGivenBack().orElseThrow()),
          ids.get(i));
    }
    // A demand's source is never a stub.
    String notStub = s.demands().get(0).src();
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> StubsGivenBack.give(base, ids.subList(0, 1),
            List.of(ScenarioMask.of(base, fs.get(0))), java.util.Map.of(ids.get(0),
                List.of(notStub))));
    assertTrue(e.getMessage().contains(ids.get(0)) && e.getMessage().contains(notStub),
        e.getMessage());
  }

  private static SurviveComposition plan(Network base, ScenarioMask change) {
    return SurviveComposition.of(base, Optional.of(change), List.of(), List.of())
        .orElseThrow();
  }
}
