package io.netimpact.impact;

import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routes.RouteChange;
import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.ClassReport;
import io.netimpact.verdict.ClassVerdict;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.verdict.VerdictReason;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one assembler: turns a scenario's merged {@link ScenarioState} and the {@link Baseline}
 * into the scenario's report rows and verdict (docs/reports.md#tables). After-loads are the
 * baseline plus the merged deltas; a rerouted demand is AT_RISK when one of its paths after
 * crosses an arc over capacity after.
 *
 * <p>An arc the scenario leaves as it was (no load delta, the same capacity) has its baseline
 * utilisation and status, so the assembler precomputes those once (O(E log E) per instance:
 * statuses, the arcs that are not OK, the arcs by utilisation) and then looks, per scenario,
 * only at the changed arcs C and the arcs not OK before: O(|C| log |C| + not-OK arcs +
 * changed demands x their path arcs) per scenario instead of O(E). The counts, the overflow
 * and the rows are taken over those arcs in arc order, so every figure is the one a pass over
 * all arcs gives, bit for bit. An instance holds a view of the base and scratch for one
 * thread; not thread-safe.
 */
public final class Assembler {
  private final Network base;
  private final Baseline baseline;
  private final Thresholds th;
  private final MaskedView after;
  private final int baseArcs;
  private final double[] utilBefore;
  private final ArcStatus[] statusBefore;
  /** Base arcs whose status before is not OK, ascending: a row in every scenario. */
  private final int[] notOkBefore;
  /** Base arcs by utilisation before, highest first (ties: lower index first). */
  private final int[] byUtil;
  private final double maxBefore;
  /** Scratch: which base arcs the scenario being assembled changes. */
  private final boolean[] changed;
  /** Classes of service: the strict-priority service and the class verdict; empty without. */
  private final java.util.Optional<ClassService> classes;

  public Assembler(Network base, Baseline baseline, Thresholds th) {
    this(base, baseline, th, java.util.Optional.empty());
  }

  /**
   * An assembler that also serves classes in strict priority on the arcs it looks at (they
   * hold every arc that can drop before or after), writes their rows, and gives the class
   * verdict ({@link ClassVerdict}) when {@code classes} is present.
   */
  public Assembler(Network base, Baseline baseline, Thresholds th,
      java.util.Optional<ClassService> classes) {
    this.classes = classes;
    this.base = base;
    this.baseline = baseline;
    this.th = th;
    this.after = MaskedView.of(base);
    this.baseArcs = base.arcCount();
    utilBefore = new double[baseArcs];
    statusBefore = new ArcStatus[baseArcs];
    IntArrayList notOk = new IntArrayList();
    double max = 0;
    for (int a = 0; a < baseArcs; a++) {
      double cap = base.arcCapacity(a);
      double load = baseline.load()[a];
      utilBefore[a] = util(load, cap);
      statusBefore[a] = ArcStatus.of(cap, load, th);
      max = Math.max(max, utilBefore[a]);
      if (statusBefore[a] != ArcStatus.OK) {
        notOk.add(a);
      }
    }
    maxBefore = max;
    notOkBefore = notOk.toIntArray();
    byUtil = IntStream.range(0, baseArcs).boxed()
        .sorted((x, y) -> utilBefore[x] != utilBefore[y]
            ? Double.compare(utilBefore[y], utilBefore[x]) : Integer.compare(x, y))
        .mapToInt(Integer::intValue).toArray();
    changed = new boolean[baseArcs];
  }

  public ImpactReport assemble(String runId, String snapshotId, Scenario scenario,
      ScenarioState state) {
    return assemble(runId, snapshotId, scenario, state, null);
  }

  /**
   * The report, also folding the scenario's arcs into {@code worst} (the sweep's worst case
   * per arc) when it is not null; the scenario's index is its state's. Scenarios must reach
   * one {@code worst} in increasing index ({@link WorstCase#scenario}).
   */
  public ImpactReport assemble(String runId, String snapshotId, Scenario scenario,
      ScenarioState state, WorstCase worst) {
    return assemble(runId, snapshotId, scenario, state, worst, false);
  }

