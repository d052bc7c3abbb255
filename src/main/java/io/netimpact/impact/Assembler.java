package io.netimpact.impact;

import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.RouteChange;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one assembler: turns a scenario's merged {@link ScenarioState} and the {@link Baseline}
 * into the scenario's report rows and verdict (contract section 4). After-loads are the
 * baseline plus the merged deltas; a rerouted demand is AT_RISK when one of its paths after
 * crosses an arc over capacity after. O(arcs + changed demands x their path arcs) per
 * scenario. An instance holds a view of the base for one thread; not thread-safe.
 */
public final class Assembler {
  private final Network base;
  private final Baseline baseline;
  private final Thresholds th;
  private final MaskedView after;

  public Assembler(Network base, Baseline baseline, Thresholds th) {
    this.base = base;
    this.baseline = baseline;
    this.th = th;
    this.after = MaskedView.of(base);
  }

  public ImpactReport assemble(String runId, String snapshotId, Scenario scenario,
      ScenarioState state) {
    return assemble(runId, snapshotId, scenario, state, null);
  }

  /**
   * The report, also folding the scenario's arcs into {@code worst} (the sweep's worst case
   * per arc) when it is not null; the scenario's index is its state's.
   */
  public ImpactReport assemble(String runId, String snapshotId, Scenario scenario,
      ScenarioState state, WorstCase worst) {
    after.show(scenario.mask());
    int arcs = after.arcCount();
    int baseArcs = base.arcCount();
    double[] loadAfter = new double[arcs];
    System.arraycopy(baseline.load(), 0, loadAfter, 0, baseArcs);
    for (Int2DoubleMap.Entry e : state.delta().int2DoubleEntrySet()) {
      loadAfter[e.getIntKey()] += e.getDoubleValue();
    }
    boolean[] over = new boolean[arcs];
    for (int a = 0; a < arcs; a++) {
      // Repaired loads can land a rounding error below zero where all traffic left.
      if (loadAfter[a] < 0 && loadAfter[a] > -1e-9) {
        loadAfter[a] = 0;
      }
      over[a] = Thresholds.over(loadAfter[a], after.arcCapacity(a));
    }
    String sid = scenario.id();
    List<LinkImpact> rows = new ArrayList<>();
    double maxBefore = 0;
    double maxAfter = 0;
    int worstArc = -1;
    long overWarn = 0;
    long overCap = 0;
    double overflow = 0;
    boolean newlyOver = false;
    boolean newlyWarn = false;
    for (int a = 0; a < arcs; a++) {
      boolean existed = a < baseArcs;
      double capB = existed ? base.arcCapacity(a) : 0.0;
      double capA = after.arcCapacity(a);
      double loadB = existed ? baseline.load()[a] : 0.0;
      double loadA = loadAfter[a];
      double utilB = util(loadB, capB);
      double utilA = util(loadA, capA);
      ArcStatus sb = existed ? ArcStatus.of(capB, loadB, th) : ArcStatus.DOWN;
      ArcStatus sa = ArcStatus.of(capA, loadA, th);
      maxBefore = Math.max(maxBefore, utilB);
      if (worst != null && existed && capA > 0) {
        worst.add(state.scenario(), a, loadA, capA, sa);
      }
      if (utilA > maxAfter) {
        maxAfter = utilA;
        worstArc = a;
      }
      double ovf = Math.max(0, loadA - capA);
      if (sa == ArcStatus.OVER) {
        overCap++;
        overflow += ovf;
        newlyOver |= sb != ArcStatus.OVER;
      }
      if (sa == ArcStatus.OVER || sa == ArcStatus.WARN) {
        overWarn++;
        newlyWarn |= sb != ArcStatus.OVER && sb != ArcStatus.WARN;
      }
      if (sa != ArcStatus.OK || Thresholds.differs(loadB, loadA)
          || Thresholds.differs(capB, capA)) {
        rows.add(new LinkImpact(runId, sid, after.linkId(Network.linkOf(a)),
            after.nodeId(after.tail(a)), after.nodeId(after.head(a)), capB, capA, loadB, loadA,
            utilB, utilA, sa == ArcStatus.OVER ? ovf : 0.0, sa, sb));
      }
    }
    List<DemandImpact> demands = new ArrayList<>(state.changes().size());
    for (RouteChange c : state.changes()) {
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
      int k = c.demand();
      demands.add(new DemandImpact(runId, sid, base.nodeId(base.demandSrc(k)),
          base.nodeId(base.demandDst(k)),
          Double.isNaN(c.gbpsAfter()) ? after.demandGbps(k) : c.gbpsAfter(), status,
          c.latencyBeforeMs(),
          c.latencyAfterMs()));
    }
    demands.sort(Comparator.comparing(DemandImpact::dst).thenComparing(DemandImpact::src));
    double unroutableAfter = Math.max(0,
        baseline.unroutable() + state.lostAfter() - state.lostBefore());
    double endpointRemoved = Math.min(unroutableAfter, endpointRemovedGbps());
    Verdict verdict = state.newlyUnroutable() > 0 || newlyOver ? Verdict.BLOCK
        : newlyWarn ? Verdict.RISK : Verdict.SAFE;
    ScenarioSummary summary = new ScenarioSummary(runId, snapshotId, sid, scenario.title(),
        verdict, maxBefore, maxAfter, overWarn, overCap, baseline.unroutable(),
        unroutableAfter, overflow, demands.size(),
        worstArc < 0 ? "" : after.linkId(Network.linkOf(worstArc)),
        VerdictReason.of(verdict, rows, demands, th), unroutableAfter - endpointRemoved,
        endpointRemoved);
    return new ImpactReport(summary, rows, demands);
  }

  /**
   * Gbps after the change of the demands whose source or destination the change removes (each
   * demand once). O(demands of the removed devices).
   */
  private double endpointRemovedGbps() {
    int[] removed = after.mask().removedDevices();
    double gbps = 0;
    for (int v : removed) {
      for (int k = base.demandsTo(v); k < base.demandsTo(v + 1); k++) {
        gbps += after.demandGbps(k);
      }
    }
    for (int v : removed) {
      for (int k : base.demandsFrom(v)) {
        if (Arrays.binarySearch(removed, base.demandDst(k)) < 0) {
          gbps += after.demandGbps(k);
        }
      }
    }
    return gbps;
  }

  /** The before state of every arc: {@code link_baseline}. O(arcs). */
  public static List<LinkBaseline> baselineRows(String runId, String scenarioId, Network base,
      double[] loadBefore, Thresholds th) {
    List<LinkBaseline> rows = new ArrayList<>(base.arcCount());
    for (int a = 0; a < base.arcCount(); a++) {
      double cap = base.arcCapacity(a);
      rows.add(new LinkBaseline(runId, scenarioId, base.linkId(Network.linkOf(a)),
          base.nodeId(base.tail(a)), base.nodeId(base.head(a)), cap, loadBefore[a],
          util(loadBefore[a], cap), ArcStatus.of(cap, loadBefore[a], th)));
    }
    return rows;
  }

  public static double util(double load, double capacity) {
    return capacity > 0 ? load / capacity : 0.0;
  }
}
