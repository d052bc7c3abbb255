package io.netimpact.impact;

import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A sweep's pairs of failures screened by their loads alone, before any is evaluated in full.
 *
 * <p>A pair that is SAFE is not listed (contract section 7.3): all a sweep needs of it is its
 * verdict, its summary for the counts and its arcs for {@code link_worst_case}, and all of these
 * follow from its arc loads and the traffic it loses. Those come out of an evaluator that keeps
 * no route changes ({@link PairEvaluator#routeChanges}), the same loads to the last rounding
 * (the repair from below where a pair only lengthens paths, else the region repair), with no
 * per-demand record of what moved. The screen evaluates every pair that way, composed from its
 * singles per destination ({@link PairComposition}), and keeps only the SAFE ones' summaries
 * and worst case; the pairs that are not SAFE are then evaluated in full with the sweep's other
 * scenarios, their rows being written. Since the verdict depends on nothing but loads and lost
 * traffic, the split is exact: a pair SAFE here is SAFE in full, and the reverse.
 *
 * <p>Pairs are screened in slices ({@link #slices}), each evaluated over every destination and
 * then released: the state of a slice's pairs (their arc load deltas) is the memory bound, not
 * that of the whole sweep, which on a few hundred routers is hundreds of thousands of pairs.
 * A slice is a tile of the pairs' triangle (the pairs of one block of single failures with
 * one block), so that it needs the single repairs and detour searches of two blocks of
 * singles, not of all of them. Per slice: one Dijkstra and one push per destination, per
 * destination the repairs (and detour searches, when a pair needs one and the composition does
 * not carry them made ahead, {@link PairComposition#withJoining}) of the touching singles of
 * its two blocks, and the pairs' own repairs (see {@link PairComposition}); then one
 * assembly per pair (O(arcs it changes)), folded into the worst case once its verdict says
 * SAFE.
 */
public final class PairScreen {
  /** Arc load entries a slice's states may hold at once, if every pair changed every arc. */
  static final long STATE_BUDGET = 40_000_000L;

  private PairScreen() {}

  /**
   * What a slice gave: the positions (in the slice) of its SAFE pairs, their summaries, their
   * worst case (folded with the baseline), and how many (pair, destination) evaluations took a
   * single's state or repaired the pair.
   */
  public record Slice(int[] pairs, BitSet safe, List<ScenarioSummary> safeSummaries,
      WorstCase worst, long reused, long recomputed) implements Serializable {}

  /**
   * The composed pairs of {@code pairs} (ascending scenario indices) cut into slices, each
   * ascending: the single failures are cut into B blocks of consecutive ones, and a slice
   * holds the pairs of one block with one block (one tile of the pairs' triangle), so that a
   * slice needs the repairs and detours of at most two blocks of singles rather than of all
   * of them. B is the smallest with at least as many tiles as the slices wanted: as few as
   * {@link #STATE_BUDGET} allows on a network of {@code arcs} base arcs, and at least
   * {@code parallelism} when there are that many pairs; a tile over the budget is cut into
   * contiguous parts. O(pairs).
   */
  public static int[][] slices(PairComposition composition, int[] pairs, int arcs,
      int parallelism) {
    int n = pairs.length;
    if (n == 0) {
      return new int[0][];
    }
    long perSlice = Math.max(1, STATE_BUDGET / Math.max(1, arcs));
    long wanted = Math.max((n + perSlice - 1) / perSlice, Math.min(n, Math.max(1,
        parallelism)));
    int blocks = 1;
    while ((long) blocks * (blocks + 1) / 2 < wanted) {
      blocks++;
    }
    int singles = Math.max(1, composition.singleCount());
    int side = (singles + blocks - 1) / blocks;
    java.util.Map<Long, it.unimi.dsi.fastutil.ints.IntArrayList> tiles =
        new java.util.TreeMap<>();
    for (int i : pairs) {
      int a = composition.single(i, false) / side;
      int b = composition.single(i, true) / side;
      long key = (long) Math.min(a, b) * blocks + Math.max(a, b);
      tiles.computeIfAbsent(key, k -> new it.unimi.dsi.fastutil.ints.IntArrayList()).add(i);
    }
    List<int[]> out = new ArrayList<>();
    for (it.unimi.dsi.fastutil.ints.IntArrayList t : tiles.values()) {
      int parts = (int) ((t.size() + perSlice - 1) / perSlice);
      for (int k = 0; k < parts; k++) {
        out.add(Arrays.copyOfRange(t.elements(), (int) ((long) t.size() * k / parts),
            (int) ((long) t.size() * (k + 1) / parts)));
      }
    }
    return out.toArray(new int[0][]);
  }

  /**
   * Screens the composed pairs {@code among} (ascending indices into {@code scenarios}, every
   * one a pair of {@code composition}): each evaluated by its loads alone over every
   * destination of {@code base}, then assembled to its summary. O(D x (E log V + the touching
   * singles' and the interacting pairs' repairs) + the pairs' assembly), memory O(|among| x
   * arcs): each pair's deltas are summed in an array of every arc while the destinations are
   * evaluated (a pair of rf1239 takes deltas on most of its 1,944 arcs from many of its 315
   * destinations, and an array takes each of those additions in O(1) without hashing).
   *
   * @throws IllegalArgumentException when a scenario of {@code among} is not a composed pair
   */
  public static Slice screen(Network base, List<Scenario> scenarios,
      PairComposition composition, int[] among, Thresholds th, String runId,
      String snapshotId) {
    for (int i : among) {
      if (!composition.composes(i)) {
        throw new IllegalArgumentException("scenario " + i + " is not a composed pair");
      }
    }
    PairEvaluator pe = new PairEvaluator(base).routeChanges(false);
    PairComposition.Workspace ws = composition.workspace(pe);
    ScenarioState[] states = new ScenarioState[among.length];
    BaselineLoads.Sum sum = new BaselineLoads.Sum(base.arcCount());
    for (int dst : base.destinations()) {
      DestinationBaseline b = pe.baselineForNow(dst);
      sum.add(b);
      for (int sc : ws.affected(b.dag(), scenarios, among)) {
        int k = Arrays.binarySearch(among, sc);
        if (states[k] == null) {
          // A pair's deltas reach most arcs, once per destination it touches: summed in an
          // array (within STATE_BUDGET per slice), made sparse at its assembly.
          states[k] = ScenarioState.dense(sc, base.arcCount());
        }
        ws.evaluate(b, sc, scenarios.get(sc).mask(), states[k]);
      }
    }
    Assembler asm = new Assembler(base, new Baseline(sum.load(), sum.lost()), th);
    WorstCase worst = new WorstCase(base.arcCount());
    BitSet safe = new BitSet(among.length);
    List<ScenarioSummary> summaries = new ArrayList<>();
    for (int k = 0; k < among.length; k++) {
      ScenarioState st = states[k] != null ? states[k] : new ScenarioState(among[k]);
      states[k] = null;
      Scenario sc = scenarios.get(among[k]);
      // Folded into the worst case only when SAFE: a pair that is not SAFE is folded by its
      // full evaluation, and must not count twice.
      ImpactReport r = asm.assemble(runId, snapshotId, sc, st, worst.hold(), true);
      if (r.summary().verdict() == Verdict.SAFE) {
        worst.commit();
        safe.set(k);
        summaries.add(r.summary());
      } else {
        worst.drop();
      }
    }
    worst.withBaseline(base, sum.load(), th);
    return new Slice(among, safe, summaries, worst, ws.reused(), ws.recomputed());
  }

  /** Every slice's SAFE pairs' summaries, in scenario order. O(pairs log pairs). */
  public static List<ScenarioSummary> safeSummaries(List<Slice> slices) {
    List<Map.Entry<Integer, ScenarioSummary>> all = new ArrayList<>();
    for (Slice s : slices) {
      int j = 0;
      for (int k = s.safe().nextSetBit(0); k >= 0; k = s.safe().nextSetBit(k + 1)) {
        all.add(Map.entry(s.pairs()[k], s.safeSummaries().get(j++)));
      }
    }
    all.sort(Map.Entry.comparingByKey());
    return all.stream().map(Map.Entry::getValue).toList();
  }

  /** Every slice's SAFE pairs, as scenario indices in a set. O(pairs). */
  public static BitSet safe(List<Slice> slices) {
    BitSet out = new BitSet();
    for (Slice s : slices) {
      for (int k = s.safe().nextSetBit(0); k >= 0; k = s.safe().nextSetBit(k + 1)) {
        out.set(s.pairs()[k]);
      }
    }
    return out;
  }
}
