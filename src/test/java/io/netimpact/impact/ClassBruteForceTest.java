package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.model.Change;
import io.netimpact.model.Demand;
import io.netimpact.model.ServiceClasses;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Per-class loads from the one evaluation against routing each class alone with the naive
 * reference router, and the class rows against strict priority computed directly from those
 * loads, on random small networks and changes, both strategies.
 */
class ClassBruteForceTest {
  private static final String[] LABELS = {"gold", "silver", "bronze", "", "other"};
  private static final int SEEDS = 40;

  /** The random snapshot with each demand row given a random class label. */
  private static Snapshot classed(long seed) {
    Snapshot s = RandomNetworks.snapshot(seed, 8, 13, 24);
    Random r = new Random(seed ^ 0x5eed);
    List<Demand> ds = new ArrayList<>();
    for (Demand d : s.demands()) {
      ds.add(new Demand(d.src(), d.dst(), d.gbps(), LABELS[r.nextInt(LABELS.length)]));
    }
    return new Snapshot(s.info(), s.devices(), s.links(), ds);
  }

  /** The snapshot with only the demand rows of class index {@code c}. */
  private static Snapshot only(Snapshot s, ServiceClasses classes, int c) {
    List<Demand> ds = s.demands().stream()
        .filter(d -> classes.indexOf(d.trafficClass()) == c).toList();
    return new Snapshot(s.info(), s.devices(), s.links(), ds);
  }

