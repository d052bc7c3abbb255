package io.netimpact.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Device;
import io.netimpact.model.FailureModel;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import io.netimpact.testing.Topologies;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Availability against hand-worked figures and against brute force on random networks. */
class AvailabilityTest {
  private static final FailureModel LINKS_1PC = new FailureModel(
      Map.of(Sweep.Each.LINK, 0.01), Map.of());

  /**
   * The square: a-b-d and a-c-d, 100 Gbps each, a->d 60 Gbps split 30/30; every link fails
   * with p = 0.01, U = 0.99^4 = 0.96059601 that none does, r = 0.01/0.99.
   * <ul>
   *   <li>base: not hit (30 on each path); P = U = 0.96059601;</li>
   *   <li>4 singles: the other path carries 60 <= 100, not hit; 4 U r = 4 x 0.01 x 0.99^3
   *       = 0.03881196;</li>
   *   <li>2 pairs on one path (ab+bd, ac+cd): the other carries 60, not hit; 2 U r^2 =
   *       2 x 0.0001 x 0.99^2 = 0.00019602;</li>
   *   <li>4 pairs one on each path: unroutable, hit; 4 U r^2 = 0.00039204.</li>
   * </ul>
   * Availability 0.96059601 + 0.03881196 + 0.00019602 = 0.99960399; expected unroutable
   * 60 x 0.00039204 = 0.0235224 Gbps; uncovered (three or four failures) 4 x 0.01^3 x 0.99
   * + 0.01^4 = 0.00000397; worst: the first of the four equal pairs in scenario order,
   * link_down:ab+link_down:ac.
   */
  @ParameterizedTest
  @EnumSource(Evaluator.Strategy.class)
  void twoParallelPaths_availableUnlessBothAreCut(Evaluator.Strategy strategy) {
    Snapshot s = Topologies.square().demand("a", "d", 60).snapshot();
    FailureScenarios fs = FailureScenarios.of(LINKS_1PC, s, 0);
    Availability a = Availabilities.evaluate("run", NetworkCompiler.compile(s), fs, strategy);
    assertEquals(1, a.rows().size());
    DemandAvailability d = a.rows().get(0);
    assertEquals(0.99960399, d.availability(), 1e-15);
    assertEquals(0.0235224, d.expectedUnroutableGbps(), 1e-15);
    assertEquals("link_down:ab+link_down:ac", d.worstScenarioId().orElseThrow());
    assertEquals(0.00000397, a.uncovered(), 1e-15);
    assertEquals(11, a.scenarios());
    assertEquals(0.99960399, a.meanAvailability(), 1e-15);
    assertEquals(0, a.gbpsBelow()[0], "above 99.9 %");
    assertEquals(60, a.gbpsBelow()[1], "below 99.99 %");
    assertEquals(60, a.gbpsBelow()[2], "below 99.999 %");
  }

  /**
   * The same square with a cutoff of 1e-4: every pair (U r^2 = 0.00009801) is left out, so
   * the availability is the base and the singles, 0.96059601 + 0.03881196 = 0.99940797, and
   * the uncovered probability is what they leave, 0.00059203 = 1 - sum of P(evaluated).
   */
  @ParameterizedTest
  @ValueSource(doubles = {1e-4})
  void cutoff_leavesPairsOut_andReportsTheirProbabilityAsUncovered(double cutoff) {
    Snapshot s = Topologies.square().demand("a", "d", 60).snapshot();
    FailureScenarios fs = FailureScenarios.of(LINKS_1PC, s, cutoff);
    assertEquals(0, fs.pairs().size());
    assertEquals(6, fs.prunedPairs());
    Availability a = Availabilities.evaluate("run", NetworkCompiler.compile(s), fs,
        Evaluator.Strategy.INCREMENTAL);
    assertEquals(0.99940797, a.rows().get(0).availability(), 1e-15);
    assertEquals(0.00059203, a.uncovered(), 1e-15);
    double sum = fs.pBase();
    for (double p : fs.probabilities()) {
      sum += p;
    }
    assertEquals(1 - sum, a.uncovered(), 1e-15);
    assertTrue(a.rows().get(0).worstScenarioId().isEmpty(), "nothing evaluated hits it");
  }

