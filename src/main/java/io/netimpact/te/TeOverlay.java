package io.netimpact.te;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LspImpact;
import io.netimpact.impact.Overlay;
import io.netimpact.verdict.PolicyChange;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioState;
import io.netimpact.model.Change;
import io.netimpact.model.Demand;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.routing.DagWalk;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routes.RouteChange;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.routing.ShortestPaths;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Traffic engineering as an {@link Overlay} of the one evaluator. The demand rows a policy or
 * a placed LSP steers leave plain IGP: the evaluator's base network carries, per (src, dst)
 * pair, only the volume TE leaves to IGP (the <em>residual</em>), and the TE traffic (LSP
 * paths, policy legs pushed over the legs' DAGs) joins the loads beside it. Per scenario, TE
 * is routed again on the view of the change ({@link TeRouting}); the pairs whose residual the
 * change alters (a policy falls back, an LSP goes down, or comes back) get their volume after
 * in the scenario's mask, so the per-destination loop routes that traffic like any volume
 * change, incrementally or in full; the TE load deltas and the restated demand rows finish the
 * scenario's state before assembly.
 *
 * <p>With {@link #incremental}, a scenario that touches no TE element (no TE op, no volume
 * change of a TE pair, every LSP kept, no DAG of a policy's segment targets or endpoint
 * affected by the rules of {@link PairEvaluator#affects}, no adjacency's state changed) keeps
 * the TE state of the base without routing it again: the same inputs would give the same
 * state. Costs: once, one Dijkstra per TE pair destination and per segment target; per
 * scenario O(TE elements x mask size) for the check, and when TE must be routed again, what
 * {@link TeRouting} costs.
 *
 * <p>Built on the driver; what a Spark task needs (the base TE loads and the per-scenario
 * {@link TeScenario}s) is serializable, the rest is transient.
 */
public final class TeOverlay implements Overlay {
  private static final long serialVersionUID = 1L;

  private final double[] baseLoad;
  private final ArrayList<TeScenario> scenarios = new ArrayList<>();

  private final transient Network full;
  private final transient Network igp;
  private final transient List<Demand> rows;
  private final transient TeTable table;
  private final transient TeState before;
  private final transient boolean incremental;
  private final transient PairEvaluator pe;
  private final transient Int2ObjectOpenHashMap<DestinationBaseline> baselines =
      new Int2ObjectOpenHashMap<>();
  /** Per TE pair of the base table: its IGP part's latency, reachability and arcs before. */
  private final transient Int2ObjectOpenHashMap<double[]> igpBefore =
      new Int2ObjectOpenHashMap<>();
  private final transient Int2ObjectOpenHashMap<int[]> igpArcsBefore =
      new Int2ObjectOpenHashMap<>();

  private TeOverlay(Network full, Network igp, List<Demand> rows, TeTable table,
      TeState before, boolean incremental) {
    this.full = full;
    this.igp = igp;
    this.rows = rows;
    this.table = table;
    this.before = before;
    this.incremental = incremental;
    this.pe = new PairEvaluator(igp);
    this.baseLoad = new double[igp.arcCount()];
    before.addLoads((a, g) -> baseLoad[a] += g, 1.0);
  }

  /**
   * The overlay of a snapshot's TE tables ({@code incremental}: whether scenarios that touch
   * no TE element may keep the base's TE state). O(rows) plus the base's TE routing.
   */
  public static TeOverlay of(Snapshot s, boolean incremental) {
    Network full = NetworkCompiler.compile(s);
    TeTable t = TeTable.compile(full, s.te(), s.demands());
    TeState b = new TeRouting(full.nodeCount()).route(MaskedView.of(full), t);
    double[] vol = new double[full.demandCount()];
    for (int k = 0; k < vol.length; k++) {
      vol[k] = residual(full.demandGbps(k), b.steeredGbps(k));
    }
    Network igp = t.isEmpty() ? full : full.withDemandVolumes(vol);
    return new TeOverlay(full, igp, s.demands(), t, b, incremental);
  }

  /** What of a pair's volume TE leaves to IGP; rounding dust below 1e-12 relative is none. */
  static double residual(double total, double steered) {
    double r = total - steered;
    return r <= 1e-12 * total ? 0.0 : r;
  }

  /** The network the evaluator routes: devices and links as the snapshot's, residual volumes. */
  public Network network() {
    return igp;
  }

  /** The TE state before any change. */
  public TeState before() {
    return before;
  }

  public boolean hasTe() {
    return !table.isEmpty();
  }

  /**
   * The scenario of {@code change} (its network mask {@code mask}, built over {@link
   * #network}) with the TE ops applied and the volumes TE hands back to or takes from IGP;
   * registers the scenario's TE contribution under the next scenario index.
   *
   * @throws io.netimpact.routing.UnknownElementException for an unknown policy or LSP
   * @throws IllegalArgumentException for a TE op that is invalid for these tables
   */
  public Scenario scenario(Change change, ScenarioMask mask) {
    TrafficEngineering teAfter = TeChange.hasTeOps(change)
        ? TeChange.apply(table.tables(), change, full, rows) : table.tables();
    if (table.isEmpty() && teAfter.isEmpty()) {
      scenarios.add(TeScenario.unchanged());
      return new Scenario(change.id(), change.title(), mask);
    }
    TeTable tAfter = teAfter == table.tables() ? table : TeTable.compile(full, teAfter, rows);
    MaskedView g = MaskedView.of(igp, mask);
    TeState after = tAfter == table && incremental && untouched(g, mask) ? before
        : new TeRouting(igp.nodeCount()).route(g, tAfter,
            new TeRouting.Prior(table, before.lsps()));
    TeScenario ts = contribution(g, mask, tAfter, after);
    scenarios.add(ts);
    IntArrayList named = new IntArrayList();
    DoubleArrayList gbps = new DoubleArrayList();
    for (int i = 0; i < ts.pairs().length; i++) {
      if (steeringMoved(ts, i)) {
        named.add(ts.pairs()[i]);
        gbps.add(ts.residualA()[i]);
      }
    }
    return new Scenario(change.id(), change.title(),
        mask.withVolumes(igp, named.toIntArray(), gbps.toDoubleArray()));
  }

  /** Whether a pair's split between TE and IGP differs after (beyond rounding). */
  private static boolean steeringMoved(TeScenario ts, int i) {
    double tol = 1e-12 * Math.max(1.0, ts.gbpsA()[i]);
    double expected = ts.steeredB()[i] * factorOf(ts, i);
    return Math.abs(ts.steeredA()[i] - expected) > tol;
  }

  private static double factorOf(TeScenario ts, int i) {
    double total = ts.steeredB()[i] + ts.residualB()[i];
    return total > 0 ? ts.gbpsA()[i] / total : 1.0;
  }

  /** Whether the change can alter nothing of the base's TE state (class comment). */
  private boolean untouched(MaskedView g, ScenarioMask mask) {
    for (int k : table.pairs()) {
      if (mask.demandFactor(igp, igp.demandSrc(k), igp.demandDst(k)) != 1.0) {
        return false;
      }
    }
    LspPaths placed = before.lsps();
    for (int j = 0; j < table.lsps().size(); j++) {
      if (table.lsps().get(j).up()
          && TePlacement.kept(g, table, j, table, placed).isEmpty()) {
        return false;
      }
    }
    if (!mask.touchesRouting()) {
      return true;
    }
    for (int i = 0; i < table.policies().size(); i++) {
      if (!table.policies().get(i).up()) {
        continue;
      }
      int last = before.candidate(i) < 0 ? table.policies().get(i).candidatePaths().size() - 1
          : before.candidate(i);
      if (affects(mask, table.policyEnd[i])) {
        return false;
      }
      for (int c = 0; c <= last; c++) {
        for (var s : table.candidate(i, c)) {
          if (s instanceof io.netimpact.model.Segment.Node n) {
            if (affects(mask, igp.node(n.device()).orElseThrow())) {
              return false;
            }
          } else {
            int l = igp.link(s.target()).orElse(-1);
            if (l < 0 || g.isUsable(l) != igp.isUsable(l)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  private boolean affects(ScenarioMask mask, int target) {
    DestinationBaseline b = baselines.get(target);
    if (b == null) {
      b = pe.baseline(target);
      baselines.put(target, b);
    }
    return pe.affects(b, mask);
  }

  /** The scenario's TE contribution from the TE states before and after. */
  private TeScenario contribution(MaskedView g, ScenarioMask mask, TeTable tAfter,
      TeState after) {
    IntArrayList arcs = new IntArrayList();
    DoubleArrayList delta = new DoubleArrayList();
    int span = Math.max(before.arcSpan(), after.arcSpan());
    for (int a = 0; a < span; a++) {
      double lb = before.load(a);
      double la = after.load(a);
      if (la != lb) {
        arcs.add(a);
        delta.add(la - lb);
      }
    }
    IntOpenHashSet pairSet = new IntOpenHashSet(table.pairs());
    pairSet.addAll(it.unimi.dsi.fastutil.ints.IntArrayList.wrap(tAfter.pairs()));
    int[] pairs = pairSet.toIntArray();
    Arrays.sort(pairs);
    int n = pairs.length;
    double[] sB = new double[n];
    double[] sA = new double[n];
    double[] rB = new double[n];
    double[] rA = new double[n];
    double[] lB = new double[n];
    double[] lA = new double[n];
    long[] fB = new long[n];
    long[] fA = new long[n];
    int[][] arcsA = new int[n][];
    double[] gA = new double[n];
    boolean[] igpR = new boolean[n];
    double[] igpL = new double[n];
    int[][] igpArcs = new int[n][];
    for (int i = 0; i < n; i++) {
      int k = pairs[i];
      double f = mask.demandFactor(igp, igp.demandSrc(k), igp.demandDst(k));
      double totalB = full.demandGbps(k);
      gA[i] = f == 1.0 ? totalB : totalB * f;
      sB[i] = before.steeredGbps(k);
      sA[i] = after.steeredGbps(k);
      rB[i] = igp.demandGbps(k);
      rA[i] = residual(gA[i], sA[i]);
      lB[i] = before.latencyGbpsMs(k);
      lA[i] = after.latencyGbpsMs(k);
      fB[i] = before.fingerprint(k);
      fA[i] = after.fingerprint(k);
      arcsA[i] = after.arcs(k);
      IgpPart ip = igpBefore(k);
      igpR[i] = ip.routable();
      igpL[i] = ip.latency();
      igpArcs[i] = ip.arcs();
    }
    return new TeScenario(arcs.toIntArray(), delta.toDoubleArray(), pairs, sB, sA, rB, rA, lB,
        lA, fB, fA, arcsA, gA, igpR, igpL, igpArcs, lspRows(g, tAfter, after),
        policyRows(tAfter, after));
  }

  private List<LspImpact> lspRows(MaskedView g, TeTable tAfter, TeState after) {
    List<LspImpact> out = new ArrayList<>();
    MaskedView base = MaskedView.of(igp);
    for (int j = 0; j < tAfter.lsps().size(); j++) {
      var l = tAfter.lsps().get(j);
      int b = table.lspIndex(l.id());
      String pb = b < 0 ? "" : before.lsps().devices(base, b).orElse("");
      String pa = after.lsps().devices(g, j).orElse("");
      if (pb.equals(pa)) {
        continue;
      }
      long mb = b < 0 ? -1 : before.lsps().metric(base, b).orElse(-1L);
      long ma = after.lsps().metric(g, j).orElse(-1L);
      out.add(new LspImpact("", "", l.id(), l.head(), l.tail(), l.bandwidthGbps(),
          pb.isEmpty() ? LspImpact.LspState.DOWN : LspImpact.LspState.UP,
          pa.isEmpty() ? LspImpact.LspState.DOWN : LspImpact.LspState.UP, pb, pa, mb, ma));
    }
    return out;
  }

  private List<PolicyChange> policyRows(TeTable tAfter, TeState after) {
    List<PolicyChange> out = new ArrayList<>();
    for (int i = 0; i < tAfter.policies().size(); i++) {
      var p = tAfter.policies().get(i);
      int b = i < table.policies().size() ? before.candidate(i) : -1;
      int a = after.candidate(i);
      if (a != b) {
        out.add(new PolicyChange(p.id(), p.head(), p.endpoint(), b, a));
      }
    }
    return out;
  }

  @Override
  public void addBaseline(double[] load) {
    for (int a = 0; a < baseLoad.length; a++) {
      load[a] += baseLoad[a];
    }
  }

  /**
   * Adds the scenario's TE load deltas and restates the demands TE steers: a TE pair's row
   * changes when its TE way changed (fingerprint, or its split with IGP), or its IGP part
   * carries traffic and the evaluator found that part rerouted. Its latency is the
   * Gbps-weighted mean over its TE traffic (legs summed) and its IGP part; its volume the
   * pair's whole volume after. O(TE pairs + changes).
   */
  @Override
  public void finish(int scenario, ScenarioState state) {
    TeScenario ts = scenarios.get(scenario);
    for (int i = 0; i < ts.deltaArcs().length; i++) {
      state.addLoad(ts.deltaArcs()[i], ts.delta()[i]);
    }
    if (ts.pairs().length == 0) {
      return;
    }
    Map<Integer, RouteChange> igpChanges = new java.util.HashMap<>();
    for (RouteChange c : state.changes()) {
      if (Arrays.binarySearch(ts.pairs(), c.demand()) >= 0) {
        igpChanges.put(c.demand(), c);
      }
    }
    List<RouteChange> restated = new ArrayList<>();
    for (int i = 0; i < ts.pairs().length; i++) {
      int k = ts.pairs()[i];
      RouteChange igpc = igpChanges.get(k);
      boolean igpB = ts.residualB()[i] > 0;
      boolean igpA = ts.residualA()[i] > 0;
      boolean teChanged = ts.fpB()[i] != ts.fpA()[i] || steeringMoved(ts, i);
      boolean igpChanged = (igpB || igpA) && igpc != null;
      if (!teChanged && !igpChanged) {
        continue;
      }
      IgpPart pb = new IgpPart(ts.igpRoutableB()[i], ts.igpLatencyB()[i], ts.igpArcsB()[i]);
      boolean routB = !igpB || pb.routable;
      boolean routIgpA = igpc != null ? igpc.routableAfter() : pb.routable;
      double latIgpA = igpc != null ? igpc.latencyAfterMs() : pb.latency;
      boolean routA = !igpA || routIgpA;
      double latB = mean(ts.teLatB()[i], ts.steeredB()[i], igpB && pb.routable,
          ts.residualB()[i], pb.latency);
      double latA = mean(ts.teLatA()[i], ts.steeredA()[i], igpA && routIgpA,
          ts.residualA()[i], latIgpA);
      IntOpenHashSet arcs = new IntOpenHashSet(ts.teArcsA()[i]);
      if (igpA && routIgpA) {
        arcs.addAll(IntArrayList.wrap(igpc != null ? igpc.pathArcsAfter() : pb.arcs));
      }
      int[] arcArray = arcs.toIntArray();
      Arrays.sort(arcArray);
      restated.add(new RouteChange(k, routB, routA, routB ? latB : Double.NaN,
          routA ? latA : Double.NaN, routA ? PathsAfter.of(arcArray) : PathsAfter.NONE,
          routA ? 0 : -1, ts.gbpsA()[i]));
    }
    state.replaceChanges(k -> Arrays.binarySearch(ts.pairs(), k) >= 0, restated);
  }

  private static double mean(double teGbpsMs, double teGbps, boolean igp, double igpGbps,
      double igpLatency) {
    double w = teGbps + (igp ? igpGbps : 0);
    if (w <= 0) {
      return igp || teGbps > 0 ? 0 : Double.NaN;
    }
    return (teGbpsMs + (igp ? igpGbps * igpLatency : 0)) / w;
  }

  /** The IGP way of a pair before: reachability, latency and arcs on the base (driver). */
  private record IgpPart(boolean routable, double latency, int[] arcs) {}

  private IgpPart igpBefore(int k) {
    double[] cached = igpBefore.get(k);
    if (cached == null) {
      int t = igp.demandDst(k);
      int s = igp.demandSrc(k);
      DestinationBaseline b = baselines.get(t);
      if (b == null) {
        b = pe.baseline(t);
        baselines.put(t, b);
      }
      MaskedView g = MaskedView.of(igp);
      long[] d = b.dag().distances();
      boolean r = d[s] != ShortestPaths.UNREACHABLE;
      cached = new double[] {r ? 1 : 0, r ? b.latency(s) : Double.NaN};
      igpBefore.put(k, cached);
      igpArcsBefore.put(k, r ? new DagWalk(igp.nodeCount()).arcsBelow(g, t, d, s) : new int[0]);
    }
    return new IgpPart(cached[0] == 1, cached[1], igpArcsBefore.get(k));
  }

  @Override
  public ImpactReport rows(String runId, int scenario, ImpactReport report) {
    TeScenario ts = scenarios.get(scenario);
    if (ts.lsps().isEmpty() && ts.policies().isEmpty()) {
      return report;
    }
    String sid = report.summary().scenarioId();
    List<LspImpact> lsps = new ArrayList<>(ts.lsps().size());
    for (LspImpact l : ts.lsps()) {
      lsps.add(new LspImpact(runId, sid, l.lspId(), l.head(), l.tail(), l.bandwidthGbps(),
          l.stateBefore(), l.stateAfter(), l.pathBeforeOrEmpty(), l.pathAfterOrEmpty(),
          l.metricBeforeOrNone(), l.metricAfterOrNone()));
    }
    return report.withTe(lsps, ts.policies());
  }
}
