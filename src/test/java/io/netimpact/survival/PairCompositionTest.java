package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioState;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.impact.WorstCase;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReportAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pairs of failures composed per destination from their two singles ({@link PairComposition})
 * give the reports and the worst case per arc of the same pairs evaluated as two-op changes,
 * rerouted from scratch: on random networks (LAGs, min-links, SRLGs, drains, parallel links,
 * sites) with pairs of every kind, among them overlapping and disjoint ones, a link and an SRLG
 * it belongs to, a device and a link of it, and pairs whose first failure strands traffic.
 */
class PairCompositionTest {
  private static final List<Sweep.Each> KINDS = List.of(Sweep.Each.LINK, Sweep.Each.SRLG,
      Sweep.Each.DEVICE, Sweep.Each.SITE);

  @Test
  void composedPairs_equalTwoOpChangesRoutedFromScratch_onRandomNetworks() {
    Coverage seen = new Coverage();
    for (long seed = 1; seed <= 3; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 7 + (int) (seed % 5), 12 + (int) (seed % 7),
          40);
      assertComposedEqualsBruteForce(s, "seed " + seed, seen);
    }
    assertTrue(seen.reused > 100 && seen.recomputed > 100, "both ways taken: reused "
        + seen.reused + ", recomputed " + seen.recomputed);
    assertTrue(seen.srlgMember > 0, "pairs of a link and an SRLG it is in: " + seen.srlgMember);
    assertTrue(seen.deviceAndItsLink > 0, "pairs of a device and its link: "
        + seen.deviceAndItsLink);
    assertTrue(seen.firstStrands > 0, "pairs whose first failure strands traffic: "
        + seen.firstStrands);
    assertTrue(seen.disjoint > 0 && seen.overlapping > 0, "disjoint " + seen.disjoint
        + ", overlapping " + seen.overlapping);
  }

  @Test
  void composedPairs_mixedWithExplicitChangesAndSingles_leaveTheOthersAsTheyAre() {
    Snapshot s = RandomNetworks.snapshot(21, 9, 15, 40);
    Link l = s.links().get(3);
    Sweep sweep = new Sweep("mixed", List.of(new Change("drain", "", List.of(
        new ChangeOp.SetDrained(s.devices().get(2).id(), true), new ChangeOp.SetLinkUp(
            l.id(), false)))), List.of(
        new Sweep.Generator(Sweep.Each.LINK, "link_down", Optional.empty(), Optional.empty(),
            Optional.empty()),
        pairGenerator(List.of(Sweep.Each.LINK, Sweep.Each.DEVICE))));
    Coverage seen = new Coverage();
    assertSameAsBruteForce(NetworkCompiler.compile(s), sweep.expansion(s), "mixed", seen);
    assertTrue(seen.reused > 0, "reused " + seen.reused);
  }

  @Test
  void composition_leavesOutPairsWhoseSinglesMayShortenPaths() {
    Snapshot s = RandomNetworks.snapshot(5, 8, 14, 30);
    Network base = NetworkCompiler.compile(s);
    Link l = s.links().get(0);
    ScenarioMask down = ScenarioMask.of(base, new Change("d", "", List.of(
        new ChangeOp.SetLinkUp(l.id(), false))));
    ScenarioMask metricDown = ScenarioMask.of(base, new Change("m", "", List.of(
        new ChangeOp.SetMetric(l.id(), 1, ChangeOp.Direction.BOTH))));
    PairComposition c = PairComposition.of(List.of(down, down, metricDown),
        new int[] {0, 0, -1}, new int[] {1, 2, -1});
    assertTrue(c.composes(0));
    assertEquals(l.metric() > 1, !c.composes(1), "a lowered metric may shorten paths");
    assertTrue(!c.composes(2));
  }

  @Test
  void screenedPairs_areSafeExactlyWhenTheirFullEvaluationIs_withItsLoads() {
    int safe = 0;
    int unsafe = 0;
    for (long seed = 31; seed <= 36; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 4), 14 + (int) (seed % 5),
          40);
      Sweep.Expansion e = new Sweep("screen", List.of(), List.of(pairGenerator(KINDS)))
          .expansion(s);
      Network base = NetworkCompiler.compile(s);
      List<Scenario> sc = scenarios(base, e.changes());
      // Odd seeds with the singles' joining arcs made ahead, as a sweep's screen does.
      PairComposition plain = PairPlan.of(base, e);
      PairComposition pairs = seed % 2 == 0 ? plain : plain.withJoining(plain.joiningOf(
          new PairEvaluator(base).routeChanges(false), java.util.stream.IntStream.range(0,
              base.destinations().length).toArray()));
      List<ImpactReport> full = Evaluator.evaluate("r", "s", base, sc,
          Evaluator.Strategy.FULL, Thresholds.DEFAULT);
      int[] composed = java.util.stream.IntStream.range(0, sc.size())
          .filter(pairs::composes).toArray();
      assertTrue(composed.length > 20, "pairs composed: " + composed.length);
      // Three slices of uneven size, each screened on its own.
      int a = composed.length / 5;
      int b = composed.length / 2;
      java.util.Map<String, io.netimpact.verdict.ScenarioSummary> screened =
          new java.util.HashMap<>();
      java.util.BitSet safeSet = new java.util.BitSet();
      for (int[] slice : new int[][] {java.util.Arrays.copyOfRange(composed, 0, a),
          java.util.Arrays.copyOfRange(composed, a, b),
          java.util.Arrays.copyOfRange(composed, b, composed.length)}) {
        io.netimpact.impact.PairScreen.Slice r = io.netimpact.impact.PairScreen.screen(base,
            sc, pairs, slice, Thresholds.DEFAULT, "r", "s");
        r.safeSummaries().forEach(x -> screened.put(x.scenarioId(), x));
        safeSet.or(io.netimpact.impact.PairScreen.safe(List.of(r)));
      }
      for (int i : composed) {
        io.netimpact.verdict.ScenarioSummary f = full.get(i).summary();
        String what = "seed " + seed + " " + sc.get(i).id();
        assertEquals(f.verdict() == Verdict.SAFE, safeSet.get(i), what + ": " + f.verdict());
        if (f.verdict() == Verdict.SAFE) {
          safe++;
          io.netimpact.verdict.ScenarioSummary x = screened.get(sc.get(i).id());
          ReportAssertions.assertClose(f.maxUtilAfter(), x.maxUtilAfter(), what);
          ReportAssertions.assertClose(f.unroutableGbpsAfter(), x.unroutableGbpsAfter(), what);
          assertEquals(f.linksOverWarnAfter(), x.linksOverWarnAfter(), what);
          assertEquals(f.worstLinkId(), x.worstLinkId(), what);
        } else {
          unsafe++;
          assertTrue(!screened.containsKey(sc.get(i).id()), what);
        }
      }
    }
    assertTrue(safe > 20 && unsafe > 20, "both kinds: " + safe + " SAFE, " + unsafe
        + " not");
  }

  @Test
  void screenSlices_coverEveryPairOnce_eachInOrderAndWithinTheMemoryBound_tiledBySingles() {
    Snapshot s = RandomNetworks.snapshot(41, 60, 300, 10);
    Network base = NetworkCompiler.compile(s);
    List<ScenarioMask> singles = new ArrayList<>();
    for (Link l : s.links()) {
      singles.add(ScenarioMask.of(base, new Change(l.id(), "", List.of(
          new ChangeOp.SetLinkUp(l.id(), false)))));
    }
    int m = singles.size();
    int n = m * (m - 1) / 2 + 1;
    int[] first = new int[n];
    int[] second = new int[n];
    first[0] = -1;
    second[0] = -1;
    int k = 1;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        first[k] = a;
        second[k++] = b;
      }
    }
    PairComposition c = PairComposition.of(singles, first, second);
    int[] pairs = java.util.stream.IntStream.range(1, n).toArray();
    for (int arcs : new int[] {10, 2_000, 20_000}) {
      for (int cores : new int[] {1, 2, 64}) {
        String what = arcs + " arcs, " + cores + " cores";
        int[][] slices = io.netimpact.impact.PairScreen.slices(c, pairs, arcs, cores);
        int[] joined = java.util.Arrays.stream(slices).flatMapToInt(java.util.Arrays::stream)
            .sorted().toArray();
        assertTrue(java.util.Arrays.equals(pairs, joined), what + ": every pair once");
        assertTrue(slices.length >= cores, what + ": " + slices.length + " slices");
        long perSlice = 40_000_000L / arcs;
        for (int[] slice : slices) {
          assertTrue(slice.length > 0 && slice.length <= perSlice, what + ": " + slice.length);
          java.util.Set<Integer> used = new java.util.HashSet<>();
          for (int x = 0; x < slice.length; x++) {
            assertTrue(x == 0 || slice[x - 1] < slice[x], what + ": ascending");
            used.add(c.single(slice[x], false));
            used.add(c.single(slice[x], true));
          }
          if (slices.length >= 6) {
            assertTrue(used.size() < m, what + ": a slice needs some of the singles, not all: "
                + used.size() + " of " + m);
          }
        }
      }
    }
    assertEquals(0, io.netimpact.impact.PairScreen.slices(c, new int[0], 10, 2).length);
  }

  private static Sweep.Generator pairGenerator(List<Sweep.Each> kinds) {
    return new Sweep.Generator(Sweep.Each.PAIR, "pair", Optional.empty(), Optional.empty(),
        Optional.empty(), kinds);
  }

  private static void assertComposedEqualsBruteForce(Snapshot s, String what, Coverage seen) {
    Sweep sweep = new Sweep(what, List.of(), List.of(pairGenerator(KINDS)));
    Sweep.Expansion e = sweep.expansion(s);
    Network base = NetworkCompiler.compile(s);
    assertSameAsBruteForce(base, e, what, seen);
    // What kinds of pairs the network made.
    List<Change> singles = Sweep.failures(KINDS, Optional.empty(), Optional.empty(),
        Optional.empty(), s);
    List<Scenario> one = scenarios(base, singles);
    List<ImpactReport> alone = Evaluator.evaluate("r", "s", base, one,
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT);
    for (Change c : e.changes()) {
      ChangeOp a = c.ops().get(0);
      ChangeOp b = c.ops().get(1);
      if (a instanceof ChangeOp.SetLinkUp x && b instanceof ChangeOp.SrlgDown g
          && s.links().stream().anyMatch(k -> k.id().equals(x.link())
              && k.srlgs().contains(g.srlg()))) {
        seen.srlgMember++;
      }
      if (a instanceof ChangeOp.SetLinkUp x && b instanceof ChangeOp.RemoveDevice d
          && s.links().stream().anyMatch(k -> k.id().equals(x.link())
              && (k.a().equals(d.device()) || k.b().equals(d.device())))) {
        seen.deviceAndItsLink++;
      }
      int first = 0;
      while (!singles.get(first).ops().equals(List.of(a))) {
        first++;
      }
      if (alone.get(first).summary().verdict() == Verdict.BLOCK
          && alone.get(first).summary().unroutableGbpsAfter()
              > alone.get(first).summary().unroutableGbpsBefore()) {
        seen.firstStrands++;
      }
    }
  }

  private static List<Scenario> scenarios(Network base, List<Change> changes) {
    List<Scenario> out = new ArrayList<>();
    for (Change c : changes) {
      out.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
    }
    return out;
  }

  /**
   * The expansion's scenarios rerouted from scratch as they are ({@code FULL}: brute force),
   * and incrementally with the pairs composed: every report and every worst-case row the same.
   */
  private static void assertSameAsBruteForce(Network base, Sweep.Expansion e, String what,
      Coverage seen) {
    List<Scenario> sc = scenarios(base, e.changes());
    PairComposition pairs = PairPlan.of(base, e);
    assertTrue(!pairs.isEmpty(), what + ": pairs composed");
    WorstCase worstFull = new WorstCase(base.arcCount());
    WorstCase worstComposed = new WorstCase(base.arcCount());
    List<ImpactReport> full = Evaluator.evaluate("r", "s", base, sc, Evaluator.Strategy.FULL,
        Thresholds.DEFAULT, worstFull, Overlay.NONE);
    List<ImpactReport> composed = Evaluator.evaluate("r", "s", base, sc,
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT, worstComposed, Overlay.NONE, pairs);
    for (int i = 0; i < sc.size(); i++) {
      ReportAssertions.assertIdentical(full.get(i), composed.get(i), what + " "
          + sc.get(i).id());
    }
    double[] zero = new double[base.arcCount()];
    List<LinkWorstCase> a = worstFull.rows("r", base, zero, sc);
    List<LinkWorstCase> b = worstComposed.rows("r", base, zero, sc);
    for (int k = 0; k < a.size(); k++) {
      LinkWorstCase x = a.get(k);
      LinkWorstCase y = b.get(k);
      String w = what + " worst case of " + x.linkId() + " from " + x.fromDevice();
      ReportAssertions.assertClose(x.worstLoadGbps(), y.worstLoadGbps(), w);
      ReportAssertions.assertClose(x.worstUtil(), y.worstUtil(), w);
      assertEquals(x.scenariosOverWarn(), y.scenariosOverWarn(), w);
      assertEquals(x.scenariosOverCapacity(), y.scenariosOverCapacity(), w);
    }
    count(base, sc, pairs, seen);
  }

  /** The composition's own work on this sweep: reused and recomputed (pair, destination)s. */
  private static void count(Network base, List<Scenario> sc, PairComposition pairs,
      Coverage seen) {
    PairEvaluator pe = new PairEvaluator(base);
    PairComposition.Workspace ws = pairs.workspace(pe);
    for (int dst : base.destinations()) {
      DestinationBaseline b = pe.baselineForNow(dst);
      for (int i : ws.affected(b.dag(), sc)) {
        if (pairs.composes(i)) {
          long before = ws.reused();
          ws.evaluate(b, i, sc.get(i).mask(), new ScenarioState(i));
          if (ws.reused() > before) {
            seen.disjoint++;
          } else {
            seen.overlapping++;
          }
        }
      }
    }
    seen.reused += ws.reused();
    seen.recomputed += ws.recomputed();
  }

  private static final class Coverage {
    long reused;
    long recomputed;
    long srlgMember;
    long deviceAndItsLink;
    long firstStrands;
    long disjoint;
    long overlapping;
  }
}