  /**
   * The same; when {@code rowsUnlessSafe} and the verdict is SAFE (without classes of
   * service), the report is its summary alone, with no {@code link_impact} or {@code
   * demand_impact} rows: a sweep's SAFE pair of failures is counted and folded into the worst
   * case, but not listed (contract section 7.3), so its rows are not made, kept or shipped.
   * The summary is the one the full report has ({@code affected_demands} counts the route
   * changes all the same).
   */
  public ImpactReport assemble(String runId, String snapshotId, Scenario scenario,
      ScenarioState state, WorstCase worst, boolean rowsUnlessSafe) {
    after.show(scenario.mask());
    int arcs = after.arcCount();
    // C: base arcs with a load delta or another capacity; every added arc.
    IntArrayList cList = new IntArrayList();
    Int2DoubleOpenHashMap delta = state.delta();
    for (int a : delta.keySet()) {
      if (a < baseArcs && !changed[a]) {
        changed[a] = true;
        cList.add(a);
      }
    }
    for (int a : scenario.mask().capacityChangedArcs()) {
      if (a < baseArcs && !changed[a]) {
        changed[a] = true;
        cList.add(a);
      }
    }
    int[] c = cList.toIntArray();
    Arrays.sort(c);
    // The arcs looked at, ascending: C, the arcs not OK before, the added arcs.
    int[] looked = union(c, notOkBefore, baseArcs, arcs);
    double[] loadAfter = new double[looked.length];
    boolean[] overAfter = new boolean[looked.length];
    for (int i = 0; i < looked.length; i++) {
      int a = looked[i];
      double load = repairedLoad((a < baseArcs ? baseline.load()[a] : 0.0) + delta.get(a));
      loadAfter[i] = load;
      overAfter[i] = Thresholds.over(load, after.arcCapacity(a));
    }
    String sid = scenario.id();
    // The positions in looked of the arcs with a row, made into rows once the verdict says
    // the report is listed.
    IntArrayList rowAt = new IntArrayList();
    double maxAfter = 0;
    int worstArc = -1;
    long overWarn = 0;
    long overCap = 0;
    double overflow = 0;
    boolean newlyOver = false;
    boolean newlyWarn = false;
    for (int i = 0; i < looked.length; i++) {
      int a = looked[i];
      boolean existed = a < baseArcs;
      double capB = existed ? base.arcCapacity(a) : 0.0;
      double capA = after.arcCapacity(a);
      double loadB = existed ? baseline.load()[a] : 0.0;
      double loadA = loadAfter[i];
      double utilB = existed ? utilBefore[a] : 0.0;
      double utilA = util(loadA, capA);
      ArcStatus sb = existed ? statusBefore[a] : ArcStatus.DOWN;
      ArcStatus sa = ArcStatus.of(capA, loadA, th);
      if (worst != null && existed && changed[a] && capA > 0) {
        worst.add(state.scenario(), a, loadA, capA, sa);
      }
      if ((!existed || changed[a]) && busier(utilA, a, maxAfter, worstArc)) {
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
        rowAt.add(i);
      }
    }
    // The highest utilisation after among the arcs left as they were: the first of them by
    // utilisation before. An equal one of a lower index wins, as in one pass in arc order.
    for (int a : byUtil) {
      if (!changed[a]) {
        double u = utilBefore[a];
        if (busier(u, a, maxAfter, worstArc)) {
          maxAfter = u;
          worstArc = a;
        }
        break;
      }
    }
    if (worst != null) {
      worst.scenario(state.scenario(), c);
    }
    for (int a : c) {
      changed[a] = false;
    }
    double unroutableAfter = Math.max(0,
        baseline.unroutable() + state.lostAfter() - state.lostBefore());
    double endpointRemoved = Math.min(unroutableAfter, endpointRemovedGbps(base, after));
    Verdict verdict = state.newlyUnroutable() > 0 || newlyOver ? Verdict.BLOCK
        : newlyWarn ? Verdict.RISK : Verdict.SAFE;
    // A SAFE scenario that is not listed: its summary alone (see above).
    boolean bare = rowsUnlessSafe && verdict == Verdict.SAFE && classes.isEmpty();
    List<LinkImpact> rows = new ArrayList<>(bare ? 0 : rowAt.size());
    for (int r = 0; !bare && r < rowAt.size(); r++) {
      int i = rowAt.getInt(r);
      int a = looked[i];
      boolean existed = a < baseArcs;
      double capA = after.arcCapacity(a);
      double loadA = loadAfter[i];
      ArcStatus sa = ArcStatus.of(capA, loadA, th);
      rows.add(new LinkImpact(runId, sid, after.linkId(Network.linkOf(a)),
          after.nodeId(after.tail(a)), after.nodeId(after.head(a)),
          existed ? base.arcCapacity(a) : 0.0, capA, existed ? baseline.load()[a] : 0.0,
          loadA, existed ? utilBefore[a] : 0.0, util(loadA, capA),
          sa == ArcStatus.OVER ? Math.max(0, loadA - capA) : 0.0, sa,
          existed ? statusBefore[a] : ArcStatus.DOWN));
    }
    List<DemandImpact> demands = new ArrayList<>(bare ? 0 : state.changes().size());
    // The at-risk test, once per pair's paths after for all its demands. An arc not looked
    // at is as it was, and OK.
    java.util.IdentityHashMap<PathsAfter, boolean[]> risky = new java.util.IdentityHashMap<>();
    java.util.function.IntPredicate over = a -> {
      int i = Arrays.binarySearch(looked, a);
      return i >= 0 && overAfter[i];
    };
    for (RouteChange rc : bare ? List.<RouteChange>of() : state.changes()) {
      DemandStatus status = DemandStatus.UNROUTABLE;
      if (rc.routableAfter()) {
        boolean[] crossing = risky.computeIfAbsent(rc.pathsAfter(), p -> p.crossing(over));
        status = crossing[rc.pathNode()] ? DemandStatus.AT_RISK : DemandStatus.REROUTED;
      }
      int k = rc.demand();
      demands.add(new DemandImpact(runId, sid, base.nodeId(base.demandSrc(k)),
          base.nodeId(base.demandDst(k)),
          Double.isNaN(rc.gbpsAfter()) ? after.demandGbps(k) : rc.gbpsAfter(), status,
          rc.latencyBeforeMs(),
          rc.latencyAfterMs()));
    }
    demands.sort(Comparator.comparing(DemandImpact::dst).thenComparing(DemandImpact::src));
    ClassReport served = ClassReport.NONE;
    String reason;
    if (classes.isPresent()) {
      ClassService cs = classes.get();
      served = cs.assess(runId, sid, base, after, looked, state);
      verdict = ClassVerdict.of(state.newlyUnroutable() > 0, newlyWarn, served);
      reason = ClassVerdict.reason(verdict, rows, demands, th, served,
          name -> cs.classes().find(name).map(io.netimpact.model.ServiceClass::protect)
              .orElse(false));
    } else {
      reason = VerdictReason.of(verdict, rows, demands, th);
    }
    ScenarioSummary summary = new ScenarioSummary(runId, snapshotId, sid, scenario.title(),
        verdict, maxBefore, maxAfter, overWarn, overCap, baseline.unroutable(),
        unroutableAfter, overflow, bare ? state.changes().size() : demands.size(),
        worstArc < 0 ? "" : after.linkId(Network.linkOf(worstArc)),
        reason, unroutableAfter - endpointRemoved, endpointRemoved);
    return new ImpactReport(summary, rows, demands, List.of(), List.of(), served);
  }

