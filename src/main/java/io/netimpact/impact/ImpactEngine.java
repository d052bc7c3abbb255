package io.netimpact.impact;

import io.netimpact.routing.EcmpRouter;
import io.netimpact.routing.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the impact of a change destination by destination, and assembles the report.
 * The per-destination step is what the Spark job distributes; {@link #review} is the
 * plain-Java reference that runs every destination in one thread.
 */
public final class ImpactEngine {
  private ImpactEngine() {}

  /**
   * Routes destination {@code dst} before and after, adds its arc loads and lost traffic to
   * {@code totals}, and returns its demands whose routing changed. O(E log V).
   */
  public static DestinationOutcome routeDestination(Network before, Network after, int dst,
      EcmpRouter routerBefore, EcmpRouter routerAfter, LoadTotals totals) {
    routerBefore.shortestPaths(before, dst);
    totals.unroutableBefore += routerBefore.push(before, totals.before);
    routerAfter.shortestPaths(after, dst);
    totals.unroutableAfter += routerAfter.push(after, totals.after);
    routerBefore.pathStats(before);
    routerAfter.pathStats(after);
    List<DemandChange> changes = new ArrayList<>();
    for (int k = after.demandsTo(dst); k < after.demandsTo(dst + 1); k++) {
      int s = after.demandSrc(k);
      boolean rb = routerBefore.reaches(s);
      boolean ra = routerAfter.reaches(s);
      boolean changed = rb != ra
          || (rb && routerBefore.fingerprint(s) != routerAfter.fingerprint(s));
      if (!changed) {
        continue;
      }
      if (rb && !ra && after.demandGbps(k) > 0) {
        totals.newlyUnroutable += after.demandGbps(k);
      }
      changes.add(new DemandChange(k, ra ? DemandStatus.REROUTED : DemandStatus.UNROUTABLE,
          rb ? routerBefore.meanLatencyMs(s) : Double.NaN,
          ra ? routerAfter.meanLatencyMs(s) : Double.NaN));
    }
    return new DestinationOutcome(dst, changes);
  }

  /**
   * Destinations whose demands must be routed: those with demand in either network. The
   * index spaces agree, and demands are never added by a change, so the after network's
   * list is complete.
   */
  public static int[] destinations(Network after) {
    return after.destinations();
  }

  /** Plain-Java reference: the whole review in the calling thread. O(D (E log V)). */
  public static ImpactReport review(String runId, String snapshotId, Network before,
      Scenario scenario, Thresholds thresholds) {
    Network after = scenario.after();
    LoadTotals totals = new LoadTotals(before.arcCount(), after.arcCount());
    EcmpRouter rb = new EcmpRouter(before.nodeCount());
    EcmpRouter ra = new EcmpRouter(after.nodeCount());
    List<DestinationOutcome> outcomes = new ArrayList<>();
    for (int dst : destinations(after)) {
      DestinationOutcome o = routeDestination(before, after, dst, rb, ra, totals);
      if (!o.isEmpty()) {
        outcomes.add(o);
      }
    }
    boolean[] over = overArcs(after, totals);
    boolean anyOver = any(over);
    List<DemandChange> changes = new ArrayList<>();
    for (DestinationOutcome o : outcomes) {
      changes.addAll(o.finish(after, over, anyOver));
    }
    return assemble(runId, snapshotId, before, scenario, totals, changes, thresholds);
  }

  /** Arcs over capacity after the change. O(arcs). */
  public static boolean[] overArcs(Network after, LoadTotals totals) {
    boolean[] over = new boolean[after.arcCount()];
    for (int a = 0; a < over.length; a++) {
      over[a] = Thresholds.over(totals.after[a], after.arcCapacity(a));
    }
    return over;
  }

  public static boolean any(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }

  /** Builds the scenario's rows from merged totals and final demand changes. O(arcs + changes). */
  public static ImpactReport assemble(String runId, String snapshotId, Network before,
      Scenario scenario, LoadTotals totals, List<DemandChange> changes, Thresholds th) {
    Network after = scenario.after();
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
    for (int a = 0; a < after.arcCount(); a++) {
      boolean existed = a < before.arcCount();
      double capB = existed ? before.arcCapacity(a) : 0.0;
      double capA = after.arcCapacity(a);
      double loadB = totals.loadBefore(a);
      double loadA = totals.after[a];
      double utilB = util(loadB, capB);
      double utilA = util(loadA, capA);
      ArcStatus sb = existed ? ArcStatus.of(capB, loadB, th) : ArcStatus.DOWN;
      ArcStatus sa = ArcStatus.of(capA, loadA, th);
      maxBefore = Math.max(maxBefore, utilB);
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
    List<DemandImpact> demands = new ArrayList<>(changes.size());
    for (DemandChange c : changes) {
      int k = c.demand();
      demands.add(new DemandImpact(runId, sid, after.nodeId(after.demandSrc(k)),
          after.nodeId(after.demandDst(k)), after.demandGbps(k), c.status(),
          c.latencyBeforeMs(), c.latencyAfterMs()));
    }
    demands.sort(java.util.Comparator.comparing(DemandImpact::dst)
        .thenComparing(DemandImpact::src));
    Verdict verdict = totals.newlyUnroutable > 0 || newlyOver ? Verdict.BLOCK
        : newlyWarn ? Verdict.RISK : Verdict.SAFE;
    ScenarioSummary summary = new ScenarioSummary(runId, snapshotId, sid, scenario.title(),
        verdict, maxBefore, maxAfter, overWarn, overCap, totals.unroutableBefore,
        totals.unroutableAfter, overflow, demands.size(),
        worstArc < 0 ? "" : after.linkId(Network.linkOf(worstArc)),
        VerdictReason.of(verdict, rows, demands, th));
    return new ImpactReport(summary, rows, demands);
  }

  /** The before state of every arc. O(arcs). */
  public static List<LinkBaseline> baseline(String runId, String scenarioId, Network before,
      double[] loadBefore, Thresholds th) {
    List<LinkBaseline> rows = new ArrayList<>(before.arcCount());
    for (int a = 0; a < before.arcCount(); a++) {
      double cap = before.arcCapacity(a);
      rows.add(new LinkBaseline(runId, scenarioId, before.linkId(Network.linkOf(a)),
          before.nodeId(before.tail(a)), before.nodeId(before.head(a)), cap, loadBefore[a],
          util(loadBefore[a], cap), ArcStatus.of(cap, loadBefore[a], th)));
    }
    return rows;
  }

  public static double util(double load, double capacity) {
    return capacity > 0 ? load / capacity : 0.0;
  }
}
