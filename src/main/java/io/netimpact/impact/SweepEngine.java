package io.netimpact.impact;

import io.netimpact.routing.Delta;
import io.netimpact.routing.EcmpRouter;
import io.netimpact.routing.IncrementalRouter;
import io.netimpact.routing.Network;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The what-if sweep, incrementally: the baseline is routed once per destination; for each
 * (scenario, destination) pair the incremental rules decide in O(changed elements) whether
 * anything can change, and only the pairs they select are repaired or rerouted. Their load
 * deltas merge per scenario; after-loads are baseline plus merged deltas.
 *
 * <p>The Spark job distributes {@link #runUnit} over work units and merges
 * {@link ScenarioPartial}s with a reduce; {@link #sweep} runs the same steps in one thread
 * and {@link #sweepFull} is the recompute-everything reference.
 */
public final class SweepEngine {
  private SweepEngine() {}

  /** The baseline of a sweep: per-arc loads and lost traffic, routed once. */
  public record Baseline(double[] load, double unroutable) implements Serializable {}

  /**
   * What one scenario changes, summed over some destinations. Mergeable: partials of
   * disjoint destination sets merge into the partial of their union in O(smaller one).
   */
  public static final class ScenarioPartial implements Serializable {
    private static final long serialVersionUID = 1L;
    final int scenario;
    Int2DoubleOpenHashMap delta = new Int2DoubleOpenHashMap();
    double lostBefore;
    double lostAfter;
    double newlyUnroutable;
    ArrayList<IncrementalRouter.RouteChange> changes = new ArrayList<>();
    long pairs;

    public ScenarioPartial(int scenario) {
      this.scenario = scenario;
    }

    public int scenario() {
      return scenario;
    }

    /** (scenario, destination) pairs recomputed into this partial. */
    public long pairs() {
      return pairs;
    }

    /** Adds {@code o} into this (or this into {@code o}, whichever is smaller) and returns the sum. */
    public ScenarioPartial merge(ScenarioPartial o) {
      ScenarioPartial big = delta.size() >= o.delta.size() ? this : o;
      ScenarioPartial small = big == this ? o : this;
      for (Int2DoubleMap.Entry e : small.delta.int2DoubleEntrySet()) {
        big.delta.addTo(e.getIntKey(), e.getDoubleValue());
      }
      big.lostBefore += small.lostBefore;
      big.lostAfter += small.lostAfter;
      big.newlyUnroutable += small.newlyUnroutable;
      big.changes.addAll(small.changes);
      big.pairs += small.pairs;
      return big;
    }

    void add(IncrementalRouter.PairResult r) {
      lostBefore += r.lostBefore();
      lostAfter += r.lostAfter();
      newlyUnroutable += r.newlyUnroutable();
      changes.addAll(r.changes());
      pairs++;
    }
  }

  /** Gives the network after scenario i, for the pairs that need a fresh route. */
  public interface AfterNetworks extends IntFunction<Network> {}

  /**
   * The scenarios (indices into {@code deltas}) whose routing of destination {@code dst} may
   * change, by the incremental rules. O(S x changed elements).
   */
  public static int[] affected(IncrementalRouter router, List<Delta> deltas) {
    IntArrayList out = new IntArrayList();
    for (int s = 0; s < deltas.size(); s++) {
      router.setScenario(deltas.get(s));
      if (router.affects()) {
        out.add(s);
      }
    }
    return out.toIntArray();
  }

  /**
   * Processes one work unit: the destination loaded in {@code router} under the given
   * scenarios, all of which the rules selected. Emits one partial per scenario: O(the
   * repaired region) for increase-only changes, O(E log V) otherwise.
   */
  public static void runUnit(IncrementalRouter router, EcmpRouter fresh, int[] scenarios,
      List<Delta> deltas, AfterNetworks afterOf, Consumer<ScenarioPartial> out) {
    for (int s : scenarios) {
      Delta d = deltas.get(s);
      router.setScenario(d);
      ScenarioPartial p = new ScenarioPartial(s);
      Int2DoubleOpenHashMap sink = p.delta;
      IncrementalRouter.PairResult r = d.isIncreaseOnly() ? router.repair(sink::addTo)
          : router.reroute(afterOf.apply(s), fresh, sink::addTo);
      p.add(r);
      out.accept(p);
    }
  }

  /**
   * Builds a scenario's report from its merged partial. O(arcs + changed demands x their
   * path arcs).
   */
  public static ImpactReport assemble(String runId, String snapshotId, Network base,
      Baseline baseline, Scenario scenario, ScenarioPartial partial, Thresholds th) {
    Network after = scenario.after();
    LoadTotals totals = new LoadTotals(base.arcCount(), after.arcCount());
    System.arraycopy(baseline.load(), 0, totals.before, 0, base.arcCount());
    System.arraycopy(baseline.load(), 0, totals.after, 0, base.arcCount());
    for (Int2DoubleMap.Entry e : partial.delta.int2DoubleEntrySet()) {
      totals.after[e.getIntKey()] += e.getDoubleValue();
    }
    for (int a = 0; a < totals.after.length; a++) {
      // Repaired loads can land a rounding error below zero where all traffic left.
      if (totals.after[a] < 0 && totals.after[a] > -1e-9) {
        totals.after[a] = 0;
      }
    }
    totals.unroutableBefore = baseline.unroutable();
    totals.unroutableAfter = baseline.unroutable() + partial.lostAfter - partial.lostBefore;
    totals.newlyUnroutable = partial.newlyUnroutable;
    boolean[] over = ImpactEngine.overArcs(after, totals);
    List<DemandChange> changes = new ArrayList<>(partial.changes.size());
    for (IncrementalRouter.RouteChange c : partial.changes) {
      DemandStatus status = DemandStatus.UNROUTABLE;
      if (c.routableAfter()) {
        status = DemandStatus.REROUTED;
        for (int a : c.pathArcsAfter()) {
          if (over[a]) {
            status = DemandStatus.AT_RISK;
            break;
          }
        }
      }
      changes.add(new DemandChange(c.demand(), status, c.latencyBeforeMs(),
          c.latencyAfterMs()));
    }
    return ImpactEngine.assemble(runId, snapshotId, base, scenario, totals, changes, th);
  }

  /** The baseline, and each destination's distances (as {@link EcmpRouter#distancesCopy}). */
  public static Baseline baseline(Network base, int[] dsts, List<long[]> distOut) {
    double[] load = new double[base.arcCount()];
    double lost = 0;
    EcmpRouter r = new EcmpRouter(base.nodeCount());
    for (int t : dsts) {
      r.shortestPaths(base, t);
      lost += r.push(base, load);
      distOut.add(r.distancesCopy());
    }
    return new Baseline(load, lost);
  }

  /** The incremental sweep in the calling thread: the reference for the Spark path. */
  public static List<ImpactReport> sweep(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Thresholds th) {
    List<Delta> deltas = new ArrayList<>();
    for (Scenario s : scenarios) {
      deltas.add(Delta.between(base, s.after()));
    }
    int[] dsts = base.destinations();
    List<long[]> dists = new ArrayList<>();
    Baseline baseline = baseline(base, dsts, dists);
    ScenarioPartial[] merged = new ScenarioPartial[scenarios.size()];
    for (int i = 0; i < merged.length; i++) {
      merged[i] = new ScenarioPartial(i);
    }
    IncrementalRouter router = new IncrementalRouter(base);
    EcmpRouter fresh = new EcmpRouter(base.nodeCount());
    for (int i = 0; i < dsts.length; i++) {
      router.setDestination(dsts[i], dists.get(i));
      int[] hit = affected(router, deltas);
      runUnit(router, fresh, hit, deltas,
          s -> scenarios.get(s).after(), p -> merged[p.scenario] = merged[p.scenario].merge(p));
    }
    List<ImpactReport> out = new ArrayList<>();
    for (int i = 0; i < merged.length; i++) {
      out.add(assemble(runId, snapshotId, base, baseline, scenarios.get(i), merged[i], th));
    }
    return out;
  }

  /** Recomputes everything for every scenario: the reference strategy. O(S D E log V). */
  public static List<ImpactReport> sweepFull(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Thresholds th) {
    List<ImpactReport> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      out.add(ImpactEngine.review(runId, snapshotId, base, s, th));
    }
    return out;
  }
}
