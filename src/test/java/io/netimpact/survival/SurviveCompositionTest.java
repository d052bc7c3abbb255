package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.SurviveComposition;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code review --survive} composed with the change fixed ({@link SurviveComposition}) against
 * brute force: the change then every single failure as two-op changes rerouted from scratch
 * ({@code FULL}) and assembled, each boiled down to its survival figures, on random networks
 * (LAGs, min-links, SRLGs, drains, parallel links, sites) with changes of every sort: a drain
 * with a member down, a link down, no change at all (the stored N-1 results), and a lowered
 * metric (a change that may shorten paths, which has no detour list).
 */
class SurviveCompositionTest {
  static final List<Sweep.Each> KINDS = List.of(Sweep.Each.LINK, Sweep.Each.SRLG,
      Sweep.Each.DEVICE, Sweep.Each.SITE);

  @Test
  void changeThenEachFailure_composed_equalsTwoOpChangesReroutedFromScratch() {
    long detours = 0;
    long repairs = 0;
    long failures = 0;
    long notSafe = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 7 + (int) seed, 12 + 2 * (int) seed, 40);
      Network base = NetworkCompiler.compile(s);
      Link l = s.links().get((int) seed % s.links().size());
      Link busy = s.links().get((int) (seed * 3) % s.links().size());
      List<Change> changes = List.of(
          new Change("drain+member", "", List.of(
              new ChangeOp.SetDrained(s.devices().get(1).id(), true),
              new ChangeOp.SetMemberUp(l.id(), l.members().get(0).id(), false))),
          new Change("link", "", List.of(new ChangeOp.SetLinkUp(busy.id(), false))),
          new Change("metric", "", List.of(new ChangeOp.SetMetric(busy.id(), 1,
              ChangeOp.Direction.BOTH))));
      for (Thresholds th : List.of(Thresholds.DEFAULT, new Thresholds(0.3))) {
        SurviveComposition.Part none = assertComposedExact(base, s, Optional.empty(), th,
            "seed " + seed + " no change");
        repairs += none.repairs();
        for (Change c : changes) {
          SurviveComposition.Part p = assertComposedExact(base, s, Optional.of(c), th,
              "seed " + seed + " " + c.id() + " warn " + th.warnUtil());
          detours += p.detours();
          repairs += p.repairs();
        }
      }
      failures += Failures.all(base, KINDS).size();
      notSafe += countNotSafe(base, s);
    }
    // The fast path has to have been taken both ways: failures reused from the change's state
    // for most destinations, and evaluated again where they lie on its detours.
    assertTrue(detours > 0, "failures on the change's detours: " + detours);
    assertTrue(repairs > 0 && repairs < failures * 8 * 40, "repairs " + repairs);
    assertTrue(notSafe > 0, "some failure is not SAFE with a change: " + notSafe);
  }

  @Test
  void composition_isRefused_whenAFailureMayShortenPaths() {
    Snapshot s = RandomNetworks.snapshot(5, 8, 14, 30);
    Network base = NetworkCompiler.compile(s);
    Link l = s.links().get(0);
    ScenarioMask metric = ScenarioMask.of(base, new Change("m", "", List.of(
        new ChangeOp.SetMetric(l.id(), 1, ChangeOp.Direction.BOTH))));
    assertEquals(!metric.isComposable(), SurviveComposition.of(base, Optional.empty(),
        List.of(metric), List.of(metric)).isEmpty());
  }

  /**
   * The composed figures of {@code change} (or none) then every remaining failure against the
   * two-op changes rerouted from scratch: severity and worst link equal, utilisation and
   * stranded traffic to 1e-9 relative. Returns the composition's part, for its counters.
   */
  static SurviveComposition.Part assertComposedExact(Network base, Snapshot s,
      Optional<Change> change, Thresholds th, String what) {
    ScenarioMask cm = change.map(c -> ScenarioMask.of(base, c))
        .orElse(ScenarioMask.empty(base));
    List<Change> fs = change.isPresent() ? Failures.remaining(Failures.all(base, KINDS), base,
        MaskedView.of(base, cm), change.get()) : Failures.all(base, KINDS);
    List<ScenarioMask> alone = new ArrayList<>();
    List<ScenarioMask> then = new ArrayList<>();
    List<Scenario> brute = new ArrayList<>();
    for (Change f : fs) {
      alone.add(ScenarioMask.of(base, f));
      Change two = change.isPresent() ? Sweep.then(change.get(), f) : f;
      then.add(ScenarioMask.of(base, two));
      brute.add(new Scenario(f.id(), f.title(), ScenarioMask.of(base, two)));
    }
    Evaluator.Evaluated full = Evaluator.evaluated("r", "s", base, brute,
        Evaluator.Strategy.FULL, th, null, Overlay.NONE, Optional.empty(),
        PairComposition.none());
    SurviveComposition plan = SurviveComposition.of(base, change.map(x -> cm), alone, then)
        .orElseThrow();
    SurviveComposition.Part part = plan.evaluate(base);
    List<SurviveComposition.Figures> figures = plan.figures(base, full.baseline(), th, part);
    assertEquals(fs.size(), figures.size(), what);
    for (int i = 0; i < fs.size(); i++) {
      String w = what + " " + fs.get(i).id();
      FailureResult x = FailureResult.of(fs.get(i).id(), full.reports().get(i));
      FailureResult y = FailureResult.of(fs.get(i).id(), figures.get(i));
      assertEquals(x.severity(), y.severity(), w + " severity");
      assertEquals(x.worstLinkId(), y.worstLinkId(), w + " worst link");
      assertClose(x.maxUtil(), y.maxUtil(), w + " max util");
      assertClose(x.strandedGbps(), y.strandedGbps(), w + " stranded");
    }
    return part;
  }

  private static long countNotSafe(Network base, Snapshot s) {
    List<Change> fs = Failures.all(base, KINDS);
    List<Scenario> sc = fs.stream().map(f -> new Scenario(f.id(), "", ScenarioMask.of(base,
        f))).toList();
    return Evaluator.evaluate("r", "s", base, sc, Evaluator.Strategy.INCREMENTAL,
        new Thresholds(0.3)).stream().filter(r -> Severity.of(r) != Verdict.SAFE).count();
  }

  private static void assertClose(double x, double y, String what) {
    assertTrue(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), what + ": " + x + " vs "
        + y);
  }
}
