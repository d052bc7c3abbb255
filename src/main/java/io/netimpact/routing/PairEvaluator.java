package io.netimpact.routing;

import io.netimpact.routes.ClassSink;
import io.netimpact.routes.LoadSink;
import io.netimpact.routes.PairResult;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routes.RouteChange;
import io.netimpact.routes.StoredDag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Evaluates (scenario, destination) pairs against a destination's {@link DestinationBaseline}:
 * what the change does to that destination's arc loads, lost traffic and demand routes.
 *
 * <p>{@link #affects} decides in O(changed elements) whether the destination's routing can
 * change at all, from the baseline distances d:
 * <ul>
 *   <li>a removed arc or a raised metric matters only if the arc is on the DAG
 *       ({@code d(u) == w + d(v)});</li>
 *   <li>an added arc or a lowered metric only if {@code d(u) >= w' + d(v)} (equality adds an
 *       ECMP next hop);</li>
 *   <li>a drain only if some DAG arc enters the drained device; an undrain only if some arc
 *       into it could then be used ({@code d(u) >= w + d(v)});</li>
 *   <li>a capacity change never; a volume change of one of its demands needs the traffic
 *       pushed again, not the distances.</li>
 * </ul>
 *
 * <p>{@link #evaluate} then either repairs or reroutes. <em>Repair</em> (increase-only masks:
 * nothing can get shorter): only the devices whose baseline paths cross a changed element,
 * the ancestors A of the changed arcs' tails, can change distance or next hops, and no traffic
 * from outside A ever enters A; so A alone is re-solved ({@link ShortestPaths#resettle}) and
 * the load delta is the traffic originating in A (and at sources whose volume changed) pushed
 * after minus pushed before inside A, and the net of the two pushed on from where it leaves
 * A ({@link EcmpPush#pushExits}: devices outside A split as before, and the push stops where
 * the net is rounding noise). O(|A| log |A| + the DAG below A that the net change reaches). A
 * region with no source of the destination (and no demand towards it changed) carries nothing
 * before or after: the pair moves nothing, and A is not re-solved (O(|A|)). A
 * device of A that ends up past the baseline's horizon is vouched for only when it is
 * unreachable with nothing it can reach outside A (cut off, as a PoP losing both uplinks);
 * otherwise the pair is repaired again on the destination's complete DAG, made once per
 * destination (O(E log V)) for all of its pairs that need it.
 * A pair that asks for loads and lost traffic only (no route changes, no class loads; a mask
 * that drains, removes and re-demands nothing) is repaired from below instead ({@link
 * #repairBelow}): only the devices whose distance grows are re-solved, and only the devices
 * whose next hops change re-split their traffic before; the ancestors above are not walked.
 * A mask that may also shorten paths (arcs switched on, metrics lowered, devices undrained,
 * stubs given back) is repaired the same way over a larger region ({@link #repairShorter}):
 * besides A, the stubs given back, the devices the change brings nearer and those gaining an
 * equal-cost next hop, with their ancestors; O(that region log it + the DAG below it that the
 * net change reaches). <em>Reroute</em> ({@code incremental} false, the full strategy):
 * a fresh {@link ShortestPaths#toward} on the view of the change, O(E log V). An incremental
 * pair whose region, as it is seeded, passes {@link #repairShare} of the DAG is rerouted
 * instead: a repair that re-solves most of the DAG walks it twice and costs more than the
 * reroute, and the seeding stops at the share, so deciding costs at most that. All use the
 * same kernel: one Dijkstra, one push ({@link EcmpPush}), one latency and fingerprint
 * computation ({@link PathStats}), one DAG walk ({@link DagWalk}).
 *
 * <p>An instance is a per-task workspace for one base network (O(V + E) scratch, reused for
 * every pair); not thread-safe. Baselines and masks are not modified.
 */
public final class PairEvaluator {
  private static final long INF = ShortestPaths.UNREACHABLE;
  /**
   * The default of {@link #repairShare(double)}: the measured share of a destination's DAG past
   * which a repair costs more than rerouting the pair (docs/architecture.md).
   */
  public static final double REPAIR_SHARE = 0.4;
  /**
   * The share a new evaluator starts with: {@link #REPAIR_SHARE}, or the JVM's system property
   * {@code netimpact.repair.share} (1 repairs every pair: the reference for comparisons).
   */
  private static final double DEFAULT_SHARE = defaultShare();

  private final Network base;
  private final int n;
  private final MaskedView before;
  private final MaskedView after;
  private final ShortestPaths paths;
  private final EcmpPush push;
  private final DagWalk walk;
  /** The base's stubs; the after view's copy, less those of the sites the shown mask touches. */
  private final boolean[] stubs;
  private final boolean[] afterStubs;
  private ScenarioMask touchedFor;
  private int[] touched = new int[0];
  private TransitStubs.Workspace stubWork;
  /** The path statistics of the baselines made for now, computed as pairs ask for them. */
  private final PathStats.OnDemand onDemand;

  // Scratch bound to one baseline at a time (see bind): its distances, patched for a region
  // and restored after every pair; the region's latencies and fingerprints after the change.
  private DestinationBaseline bound;
  private long[] dist;
  private final double[] latency;
  private final long[] fingerprint;
  private final int[] demandOf;
  // Buffers of baselineForNow, and the DAG they hold.
  private long[] nowDist;
  private double[] nowLatency;
  private long[] nowFingerprint;
  private DestinationDag nowDag;
  private final IntArrayList demandSources = new IntArrayList();
  // Classes of service (withClasses): the shares, a dense scratch, and the sink of the pair
  // being evaluated (null outside evaluate with classes).
  private DemandClasses classes;
  private ClassScratch classScratch;
  private ClassSink classSink;

  // Per-pair scratch.
  private final boolean[] inA;
  private final IntArrayList aList = new IntArrayList();
  private final int[] aOrder;
  private final double[] freshLatency;
  private final long[] freshFingerprint;
  private double[] acc;
  private final IntArrayList accArcs = new IntArrayList();
  private boolean[] accSeen;
  // regionExact's walk: devices walked this pair carry cutStamp.
  private final int[] cutMark;
  private int cutStamp;
  private final IntArrayList cutStack = new IntArrayList();
  private long fallbacks;
  private double repairShare = DEFAULT_SHARE;
  private long rerouted;
  // The complete base DAG (not stopped at the sources) of the truncated baseline completeOf,
  // made when one of its pairs first needs it (see repair), in buffers of its own.
  private DestinationBaseline complete;
  private DestinationBaseline completeOf;
  private long[] completeDist;
  private PathStats.OnDemand completeStats;
  private double[] completeLatency;
  private long[] completeFingerprint;
  // compare's notes of one pair's changed demands (latencies before and after, interleaved).
  private final IntArrayList changedDemand = new IntArrayList();
  private final IntArrayList changedSource = new IntArrayList();
  // stubsJoin's scratch: G flagged, the labels of G and its exits' distances, the exits set.
  private final boolean[] givenMark;
  private int[] givenList = new int[0];
  private int[] givenFor;
  private long[] gDist;
  private int[] gOrder;
  private final IntArrayList gSet = new IntArrayList();
  // repairBelow: the traffic each device of throughOf's DAG hands on; the devices whose next
  // hops may change (candidates) and their heap, nearest first; a next-hop scratch.
  private double[] through;
  private DestinationBaseline throughOf;
  private final NextHops nextHops = new NextHops();
  private final boolean[] candidate;
  private final IntArrayList candidates = new IntArrayList();
  private final IndexedMinHeap nearestFirst;
  private long below;
  private long belowMoved;
  // repairShorter's arcs made usable or cheaper.
  private final IntArrayList shorter = new IntArrayList();
  private final it.unimi.dsi.fastutil.doubles.DoubleArrayList changedLatency =
      new it.unimi.dsi.fastutil.doubles.DoubleArrayList();

  public PairEvaluator(Network base) {
    this.base = base;
    this.n = base.nodeCount();
    this.before = MaskedView.of(base);
    this.after = MaskedView.of(base);
    this.paths = new ShortestPaths(n);
    this.push = new EcmpPush(n);
    this.walk = new DagWalk(n);
    this.stubs = base.transitStubs();
    this.afterStubs = stubs.clone();
    before.leaveOut(stubs);
    after.leaveOut(stubs);
    this.demandOf = new int[n];
    Arrays.fill(demandOf, -1);
    this.inA = new boolean[n];
    this.candidate = new boolean[n];
    this.nearestFirst = new IndexedMinHeap(n);
    this.givenMark = new boolean[n];
    this.cutMark = new int[n];
    this.aOrder = new int[n];
    this.freshLatency = new double[n];
    this.freshFingerprint = new long[n];
    this.latency = new double[n];
    this.fingerprint = new long[n];
    this.onDemand = new PathStats.OnDemand(n);
    this.acc = new double[base.arcCount()];
    this.accSeen = new boolean[base.arcCount()];
  }

  public Network base() {
    return base;
  }

  /** Whether pairs walk the paths after of the demands whose routing changed. */
  private boolean routeChanges = true;

  /**
   * With {@code false}, pairs list no route changes ({@link PairResult#changes} empty): their
   * load deltas and lost traffic are the same, without the walk of the paths after (for
   * evaluations that need only loads, such as the survival figures). Returns this.
   */
  public PairEvaluator routeChanges(boolean on) {
    this.routeChanges = on;
    return this;
  }

  /**
   * Gives {@code both} (the ops of {@code first}, then those of {@code second}; all three
   * increase-only without switched-on arcs) the stubs the after view routes again as the union
   * of the two changes' own, when neither change touches a site whose stretches the other may
   * reshape: each site's stubs are then found again on the same sub-network as for the change
   * that reshapes it, so the union is exactly what {@code both} would find, without finding
   * them again for every pair (a drained spine with each of many failures elsewhere). Does
   * nothing otherwise, or when {@code both} has its stubs already. O(changed elements) besides
   * the two changes' own stubs, found once per mask.
   */
  public void shareStubsGivenBack(ScenarioMask first, ScenarioMask second, ScenarioMask both) {
    if (both.returningStubs != null) {
      return;
    }
    for (ScenarioMask m : new ScenarioMask[] {first, second, both}) {
      if (!m.isIncreaseOnly() || m.onArcs.length > 0) {
        return;
      }
    }
    if (TransitStubs.reshapesWhatTouches(base, first, second, before)
        || TransitStubs.reshapesWhatTouches(base, second, first, before)) {
      return;
    }
    showMask(first);
    int[] x = touched;
    showMask(second);
    int[] y = touched;
    int[] union = java.util.stream.IntStream.concat(Arrays.stream(x), Arrays.stream(y))
        .distinct().sorted().toArray();
    synchronized (both) {
      if (both.returningStubs == null) {
        both.returningStubs = union;
      }
    }
  }

  /**
   * The stubs the after view of {@code m} routes again (those of its sites that stop being
   * stubs), ascending: found once per mask and kept with it ({@link
   * ScenarioMask#knownStubsGivenBack}). O(changed elements) once known; else once per mask a
   * Dijkstra inside each site it reshapes per border device of the site ({@link TransitStubs}).
   */
  public int[] stubsGivenBackBy(ScenarioMask m) {
    showMask(m);
    return touched.clone();
  }

  /**
   * Makes {@link #evaluate(DestinationBaseline, ScenarioMask, boolean, LoadSink, ClassSink)}
   * also give per-class load deltas, the demands divided by {@code c}.
   */
  public void withClasses(DemandClasses c) {
    if (c.share().length != base.demandCount() * c.count()) {
      throw new IllegalArgumentException("class shares for " + c.share().length / c.count()
          + " demands, the network has " + base.demandCount());
    }
    classes = c;
    classScratch = new ClassScratch(c.count());
  }

  /**
   * Adds a baseline's per-class arc loads (Gbps) into {@code sink}: its demands divided by
   * {@code c}, on its DAG. O(DAG x classes).
   */
  public void pushClassLoads(DestinationBaseline b, DemandClasses c, ClassSink sink) {
    push.pushClasses(before, b.destination(), b.dag.distances(), c, sink, 1.0);
  }

  /**
   * {@link #evaluate(DestinationBaseline, ScenarioMask, boolean, LoadSink)}, also adding the
   * pair's per-class arc load deltas (after minus before, Gbps) into {@code classSink} (classes
   * as set by {@link #withClasses}): the pair's distances before and after, from the same
   * evaluation, carry each class in one push ({@link EcmpPush#pushClasses}) before and one
   * after. O(the evaluation + 2 x DAG x classes).
   */
  public PairResult evaluate(DestinationBaseline b, ScenarioMask m, boolean incremental,
      LoadSink sink, ClassSink classSink) {
    if (classes == null) {
      throw new IllegalStateException("no classes set (withClasses)");
    }
    this.classSink = classSink;
    try {
      return evaluate(b, m, incremental, sink);
    } finally {
      this.classSink = null;
    }
  }

  /** The classes' part of one pair, when asked for: pushed before and after, then flushed. */
  private void classDeltas(int t, long[] distBefore, long[] distAfter) {
    if (classSink == null) {
      return;
    }
    classScratch.ensure(after.arcCount());
    push.pushClasses(before, t, distBefore, classes, classScratch, -1.0);
    push.pushClasses(after, t, distAfter, classes, classScratch, 1.0);
    classScratch.flush(classSink);
  }

  /**
   * Routes {@code dst} on the base as far as its sources ({@link ShortestPaths#towardSources}):
   * one Dijkstra, one push, path statistics. O(E log V).
   */
  public DestinationBaseline baseline(int dst) {
    return baseline(route(dst));
  }

  /**
   * The base DAG of {@code dst} alone, as far as its sources: the Dijkstra of {@link
   * #baseline(int)} without the path statistics and the push. O(E log V).
   */
  public DestinationDag route(int dst) {
    return paths.towardSources(before, dst);
  }

  /**
   * As {@link #route}, into this evaluator's own distance buffer, reset in O(the previous
   * DAG): no O(V) allocation or fill per destination, which on a network of racks (stubs) is
   * most of the cost. Valid until the next call of {@code routeForNow} or {@link #dagForNow}:
   * use it (and {@link #baselineForNow}), do not keep it.
   */
  public DestinationDag routeForNow(int dst) {
    clearNow();
    nowDag = paths.towardSourcesInto(before, dst, nowDist);
    return nowDag;
  }

  /** A stored base DAG rebuilt on this evaluator's base (no Dijkstra, no sort). O(V). */
  public DestinationDag dag(StoredDag stored) {
    return DestinationDag.of(before, stored);
  }

  /** As {@link #dag}, into the buffer of {@link #routeForNow}, with its validity. O(DAG). */
  public DestinationDag dagForNow(StoredDag stored) {
    clearNow();
    nowDag = DestinationDag.into(before, stored, nowDist);
    return nowDag;
  }

  /** As {@link #baseline(int)}, in this evaluator's buffers ({@link #routeForNow}). */
  public DestinationBaseline baselineForNow(int dst) {
    return baselineForNow(routeForNow(dst));
  }

  /**
   * The baseline of a base DAG of this evaluator in this evaluator's buffers, valid as long as
   * the DAG's buffer ({@link #routeForNow}) and until the next {@code baselineForNow}: its
   * path statistics are computed device by device as pairs ask for them ({@link
   * PathStats.OnDemand}), its loads pushed when first asked for ({@link
   * DestinationBaseline#addLoads}, or a reroute). O(the destination's demands) here; the
   * push O(DAG) once if asked; the statistics O(the devices asked for and their descendants).
   */
  public DestinationBaseline baselineForNow(DestinationDag dag) {
    dag.checkView(before);
    clearNow(false);
    int binding = onDemand.bind(before, dag, nowLatency, nowFingerprint);
    // The traffic without a path, as the push counts it, without pushing.
    return new DestinationBaseline(dag, onDemand, binding, this,
        EcmpPush.unroutable(before, dag));
  }

  /** Pushes a baseline's demands along its DAG into {@code sink}, keeping nothing. O(DAG). */
  void pushLoads(DestinationBaseline b, LoadSink sink) {
    push.pushDemands(before, b.dag, sink);
  }

  /** Pushes a baseline's demands along its DAG and keeps the loads in it. O(DAG). */
  void pushLoads(DestinationBaseline b) {
    push.pushDemands(before, b.dag, this::accumulate);
    int[] arcs = takeLoadedArcs();
    b.setLoads(arcs, takeLoads(arcs));
  }

  /** The arcs the last push loaded, ascending. */
  private int[] takeLoadedArcs() {
    int[] arcs = accArcs.toIntArray();
    Arrays.sort(arcs);
    return arcs;
  }

  /** Their loads out of the dense scratch, which is cleared. */
  private double[] takeLoads(int[] arcs) {
    double[] loads = new double[arcs.length];
    for (int i = 0; i < arcs.length; i++) {
      loads[i] = acc[arcs[i]];
    }
    clearAcc();
    return loads;
  }

  private void clearNow() {
    clearNow(true);
  }

  private void clearNow(boolean distances) {
    if (nowDist == null) {
      nowDist = new long[n];
      Arrays.fill(nowDist, INF);
      nowLatency = new double[n];
      nowFingerprint = new long[n];
    } else if (distances && nowDag != null) {
      for (int v : nowDag.order()) {
        nowDist[v] = INF;
      }
      nowDag = null;
    }
  }

  /**
   * The baseline of a base DAG of this evaluator ({@link #route} or {@link #dag}): its path
   * statistics and its demands pushed. O(V + E).
   */
  public DestinationBaseline baseline(DestinationDag dag) {
    return baseline(dag, new double[n], new long[n]);
  }

  private DestinationBaseline baseline(DestinationDag dag, double[] lat, long[] fp) {
    PathStats.computeAll(before, dag, lat, fp);
    double lost = push.pushDemands(before, dag, this::accumulate);
    int[] arcs = takeLoadedArcs();
    return new DestinationBaseline(dag, lat, fp, arcs, takeLoads(arcs), lost);
  }

  private void bind(DestinationBaseline b) {
    if (bound == b) {
      return;
    }
    for (int s : demandSources) {
      demandOf[s] = -1;
    }
    demandSources.clear();
    int t = b.destination();
    for (int k = base.demandsTo(t); k < base.demandsTo(t + 1); k++) {
      demandOf[base.demandSrc(k)] = k;
      demandSources.add(base.demandSrc(k));
    }
    // The working copy: O(the previous and this DAG), not O(V). Every device a DAG does not
    // reach is UNREACHABLE in both.
    if (dist == null) {
      dist = new long[n];
      Arrays.fill(dist, INF);
    } else if (bound != null) {
      for (int v : bound.dag.order()) {
        dist[v] = INF;
      }
    }
    long[] d0 = b.dag.distances();
    for (int v : b.dag.order()) {
      dist[v] = d0[v];
    }
    bound = b;
  }

  private void showMask(ScenarioMask m) {
    if (after.mask() != m) {
      after.show(m);
    }
    if (touchedFor != m) {
      for (int v : touched) {
        afterStubs[v] = true;
      }
      touched = stubsGivenBack(m);
      for (int v : touched) {
        afterStubs[v] = false;
      }
      // With no stub given back, the after view leaves out the base's stubs: their slots too.
      // With some, it walks the slots between the devices that are no stubs after the change:
      // a leaf's racks that stay stubs cost nothing, as on the base.
      if (touched.length == 0) {
        after.leaveOut(stubs);
      } else {
        after.leaveOut(afterStubs, slotsAfter(m));
      }
      touchedFor = m;
    }
  }

  /**
   * The stubs the after view of {@code m} routes again: those of its sites that stop being
   * stubs ({@link TransitStubs#returning} for an increase-only mask without switched-on arcs,
   * {@link TransitStubs#givenBackAfterShortening} otherwise), found once per mask and kept
   * with it.
   */
  private int[] stubsGivenBack(ScenarioMask m) {
    boolean shortening = !m.isIncreaseOnly() || m.onArcs.length > 0;
    int[] r = m.returningStubs;
    if (r == null) {
      // Once per mask and JVM: a task that needs it while another finds it waits.
      synchronized (m) {
        r = m.returningStubs;
        if (r == null) {
          if (stubWork == null) {
            stubWork = new TransitStubs.Workspace(n);
          }
          r = shortening ? TransitStubs.givenBackAfterShortening(base, m, after, stubWork)
              : TransitStubs.returning(base, m, after, stubWork);
          m.returningStubs = r;
        }
      }
    }
    return r;
  }

  /**
   * The slots between the devices that are no stubs after {@code m} (the base's stubs less
   * those it gives back, as {@link #afterStubs} holds them for it): made once per mask and JVM
   * and kept with it. O(V + E) once.
   */
  private Network.Slots slotsAfter(ScenarioMask m) {
    Network.Slots s = m.slotsAfter;
    if (s == null) {
      synchronized (m) {
        s = m.slotsAfter;
        if (s == null) {
          s = base.slotsWithout(afterStubs);
          m.slotsAfter = s;
        }
      }
    }
    return s;
  }

  /** Whether the after view (as {@link #showMask} set it) leaves {@code v} out as a stub. */
  private boolean leftOutAfter(int v) {
    return after.stubs != null && after.stubs[v];
  }

  private boolean onDagBefore(int t, long[] d, int arc) {
    return base.usable[arc >> 1] && before.isNextHop(t, d, arc);
  }

  /**
   * Whether an arc u->v of metric w could join the DAG after the change. A device the DAG
   * leaves out is unreachable, or, on a DAG cut at its horizon H, at least H away and no
   * source: then the arc matters only if it brings u nearer than H (a source's path through u
   * is longer than u's own).
   */
  private boolean couldJoin(DestinationDag dag, long[] d, int u, int v, int w) {
    return couldJoinAt(dag, d, u, v, d[v], w);
  }

  /** {@link #couldJoin} with {@code dv} for v's distance (a stub's label, see stubsJoin). */
  private boolean couldJoinAt(DestinationDag dag, long[] d, int u, int v, long dv, int w) {
    int t = dag.destination();
    if (u == t || dv == INF || (v != t && after.isDrained(v))) {
      return false;
    }
    if (d[u] == INF) {
      return !dag.truncated() || w + dv < dag.horizon();
    }
    return d[u] >= w + dv;
  }

  private boolean isGiven(int v) {
    return givenMark[v];
  }

  /**
   * Whether the stubs the after view gives back (G, {@link #touched}) can change the routing
   * of the DAG's destination. Each device of G is labelled with its distance after the change
   * through G alone and then out of G to a device of the DAG ({@link ShortestPaths#resettle}
   * over G, the rest at the DAG's distances d; a device left out of a truncated DAG counts as
   * unreachable, which is right for every label nearer than the horizon). Then the destination
   * is touched only if some usable arc u->g into G from outside could join the DAG: {@code
   * d(u) >= w + label(g)} (the rule of an added arc, {@link #couldJoin}). Exact: with no such
   * arc, the DAG's distances with the labels of G are a feasible potential of the after view
   * that no new arc meets with equality, so no distance or next hop of the DAG changes
   * (increases on the DAG are the other rules'). An arc the mask switches on or re-weights
   * with an end in G is part of this test, not of the other rules. O(arcs of G log |G|) per
   * destination, instead of a reroute of every destination.
   */
  private boolean stubsJoin(DestinationDag dag, long[] d) {
    int t = dag.destination();
    if (gDist == null) {
      gDist = new long[n];
      Arrays.fill(gDist, INF);
      gOrder = new int[n];
    }
    if (givenFor != touched) {
      for (int v : givenList) {
        givenMark[v] = false;
      }
      for (int v : touched) {
        givenMark[v] = true;
      }
      givenList = touched;
      givenFor = touched;
    }
    Network.Slots slots = after.slots;
    // The exits' distances (d outside G), for resettle to read; G's entries stay UNREACHABLE.
    gSet.clear();
    for (int g : touched) {
      for (int k = slots.outFrom[g]; k < slots.outFrom[g + 1]; k++) {
        exitAt(base.outHead[slots.outSlot[k]], d);
      }
      if (after.hasExtraOut[g]) {
        for (int arc : after.extraOut(g)) {
          exitAt(after.head(arc), d);
        }
      }
    }
    paths.resettle(after, t, gDist, givenMark, touched, touched.length, gOrder);
    boolean joins = false;
    for (int g : touched) {
      long label = gDist[g];
      if (label == INF || joins) {
        continue;
      }
      for (int k = slots.inFrom[g]; k < slots.inFrom[g + 1] && !joins; k++) {
        int j = slots.inSlot[k];
        int u = base.inTail[j];
        joins = after.inSlotUsable(j) && !givenMark[u] && !leftOutAfter(u)
            && couldJoinAt(dag, d, u, g, label, after.inSlotMetric(j));
      }
      if (after.hasExtraIn[g]) {
        for (int arc : after.extraIn(g)) {
          int u = after.tail(arc);
          joins |= !givenMark[u] && !leftOutAfter(u)
              && couldJoinAt(dag, d, u, g, label, after.arcMetric(arc));
        }
      }
    }
    for (int g : touched) {
      gDist[g] = INF;
    }
    for (int i = 0; i < gSet.size(); i++) {
      gDist[gSet.getInt(i)] = INF;
    }
    return joins;
  }

  /** Gives an exit y of G its DAG distance in stubsJoin's scratch. */
  private void exitAt(int y, long[] d) {
    if (!givenMark[y] && gDist[y] == INF && d[y] != INF) {
      gDist[y] = d[y];
      gSet.add(y);
    }
  }

  /** The incremental rules (class comment) for one pair. O(changed elements). */
  public boolean affects(DestinationBaseline b, ScenarioMask m) {
    return affects(b.dag, m);
  }

  /**
   * The incremental rules for one pair, from the destination's base DAG alone (they read
   * nothing else of its baseline): a destination no rule selects needs no path statistics
   * and no push. O(changed elements).
   */
  public boolean affects(DestinationDag dag, ScenarioMask m) {
    showMask(m);
    int t = dag.destination();
    long[] d = dag.distances();
    for (int k : m.demands) {
      if (base.demandDst(k) == t) {
        return true;
      }
    }
    boolean givenBack = touched.length > 0 && (!m.isIncreaseOnly() || m.onArcs.length > 0);
    if (givenBack && stubsJoin(dag, d)) {
      return true;
    }
    for (int a : m.offArcs) {
      if (onDagBefore(t, d, a)) {
        return true;
      }
    }
    for (int i = 0; i < m.metricArcs.length; i++) {
      int a = m.metricArcs[i];
      if (leftOutAfter(base.tail(a)) || leftOutAfter(base.head(a))) {
        // An arc of a device that stays a stub after the change carries nothing either way.
        continue;
      }
      if (givenBack && (isGiven(base.tail(a)) || isGiven(base.head(a)))) {
        // An arc of a stub given back: in stubsJoin's labels (leaving one) or its test
        // (entering one); on no DAG before.
        continue;
      }
      boolean matters = m.newMetric[i] > base.arcMetric(a) ? onDagBefore(t, d, a)
          : couldJoin(dag, d, base.tail(a), base.head(a), m.newMetric[i]);
      if (matters) {
        return true;
      }
    }
    for (int i = 0; i < m.onArcs.length; i++) {
      int a = m.onArcs[i];
      if (leftOutAfter(after.tail(a)) || leftOutAfter(after.head(a))) {
        continue;
      }
      if (givenBack && (isGiven(after.tail(a)) || isGiven(after.head(a)))) {
        continue;
      }
      if (couldJoin(dag, d, after.tail(a), after.head(a), m.onMetric[i])) {
        return true;
      }
    }
    for (int v : m.drained) {
      if (v != t) {
        for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
          if (onDagBefore(t, d, base.inArc[j])) {
            return true;
          }
        }
      }
    }
    for (int v : m.undrained) {
      if (v != t && d[v] != INF) {
        for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
          int a = base.inArc[j];
          if (givenBack && isGiven(base.tail(a))) {
            continue;
          }
          if (!after.off[a] && couldJoin(dag, d, base.tail(a), v, after.arcMetric(a))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the composable mask {@code m} ({@link ScenarioMask#isComposable}) may change the
   * routing of {@code dag}'s destination: one of {@code arcs} (its {@link
   * ScenarioMask#routingArcs}) on the base DAG, or a demand towards the destination changed.
   * The rules of {@link #affects} for such a mask check the same, and leave some of those arcs
   * out (those of stubs that stay stubs), so this selects a superset of what they select,
   * without showing the mask (no stubs found for it). O(arcs + changed demands).
   *
   * @throws IllegalArgumentException when {@code m} is not composable
   */
  public boolean mayAffect(DestinationDag dag, ScenarioMask m, int[] arcs) {
    if (!m.isComposable()) {
      throw new IllegalArgumentException("mayAffect of a mask that may shorten paths");
    }
    int t = dag.destination();
    long[] d = dag.distances();
    for (int k : m.demands) {
      if (base.demandDst(k) == t) {
        return true;
      }
    }
    for (int a : arcs) {
      if (onDagBefore(t, d, a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Of {@code arcs}, those that can lie on a destination's DAG of this evaluator ({@link
   * #routeForNow}, {@link #dagForNow}): arcs of usable links between devices that are no
   * stubs, which every DAG leaves unlabelled. {@link #mayAffect} given only these selects what
   * it selects given all of them. O(arcs).
   */
  public int[] routedArcs(int[] arcs) {
    int kept = 0;
    int[] out = new int[arcs.length];
    for (int a : arcs) {
      if (a < base.arcCount() && base.usable[a >> 1] && !stubs[base.tail(a)]
          && !stubs[base.head(a)]) {
        out[kept++] = a;
      }
    }
    return kept == arcs.length ? arcs : Arrays.copyOf(out, kept);
  }

  /**
   * The base arcs on {@code b}'s destination's shortest-path DAG after the increase-only mask
   * {@code m} (which switches no arc on) that are not on its base DAG, ascending: the arcs a
   * second change that leaves the base DAG alone could still find in its way once {@code m}
   * is applied ({@code impact.PairComposition}). The after DAG is routed afresh as far as the
   * sources ({@link ShortestPaths#towardSources}), so every arc a source's shortest path may
   * use after {@code m} is seen. O(E log V).
   *
   * @throws IllegalArgumentException when {@code m} may shorten a path or switches arcs on
   */
  public int[] joiningArcs(DestinationBaseline b, ScenarioMask m) {
    if (!m.isIncreaseOnly() || m.onArcs.length > 0) {
      throw new IllegalArgumentException("joining arcs of a mask that may shorten paths");
    }
    showMask(m);
    int t = b.destination();
    long[] d0 = b.dag.distances();
    DestinationDag dag = paths.towardSources(after, t);
    long[] d1 = dag.distances();
    IntArrayList out = new IntArrayList();
    for (int u : dag.order()) {
      for (int j = base.outStart[u]; j < base.outStart[u + 1]; j++) {
        int a = base.outArc[j];
        if (after.arcUsable(a) && after.isNextHop(t, d1, a) && !onDagBefore(t, d0, a)) {
          out.add(a);
        }
      }
    }
    int[] arcs = out.toIntArray();
    Arrays.sort(arcs);
    return arcs;
  }

  /**
   * Evaluates one pair, adding the destination's arc load deltas (after minus before, Gbps)
   * into {@code sink}: repaired when {@code incremental} ({@link #repairShorter} when the mask
   * may shorten paths or gives stubs back), rerouted otherwise.
   */
  public PairResult evaluate(DestinationBaseline b, ScenarioMask m, boolean incremental,
      LoadSink sink) {
    showMask(m);
    bind(b);
    // With stubs of a touched site back in the after view, the region of the repair of an
    // increase-only mask (drawn on a baseline without them) is not enough: they join the
    // region of repairShorter.
    if (!incremental) {
      return reroute(b, sink);
    }
    boolean increaseOnly = m.isIncreaseOnly() && touched.length == 0;
    if (increaseOnly && movesOnlyLoads(b, m)) {
      PairResult r = repairBelow(b, m, sink);
      if (r != null) {
        return r;
      }
    }
    int limit = repairShare >= 1 ? Integer.MAX_VALUE
        : (int) (repairShare * b.dag.order().length);
    seedIncreases(b.destination(), b.dag.distances(), m, limit);
    int increased = aList.size();
    if (!increaseOnly) {
      for (int g : touched) {
        addToA(g);
      }
    }
    if (aList.size() > limit) {
      for (int i = 0; i < aList.size(); i++) {
        inA[aList.getInt(i)] = false;
      }
      aList.clear();
      rerouted++;
      return reroute(b, sink);
    }
    return increaseOnly ? repairSeeded(b, m, sink) : repairShorterSeeded(b, m, sink, increased);
  }

  /**
   * The largest share of a destination's DAG (its devices) that a pair's repair may start
   * from; a pair whose seeded region is larger is rerouted ({@link #evaluate}), with the same
   * result. 1 repairs every pair, 0 reroutes every pair whose region is not empty. Seeding
   * stops as soon as the region passes the share, so the estimate costs at most the share of
   * the DAG the repair would have walked anyway. Returns this.
   *
   * @throws IllegalArgumentException unless {@code share} is in [0, 1]
   */
  public PairEvaluator repairShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("repair share must be in [0, 1], got " + share);
    }
    this.repairShare = share;
    return this;
  }

  private static double defaultShare() {
    String v = System.getProperty("netimpact.repair.share");
    if (v == null) {
      return REPAIR_SHARE;
    }
    try {
      double share = Double.parseDouble(v);
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("system property netimpact.repair.share must be a"
        + " number in [0, 1], got \"" + v + "\"");
  }

  /** Pairs {@link #evaluate} rerouted as cheaper than their repair, since this was made. */
  public long rerouted() {
    return rerouted;
  }

  private PairResult repair(DestinationBaseline b, ScenarioMask m, LoadSink sink) {
    seedIncreases(b.destination(), b.dag.distances(), m, Integer.MAX_VALUE);
    return repairSeeded(b, m, sink);
  }

  /**
   * Whether an increase-only pair asks only for loads and lost traffic, so that {@link
   * #repairBelow} may finish it: no route changes or class loads are asked for, and the mask
   * drains or removes no device and changes no demand towards the destination. O(the mask's
   * devices and demands).
   */
  private boolean movesOnlyLoads(DestinationBaseline b, ScenarioMask m) {
    if (routeChanges || classSink != null || m.drained.length > 0 || m.removed.length > 0) {
      return false;
    }
    int t = b.destination();
    for (int k : m.demands) {
      if (base.demandDst(k) == t) {
        return false;
      }
    }
    return true;
  }

  /**
   * Repairs an increase-only pair that moves loads only ({@link #movesOnlyLoads}) from the
   * devices whose next hops change, not from all of their ancestors. Let U be the tails of the
   * DAG arcs the mask removes or makes dearer. A device's distance grows exactly when it has
   * no next hop left whose distance stays (Z, found nearest first from U and the DAG parents
   * of devices found in Z; a device outside Z keeps a tight arc to a device outside Z, by
   * induction on the distance, so distances outside Z are those before). Only Z is re-solved
   * ({@link ShortestPaths#resettle}, from its border). A device outside Z keeps its distance
   * and its next hops but those into Z (an arc into a device whose distance grew cannot be
   * tight after), so next hops change only at the candidates C: U, Z and Z's DAG parents.
   * Every device's traffic after is its traffic before ({@link EcmpPush#throughput}, pushed
   * once per baseline) plus what reaches it changed; so each device of C hands its traffic
   * before to its next hops after in place of those before ({@link EcmpPush#resplit}), and
   * the net is carried on down the DAG after ({@link EcmpPush#pushExits}, every device
   * splitting its change as the view after does, those of C their new way), farthest first
   * by the distances after. Returns null, with nothing changed, when a device of Z ends up
   * unreachable (traffic lost) or past the horizon of a truncated baseline: the pair is then
   * repaired over its whole region. O(|C| log |C| + the degrees of C + |Z| log |Z| + the DAG
   * below C that the net change reaches), where the repair over A, all the ancestors of U,
   * is O(|A| log |A| + ...) and pushes A's traffic twice; O(DAG) once per baseline.
   */
  private PairResult repairBelow(DestinationBaseline b, ScenarioMask m, LoadSink sink) {
    int t = b.destination();
    long[] d0 = b.dag.distances();
    IntConsumer candidate = u -> candidate(u, d0);
    lengthenedTails(t, d0, m, candidate);
    if (candidates.isEmpty()) {
      return PairResult.NOTHING_LOST;
    }
    while (!nearestFirst.isEmpty()) {
      int u = nearestFirst.pop();
      int hops = nextHops.of(after, t, d0, u);
      boolean keeps = false;
      for (int i = 0; i < hops && !keeps; i++) {
        keeps = !inA[nextHops.head[i]];
      }
      if (keeps) {
        continue;
      }
      addToA(u);
      dagParents(t, d0, u, candidate);
    }
    long[] distAfter = d0;
    if (!aList.isEmpty()) {
      int[] z = aList.toIntArray();
      for (int x : z) {
        dist[x] = INF;
      }
      int reached = paths.resettle(after, t, dist, inA, z, z.length, aOrder);
      if (reached < z.length
          || !regionExact(b.dag.truncated() ? b.dag.horizon() : INF, z, z.length)) {
        for (int x : z) {
          inA[x] = false;
          dist[x] = d0[x];
        }
        aList.clear();
        clearCandidates();
        return null;
      }
      distAfter = dist;
      belowMoved++;
    }
    if (throughOf != b) {
      if (through == null) {
        through = new double[n];
      }
      push.throughput(before, b.dag, through);
      throughOf = b;
    }
    ensureAcc();
    for (int i = 0; i < candidates.size(); i++) {
      int u = candidates.getInt(i);
      if (through[u] != 0) {
        push.resplit(before, d0, after, distAfter, t, u, through[u], this::accumulate);
      }
    }
    push.pushExits(after, t, distAfter, this::accumulate);
    flushAcc(sink);
    for (int i = 0; i < aList.size(); i++) {
      int x = aList.getInt(i);
      inA[x] = false;
      dist[x] = d0[x];
    }
    aList.clear();
    clearCandidates();
    below++;
    return PairResult.NOTHING_LOST;
  }

  /** Makes {@code u} a candidate of {@link #repairBelow}, queued by its distance before. */
  private void candidate(int u, long[] d0) {
    if (!candidate[u]) {
      candidate[u] = true;
      candidates.add(u);
      nearestFirst.pushOrDecrease(u, d0[u]);
    }
  }

  private void clearCandidates() {
    for (int i = 0; i < candidates.size(); i++) {
      candidate[candidates.getInt(i)] = false;
    }
    candidates.clear();
  }

  /** {@link #repair} once its region A is seeded ({@link #seedIncreases}). */
  private PairResult repairSeeded(DestinationBaseline b, ScenarioMask m, LoadSink sink) {
    int t = b.destination();
    long[] d0 = b.dag.distances();
    if (classSink == null && !sendsTraffic(t, m)) {
      // No traffic enters A from outside it, and none starts in it: it carries nothing before
      // or after, so nothing moves and no demand's routing changes (whatever A's distances).
      for (int x : aList) {
        inA[x] = false;
      }
      aList.clear();
      return PairResult.NOTHING_LOST;
    }
    // 2. Distances in A after.
    int[] aNodes = aList.toIntArray();
    for (int x : aNodes) {
      dist[x] = INF;
    }
    int reached = paths.resettle(after, t, dist, inA, aNodes, aNodes.length, aOrder);
    if (!regionExact(b.dag.truncated() ? b.dag.horizon() : INF, aNodes, aNodes.length)) {
      for (int y : aNodes) {
        inA[y] = false;
        dist[y] = d0[y];
      }
      aList.clear();
      return repairWhole(b, m, sink, false);
    }
    return finishRegion(b, m, sink, aNodes, reached);
  }

  /**
   * Whether the region of a repair (in {@link #aList}) holds a source of destination {@code t}
   * or {@code m} changes a demand towards it: otherwise the region carries no traffic of
   * {@code t}. O(region + changed demands).
   */
  private boolean sendsTraffic(int t, ScenarioMask m) {
    for (int i = 0; i < aList.size(); i++) {
      if (demandOf[aList.getInt(i)] >= 0) {
        return true;
      }
    }
    for (int k : m.demands) {
      if (base.demandDst(k) == t) {
        return true;
      }
    }
    return false;
  }

  /**
   * Past the horizon of a DAG stopped at its sources: the pair repaired again on the
   * destination's complete DAG, on which every distance outside the region is known, so the
   * region's are exact. Its region can only grow by devices past the horizon, which are no
   * sources: the traffic moved and the demands compared are the same.
   */
  private PairResult repairWhole(DestinationBaseline b, ScenarioMask m, LoadSink sink,
      boolean shorter) {
    fallbacks++;
    DestinationBaseline whole = completed(b);
    bind(whole);
    return shorter ? repairShorter(whole, m, sink) : repair(whole, m, sink);
  }

  /**
   * Step 1 of a repair: the tails of the DAG arcs the mask removes, makes dearer or leads into
   * a drained device, and their ancestors on the baseline DAG, into the region (A); the
   * ancestors stop once A has more than {@code limit} devices (the pair is rerouted then).
   */
  private void seedIncreases(int t, long[] d0, ScenarioMask m, int limit) {
    lengthenedTails(t, d0, m, this::addToA);
    closeUpwards(t, d0, 0, limit);
  }

  /**
   * Hands {@code add} the tail of each arc on the baseline DAG that {@code m} removes, makes
   * dearer or leads into a device it drains (a tail may come more than once). O(changed
   * elements and the drained devices' in-arcs).
   */
  private void lengthenedTails(int t, long[] d0, ScenarioMask m, IntConsumer add) {
    for (int a : m.offArcs) {
      if (onDagBefore(t, d0, a)) {
        add.accept(base.tail(a));
      }
    }
    for (int i = 0; i < m.metricArcs.length; i++) {
      int a = m.metricArcs[i];
      if (m.newMetric[i] > base.arcMetric(a) && onDagBefore(t, d0, a)) {
        add.accept(base.tail(a));
      }
    }
    for (int v : m.drained) {
      if (v != t) {
        for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
          if (onDagBefore(t, d0, base.inArc[j])) {
            add.accept(base.tail(base.inArc[j]));
          }
        }
      }
    }
  }

  /**
   * Hands {@code add} each parent of {@code x} on the baseline DAG, through the base's usable
   * arcs (the before view masks nothing): u->x is a DAG arc when d(u) == w + d(x), and x is
   * the destination or not drained. O(in-degree of x).
   */
  private void dagParents(int t, long[] d0, int x, IntConsumer add) {
    long dx = d0[x];
    if (dx == INF || (x != t && before.isDrained(x))) {
      return;
    }
    Network.Slots slots = before.slots;
    for (int k = slots.inFrom[x]; k < slots.inFrom[x + 1]; k++) {
      int j = slots.inSlot[k];
      int u = base.inTail[j];
      if (u != t && d0[u] == dx + before.inSlotMetric(j)) {
        add.accept(u);
      }
    }
  }

  /**
   * Adds to the region the ancestors on the baseline DAG of its devices from index {@code from}
   * of {@link #aList} on, through the base's usable arcs (the before view masks nothing): u->x
   * is a DAG arc when d(u) == w + d(x), and x is the destination or not drained. Stops once
   * the region has more than {@code limit} devices.
   */
  private void closeUpwards(int t, long[] d0, int from, int limit) {
    IntConsumer add = this::addToA;
    for (int i = from; i < aList.size() && aList.size() <= limit; i++) {
      dagParents(t, d0, aList.getInt(i), add);
    }
  }

  /**
   * Repairs a pair whose mask may also shorten paths (arcs switched on, metrics lowered,
   * devices undrained, stubs given back), instead of routing the destination afresh. Besides
   * the region A of {@link #repair} (the ancestors of the DAG arcs made dearer or removed, whose
   * distance may grow) and the stubs given back (G, which the baseline left out), only devices
   * whose distance falls can change: {@link ShortestPaths#resettleShorter} settles A, G and
   * exactly those (F), from A's border, G's exits and the tails of the arcs made shorter. A
   * device outside them keeps its distance, and its next hops too, unless it gains one into
   * them with equal cost (T, a tie). Traffic into A, F and T from elsewhere enters only
   * through ancestors of T on the baseline DAG, so the region R is A, G, F and T with those
   * ancestors (outside R, next hops before and after are the same), and the pair is finished
   * as a repair: R's traffic pushed before and after, the net change pushed on from where it
   * leaves R, the demands of R's sources compared. O((R) log R + arcs of R + the DAG below R
   * that the net change reaches); a fresh route is O(E log V) with a push of the whole DAG.
   */
  private PairResult repairShorter(DestinationBaseline b, ScenarioMask m, LoadSink sink) {
    seedIncreases(b.destination(), b.dag.distances(), m, Integer.MAX_VALUE);
    int increased = aList.size();
    for (int g : touched) {
      addToA(g);
    }
    return repairShorterSeeded(b, m, sink, increased);
  }

  /**
   * {@link #repairShorter} once A ({@code increased} devices) and G are in the region.
   */
  private PairResult repairShorterSeeded(DestinationBaseline b, ScenarioMask m, LoadSink sink,
      int increased) {
    int t = b.destination();
    long[] d0 = b.dag.distances();
    int[] region = aList.toIntArray();
    for (int x : region) {
      dist[x] = INF;
    }
    shorter.clear();
    for (int a : m.onArcs) {
      shorter.add(a);
    }
    for (int i = 0; i < m.metricArcs.length; i++) {
      if (m.newMetric[i] < base.arcMetric(m.metricArcs[i])) {
        shorter.add(m.metricArcs[i]);
      }
    }
    for (int v : m.undrained) {
      for (int j = base.inStart[v]; j < base.inStart[v + 1]; j++) {
        if (after.arcUsable(base.inArc[j])) {
          shorter.add(base.inArc[j]);
        }
      }
    }
    long horizon = b.dag.truncated() ? b.dag.horizon() : INF;
    int settled = paths.resettleShorter(after, t, dist, inA, region, region.length,
        shorter.elements(), shorter.size(), horizon, d0, aOrder);
    if (!regionExact(horizon, region, increased)) {
      for (int i = 0; i < settled; i++) {
        dist[aOrder[i]] = d0[aOrder[i]];
      }
      for (int y : region) {
        inA[y] = false;
        dist[y] = d0[y];
      }
      aList.clear();
      return repairWhole(b, m, sink, true);
    }
    // F: the devices settled outside A and G (brought nearer).
    for (int i = 0; i < settled; i++) {
      addToA(aOrder[i]);
    }
    // T: a device outside gaining a next hop into F, A or G, or over an arc made shorter.
    int ties = aList.size();
    for (int i = 0; i < settled; i++) {
      tiesInto(t, aOrder[i]);
    }
    for (int i = 0; i < shorter.size(); i++) {
      int a = shorter.getInt(i);
      int u = after.tail(a);
      if (!inA[u] && after.isNextHop(t, dist, a)) {
        addToA(u);
      }
    }
    closeUpwards(t, d0, ties, Integer.MAX_VALUE);
    // Every device of R that reaches the destination, nearest first, for the path statistics.
    int[] rNodes = aList.toIntArray();
    int reached = 0;
    for (int x : rNodes) {
      if (dist[x] != INF) {
        aOrder[reached++] = x;
      }
    }
    it.unimi.dsi.fastutil.ints.IntArrays.quickSort(aOrder, 0, reached,
        (x, y) -> dist[x] != dist[y] ? Long.compare(dist[x], dist[y]) : Integer.compare(x, y));
    return finishRegion(b, m, sink, rNodes, reached);
  }

  /** Adds to the region each device outside it with a usable arc into {@code v} on the DAG after. */
  private void tiesInto(int t, int v) {
    if (v != t && after.isDrained(v)) {
      return;
    }
    Network.Slots slots = after.slots;
    for (int k = slots.inFrom[v]; k < slots.inFrom[v + 1]; k++) {
      int j = slots.inSlot[k];
      int u = base.inTail[j];
      if (!inA[u] && after.inSlotUsable(j) && after.isNextHop(t, dist, base.inArc[j])) {
        addToA(u);
      }
    }
    if (after.hasExtraIn[v]) {
      for (int arc : after.extraIn(v)) {
        int u = after.tail(arc);
        if (!inA[u] && after.isNextHop(t, dist, arc)) {
          addToA(u);
        }
      }
    }
  }

  /**
   * Steps 3-5 of a repair, once the region's distances after are in {@link #dist} and its
   * reaching devices nearest first in {@link #aOrder}: path statistics of the region; the
   * traffic from the region and from sources whose volume changed pushed before (out) and
   * after (in) within the region, their difference onwards from where it leaves the region
   * (outside it every device splits as before), summed per arc here first so that the sink (a
   * hash map per scenario) sees only the arcs whose load changed; the demands of the region's
   * sources compared; the scratch back to the baseline.
   */
  private PairResult finishRegion(DestinationBaseline b, ScenarioMask m, LoadSink sink,
      int[] aNodes, int reached) {
    int t = b.destination();
    long[] d0 = b.dag.distances();
    // Next hops outside A keep their baseline values, asked of the baseline as needed. Without
    // route changes the path statistics are not needed: loads follow the distances alone.
    if (routeChanges) {
      PathStats.computeRegion(after, t, dist, aOrder, reached, latency, fingerprint, inA, b);
    }
    ensureAcc();
    double lostB = queueRegion(before, t, d0, aNodes, m);
    push.pushRegion(before, t, d0, inA, this::accumulate, -1.0);
    double lostA = queueRegion(after, t, dist, aNodes, m);
    push.pushRegion(after, t, dist, inA, this::accumulate, 1.0);
    push.pushExits(after, t, dist, this::accumulate);
    flushAcc(sink);
    classDeltas(t, d0, dist);
    // Demands whose routing changed: only sources in the region can have.
    double newlyLost = 0;
    for (int x : aNodes) {
      if (demandOf[x] >= 0) {
        newlyLost += routeChanges ? compare(b, demandOf[x], x, dist, latency, fingerprint)
            : newlyLost(b, demandOf[x], x, dist);
      }
    }
    List<RouteChange> changes = changes(b, dist);
    for (int x : aNodes) {
      inA[x] = false;
      dist[x] = d0[x];
    }
    aList.clear();
    return new PairResult(lostB, lostA, newlyLost, changes);
  }

  /**
   * The complete base DAG of a truncated baseline's destination ({@link ShortestPaths#toward},
   * not stopped at its sources), with path statistics made on demand and no loads (a repair
   * pushes only its region's traffic): made once per baseline, in this evaluator's buffers for
   * it, so that every pair of the destination that needs it shares it. O(E log V) once; the
   * buffers O(V), made on first use.
   */
  private DestinationBaseline completed(DestinationBaseline b) {
    if (completeOf == b) {
      return complete;
    }
    if (completeDist == null) {
      completeDist = new long[n];
      Arrays.fill(completeDist, INF);
      completeStats = new PathStats.OnDemand(n);
      completeLatency = new double[n];
      completeFingerprint = new long[n];
    } else if (complete != null) {
      for (int v : complete.dag.order()) {
        completeDist[v] = INF;
      }
    }
    DestinationDag dag = paths.towardInto(before, b.destination(), completeDist);
    int binding = completeStats.bind(before, dag, completeLatency, completeFingerprint);
    complete = new DestinationBaseline(dag, completeStats, binding, this, b.lost);
    completeOf = b;
    return complete;
  }

  /**
   * Whether the region's distances after the change, as {@link ShortestPaths#resettle} left
   * them, are exact. The baseline leaves out devices past its horizon (towardSources): a
   * distance within the horizon is exact (any path through a left-out device is longer); one
   * beyond it may not be, unless the device is unreachable and nothing it can reach on the
   * after view leaves the region (a device cut off, alone or with part of the region: no
   * device outside can help it, left out or not). O(arcs out of the region) per pair: a
   * device found cut off marks everything it reaches, so none is walked twice.
   */
  private boolean regionExact(long horizon, int[] aNodes, int count) {
    if (++cutStamp == 0) {
      Arrays.fill(cutMark, 0);
      cutStamp = 1;
    }
    for (int i = 0; i < count; i++) {
      int x = aNodes[i];
      if (dist[x] > horizon && (dist[x] != INF || !cutOff(x))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every device {@code x} reaches on the after view (usable arcs, drained devices
   * included, which only widens the search) is in the region: then it has no path to the
   * destination, which is outside it. Devices already walked this pair were found cut off.
   */
  private boolean cutOff(int x) {
    if (cutMark[x] == cutStamp) {
      return true;
    }
    cutMark[x] = cutStamp;
    cutStack.clear();
    cutStack.add(x);
    Network.Slots slots = after.slots;
    while (!cutStack.isEmpty()) {
      int u = cutStack.popInt();
      for (int k = slots.outFrom[u]; k < slots.outFrom[u + 1]; k++) {
        int j = slots.outSlot[k];
        if (after.outSlotUsable(j) && !reachesWithin(base.outHead[j])) {
          return false;
        }
      }
      if (after.hasExtraOut[u]) {
        for (int arc : after.extraOut(u)) {
          if (!reachesWithin(after.head(arc))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** For {@link #cutOff}: false when {@code y} is outside the region, else stacks it once. */
  private boolean reachesWithin(int y) {
    if (!inA[y]) {
      return false;
    }
    if (cutMark[y] != cutStamp) {
      cutMark[y] = cutStamp;
      cutStack.add(y);
    }
    return true;
  }

  /**
   * Pairs whose repair found a region distance it could not vouch for ({@link #regionExact})
   * and was repaired again on the destination's complete DAG, since this evaluator was made.
   */
  long fallbacks() {
    return fallbacks;
  }

  /** Pairs finished by {@link #repairBelow}, since this was made. */
  long repairedBelow() {
    return below;
  }

  /** Of those, the pairs that moved some device's distance (Z not empty). */
  long repairedBelowMovingDistances() {
    return belowMoved;
  }

  /**
   * Queues, for a push on {@code g} with distances {@code d}, the traffic the repair moves:
   * the demands of the region's sources and of the sources whose volume the mask changes
   * (volumes as {@code g} gives them). Returns the Gbps without a path.
   */
  private double queueRegion(MaskedView g, int t, long[] d, int[] aNodes, ScenarioMask m) {
    double lost = 0;
    for (int x : aNodes) {
      int k = demandOf[x];
      if (k >= 0) {
        lost += push.queue(d, x, g.demandGbps(k));
      }
    }
    for (int k : m.demands) {
      int x = base.demandSrc(k);
      if (base.demandDst(k) == t && !inA[x]) {
        lost += push.queue(d, x, g.demandGbps(k));
      }
    }
    return lost;
  }

  /**
   * Compares demand {@code k} (from {@code s}) before and after, given the after distances,
   * latencies and fingerprints (the view shows the pair's mask): notes it for {@link
   * #changes} when its routing changed, and returns its Gbps newly without a path.
   */
  private double compare(DestinationBaseline b, int k, int s, long[] distAfter,
      double[] latencyAfter, long[] fingerprintAfter) {
    boolean rb = b.dag.distances()[s] != INF;
    boolean ra = distAfter[s] != INF;
    if (rb == ra && (!rb || b.fingerprint(s) == fingerprintAfter[s])) {
      return 0;
    }
    changedDemand.add(k);
    changedSource.add(s);
    changedLatency.add(rb ? b.latency(s) : Double.NaN);
    changedLatency.add(ra ? latencyAfter[s] : Double.NaN);
    return newlyLost(b, k, s, distAfter);
  }

  /** Gbps (after) of demand k from source s that had a path and has none after; else 0. */
  private double newlyLost(DestinationBaseline b, int k, int s, long[] distAfter) {
    boolean rb = b.dag.distances()[s] != INF;
    boolean ra = distAfter[s] != INF;
    double va = after.demandGbps(k);
    return rb && !ra && va > 0 ? va : 0;
  }

  /**
   * The route changes {@link #compare} noted for this pair, their paths after walked once for
   * all of them ({@link DagWalk#pathsBelow}); clears the notes. O(the union of their paths).
   */
  private List<RouteChange> changes(DestinationBaseline b, long[] distAfter) {
    int m = changedDemand.size();
    List<RouteChange> out = new ArrayList<>(m);
    if (m == 0 || !routeChanges) {
      changedDemand.clear();
      changedSource.clear();
      changedLatency.clear();
      return out;
    }
    int[] sources = changedSource.toIntArray();
    int[] node = new int[m];
    PathsAfter paths = walk.pathsBelow(after, b.destination(), distAfter, sources, m, node);
    long[] d0 = b.dag.distances();
    for (int i = 0; i < m; i++) {
      boolean ra = node[i] >= 0;
      out.add(new RouteChange(changedDemand.getInt(i), d0[sources[i]] != INF, ra,
          changedLatency.getDouble(2 * i), changedLatency.getDouble(2 * i + 1),
          ra ? paths : PathsAfter.NONE, node[i]));
    }
    changedDemand.clear();
    changedSource.clear();
    changedLatency.clear();
    return out;
  }

  /** The dense scratch as large as the after view's arcs (added links included). */
  private void ensureAcc() {
    int arcs = after.arcCount();
    if (acc.length < arcs) {
      acc = Arrays.copyOf(acc, arcs);
      accSeen = Arrays.copyOf(accSeen, arcs);
    }
  }

  /** Adds a push's share into the dense scratch, remembering which arcs it touched. */
  private void accumulate(int arc, double gbps) {
    if (!accSeen[arc]) {
      accSeen[arc] = true;
      accArcs.add(arc);
    }
    acc[arc] += gbps;
  }

  /** Hands the dense scratch's non-zero entries to {@code sink} and clears it. */
  private void flushAcc(LoadSink sink) {
    for (int i = 0; i < accArcs.size(); i++) {
      int a = accArcs.getInt(i);
      if (acc[a] != 0) {
        sink.add(a, acc[a]);
      }
      acc[a] = 0;
      accSeen[a] = false;
    }
    accArcs.clear();
  }

  private void clearAcc() {
    for (int i = 0; i < accArcs.size(); i++) {
      int a = accArcs.getInt(i);
      acc[a] = 0;
      accSeen[a] = false;
    }
    accArcs.clear();
  }

  private void addToA(int x) {
    if (!inA[x]) {
      inA[x] = true;
      aList.add(x);
    }
  }

  private PairResult reroute(DestinationBaseline b, LoadSink sink) {
    int t = b.destination();
    // The baseline's loads first: pushed now if not yet, in the scratch the after push uses.
    int[] loadArcs = b.loadArcs();
    double[] loads = b.loads();
    ensureAcc();
    DestinationDag dag = paths.towardSources(after, t);
    double lostA = push.pushDemands(after, dag, this::accumulate);
    classDeltas(t, b.dag.distances(), dag.distances());
    // After minus before per arc, each computed as one subtraction so that an unchanged arc
    // gives exactly 0.
    for (int i = 0; i < loadArcs.length; i++) {
      int a = loadArcs[i];
      if (acc[a] != loads[i]) {
        sink.add(a, acc[a] - loads[i]);
      }
      accSeen[a] = false;
      acc[a] = 0;
    }
    for (int i = 0; i < accArcs.size(); i++) {
      int a = accArcs.getInt(i);
      if (accSeen[a] && acc[a] != 0) {
        sink.add(a, acc[a]);
      }
      acc[a] = 0;
      accSeen[a] = false;
    }
    accArcs.clear();
    PathStats.computeAll(after, dag, freshLatency, freshFingerprint);
    b.completeStatistics();
    double newlyLost = 0;
    long[] d1 = dag.distances();
    for (int k = base.demandsTo(t); k < base.demandsTo(t + 1); k++) {
      newlyLost += compare(b, k, base.demandSrc(k), d1, freshLatency, freshFingerprint);
    }
    return new PairResult(b.lost, lostA, newlyLost, changes(b, d1));
  }
}