  /** The ascending union of two ascending arc lists and the arcs {@code [from, to)}. */
  private static int[] union(int[] x, int[] y, int from, int to) {
    int[] out = new int[x.length + y.length + Math.max(0, to - from)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.length || j < y.length) {
      int next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
      if (i < x.length && x[i] == next) {
        i++;
      }
      if (j < y.length && y[j] == next) {
        j++;
      }
      out[n++] = next;
    }
    for (int a = from; a < to; a++) {
      out[n++] = a;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * A load after a repair: repaired loads can land a rounding error below zero where all
   * traffic left, and that is zero. O(1).
   */
  static double repairedLoad(double load) {
    return load < 0 && load > -1e-9 ? 0 : load;
  }

  /**
   * Gbps after the change of the demands whose source or destination the change removes (each
   * demand once), {@code after} showing the change. O(demands of the removed devices).
   */
  static double endpointRemovedGbps(Network base, MaskedView after) {
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

  /**
   * The before state of every arc: {@code link_baseline}, as a list that makes each row when
   * it is read (O(1) each), so that the millions of arcs of a large network are never all
   * held as rows at once. The arrays are read, not copied: do not change them meanwhile.
   */
  public static List<LinkBaseline> baselineRows(String runId, String scenarioId, Network base,
      double[] loadBefore, Thresholds th) {
    return new RowsOnRead<>(base.arcCount(), a -> {
      double cap = base.arcCapacity(a);
      return new LinkBaseline(runId, scenarioId, base.linkId(Network.linkOf(a)),
          base.nodeId(base.tail(a)), base.nodeId(base.head(a)), cap, loadBefore[a],
          util(loadBefore[a], cap), ArcStatus.of(cap, loadBefore[a], th));
    });
  }

  /** An unmodifiable list whose element {@code i} is made by {@code make} when read. */
  public static final class RowsOnRead<T> extends java.util.AbstractList<T>
      implements java.util.RandomAccess {
    private final int size;
    private final java.util.function.IntFunction<T> make;

    public RowsOnRead(int size, java.util.function.IntFunction<T> make) {
      this.size = size;
      this.make = make;
    }

    @Override
    public T get(int i) {
      java.util.Objects.checkIndex(i, size);
      return make.apply(i);
    }

    @Override
    public int size() {
      return size;
    }
  }

  public static double util(double load, double capacity) {
    return capacity > 0 ? load / capacity : 0.0;
  }

  /**
   * Whether arc {@code a} at utilisation {@code u} is the busiest so far, against {@code max}
   * on {@code worst} (-1: none yet): busier beyond rounding ({@link Thresholds#differs}), or
   * equal to rounding with a lower index. Loads summed in another order (a pair repaired or
   * rerouted, composed or evaluated whole) differ in the last bits; they must not change which
   * of two equally loaded arcs (parallel LAGs) a report names.
   */
  private static boolean busier(double u, int a, double max, int worst) {
    if (!(u > 0)) {
      return false;
    }
    if (worst < 0) {
      return true;
    }
    return Thresholds.differs(u, max) ? u > max : a < worst;
  }
}
