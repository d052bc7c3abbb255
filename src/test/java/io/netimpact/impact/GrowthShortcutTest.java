package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Growth is not routing: a change that scales every demand alike, evaluated as its routing
 * alone and then grown from the base loads ({@link ScenarioState#grown}), gives the rows of
 * the full evaluation of the whole change, to 1e-9 relative. (Factors of few digits on
 * volumes of few digits can land a load exactly on a rounding tie of a reason's percentage,
 * which the two orders of multiplication then round apart: the factors here avoid ties.)
 */
class GrowthShortcutTest {

  /** The change's report through the shortcut: its routing per destination, then grown. */
  private static ImpactReport shortcut(Network base, Scenario sc) {
    ScenarioMask.Growth g = sc.mask().uniformGrowth(base).orElseThrow();
    PairEvaluator pe = new PairEvaluator(base);
    ScenarioState state = new ScenarioState(0);
    double[] load = new double[base.arcCount()];
    double lost = 0;
    long pairs = 0;
    for (int dst : base.destinations()) {
      DestinationBaseline b = pe.baselineForNow(dst);
      b.addLoads(LoadSink.into(load));
      lost += b.lost();
      Evaluator.evaluatePair(pe, b, g.routing(), Evaluator.Strategy.INCREMENTAL, state);
    }
    Baseline baseline = new Baseline(load, lost);
    state.grown(g.factor(), baseline);
    return new Assembler(base, baseline, Thresholds.DEFAULT).assemble("r", "s", sc, state,
        null);
  }

  private static ImpactReport full(Network base, Scenario sc) {
    return Evaluator.evaluate("r", "s", base, List.of(sc), Evaluator.Strategy.FULL,
        Thresholds.DEFAULT).get(0);
  }

  private static Change grown(Change c, double factor) {
    List<ChangeOp> ops = new ArrayList<>(c.ops());
    ops.add(new ChangeOp.ScaleDemands(factor, Optional.empty(), Optional.empty()));
    return new Change(c.id(), c.title(), ops);
  }

  @Test
  void growthWithAnyRoutingChange_equalsFullEvaluation() {
    int cases = 0;
    Random r = new Random(7);
    for (long seed = 1; seed <= 40; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 6 + (int) (seed % 12), 10 + (int) (seed % 20),
          40);
      Network base = NetworkCompiler.compile(s);
      for (int k = 0; k < 6; k++) {
        Change c = RandomNetworks.change(seed * 100 + k, s);
        boolean siteScaled = c.ops().stream().anyMatch(o -> o instanceof ChangeOp.ScaleDemands
            x && (x.srcSite().isPresent() || x.dstSite().isPresent()));
        Change g = grown(c, 0.2 + 2 * r.nextDouble());
        Scenario sc = new Scenario(g.id(), g.title(), After.mask(base, g));
        if (siteScaled) {
          assertTrue(sc.mask().uniformGrowth(base).isEmpty(), "a site's growth is not uniform");
          continue;
        }
        ReportAssertions.assertIdentical(full(base, sc), shortcut(base, sc), "seed " + seed
            + " " + g);
        cases++;
      }
    }
    assertTrue(cases > 150, "cases " + cases);
  }

  @Test
  void pureGrowth_routesNothingAndEqualsFullEvaluation() {
    for (long seed = 1; seed <= 20; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 6), 16, 50);
      Network base = NetworkCompiler.compile(s);
      Change c = new Change("grow", "", List.of(
          new ChangeOp.ScaleDemands(1.37, Optional.empty(), Optional.empty()),
          new ChangeOp.ScaleDemands(1.13, Optional.empty(), Optional.empty())));
      Scenario sc = new Scenario(c.id(), c.title(), After.mask(base, c));
      ScenarioMask.Growth g = sc.mask().uniformGrowth(base).orElseThrow();
      assertEquals(1.37 * 1.13, g.factor(), 1e-15);
      assertEquals(0, g.routing().size(), "no element left to route");
      ReportAssertions.assertIdentical(full(base, sc), shortcut(base, sc), "seed " + seed);
    }
  }

  @Test
  void growthOfOneSite_orNoGrowth_isNoShortcut() {
    Snapshot s = RandomNetworks.snapshot(3, 10, 16, 50);
    Network base = NetworkCompiler.compile(s);
    String site = s.devices().get(0).site();
    assertTrue(After.mask(base, new ChangeOp.ScaleDemands(2, Optional.of(site),
        Optional.empty())).uniformGrowth(base).isEmpty());
    assertTrue(After.mask(base, new ChangeOp.ScaleDemands(2, Optional.empty(),
        Optional.of(site))).uniformGrowth(base).isEmpty());
    assertTrue(After.mask(base, new ChangeOp.ScaleDemands(2, Optional.empty(),
        Optional.empty()), new ChangeOp.ScaleDemands(0.5, Optional.empty(), Optional.empty()))
        .uniformGrowth(base).isEmpty(), "a product of 1 changes nothing");
    assertTrue(After.mask(base, new ChangeOp.SetDrained(s.devices().get(1).id(), true))
        .uniformGrowth(base).isEmpty());
  }
}
