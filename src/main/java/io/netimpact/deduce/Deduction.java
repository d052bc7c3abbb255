package io.netimpact.deduce;

import io.netimpact.model.Demand;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Demand deduction (contract 7.4): the non-negative traffic matrix that, routed by contract
 * section 2, best explains measured arc loads and device totals. Tomogravity (Zhang, Roughan,
 * Duffield, Greenberg, SIGMETRICS 2003), refined:
 * <ol>
 *   <li>the gravity prior {@code g_sd = in_s out_d / sum out} from the device totals (pinned
 *       known demands keep their volume);</li>
 *   <li>EM iterations from the prior ({@link Em}, Vardi's multiplicative update, at most {@link
 *       Options#emIterations}, fewer once the fit settles: {@link #EM_WINDOW}): they keep every volume non-negative and, on the SNDlib measured
 *       days, bring the volumes nearer the truth than the least-squares correction alone
 *       (Abilene, every interval: 0.569 to 0.532 of gravity's error; GEANT: 0.735 both
 *       ways) while fitting the measured arcs more closely;</li>
 *   <li>then, from there, the weighted least-squares correction of least {@code
 *       sum ((x - g) / g)^2} that fits the
 *       measured arcs and the totals, {@code x = g + W^(1/2) B^+ r} with {@code B = F W^(1/2)},
 *       F the fit's equations, r their residual at g and W = diag(g^2), by CGLS ({@link Cgls})
 *       over the routing kernel's push and pull ({@link RoutingOperator}): no routing matrix is
 *       formed. Tomogravity's paper weighs by W = diag(g) (least {@code sum (x - g)^2 / g});
 *       weighing relative changes instead cut the error on the SNDlib measured days (Abilene:
 *       0.61 to 0.57 of gravity's, GEANT: 0.72 to 0.72) and never fit worse;</li>
 *   <li>negative volumes clipped to 0, then further rounds of the same correction weighted by
 *       the current volumes (so that volumes clipped to 0 stay near 0 and the fit lost by the
 *       clipping is won back), keeping the round that fits best, until the measured arcs are
 *       fit within {@link Options#targetFit}.</li>
 * </ol>
 *
 * A series of measurements is deduced together ({@link #deduceSeries}): after a first
 * deduction of every interval, each is deduced again from its neighbours' deduced fanouts
 * instead of gravity (Abilene, every interval: 0.532 to 0.492 of gravity's error; GEANT: 0.735
 * to 0.729).
 *
 * <p>Complexity: setting up is O(V + E + P + measured arcs), the P candidate pairs and their
 * prior as arrays (no object per pair). Each CGLS iteration is one push and one pull per
 * destination over its kept paths, O(D (V' + E')) for D destinations and the V' devices and
 * E' next-hop arcs of their paths (devices no pair's path can cross are left out: the pairs
 * between sites and those within a site are routed apart, each set over the devices it can
 * cross), plus O(P), and so is each EM iteration; one Dijkstra per destination and set, O(D E'
 * log V'), for the whole deduction while the kept paths fit ({@link RoutingOperator}). A deduction is O(iterations x
 * (D (V' + E') + P)) time with iterations at most {@link Options#emIterations} + rounds x
 * {@link Options#maxIterations} (EM stops earlier once its fit settles, {@link #EM_WINDOW};
 * CGLS once within half the target fit), and O(P + workers x (V + E)) memory besides the kept
 * paths. Nothing is O(P x E) or O(D x V).
 */
public final class Deduction {
  private Deduction() {}

  /** Which (source, destination) pairs may carry traffic. */
  public enum Pairs {
    /** Pairs from a device with entering traffic to a device with leaving traffic. */
    TOTALS,
    /** Every ordered pair of distinct devices. */
    ALL
  }

  /**
   * @param pairs         which pairs may carry traffic
   * @param threads       workers over the destinations (at least 1)
   * @param maxIterations CGLS iterations per round
   * @param rounds        rounds of correction after the first (0: plain tomogravity, clipped)
   * @param targetFit     relative L2 residual over the measured arcs at which rounds stop
   * @param emIterations  EM iterations ({@link Em}) from the prior before the least-squares
   *                      rounds (0: none, plain tomogravity)
   * @param progress      where a long deduction says how far it is (a line at most every
   *                      {@link #PROGRESS_SECONDS} seconds of EM, and one per least-squares round)
   */
  public record Options(Pairs pairs, int threads, int maxIterations, int rounds,
      double targetFit, int emIterations, java.util.function.Consumer<String> progress) {
    /** Seconds between two progress lines of the EM iterations. */
    public static final int PROGRESS_SECONDS = 10;

    public Options {
      java.util.Objects.requireNonNull(pairs, "pairs");
      java.util.Objects.requireNonNull(progress, "progress");
      if (threads < 1 || maxIterations < 1 || rounds < 0 || !(targetFit >= 0)
          || emIterations < 0) {
        throw new IllegalArgumentException("threads and maxIterations must be >= 1, rounds, "
            + "targetFit and emIterations >= 0, got " + threads + ", " + maxIterations + ", "
            + rounds + ", " + targetFit + ", " + emIterations);
      }
    }

    /**
     * Pairs by totals, a worker per core, up to 1,000 EM iterations, then 200 least-squares
     * iterations a round, 20 rounds, 0.1 % fit.
     */
    public static Options defaults(Pairs pairs) {
      return new Options(pairs, Runtime.getRuntime().availableProcessors(), 200, 20, 1e-3, 1000,
          line -> { });
    }

    /**
     * The same options with an iteration budget of {@code n}: at most {@code n} EM iterations,
     * and at most {@code n} (and no more than before) CGLS iterations a least-squares round.
     */
    public Options withIterations(int n) {
      return new Options(pairs, threads, Math.min(maxIterations, n), rounds, targetFit, n,
          progress);
    }

    /** The same options, saying how far a deduction is to {@code to}. */
    public Options withProgress(java.util.function.Consumer<String> to) {
      return new Options(pairs, threads, maxIterations, rounds, targetFit, emIterations, to);
    }
  }

  /**
   * One arc's measured and predicted load (Gbps): a row of {@code deduce_fit}. Unmeasured arcs
   * have no measured value.
   */
  public record FitRow(String link, String from, String to, OptionalDouble measuredGbps,
      double predictedGbps) {
    /** Predicted minus measured, when measured. */
    public OptionalDouble residualGbps() {
      return measuredGbps.isPresent()
          ? OptionalDouble.of(predictedGbps - measuredGbps.getAsDouble()) : OptionalDouble.empty();
    }
  }

  /** What the measurements say that deduction cannot take as they are, with where. */
  public enum FindingKind {
    /** A usable arc without a counter: deduction predicts its load. */
    UNMEASURED,
    /** A device whose counters do not balance: what enters it is not what leaves it. */
    INCONSISTENT,
    /** A counter no routing of the pairs can produce (an arc no pair's path crosses). */
    UNREACHABLE
  }

  /** One finding: its kind, where (link and device, or device), and what is wrong. */
  public record Finding(FindingKind kind, String location, String message) {}

  /**
   * The deduced demands, the fit, and the findings.
   *
   * @param demands        one per pair with volume &gt; 0, Gbps
   * @param fit            one row per usable arc, and per measured arc of an unusable link
   * @param fitL2          relative L2 residual over the measured arcs: ||A x - m|| / ||m||
   * @param unexplained    share of the measured traffic not explained: sum |residual| / sum m
   * @param gravityFitL2   the same residual for the gravity prior alone
   * @param iterations     CGLS iterations in all
   * @param findings       unmeasured arcs, inconsistent devices, unreachable counters
   * @param method         one line naming the method and its settings
   */
  public record Result(List<Demand> demands, List<FitRow> fit, double fitL2, double unexplained,
      double gravityFitL2, int iterations, List<Finding> findings, String method) {
    public Result {
      demands = List.copyOf(demands);
      fit = List.copyOf(fit);
      findings = List.copyOf(findings);
    }

    /** Findings of one kind. */
    public List<Finding> findings(FindingKind kind) {
      return findings.stream().filter(f -> f.kind() == kind).toList();
    }
  }

  /**
   * Deduces the demands of {@code topology}'s devices and links (its demands are ignored) from
   * {@code m}, whose rows name its devices and links (as the reader checks).
   *
   * @throws IllegalArgumentException when the options cannot be met: pairs by totals without
   *     totals, or every pair of a network too large to list them
   */
  public static Result deduce(Snapshot topology, MeasuredLoads m, Options o) {
    return prepare(topology, m, o).solve();
  }

  /**
   * A deduction set up ({@link #prepare}): the candidate pairs, their prior and the equations
   * as arrays, holding nothing of the measurements as read.
   */
  public static final class Prepared {
    private final Problem problem;
    private final Options options;

    private Prepared(Problem problem, Options options) {
      this.problem = problem;
      this.options = options;
    }

    /** The deduction, as {@link #deduce}. */
    public Result solve() {
      return problem.solve(options, problem.prior, GRAVITY);
    }
  }

  /**
   * Sets up the deduction of {@link #deduce} and keeps only what it needs: once this returns,
   * the caller may let {@code m} go (its rows are not referenced), so that the measurements as
   * read do not take heap beside the deduction's paths. O(V + E + P + measured arcs).
   *
   * @throws IllegalArgumentException as {@link #deduce}
   */
  public static Prepared prepare(Snapshot topology, MeasuredLoads m, Options o) {
    long started = System.nanoTime();
    Problem p = Problem.of(topology, m, o.pairs(), o.threads());
    o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: %,d candidate pairs to "
        + "%,d destinations, %,d equations, set up in %.1f s", p.prior.length,
        p.net.destinations().length, p.rhs.length, (System.nanoTime() - started) / 1e9));
    return new Prepared(p, o);
  }

  /**
   * EM stops early once its fit has settled: the last {@link #EM_WINDOW} iterations improved it
   * by less than {@link #EM_SETTLED} of itself. EM's steps shrink as it nears a fit; the
   * least-squares rounds close what is left in far fewer passes.
   */
  static final int EM_WINDOW = 10;

  /** See {@link #EM_WINDOW}. */
  static final double EM_SETTLED = 0.10;

  /** The prior of a deduction alone, as the method line names it. */
  private static final String GRAVITY = "gravity prior from the device totals";

  /** Intervals on each side of an interval whose fanouts make its prior in a series. */
  public static final int SERIES_NEIGHBOURS = 3;

  /** Rounds of the series prior after the first deduction of every interval. */
  public static final int SERIES_ROUNDS = 3;

  /**
   * Deduces a series of measurements (one per interval, in the series' order), using what the
   * intervals tell about each other: how a source's traffic divides among its destinations
   * (its <em>fanouts</em>) changes far more slowly than its volume (Papagiannaki, Taft and
   * Lakhina, 2004; Soule et al., SIGMETRICS 2005). Every interval is first deduced on its own,
   * as {@link #deduce}; then, for {@link #SERIES_ROUNDS} rounds, each interval is deduced again
   * the same way from a prior built from its neighbours instead of gravity: pair (s, d) gets
   * {@code in_t(s) * f(s, d)}, where {@code f(s, d) = sum_u x_u(s, d) / sum_u in_u(s)} over the
   * {@link #SERIES_NEIGHBOURS} intervals before it and after it (not the interval itself) is
   * the fanout the previous round deduced there, {@code in_u(s)} the traffic deduced from s in
   * interval u and {@code in_t(s)} the interval's own entering total (the traffic the previous
   * round deduced from s, when the total is not known). A pair the neighbours give no traffic
   * keeps a thousandth of its gravity prior, so that the counters can still give it some; a
   * source without traffic in the neighbours keeps gravity. Pinned demands stay pinned. A
   * series of one interval is {@link #deduce}.
   *
   * <p>Complexity: {@code SERIES_ROUNDS + 1} deductions of every interval (each as {@link
   * #deduce}; the topology is compiled once, each deduction's Dijkstras run again), plus O(N P) for
   * the priors with N intervals of P pairs; memory O(N P) for the deduced volumes besides one
   * deduction's.
   */
  public static List<Result> deduceSeries(Snapshot topology, List<MeasuredLoads> intervals,
      Options o) {
    int count = intervals.size();
    int n = topology.devices().size();
    Network links = Problem.links(topology);
    List<Result> results = new ArrayList<>(count);
    Volumes[] volumes = new Volumes[count];
    for (int t = 0; t < count; t++) {
      o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: interval %,d of %,d, "
          + "from gravity", t + 1, count));
      Problem p = Problem.of(links, intervals.get(t), o.pairs(), o.threads());
      Result r = p.solve(o, p.prior, GRAVITY);
      results.add(r);
      volumes[t] = p.volumes(r);
    }
    if (count < 2) {
      return results;
    }
    for (int round = 1; round <= SERIES_ROUNDS; round++) {
      Volumes[] next = new Volumes[count];
      for (int t = 0; t < count; t++) {
        o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: interval %,d of %,d, "
            + "series round %d of %d", t + 1, count, round, SERIES_ROUNDS));
        Problem p = Problem.of(links, intervals.get(t), o.pairs(), o.threads());
        double[] prior = p.seriesPrior(volumes, t, n);
        String how = String.format("series prior: the fanouts deduced in the %d intervals on "
            + "each side (round %d of %d; the first deduction from the %s)", SERIES_NEIGHBOURS,
            round, SERIES_ROUNDS, GRAVITY);
        Result r = p.solve(o, prior, how);
        results.set(t, r);
        next[t] = p.volumes(r);
      }
      volumes = next;
    }
    return results;
  }

  /**
   * One interval's deduced volumes by pair ({@code src * devices + dst}), and the traffic
   * deduced from each source (pinned demands left out of both).
   */
  private record Volumes(Map<Long, Double> byPair, double[] fromSource) {}

  /** The gravity prior alone, as a result (the reference deduction is measured against). */
  public static Result gravity(Snapshot topology, MeasuredLoads m, Pairs pairs) {
    Problem p = Problem.of(topology, m, pairs, Runtime.getRuntime().availableProcessors());
    return p.result(p.prior.clone(), 0, "gravity prior from the device totals");
  }

  /** The equations of one deduction, indexed by pair and row. */
  private static final class Problem {
    private final Network net;
    private final RoutingOperator routing;
    private final int[] measuredArc;
    private final double[] measured;
    private final int[] inRow;
    private final int[] outRow;
    private final double[] rhs;
    private final double[] prior;
    private final boolean[] pinned;
    /** Per measured arc, where its row was read (shared strings: one per file). */
    private final String[] measuredWhere;
    private final List<MeasuredLoads.DeviceTotal> totals;
    private final Pairs pairs;

    private Problem(Network net, RoutingOperator routing, int[] measuredArc, double[] measured,
        int[] inRow, int[] outRow, double[] rhs, double[] prior, boolean[] pinned,
        String[] measuredWhere, List<MeasuredLoads.DeviceTotal> totals, Pairs pairs) {
      this.net = net;
      this.routing = routing;
      this.measuredArc = measuredArc;
      this.measured = measured;
      this.inRow = inRow;
      this.outRow = outRow;
      this.rhs = rhs;
      this.prior = prior;
      this.pinned = pinned;
      this.measuredWhere = measuredWhere;
      this.totals = totals;
      this.pairs = pairs;
    }

    /** {@link #of(Network, MeasuredLoads, Pairs, int)} on {@code topology} compiled. */
    static Problem of(Snapshot topology, MeasuredLoads m, Pairs pairs, int threads) {
      return of(links(topology), m, pairs, threads);
    }

    /**
     * The problem of {@code m} on {@code links} (a network of the topology's devices and links,
     * its demands ignored): the candidate pairs as dense arrays, their prior, the equations.
     * O(V + E + P + measured arcs), no object per pair.
     */
    static Problem of(Network links, MeasuredLoads m, Pairs pairs, int threads) {
      int n = links.nodeCount();
      double[] in = new double[n];
      double[] out = new double[n];
      boolean[] hasTotal = new boolean[n];
      for (MeasuredLoads.DeviceTotal t : m.totals()) {
        int v = index(links, t.device());
        in[v] = t.inGbps();
        out[v] = t.outGbps();
        hasTotal[v] = true;
      }
      Map<Long, Double> known = new HashMap<>();
      for (Demand d : m.known()) {
        known.merge(pairKey(index(links, d.src()), index(links, d.dst()), n), d.gbps(),
            Double::sum);
      }
      // The totals the unknown pairs share: the known demands' part taken out.
      double[] freeIn = in.clone();
      double[] freeOut = out.clone();
      known.forEach((key, g) -> {
        freeIn[(int) (key / n)] = Math.max(0, freeIn[(int) (key / n)] - g);
        freeOut[(int) (key % n)] = Math.max(0, freeOut[(int) (key % n)] - g);
      });
      Candidates c = candidates(n, pairs, m, in, out, freeIn, freeOut, hasTotal, known);
      Network net = links.withDemands(c.src(), c.dst(), c.prior());
      int pairCount = net.demandCount();
      double[] prior = c.prior();
      boolean[] pinned = new boolean[pairCount];
      if (!known.isEmpty()) {
        for (int k = 0; k < pairCount; k++) {
          pinned[k] = known.containsKey(pairKey(net.demandSrc(k), net.demandDst(k), n));
        }
      }
      int measuredCount = m.arcs().size();
      int[] measuredArc = new int[measuredCount];
      double[] measured = new double[measuredCount];
      String[] measuredWhere = new String[measuredCount];
      for (int i = 0; i < measuredCount; i++) {
        MeasuredLoads.ArcLoad a = m.arcs().get(i);
        measuredWhere[i] = a.location();
        int l = links.link(a.link()).orElseThrow(() -> new IllegalArgumentException(
            "unknown link " + a.link()));
        measuredArc[i] = net.nodeId(net.linkA(l)).equals(a.from()) ? 2 * l : 2 * l + 1;
        measured[i] = a.gbps();
      }
      int[] inRow = new int[n];
      int[] outRow = new int[n];
      java.util.Arrays.fill(inRow, -1);
      java.util.Arrays.fill(outRow, -1);
      int row = measuredCount;
      for (int v = 0; v < n; v++) {
        if (hasTotal[v]) {
          inRow[v] = row++;
          outRow[v] = row++;
        }
      }
      double[] rhs = new double[row];
      System.arraycopy(measured, 0, rhs, 0, measuredCount);
      for (int v = 0; v < n; v++) {
        if (hasTotal[v]) {
          rhs[inRow[v]] = in[v];
          rhs[outRow[v]] = out[v];
        }
      }
      RoutingOperator routing = new RoutingOperator(net, threads);
      return new Problem(net, routing, measuredArc, measured, inRow, outRow, rhs, prior, pinned,
          measuredWhere, m.totals(), pairs);
    }

    /** The topology's devices and links compiled, without its demands. */
    static Network links(Snapshot topology) {
      return NetworkCompiler.compile(new Snapshot(SnapshotInfo.of(topology.info().snapshotId()),
          topology.devices(), topology.links(), List.of()));
    }

    private static long pairKey(int s, int d, int n) {
      return (long) s * n + d;
    }

    private static int index(Network net, String id) {
      return net.node(id).orElseThrow(() -> new IllegalArgumentException("unknown device "
          + id));
    }

    /** Candidate pairs ordered by destination, then source, with their prior volumes. */
    private record Candidates(int[] src, int[] dst, double[] prior) {}

    /**
     * The pairs that may carry traffic, each with its prior volume: known demands as they are,
     * the others by gravity over what the known ones leave of the totals. O(P) (plus a sort of
     * the pairs when some are known).
     */
    private static Candidates candidates(int n, Pairs pairs, MeasuredLoads m, double[] in,
        double[] out, double[] freeIn, double[] freeOut, boolean[] hasTotal,
        Map<Long, Double> known) {
      int[] sources;
      int[] sinks;
      double[] fi;
      double[] fo;
      if (pairs == Pairs.TOTALS) {
        if (m.totals().isEmpty()) {
          throw new IllegalArgumentException("pairs by totals need device totals: give "
              + "device_totals with the measured loads, or take every pair (--pairs all)");
        }
        sources = java.util.stream.IntStream.range(0, n).filter(v -> in[v] > 0).toArray();
        sinks = java.util.stream.IntStream.range(0, n).filter(v -> out[v] > 0).toArray();
        fi = freeIn;
        fo = freeOut;
      } else {
        if ((long) n * (n - 1) > 50_000_000L) {
          throw new IllegalArgumentException("every pair of " + n + " devices is "
              + (long) n * (n - 1) + " pairs, more than 50,000,000: take the pairs by totals "
              + "(--pairs totals) with device totals for the edge devices");
        }
        // Devices without a total are given the mean of the known ones (1 Gbps when none is).
        double inMean = 0;
        double outMean = 0;
        int counted = 0;
        for (int v = 0; v < n; v++) {
          if (hasTotal[v]) {
            inMean += freeIn[v];
            outMean += freeOut[v];
            counted++;
          }
        }
        inMean = counted == 0 ? 1 : inMean / counted;
        outMean = counted == 0 ? 1 : outMean / counted;
        fi = new double[n];
        fo = new double[n];
        for (int v = 0; v < n; v++) {
          fi[v] = hasTotal[v] ? freeIn[v] : inMean;
          fo[v] = hasTotal[v] ? freeOut[v] : outMean;
        }
        sources = java.util.stream.IntStream.range(0, n).toArray();
        sinks = sources;
      }
      double outSum = 0;
      for (int d : sinks) {
        outSum += fo[d];
      }
      boolean anyKnown = !known.isEmpty();
      long count = known.size();
      for (int d : sinks) {
        for (int s : sources) {
          if (s != d && !(anyKnown && known.containsKey(pairKey(s, d, n)))) {
            count++;
          }
        }
      }
      if (count > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(count + " candidate pairs are more than an array "
            + "holds: give totals for fewer edge devices");
      }
      // Keys (destination, source): sinks and sources ascending with the destination outer
      // are already in the network's pair order; known pairs are sorted in.
      long[] keys = new long[(int) count];
      int k = 0;
      for (int d : sinks) {
        for (int s : sources) {
          if (s != d && !(anyKnown && known.containsKey(pairKey(s, d, n)))) {
            keys[k++] = (long) d << 32 | s;
          }
        }
      }
      if (anyKnown) {
        for (long key : known.keySet()) {
          keys[k++] = (key % n) << 32 | key / n;
        }
        java.util.Arrays.parallelSort(keys);
      }
      int[] src = new int[keys.length];
      int[] dst = new int[keys.length];
      double[] prior = new double[keys.length];
      for (int i = 0; i < keys.length; i++) {
        int s = (int) keys[i];
        int d = (int) (keys[i] >>> 32);
        src[i] = s;
        dst[i] = d;
        Double g = anyKnown ? known.get(pairKey(s, d, n)) : null;
        prior[i] = g != null ? g : outSum > 0 ? fi[s] * fo[d] / outSum : 0;
      }
      return new Candidates(src, dst, prior);
    }

    /**
     * The deduction from {@code start} (the gravity prior, or a series prior, as {@code
     * startName} says): EM, then the least-squares rounds, whose first weighs relative changes
     * from {@code start}.
     */
    Result solve(Options o, double[] start, String startName) {
      RoutingOperator op = routing;
      FitOperator fit = new FitOperator(op, measuredArc, inRow, outRow, rhs.length);
      double[] x = start.clone();
      if (measured.length == 0 && !hasTotals()) {
        return result(x, 0, "gravity prior (nothing measured to fit)");
      }
      // Without totals the prior's scale is unknown: fit it to the measured traffic first.
      if (!hasTotals()) {
        scaleToMeasured(op, x);
      }
      double[] ax = new double[rhs.length];
      // EM from the prior first: non-negative by construction and nearer the truth than a
      // least-squares correction alone; the least-squares rounds below then close what fit it
      // leaves (their first round changes nothing when EM already fits).
      long started = System.nanoTime();
      long[] said = {started};
      int[] step = {0};
      // The last EM_WINDOW fits, by iteration modulo EM_WINDOW.
      double[] fits = new double[EM_WINDOW];
      double[] last = {Double.NaN};
      int iterations = Em.refine(fit, rhs, x, pinned, o.emIterations(), fx -> {
        double f = measuredFit(fx);
        last[0] = f;
        long now = System.nanoTime();
        if (step[0] == 0) {
          int kept = op.keptPaths();
          long[] sizes = op.keptPathSizes();
          o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: paths of %,d of "
              + "%,d destinations kept (%,d MB: %,d devices, %,d next hops), DAGs of %,d; "
              + "first EM iteration %d s", kept, net.destinations().length, sizes[0] >> 20,
              sizes[1], sizes[2], op.keptDestinations() - kept,
              (now - started) / 1_000_000_000L));
        }
        if (now - said[0] >= Options.PROGRESS_SECONDS * 1_000_000_000L) {
          said[0] = now;
          o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: EM iteration %,d of "
              + "at most %,d, fit %.3g of the measured arcs, %d s", step[0], o.emIterations(),
              f, (now - started) / 1_000_000_000L));
        }
        boolean settled = step[0] >= EM_WINDOW
            && f > (1 - EM_SETTLED) * fits[step[0] % EM_WINDOW];
        fits[step[0] % EM_WINDOW] = f;
        step[0]++;
        return f <= o.targetFit() / 100 || settled;
      });
      int emIterations = iterations;
      if (!Double.isNaN(last[0])) {
        o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: EM done after %,d "
            + "iteration(s), fit %.3g of the measured arcs, %d s", emIterations, last[0],
            (System.nanoTime() - started) / 1_000_000_000L));
      }
      double[] w = new double[x.length];
      double[] best = null;
      double bestResidual = Double.POSITIVE_INFINITY;
      int roundsRun = 0;
      for (int round = 0; ; round++) {
        fit.apply(x, ax);
        if (round > 0) {
          // The prior itself is never the answer: the corrected volumes that fit best are.
          double residual = residual(ax);
          if (residual < bestResidual) {
            bestResidual = residual;
            best = x.clone();
          }
          if (measuredFit(ax) <= o.targetFit() || round > o.rounds()) {
            break;
          }
        }
        double[] r = new double[rhs.length];
        for (int i = 0; i < r.length; i++) {
          r[i] = rhs[i] - ax[i];
        }
        for (int k = 0; k < x.length; k++) {
          // Round 0 weighs by the prior squared (relative changes: see the class comment);
          // later rounds by the current volumes, with a floor so that a volume clipped to 0
          // can still come back.
          double base = round == 0 ? start[k] : Math.max(x[k], 1e-3 * start[k]);
          double weight = base * base;
          w[k] = pinned[k] ? 0 : Math.sqrt(Math.max(0, weight));
        }
        // CGLS stops once the equations' residual is within half the target fit: the measured
        // arcs' part of it is then too, before clipping.
        double rNorm = Math.sqrt(Cgls.dot(r, r));
        double enough = 0.5 * o.targetFit() * Math.sqrt(Cgls.dot(measured, measured));
        double tolerance = rNorm > 0 ? Math.max(1e-10, enough / rNorm) : 1e-10;
        Cgls.Solution sol = Cgls.solve(FitOperator.scaled(fit, w), r, o.maxIterations(),
            tolerance);
        iterations += sol.iterations();
        for (int k = 0; k < x.length; k++) {
          x[k] = Math.max(0, x[k] + w[k] * sol.z()[k]);
        }
        roundsRun = round + 1;
        o.progress().accept(String.format(java.util.Locale.ROOT, "deduce: least-squares round "
            + "%d, %,d CGLS iteration(s), %d s", roundsRun, sol.iterations(),
            (System.nanoTime() - started) / 1_000_000_000L));
      }
      String method = String.format("tomogravity: %s, %d EM iteration(s), then weighted "
          + "least-squares correction to the measured arcs and totals by CGLS over the routing "
          + "kernel's push and pull, clipped at 0, %d round(s), %d iteration(s) in all; "
          + "pairs: %s", startName, emIterations, roundsRun, iterations,
          pairs.name().toLowerCase());
      return result(best, iterations, method);
    }

    /** The deduced volumes of {@code r} by pair, and the traffic deduced from each source. */
    Volumes volumes(Result r) {
      int n = net.nodeCount();
      Map<Long, Double> byPair = new HashMap<>();
      double[] fromSource = new double[n];
      Map<String, Integer> index = new HashMap<>(2 * n);
      for (int v = 0; v < n; v++) {
        index.put(net.nodeId(v), v);
      }
      Map<Long, Boolean> isPinned = new HashMap<>();
      for (int k = 0; k < pinned.length; k++) {
        if (pinned[k]) {
          isPinned.put(pairKey(net.demandSrc(k), net.demandDst(k), n), true);
        }
      }
      for (Demand d : r.demands()) {
        int s = index.get(d.src());
        long key = pairKey(s, index.get(d.dst()), n);
        if (!isPinned.containsKey(key)) {
          byPair.merge(key, d.gbps(), Double::sum);
          fromSource[s] += d.gbps();
        }
      }
      return new Volumes(byPair, fromSource);
    }

    /**
     * Interval {@code t}'s prior from its neighbours' deduced fanouts ({@link #deduceSeries}):
     * {@code in_t(s) f(s, d)}, at least a thousandth of gravity; gravity for a source the
     * neighbours give no traffic; pinned demands as they are.
     */
    double[] seriesPrior(Volumes[] volumes, int t, int n) {
      int from = Math.max(0, t - SERIES_NEIGHBOURS);
      int to = Math.min(volumes.length - 1, t + SERIES_NEIGHBOURS);
      double[] inNeighbours = new double[n];
      for (int u = from; u <= to; u++) {
        if (u != t) {
          for (int v = 0; v < n; v++) {
            inNeighbours[v] += volumes[u].fromSource()[v];
          }
        }
      }
      // The interval's own entering traffic: its free total when known, else what the
      // previous round deduced from the source.
      double[] inHere = volumes[t].fromSource().clone();
      for (int v = 0; v < n; v++) {
        if (inRow[v] >= 0) {
          inHere[v] = rhs[inRow[v]];
        }
      }
      double[] knownFrom = new double[n];
      for (int k = 0; k < pinned.length; k++) {
        if (pinned[k]) {
          knownFrom[net.demandSrc(k)] += prior[k];
        }
      }
      double[] out = new double[prior.length];
      for (int k = 0; k < prior.length; k++) {
        int s = net.demandSrc(k);
        if (pinned[k] || !(inNeighbours[s] > 0)) {
          out[k] = prior[k];
          continue;
        }
        long key = pairKey(s, net.demandDst(k), n);
        double sum = 0;
        for (int u = from; u <= to; u++) {
          if (u != t) {
            sum += volumes[u].byPair().getOrDefault(key, 0.0);
          }
        }
        double free = inRow[s] >= 0 ? Math.max(0, inHere[s] - knownFrom[s]) : inHere[s];
        out[k] = Math.max(free * sum / inNeighbours[s], 1e-3 * prior[k]);
      }
      return out;
    }

    private boolean hasTotals() {
      return rhs.length > measured.length;
    }

    /** Scales the free volumes so that the measured arcs' total is explained. */
    private void scaleToMeasured(RoutingOperator op, double[] x) {
      double[] loads = new double[net.arcCount()];
      op.apply(x, loads);
      double predicted = 0;
      double sum = 0;
      for (int i = 0; i < measuredArc.length; i++) {
        predicted += loads[measuredArc[i]];
        sum += measured[i];
      }
      if (predicted > 0) {
        for (int k = 0; k < x.length; k++) {
          if (!pinned[k]) {
            x[k] *= sum / predicted;
          }
        }
      }
    }

    private double residual(double[] ax) {
      double sum = 0;
      for (int i = 0; i < rhs.length; i++) {
        double d = ax[i] - rhs[i];
        sum += d * d;
      }
      return sum;
    }

    /** ||A x - m|| / ||m|| over the measured arcs, from the fit's rows. */
    private double measuredFit(double[] ax) {
      double num = 0;
      double den = 0;
      for (int i = 0; i < measured.length; i++) {
        double d = ax[i] - measured[i];
        num += d * d;
        den += measured[i] * measured[i];
      }
      return den == 0 ? (num == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(num / den);
    }

    Result result(double[] x, int iterations, String method) {
      RoutingOperator op = routing;
      double[] loads = new double[net.arcCount()];
      op.apply(x, loads);
      double[] reach = new double[net.arcCount()];
      double[] ones = new double[x.length];
      java.util.Arrays.fill(ones, 1);
      op.apply(ones, reach);
      List<Finding> findings = new ArrayList<>();
      List<FitRow> rows = new ArrayList<>();
      boolean[] isMeasured = new boolean[net.arcCount()];
      double num = 0;
      double den = 0;
      double absResidual = 0;
      double total = 0;
      for (int i = 0; i < measuredArc.length; i++) {
        int a = measuredArc[i];
        isMeasured[a] = true;
        double d = loads[a] - measured[i];
        num += d * d;
        den += measured[i] * measured[i];
        absResidual += Math.abs(d);
        total += measured[i];
        rows.add(new FitRow(net.linkId(a >> 1), net.nodeId(net.tail(a)),
            net.nodeId(net.head(a)), OptionalDouble.of(measured[i]), loads[a]));
        if (measured[i] > Drift.MIN_GBPS && reach[a] == 0) {
          findings.add(new Finding(FindingKind.UNREACHABLE, location(a, measuredWhere[i]),
              String.format("measures %.6g Gbps, but %s", measured[i], net.isUsable(a >> 1)
                  ? "no path of the deduced pairs crosses the arc"
                  : "the link is unusable (down, or too few members up): routing puts nothing "
                      + "on it")));
        }
      }
      for (int a = 0; a < net.arcCount(); a++) {
        if (!isMeasured[a] && net.isUsable(a >> 1)) {
          rows.add(new FitRow(net.linkId(a >> 1), net.nodeId(net.tail(a)),
              net.nodeId(net.head(a)), OptionalDouble.empty(), loads[a]));
          findings.add(new Finding(FindingKind.UNMEASURED, location(a, ""),
              String.format("no counter; predicted %.6g Gbps", loads[a])));
        }
      }
      findings.addAll(imbalances(isMeasured));
      List<Demand> demands = new ArrayList<>();
      for (int k = 0; k < x.length; k++) {
        if (x[k] > 0) {
          demands.add(Demand.of(net.nodeId(net.demandSrc(k)), net.nodeId(net.demandDst(k)),
              x[k]));
        }
      }
      double fitL2 = den == 0 ? 0 : Math.sqrt(num / den);
      double unexplained = total == 0 ? 0 : absResidual / total;
      double gravityFit = gravityFit(op);
      return new Result(demands, rows, fitL2, unexplained, gravityFit, iterations, findings,
          method);
    }

    private double gravityFit(RoutingOperator op) {
      double[] loads = new double[net.arcCount()];
      op.apply(prior, loads);
      double num = 0;
      double den = 0;
      for (int i = 0; i < measuredArc.length; i++) {
        double d = loads[measuredArc[i]] - measured[i];
        num += d * d;
        den += measured[i] * measured[i];
      }
      return den == 0 ? 0 : Math.sqrt(num / den);
    }

    private String location(int arc, String file) {
      return (file.isEmpty() ? "" : file + ": ") + "link " + net.linkId(arc >> 1) + " from "
          + net.nodeId(net.tail(arc));
    }

    /**
     * Devices whose every usable arc is measured and whose totals are known, where what enters
     * (its entering total and its arcs in) differs from what leaves (its leaving total and its
     * arcs out) by more than 1 % of the larger and more than {@link Drift#MIN_GBPS}.
     */
    private List<Finding> imbalances(boolean[] isMeasured) {
      int n = net.nodeCount();
      double[] arcLoad = new double[net.arcCount()];
      for (int i = 0; i < measuredArc.length; i++) {
        arcLoad[measuredArc[i]] = measured[i];
      }
      Map<String, MeasuredLoads.DeviceTotal> byDevice = new HashMap<>();
      for (MeasuredLoads.DeviceTotal t : totals) {
        byDevice.put(t.device(), t);
      }
      double[] enters = new double[n];
      double[] leaves = new double[n];
      boolean[] complete = new boolean[n];
      java.util.Arrays.fill(complete, true);
      for (int a = 0; a < net.arcCount(); a++) {
        if (!net.isUsable(a >> 1)) {
          continue;
        }
        int t = net.tail(a);
        int h = net.head(a);
        if (!isMeasured[a]) {
          complete[t] = false;
          complete[h] = false;
        }
        leaves[t] += arcLoad[a];
        enters[h] += arcLoad[a];
      }
      List<Finding> out = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        MeasuredLoads.DeviceTotal t = byDevice.get(net.nodeId(v));
        if (!complete[v] || t == null) {
          continue;
        }
        double in = enters[v] + t.inGbps();
        double outGbps = leaves[v] + t.outGbps();
        double gap = Math.abs(in - outGbps);
        if (gap > Drift.MIN_GBPS && gap > 0.01 * Math.max(in, outGbps)) {
          out.add(new Finding(FindingKind.INCONSISTENT, t.location() + ": device "
              + net.nodeId(v), String.format("its counters do not balance: %.6g Gbps enter it "
              + "(%.6g on its links, %.6g entering the network there) and %.6g Gbps leave it "
              + "(%.6g on its links, %.6g leaving the network there)", in, enters[v],
              t.inGbps(), outGbps, leaves[v], t.outGbps())));
        }
      }
      return out;
    }
  }
}
