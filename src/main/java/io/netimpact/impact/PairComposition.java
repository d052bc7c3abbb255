package io.netimpact.impact;

import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routes.PairResult;
import io.netimpact.routing.ScenarioMask;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs of changes (a sweep's pairs of failures) evaluated per destination from their two
 * single changes, exactly, instead of as ordinary two-op scenarios.
 *
 * <p>Let f and g be two changes that can only lengthen paths and switch nothing on ({@link
 * ScenarioMask#isComposable}: failures, drains, raised metrics, removals), and d a
 * destination. Write DAG(d) for d's shortest-path DAG on the base and DAG_f(d) for it after f.
 * A composable change h changes d's routing only when one of its {@link
 * ScenarioMask#routingArcs} is on the DAG or it changes a demand towards d (the incremental
 * rules of {@link PairEvaluator#affects}); otherwise every source of d keeps its distance and
 * next hops, so d's loads, lost traffic, latencies and paths stay exactly as they were. The
 * pair {f, g} applied together is f then g, and applied to the network after f the rule gives,
 * per destination d:
 * <ul>
 *   <li>neither f nor g touches DAG(d): d keeps its base state (the pair is not even
 *       selected for d);</li>
 *   <li>only f touches DAG(d): g has no demand towards d and none of its routing arcs on
 *       DAG(d). If none of them is on DAG_f(d) either, then g changes nothing after f, and
 *       d's state under the pair <em>is</em> its state under f alone: its load deltas, lost
 *       traffic and route changes are f's for d. An arc of g on DAG_f(d) is not on DAG(d), so
 *       it is one of the arcs that <em>join</em> d's DAG when f is applied ({@link
 *       PairEvaluator#joiningArcs}, usually a handful of detour arcs): the test is g's
 *       routing arcs against that short sorted list. Symmetrically with f and g swapped;</li>
 *   <li>otherwise (both touch DAG(d), or one lies on the other's detour) the pair is
 *       evaluated for d as an ordinary two-op change.</li>
 * </ul>
 * Load deltas add up over destinations, so the pair's state is the sum of these per-destination
 * states, the same sum the two-op scenario makes; the reused ones are the same numbers the
 * single's own evaluation gives for d. Results equal those of the two-op changes up to the
 * rounding of the repair (the tests check 1e-9 relative).
 *
 * <p>Cost per destination d with T_d singles touching DAG(d) and P_d pairs selected for d
 * (pairs with at least one single touching, about T_d x S for S singles): the S rule checks of
 * the singles once (O(S x changed elements), where the two-op scenarios cost P_d checks), one
 * repair per touching single and, when one of its pairs needs it, one Dijkstra for its joining
 * arcs (O(T_d E log V)); then per pair either a copy of the single's contribution
 * (O(arcs it changes + route changes)) or, for the pairs where both touch or one is on the
 * other's detour (at most T_d^2 / 2 plus the detour hits), one repair of the pair. Memory: the
 * contributions of the touching singles of the destination being evaluated, O(T_d x (arcs
 * changed + route changes)), released when the next destination starts; nothing is kept across
 * destinations.
 *
 * <p>The plan ({@link #of}) is shared by every task; the per-destination work happens in a
 * {@link Workspace}, one per task and {@link PairEvaluator}.
 */
public final class PairComposition implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final PairComposition NONE = new PairComposition(List.of(), new int[0],
      new int[0]);

  /** A detour search (a Dijkstra after the single) against one repair, estimated. */
  private static final double DETOUR_COST = 2.0;
  /** A copy of a single's contribution against one repair, estimated. */
  private static final double COPY_COST = 0.1;

  private final List<ScenarioMask> singles;
  /** Per scenario index, the indices in {@link #singles} of its two changes; -1: not a pair. */
  private final int[] first;
  private final int[] second;

  /**
   * The singles' joining arcs made ahead ({@link #withJoining}): per destination, by its
   * position in the base's {@link Network#destinations}, per single, its joining arcs there
   * (null where it does not touch the destination's DAG). Empty: each workspace makes them as
   * pairs ask.
   */
  private final int[][][] joining;

  private PairComposition(List<ScenarioMask> singles, int[] first, int[] second) {
    this(singles, first, second, new int[0][][]);
  }

  private PairComposition(List<ScenarioMask> singles, int[] first, int[] second,
      int[][][] joining) {
    this.singles = singles;
    this.first = first;
    this.second = second;
    this.joining = joining;
  }

  /** No scenario composed: every scenario evaluated as it is. */
  public static PairComposition none() {
    return NONE;
  }

  /**
   * The pairs among a sweep's scenarios: scenario {@code i} is the pair of {@code
   * singles[first[i]]} and {@code singles[second[i]]}, or not a pair when {@code first[i]} is
   * -1. A pair whose two masks are not both {@link ScenarioMask#isComposable} is evaluated as
   * it is. O(scenarios).
   *
   * @throws IllegalArgumentException when the arrays differ in length or name no single
   */
  public static PairComposition of(List<ScenarioMask> singles, int[] first, int[] second) {
    if (first.length != second.length) {
      throw new IllegalArgumentException("first and second differ in length: " + first.length
          + " and " + second.length);
    }
    int[] f = first.clone();
    int[] g = second.clone();
    for (int i = 0; i < f.length; i++) {
      if (f[i] < 0 && g[i] < 0) {
        continue;
      }
      if (f[i] < 0 || g[i] < 0 || f[i] >= singles.size() || g[i] >= singles.size()) {
        throw new IllegalArgumentException("scenario " + i + " names singles " + f[i] + " and "
            + g[i] + " of " + singles.size());
      }
      if (!singles.get(f[i]).isComposable() || !singles.get(g[i]).isComposable()) {
        f[i] = -1;
        g[i] = -1;
      }
    }
    return new PairComposition(List.copyOf(singles), f, g);
  }

  /** Whether scenario {@code i} is evaluated from its two singles. */
  public boolean composes(int i) {
    return i < first.length && first[i] >= 0;
  }

  /**
   * The index among the singles of composed pair {@code i}'s first ({@code second == false})
   * or second failure; -1 when scenario {@code i} is not a composed pair.
   */
  public int single(int i, boolean second) {
    return composes(i) ? (second ? this.second[i] : first[i]) : -1;
  }

  /** How many single failures the pairs are made of. */
  public int singleCount() {
    return singles.size();
  }

  /** Whether any scenario is. */
  public boolean isEmpty() {
    return Arrays.stream(first).allMatch(x -> x < 0);
  }

  /**
   * The joining arcs ({@link PairEvaluator#joiningArcs}) of every single that touches the DAG
   * of each destination at {@code positions} (positions in {@code pe}'s base's {@link
   * Network#destinations}): per position given, per single, its arcs, or null where it does
   * not touch. What the workspaces of a sweep cut into slices would otherwise search again in
   * every slice that holds the single. O(|positions| x (E log V + S x changed elements +
   * T_d x E log V)) for T_d touching singles.
   */
  public int[][][] joiningOf(PairEvaluator pe, int[] positions) {
    int[] dests = pe.base().destinations();
    int[][][] out = new int[positions.length][][];
    for (int k = 0; k < positions.length; k++) {
      DestinationBaseline b = pe.baselineForNow(dests[positions[k]]);
      out[k] = new int[singles.size()][];
      for (int s = 0; s < singles.size(); s++) {
        if (singles.get(s).isComposable() && pe.affects(b.dag(), singles.get(s))) {
          out[k][s] = pe.joiningArcs(b, singles.get(s));
        }
      }
    }
    return out;
  }

  /**
   * This composition with the singles' joining arcs made ahead: {@code table[p]} is {@link
   * #joiningOf} for the destination at position p of the base's destinations, for every one.
   * The same results; the workspaces look them up instead of searching. O(1).
   *
   * @throws IllegalArgumentException when a row has not one entry per single
   */
  public PairComposition withJoining(int[][][] table) {
    for (int[][] row : table) {
      if (row.length != singles.size()) {
        throw new IllegalArgumentException("a row of joining arcs has " + row.length
            + " entries for " + singles.size() + " singles");
      }
    }
    return new PairComposition(singles, first, second, table);
  }

  /** A workspace for one task's destinations, on {@code pe}'s base. */
  public Workspace workspace(PairEvaluator pe) {
    return new Workspace(pe);
  }

  /** What a single change does to the destination being evaluated, kept while it is. */
  private static final class Single {
    final int[] arcs;
    final double[] delta;
    final PairResult result;
    /** Sorted; null until a pair needs it. */
    int[] joining;

    Single(int[] arcs, double[] delta, PairResult result) {
      this.arcs = arcs;
      this.delta = delta;
      this.result = result;
    }
  }

  /**
   * The per-task side of the composition: the destination being evaluated and, for it, which
   * singles touch its DAG and their contributions, made as pairs ask for them. Not
   * thread-safe (one per {@link PairEvaluator}).
   */
  public final class Workspace {
    private final PairEvaluator pe;
    private final int[][] routingArcs;
    private DestinationBaseline bound;
    /** Per single: 0 not looked at for the bound destination, 1 touches, 2 does not. */
    private final byte[] touches;
    private final Single[] single;
    private final IntArrayList touchedList = new IntArrayList();
    private final IntArrayList bufArcs = new IntArrayList();
    private final DoubleArrayList bufDelta = new DoubleArrayList();
    private long reused;
    private long recomputed;
    private double lastCost;

    /** Per device, its position among the base's destinations when joining arcs are given. */
    private final int[] destinationAt;

    private Workspace(PairEvaluator pe) {
      this.pe = pe;
      Network base = pe.base();
      this.destinationAt = new int[joining.length == 0 ? 0 : base.nodeCount()];
      int[] dests = base.destinations();
      if (joining.length > 0) {
        if (joining.length != dests.length) {
          throw new IllegalArgumentException("joining arcs for " + joining.length
              + " destinations of " + dests.length);
        }
        for (int k = 0; k < dests.length; k++) {
          destinationAt[dests[k]] = k;
        }
      }
      this.routingArcs = new int[singles.size()][];
      for (int i = 0; i < routingArcs.length; i++) {
        routingArcs[i] = singles.get(i).routingArcs(base);
      }
      this.touches = new byte[singles.size()];
      this.single = new Single[singles.size()];
    }

    /**
     * The scenarios among {@code scenarios} that the incremental rules select for the
     * destination of {@code dag}: a composed pair exactly when one of its singles is selected
     * (each single checked once), any other scenario by its own mask. O(S x changed elements
     * + scenarios).
     */
    public int[] affected(DestinationDag dag, List<Scenario> scenarios) {
      return affected(dag, scenarios, null);
    }

    /**
     * {@link #affected(DestinationDag, List)} among the scenarios of {@code among} alone
     * (ascending indices; null: all of them). O(S x changed elements + |among|).
     */
    public int[] affected(DestinationDag dag, List<Scenario> scenarios, int[] among) {
      int n = among == null ? scenarios.size() : among.length;
      int[] out = new int[n];
      int c = 0;
      byte[] seen = new byte[singles.size()];
      long both = 0;
      long one = 0;
      long other = 0;
      for (int k = 0; k < n; k++) {
        int i = among == null ? k : among[k];
        boolean hit;
        if (composes(i)) {
          boolean f = touches(seen, dag, first[i]);
          boolean g = touches(seen, dag, second[i]);
          hit = f || g;
          if (f && g) {
            both++;
          } else if (hit) {
            one++;
          }
        } else {
          hit = pe.affects(dag, scenarios.get(i).mask());
          other += hit ? 1 : 0;
        }
        if (hit) {
          out[c++] = i;
        }
      }
      int touching = 0;
      for (byte b : seen) {
        touching += b == 1 ? 1 : 0;
      }
      lastCost = touching * (1 + DETOUR_COST) + both + other + COPY_COST * one;
      return Arrays.copyOf(out, c);
    }

    /**
     * The estimated cost of evaluating every scenario the last {@link #affected} selected,
     * in repairs of one pair: one repair and one detour search per touching single, one
     * repair per pair of two touching singles and per other scenario, a copy per pair that
     * takes one single's state. For a cost-based plan.
     */
    public double lastCost() {
      return lastCost;
    }

    private boolean touches(byte[] seen, DestinationDag dag, int s) {
      if (seen[s] == 0) {
        seen[s] = (byte) (pe.affects(dag, singles.get(s)) ? 1 : 2);
      }
      return seen[s] == 1;
    }

    /**
     * Adds composed pair {@code i} (whose mask is {@code pairMask}) for {@code b}'s destination
     * into {@code into}: the state of one single, or the pair evaluated (see the class
     * comment). {@code b} stays the bound destination until another is passed.
     */
    public void evaluate(DestinationBaseline b, int i, ScenarioMask pairMask,
        ScenarioState into) {
      if (!composes(i)) {
        throw new IllegalArgumentException("scenario " + i + " is not a composed pair");
      }
      bind(b);
      int f = first[i];
      int g = second[i];
      boolean ft = touches(b, f);
      boolean gt = touches(b, g);
      if (ft != gt) {
        int one = ft ? f : g;
        int other = ft ? g : f;
        Single s = single(b, one);
        if (s.joining == null) {
          int[] made = joining.length == 0 ? null : joining[destinationAt[b.destination()]][one];
          s.joining = made != null ? made : pe.joiningArcs(b, singles.get(one));
        }
        if (!meets(routingArcs[other], s.joining)) {
          for (int k = 0; k < s.arcs.length; k++) {
            into.addLoad(s.arcs[k], s.delta[k]);
          }
          into.add(s.result);
          reused++;
          return;
        }
      } else if (!ft) {
        return;
      }
      recomputed++;
      into.add(pe.evaluate(b, pairMask, true, into::addLoad));
    }

    /** (pair, destination) evaluations taken from a single's state since this was made. */
    public long reused() {
      return reused;
    }

    /** (pair, destination) evaluations that evaluated the pair's own mask. */
    public long recomputed() {
      return recomputed;
    }

    private void bind(DestinationBaseline b) {
      if (bound == b) {
        return;
      }
      for (int s : touchedList) {
        touches[s] = 0;
        single[s] = null;
      }
      touchedList.clear();
      bound = b;
    }

    private boolean touches(DestinationBaseline b, int s) {
      if (touches[s] == 0) {
        touches[s] = (byte) (pe.affects(b.dag(), singles.get(s)) ? 1 : 2);
        touchedList.add(s);
      }
      return touches[s] == 1;
    }

    private Single single(DestinationBaseline b, int s) {
      if (single[s] == null) {
        bufArcs.clear();
        bufDelta.clear();
        PairResult r = pe.evaluate(b, singles.get(s), true, (arc, gbps) -> {
          bufArcs.add(arc);
          bufDelta.add(gbps);
        });
        single[s] = new Single(bufArcs.toIntArray(), bufDelta.toDoubleArray(), r);
      }
      return single[s];
    }
  }

  /** Whether two ascending arrays share an element. O(a + b). */
  static boolean meets(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        return true;
      }
      if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }
}