  @ParameterizedTest
  @EnumSource(Evaluator.Strategy.class)
  void perClassLoads_equalRoutingEachClassAlone(Evaluator.Strategy strategy) {
    ServiceClasses classes = ClassServiceTest.GSB;
    int k = classes.count();
    for (long seed = 1; seed <= SEEDS; seed++) {
      Snapshot s = classed(seed);
      Network base = NetworkCompiler.compile(s);
      Change change = RandomNetworks.change(seed, s);
      ScenarioMask mask = ScenarioMask.of(base, change);
      ClassInput in = ClassInput.of(classes, base, s.demands());
      // The evaluator's steps for one scenario, keeping the state.
      PairEvaluator pe = new PairEvaluator(base);
      pe.withClasses(in.shares());
      int arcs = base.arcCount();
      double[] baseLoad = new double[k * arcs];
      ScenarioState state = new ScenarioState(0);
      for (int dst : base.destinations()) {
        DestinationBaseline b = pe.baselineForNow(dst);
        pe.pushClassLoads(b, in.shares(), (c, a, g) -> baseLoad[c * arcs + a] += g);
        Evaluator.evaluatePair(pe, b.dag(), () -> b, mask, strategy, state, true);
      }
      ClassService cs = new ClassService(classes, in.shares(), baseLoad, arcs);
      MaskedView after = MaskedView.of(base, mask);
      double[] got = new double[k];
      for (int c = 0; c < k; c++) {
        Network nc = NetworkCompiler.compile(only(s, classes, c));
        double[] before = ReferenceRouter.loads(nc, new double[1]);
        MaskedView afterC = MaskedView.of(nc, ScenarioMask.of(nc, change));
        assertEquals(after.arcCount(), afterC.arcCount());
        double[] afterLoads = ReferenceRouter.loads(afterC, new double[1]);
        for (int a = 0; a < after.arcCount(); a++) {
          if (a < arcs) {
            assertEquals(before[a], cs.baseLoad(c, a), 1e-9 * Math.max(1, before[a]),
                "seed " + seed + " class " + c + " arc " + a + " before");
          }
          cs.offeredAfter(state, a, got);
          assertEquals(afterLoads[a], got[c], 1e-9 * Math.max(1, afterLoads[a]),
              "seed " + seed + " class " + c + " arc " + a + " after (" + change + ")");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Evaluator.Strategy.class)
  void classRows_equalStrictPriorityOnTheReferenceLoads(Evaluator.Strategy strategy) {
    ServiceClasses classes = ClassServiceTest.GSB;
    int k = classes.count();
    int rowsSeen = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Snapshot s = classed(seed);
      Network base = NetworkCompiler.compile(s);
      Change change = RandomNetworks.change(seed, s);
      ScenarioMask mask = ScenarioMask.of(base, change);
      ImpactReport r = Evaluator.evaluate("r", "s", base,
          List.of(new Scenario("c", "", mask)), strategy, Thresholds.DEFAULT, null,
          Overlay.NONE, Optional.of(ClassInput.of(classes, base, s.demands()))).get(0);
      MaskedView after = MaskedView.of(base, mask);
      double[][] before = new double[k][];
      double[][] afterLoads = new double[k][];
      for (int c = 0; c < k; c++) {
        Network nc = NetworkCompiler.compile(only(s, classes, c));
        before[c] = ReferenceRouter.loads(nc, new double[1]);
        afterLoads[c] = ReferenceRouter.loads(MaskedView.of(nc, ScenarioMask.of(nc, change)),
            new double[1]);
      }
      Map<String, double[]> expected = new HashMap<>();
      double protectedAfter = 0;
      double allAfter = 0;
      boolean newlyProtected = false;
      for (int a = 0; a < after.arcCount(); a++) {
        double[] offB = new double[k];
        double[] offA = new double[k];
        for (int c = 0; c < k; c++) {
          offB[c] = a < base.arcCount() ? before[c][a] : 0;
          offA[c] = afterLoads[c][a];
        }
        double[] dropB = new double[k];
        double[] dropA = new double[k];
        ClassService.serve(offB, a < base.arcCount() ? base.arcCapacity(a) : 0, dropB);
        ClassService.serve(offA, after.arcCapacity(a), dropA);
        for (int c = 0; c < k; c++) {
          if (dropB[c] > 0 || dropA[c] > 0) {
            expected.put(a + "/" + classes.name(c), new double[] {dropB[c], dropA[c]});
          }
          allAfter += dropA[c];
          if (classes.isProtected(c)) {
            protectedAfter += dropA[c];
            newlyProtected |= dropA[c] > 0 && dropB[c] == 0;
          }
        }
      }
      Map<String, double[]> got = new HashMap<>();
      for (ClassImpact row : r.classes().rows()) {
        int a = arcOf(after, row);
        got.put(a + "/" + row.trafficClass(),
            new double[] {row.droppedBeforeGbps(), row.droppedAfterGbps()});
      }
      assertEquals(expected.keySet(), got.keySet(), "seed " + seed + " " + change);
      for (var e : expected.entrySet()) {
        double[] g = got.get(e.getKey());
        assertEquals(e.getValue()[0], g[0], 1e-9 * Math.max(1, g[0]), "seed " + seed);
        assertEquals(e.getValue()[1], g[1], 1e-9 * Math.max(1, g[1]), "seed " + seed);
      }
      assertEquals(allAfter, r.classes().droppedGbpsAfter(), 1e-9 * Math.max(1, allAfter));
      assertEquals(protectedAfter, r.classes().protectedDroppedGbpsAfter(),
          1e-9 * Math.max(1, protectedAfter));
      if (newlyProtected) {
        assertEquals(Verdict.BLOCK, r.summary().verdict(), "seed " + seed);
      }
      rowsSeen += got.size();
    }
    assertEquals(true, rowsSeen > 20, "the random cases drop something: " + rowsSeen);
  }

  private static int arcOf(MaskedView g, ClassImpact row) {
    for (int a = 0; a < g.arcCount(); a++) {
      if (g.linkId(Network.linkOf(a)).equals(row.linkId())
          && g.nodeId(g.tail(a)).equals(row.fromDevice())
          && g.nodeId(g.head(a)).equals(row.toDevice())) {
        return a;
      }
    }
    throw new AssertionError("no arc for " + row);
  }
}