  /** Random networks: kept pairs are exactly those at or above the cutoff. */
  @ParameterizedTest
  @ValueSource(longs = {3, 4, 5})
  void cutoff_keepsExactlyThePairsAtOrAboveIt(long seed) {
    Snapshot s = RandomNetworks.snapshot(seed, 8, 14, 10);
    FailureModel m = model(s);
    FailureScenarios all = FailureScenarios.of(m, s, 0);
    double[] p = all.pPairs();
    double cutoff = p.length == 0 ? 1e-6 : p[p.length / 2];
    FailureScenarios cut = FailureScenarios.of(m, s, cutoff);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      if (p[i] >= cutoff) {
        expected.add(all.pairs().get(i).id());
      }
    }
    assertEquals(expected, cut.pairs().stream().map(Change::id).toList());
    assertEquals(all.pairs().size() - expected.size(), cut.prunedPairs());
    double sum = cut.pBase();
    for (double x : cut.probabilities()) {
      sum += x;
    }
    assertEquals(1 - sum, cut.uncovered(), 1e-14);
  }

  /** Links p = 0.01 (one 0.05), SRLGs 0.02, devices 0.003, sites 0.001. */
  private static FailureModel model(Snapshot s) {
    return new FailureModel(Map.of(Sweep.Each.LINK, 0.01, Sweep.Each.SRLG, 0.02,
        Sweep.Each.DEVICE, 0.003, Sweep.Each.SITE, 0.001),
        Map.of("link:" + s.links().get(1).id(), 0.05));
  }

  /**
   * Brute force: every set of at most two failed elements, its probability the product over
   * every element, each scenario routed by the naive reference router, a demand hit when it
   * has no path or one of its arcs is over capacity; the availability summed directly.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 7, 11, 12})
  void randomNetworks_matchBruteForce(long seed) {
    Snapshot s = RandomNetworks.snapshot(seed, 7, 11, 14);
    Network base = NetworkCompiler.compile(s);
    FailureModel m = model(s);
    List<ChangeOp> elements = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    Set<String> srlgs = new LinkedHashSet<>();
    Set<String> sites = new LinkedHashSet<>();
    for (Link l : s.links()) {
      elements.add(new ChangeOp.SetLinkUp(l.id(), false));
      ps.add(m.p(Sweep.Each.LINK, l.id()));
      srlgs.addAll(l.srlgs());
    }
    for (String g : srlgs) {
      elements.add(new ChangeOp.SrlgDown(g));
      ps.add(0.02);
    }
    for (Device d : s.devices()) {
      elements.add(new ChangeOp.RemoveDevice(d.id()));
      ps.add(0.003);
      if (!d.site().isEmpty()) {
        sites.add(d.site());
      }
    }
    for (String site : sites) {
      elements.add(new ChangeOp.SiteDown(site));
      ps.add(0.001);
    }
    int n = elements.size();
    double[] avail = new double[base.demandCount()];
    double[] unroutable = new double[base.demandCount()];
    double covered = 0;
    List<int[]> subsets = new ArrayList<>();
    subsets.add(new int[] {-1, -1});
    for (int i = 0; i < n; i++) {
      subsets.add(new int[] {i, -1});
      for (int j = i + 1; j < n; j++) {
        subsets.add(new int[] {i, j});
      }
    }
    for (int[] sub : subsets) {
      int i = sub[0];
      int j = sub[1];
      {
        List<ChangeOp> ops = new ArrayList<>();
        double p = 1;
        for (int e = 0; e < n; e++) {
          boolean failed = e == i || e == j;
          p *= failed ? ps.get(e) : 1 - ps.get(e);
          if (failed) {
            ops.add(elements.get(e));
          }
        }
        covered += p;
        MaskedView v = ops.isEmpty() ? MaskedView.of(base)
            : MaskedView.of(base, ScenarioMask.of(base, new Change("x", "x", ops)));
        double[] load = ReferenceRouter.loads(v, new double[1]);
        for (int k = 0; k < base.demandCount(); k++) {
          boolean[] arcs = ReferenceRouter.arcsOf(v, k);
          boolean hit = arcs == null;
          for (int a = 0; !hit && a < arcs.length; a++) {
            hit = arcs[a] && Thresholds.over(load[a], v.arcCapacity(a));
          }
          if (!hit) {
            avail[k] += p;
          } else if (arcs == null) {
            unroutable[k] += p * v.demandGbps(k);
          }
        }
      }
    }
    for (Evaluator.Strategy strategy : Evaluator.Strategy.values()) {
      Availability a = Availabilities.evaluate("run", base, FailureScenarios.of(m, s, 0),
          strategy);
      assertEquals(1 - covered, a.uncovered(), 1e-12, "uncovered");
      for (int k = 0; k < base.demandCount(); k++) {
        DemandAvailability r = a.rows().get(k);
        String what = seed + " " + strategy + " " + r.src() + "->" + r.dst();
        assertEquals(avail[k], r.availability(), 1e-12, what);
        assertEquals(unroutable[k], r.expectedUnroutableGbps(), 1e-12, what);
      }
    }
  }
}
