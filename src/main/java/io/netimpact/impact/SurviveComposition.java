package io.netimpact.impact;

import io.netimpact.routes.PairResult;
import io.netimpact.routing.NetworkCompiler.AfterChange;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.Thresholds;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change C then each of many single failures f ({@code review --survive}, and with no
 * change the failures alone: the stored N-1 results), evaluated exactly as the two-op changes
 * "C then f" would be, with the change fixed: C is evaluated once per destination, and each
 * failure only for the destinations where it can make a difference after C.
 *
 * <p>Per destination d (DAG(d) its base shortest-path DAG, DAG_C(d) the one after C), with
 * every failure f a change that can only lengthen paths ({@link ScenarioMask#isComposable}):
 * <ul>
 *   <li>f changes d's routing after C only when one of its {@link ScenarioMask#routingArcs} is
 *       on DAG_C(d) or it changes a demand towards d (the incremental rules of {@link
 *       PairEvaluator#affects}, applied to the network after C); otherwise every source of d
 *       keeps its distance and next hops after C then f, and d's state under C then f is its
 *       state under C alone (the base state when C does not touch d either);</li>
 *   <li>when C does not touch DAG(d), DAG_C(d) is DAG(d): the test is the rules on the base
 *       DAG;</li>
 *   <li>when C touches DAG(d) and is itself composable, an arc of f on DAG_C(d) but not on
 *       DAG(d) is one of the arcs that join d's DAG after C ({@link PairEvaluator#joiningArcs},
 *       found once per destination C touches): the test is the rules on DAG(d), then f's
 *       routing arcs against those. A change that may shorten paths (added links, undrains,
 *       lowered metrics) has no such list: every failure is then evaluated for every
 *       destination C touches.</li>
 * </ul>
 * A failure selected for d is evaluated for d as the two-op change C then f (the one repair).
 *
 * <p>When C can only lengthen paths and removes no device, adds no link and changes no demand
 * (and no failure drains a device or changes a metric), the destinations C touches take
 * another, cheaper way ({@link #repairsAfterChange}): the network after C is compiled once in
 * the base's index space ({@link AfterChange#network}), d is routed on it once, f is selected
 * when one of its routing arcs lies on that DAG (the rule above, on that network, exact
 * there), and f is repaired against d's state after C on that network. The kernel's repair
 * is exact against any state whose distances are that network's shortest paths, and that
 * network routes as the base seen through C's mask, so the repair gives (C then f)'s state
 * minus C's for d directly, over the ancestors of f's arcs on the DAG after C only; the
 * two-op repair instead runs over the ancestors of C's and f's arcs together, which for a
 * change on every destination's DAG (a drained spine) is most of each DAG, for every (f, d).
 * Load deltas add up over destinations, so the state of C then f is C's state plus, over the
 * destinations S_f selected for f, (C then f's state for d) minus (C's state for d): a
 * correction over the few arcs those destinations move. The figures a survival row needs
 * (which arcs are newly over or above warn, the highest utilisation and its link, the
 * traffic stranded) are then taken from C's figures, kept once for every arc, with only the
 * arcs of the correction looked at again ({@link #figures}). The sums run in another order
 * than the two-op scenario's, so numbers agree to rounding (the tests check 1e-9 relative).
 *
 * <p>Cost, for D destinations, F failures and T_C destinations C touches: F x D rule checks
 * (O(changed elements) each; after C, only the failures with an arc that can lie on a DAG
 * there, {@link PairEvaluator#routedArcs}, are checked: an arc with a stub end, a rack's
 * uplink, is on none), T_C repairs of C and T_C detour searches or routes on the
 * network after C (O(E log V) each; compiling that network O(V + E) and its stubs, once),
 * one repair per selected (failure, destination): as many as the failures alone take, plus
 * the few whose arcs lie on C's detours (after C: each over the ancestors of the failure's
 * arcs on the DAG after C); then O(E log E) once for C's figures and
 * O(|correction| + 1) per failure. The two-op scenarios cost F x (T_C + T_f) repairs and
 * O(|C's arcs| log |C's arcs|) of assembly per failure. Memory: one sparse correction per
 * failure, O(arcs its selected destinations move), and C's state.
 *
 * <p>The plan is shared by every task; each task fills a {@link Part} through a {@link Task}
 * (one per {@link PairEvaluator}); parts {@link Part#merge} in any grouping.
 */
public final class SurviveComposition implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Optional<ScenarioMask> change;
  private final List<ScenarioMask> failures;
  private final List<ScenarioMask> then;
  /** Per failure, its routing arcs, ascending. */
  private final int[][] routing;
  /**
   * The network after the change ({@link AfterChange#network}), the failures' masks on it and
   * their routing arcs there; null when the change has none (no change, or one that may
   * shorten paths, removes devices or changes demands).
   */
  private final Network after;
  private final ScenarioMask[] afterFailures;
  private final int[][] afterRouting;

  private SurviveComposition(Optional<ScenarioMask> change, List<ScenarioMask> failures,
      List<ScenarioMask> then, int[][] routing, Network after, ScenarioMask[] afterFailures,
      int[][] afterRouting) {
    this.change = change;
    this.failures = failures;
    this.then = then;
    this.routing = routing;
    this.after = after;
    this.afterFailures = afterFailures;
    this.afterRouting = afterRouting;
  }

  /**
   * The plan of {@code change} (none: the failures alone) then each of {@code failures}, whose
   * two-op masks (the change's ops, then the failure's) are {@code then}, in the same order
   * (with no change, the failures themselves). Empty when a failure may shorten a path, which
   * the composition does not cover. O(F x changed elements).
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  public static Optional<SurviveComposition> of(Network base, Optional<ScenarioMask> change,
      List<ScenarioMask> failures, List<ScenarioMask> then) {
    if (failures.size() != then.size()) {
      throw new IllegalArgumentException(failures.size() + " failures, " + then.size()
          + " changes then failures");
    }
    if (!failures.stream().allMatch(ScenarioMask::isComposable)) {
      return Optional.empty();
    }
    int[][] routing = new int[failures.size()][];
    java.util.stream.IntStream.range(0, routing.length).parallel()
        .forEach(i -> routing[i] = failures.get(i).routingArcs(base));
    Optional<Network> after = change.flatMap(c -> AfterChange.network(base, c));
    ScenarioMask[] afterFailures = null;
    int[][] afterRouting = null;
    if (after.isPresent()) {
      ScenarioMask[] onAfter = new ScenarioMask[failures.size()];
      int[][] routingAfter = new int[failures.size()][];
      Network net = after.get();
      boolean all = java.util.stream.IntStream.range(0, onAfter.length).parallel().allMatch(i -> {
        Optional<ScenarioMask> f = AfterChange.failure(base, net, change.get(),
            failures.get(i));
        f.ifPresent(m -> {
          onAfter[i] = m;
          routingAfter[i] = m.routingArcs(net);
        });
        return f.isPresent();
      });
      if (all) {
        afterFailures = onAfter;
        afterRouting = routingAfter;
      }
    }
    boolean sequential = afterFailures != null;
    return Optional.of(new SurviveComposition(change, List.copyOf(failures), List.copyOf(then),
        routing, sequential ? after.get() : null, afterFailures,
        sequential ? afterRouting : null));
  }

  /**
   * Whether the failures of the destinations the change touches are repaired against the
   * destination's state after the change, on the network after it ({@link AfterChange}): for
   * a change that can only lengthen paths and changes no device's presence, link set or
   * demand, with failures that drain nothing and change no metric.
   */
  public boolean repairsAfterChange() {
    return after != null;
  }

  /** The number of failures. */
  public int size() {
    return failures.size();
  }

  /**
   * Every destination of {@code base} routed (one Dijkstra each) and added on this thread: the
   * plain-Java run the Spark edge's tasks split. O(the composition + D E log V).
   */
  public Part evaluate(Network base) {
    PairEvaluator pe = new PairEvaluator(base);
    Part part = part();
    Task task = task(pe, part);
    for (int dst : base.destinations()) {
      task.add(pe.routeForNow(dst));
    }
    return part;
  }

  /** An empty part for this plan. */
  public Part part() {
    return new Part(failures.size());
  }

  /** A task filling {@code into}, on {@code pe}'s base. Not thread-safe. */
  public Task task(PairEvaluator pe, Part into) {
    return new Task(pe, into);
  }

  /**
   * What some destinations contribute: C's load deltas and lost traffic (after minus before),
   * and per failure the correction of C then f against C over them. Mergeable: the parts of
   * disjoint destination sets sum to the part of their union.
   */
  public static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Int2DoubleOpenHashMap change = new Int2DoubleOpenHashMap();
    private double changeLost;
    private final Int2DoubleOpenHashMap[] correction;
    private final double[] lost;
    private long repairs;
    private long detours;

    Part(int failures) {
      correction = new Int2DoubleOpenHashMap[failures];
      lost = new double[failures];
    }

    /** Adds {@code o} into this; returns this. O(size of o). */
    public Part merge(Part o) {
      if (o.lost.length != lost.length) {
        throw new IllegalArgumentException("parts of " + lost.length + " and " + o.lost.length
            + " failures do not merge");
      }
      addAll(change, o.change);
      changeLost += o.changeLost;
      for (int f = 0; f < lost.length; f++) {
        if (o.correction[f] != null) {
          if (correction[f] == null) {
            correction[f] = o.correction[f];
          } else {
            addAll(correction[f], o.correction[f]);
          }
        }
        lost[f] += o.lost[f];
      }
      repairs += o.repairs;
      detours += o.detours;
      return this;
    }

    /** (failure, destination) pairs evaluated as C then f. */
    public long repairs() {
      return repairs;
    }

    /**
     * Of those, the pairs selected only because the failure lies on a detour C makes (or, for
     * a change that may shorten paths, only because C touches the destination).
     */
    public long detours() {
      return detours;
    }

    private Int2DoubleOpenHashMap correction(int f) {
      if (correction[f] == null) {
        correction[f] = new Int2DoubleOpenHashMap();
      }
      return correction[f];
    }

    private static void addAll(Int2DoubleOpenHashMap into, Int2DoubleOpenHashMap from) {
      for (Int2DoubleMap.Entry e : from.int2DoubleEntrySet()) {
        into.addTo(e.getIntKey(), e.getDoubleValue());
      }
    }
  }

  /** One task's side: destinations added one at a time into its part. */
  public final class Task {
    private final PairEvaluator pe;
    /** An evaluator on the network after the change; null without one. */
    private final PairEvaluator peAfter;
    private final Part part;
    /** Per base arc: the destination (+1) whose joining arcs mark it, 0 none. */
    private final int[] joining;
    private final IntArrayList bufArcs = new IntArrayList();
    private final DoubleArrayList bufDelta = new DoubleArrayList();
    /**
     * On the network after the change: the failures that can be selected for some destination
     * (a routing arc that can lie on a DAG there, or a changed demand), ascending, and per
     * failure those arcs ({@link PairEvaluator#routedArcs}); null without that network.
     */
    private final int[] afterActive;
    private final int[][] afterRouted;

    private Task(PairEvaluator pe, Part part) {
      // The figures read loads and lost traffic only: no paths after are walked. Every pair is
      // repaired (share 1): a reroute makes its destination's baseline loads and statistics,
      // which the failures' small repairs never need; on medium's spine drain with every link
      // and SRLG failing, rerouting the pairs past the default share took 400 MB more and was
      // no faster (docs/survival.md).
      this.pe = pe.routeChanges(false).repairShare(1);
      this.peAfter = after == null ? null
          : new PairEvaluator(after).routeChanges(false).repairShare(1);
      this.part = part;
      this.joining = new int[pe.base().arcCount()];
      if (peAfter == null) {
        afterActive = null;
        afterRouted = null;
      } else {
        afterRouted = new int[afterFailures.length][];
        IntArrayList active = new IntArrayList();
        for (int f = 0; f < afterFailures.length; f++) {
          afterRouted[f] = peAfter.routedArcs(afterRouting[f]);
          if (afterRouted[f].length > 0 || afterFailures[f].changesDemands()) {
            active.add(f);
          }
        }
        afterActive = active.toIntArray();
      }
    }

    /**
     * Adds destination {@code dag}'s contribution (a base DAG of the task's evaluator, valid
     * for the call; its baseline made only when something is evaluated for it). O(F x rules +
     * the repairs of the failures selected for it + C's repair and detour search when C
     * touches it).
     */
    public void add(DestinationDag dag) {
      DestinationBaseline b = null;
      boolean touched = change.isPresent() && pe.affects(dag, change.get());
      int[] cArcs = new int[0];
      double[] cDelta = new double[0];
      double cLost = 0;
      boolean detours = false;
      int mark = dag.destination() + 1;
      if (touched) {
        b = pe.baselineForNow(dag);
        bufArcs.clear();
        bufDelta.clear();
        PairResult r = pe.evaluate(b, change.get(), true, (arc, gbps) -> {
          bufArcs.add(arc);
          bufDelta.add(gbps);
        });
        cArcs = bufArcs.toIntArray();
        cDelta = bufDelta.toDoubleArray();
        cLost = r.lostAfter() - r.lostBefore();
        for (int k = 0; k < cArcs.length; k++) {
          part.change.addTo(cArcs[k], cDelta[k]);
        }
        part.changeLost += cLost;
        if (peAfter != null) {
          addAfterChange(dag);
          return;
        }
        if (change.get().isComposable()) {
          detours = true;
          for (int a : pe.joiningArcs(b, change.get())) {
            joining[a] = mark;
          }
        }
      }
      for (int f = 0; f < failures.size(); f++) {
        boolean selected = pe.mayAffect(dag, failures.get(f), routing[f]);
        if (!selected && touched && (!detours || meets(routing[f], mark))) {
          selected = true;
          part.detours++;
        }
        if (!selected) {
          continue;
        }
        if (b == null) {
          b = pe.baselineForNow(dag);
        }
        if (change.isPresent()) {
          pe.shareStubsGivenBack(change.get(), failures.get(f), then.get(f));
        }
        Int2DoubleOpenHashMap into = part.correction(f);
        PairResult r = pe.evaluate(b, then.get(f), true, into::addTo);
        double lost = r.lostAfter() - r.lostBefore();
        if (touched) {
          for (int k = 0; k < cArcs.length; k++) {
            into.addTo(cArcs[k], -cDelta[k]);
          }
          lost -= cLost;
        }
        part.lost[f] += lost;
        part.repairs++;
      }
    }

    /**
     * The failures of a destination C touches, on the network after C: a failure is selected
     * when one of its routing arcs lies on the destination's DAG after C (the incremental rule
     * of the network after C, exact there), and repaired against the destination's state
     * after C, so that its load deltas and lost traffic are (C then f) minus C directly. One
     * Dijkstra on the network after C, then per selected failure one repair over the
     * ancestors, on the DAG after C, of its arcs there.
     */
    private void addAfterChange(DestinationDag dag) {
      DestinationDag dagAfter = peAfter.routeForNow(dag.destination());
      DestinationBaseline bAfter = null;
      // A failure with no arc that can lie on a DAG there, and no demand changed, is on no
      // destination's DAG after the change: only the others are looked at.
      for (int f : afterActive) {
        if (!peAfter.mayAffect(dagAfter, afterFailures[f], afterRouted[f])) {
          continue;
        }
        if (!pe.mayAffect(dag, failures.get(f), routing[f])) {
          part.detours++;
        }
        if (bAfter == null) {
          bAfter = peAfter.baselineForNow(dagAfter);
        }
        PairResult r = peAfter.evaluate(bAfter, afterFailures[f], true,
            part.correction(f)::addTo);
        part.lost[f] += r.lostAfter() - r.lostBefore();
        part.repairs++;
      }
    }

    private boolean meets(int[] arcs, int mark) {
      for (int a : arcs) {
        if (joining[a] == mark) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * What a survival row needs of one scenario (C then f) against the base: whether it puts an
   * arc over capacity, or above the warn utilisation, that was not; its highest utilisation
   * after and the link of that arc (empty when no arc carries anything); the traffic it
   * strands (Gbps without a path after, less that of removed end devices) and the base's.
   * Each figure is the one {@link Assembler} gives the two-op scenario's state.
   */
  public record Figures(boolean newlyOver, boolean newlyWarn, double maxUtil,
      String worstLinkId, double strandedGbps, double unroutableBefore) {}

  /**
   * The figures of C then each failure, in order, from the merged part of every destination.
   * C's loads, statuses and utilisations are made once for every arc (O(E log E)); a failure
   * then looks again only at the arcs its correction moves and those its mask gives another
   * capacity: the arcs newly over or above warn are C's count less those arcs' before plus
   * theirs after, and the highest utilisation is the best of those arcs against the first
   * other arc in C's order. O(E log E + sum of corrections + F x changed elements).
   */
  public List<Figures> figures(Network base, Baseline baseline, Thresholds th, Part merged) {
    MaskedView view = MaskedView.of(base);
    view.show(change.orElse(ScenarioMask.empty(base)));
    int n = view.arcCount();
    int baseArcs = base.arcCount();
    double[] load = new double[n];
    double[] loadC = new double[n];
    double[] utilC = new double[n];
    byte[] newlyC = new byte[n];
    byte[] before = new byte[n];
    long overC = 0;
    long warnC = 0;
    for (int a = 0; a < n; a++) {
      double l = (a < baseArcs ? baseline.load()[a] : 0.0);
      load[a] = l;
      double lc = Assembler.repairedLoad(l + merged.change.get(a));
      loadC[a] = lc;
      ArcStatus sb = a < baseArcs ? ArcStatus.of(base.arcCapacity(a), l, th) : ArcStatus.DOWN;
      before[a] = (byte) sb.ordinal();
      double cap = view.arcCapacity(a);
      utilC[a] = Assembler.util(lc, cap);
      newlyC[a] = newly(ArcStatus.of(cap, lc, th), sb);
      overC += newlyC[a] & 1;
      warnC += (newlyC[a] >> 1) & 1;
    }
    int[] order = java.util.stream.IntStream.range(0, n).filter(a -> utilC[a] > 0).boxed()
        .sorted((x, y) -> utilC[x] != utilC[y] ? Double.compare(utilC[y], utilC[x])
            : Integer.compare(x, y))
        .mapToInt(Integer::intValue).toArray();
    ArcStatus[] statuses = ArcStatus.values();
    int[] seen = new int[n];
    List<Figures> out = new ArrayList<>(failures.size());
    IntArrayList looked = new IntArrayList();
    for (int f = 0; f < failures.size(); f++) {
      ScenarioMask m = then.get(f);
      view.show(m);
      int stamp = f + 1;
      looked.clear();
      Int2DoubleOpenHashMap corr = merged.correction[f];
      if (corr != null) {
        for (int a : corr.keySet()) {
          if (seen[a] != stamp) {
            seen[a] = stamp;
            looked.add(a);
          }
        }
      }
      for (int a : m.capacityChangedArcs()) {
        if (a < n && seen[a] != stamp) {
          seen[a] = stamp;
          looked.add(a);
        }
      }
      long over = overC;
      long warn = warnC;
      double best = 0;
      int bestArc = -1;
      for (int i = 0; i < looked.size(); i++) {
        int a = looked.getInt(i);
        over -= newlyC[a] & 1;
        warn -= (newlyC[a] >> 1) & 1;
        double l = Assembler.repairedLoad(load[a]
            + (merged.change.get(a) + (corr == null ? 0 : corr.get(a))));
        double cap = view.arcCapacity(a);
        byte nw = newly(ArcStatus.of(cap, l, th), statuses[before[a]]);
        over += nw & 1;
        warn += (nw >> 1) & 1;
        double u = Assembler.util(l, cap);
        if (u > best || (u == best && u > 0 && a < bestArc)) {
          best = u;
          bestArc = a;
        }
      }
      for (int a : order) {
        if (seen[a] != stamp) {
          double u = utilC[a];
          if (u > best || (u == best && a < bestArc)) {
            best = u;
            bestArc = a;
          }
          break;
        }
      }
      double unroutableAfter = Math.max(0, baseline.unroutable() + (merged.changeLost
          + merged.lost[f]));
      double removed = Math.min(unroutableAfter, Assembler.endpointRemovedGbps(base, view));
      out.add(new Figures(over > 0, warn > 0, best,
          bestArc < 0 ? "" : view.linkId(Network.linkOf(bestArc)),
          unroutableAfter - removed, baseline.unroutable()));
    }
    return out;
  }

  /** Bit 0: newly over capacity; bit 1: newly above warn (contract 7.2). */
  private static byte newly(ArcStatus after, ArcStatus before) {
    return (byte) ((after.newlyOver(before) ? 1 : 0) | (after.newlyWarn(before) ? 2 : 0));
  }
}
