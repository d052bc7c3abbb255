package io.netimpact.spark;

import io.netimpact.input.BadInputException;
import io.netimpact.store.BaselineManifest;
import io.netimpact.input.InputProblem;
import io.netimpact.impact.Assembler;
import io.netimpact.impact.Baseline;
import io.netimpact.impact.ClassInput;
import io.netimpact.impact.ClassService;
import io.netimpact.impact.EvaluationStats;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioState;
import io.netimpact.verdict.Thresholds;
import io.netimpact.impact.WorstCase;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.routes.StoredDag;
import io.netimpact.spark.BaselineStore.Opened;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The one Spark runner of the {@link Evaluator}: reviews and sweeps alike (a review is a sweep
 * of one scenario).
 *
 * <p>The base network and the scenarios (their masks) are broadcast once. Each destination's
 * baseline distances are computed once (one Dijkstra per destination) and cached by
 * destination (memory, spilling to disk). A survey pass applies the incremental rules to every
 * (scenario, destination) pair and sums the baseline loads; the {@link WorkPlan} cuts the
 * selected pairs into units and places them on partitions by estimated cost. Each task
 * evaluates its units' pairs with {@link Evaluator#evaluatePair}, pre-merging {@link
 * ScenarioState}s per scenario; a reduce by scenario merges the rest with the same {@link
 * ScenarioState#merge}. With {@link Evaluator.Strategy#FULL} the rules select every pair and
 * every pair is rerouted: the reference.
 *
 * <p>The per-destination base DAGs come from one of two sources for the same per-pair code:
 * routed on the executors (one Dijkstra each, kept as {@link StoredDag}s), or read from a
 * stored baseline ({@link BaselineStore}: a warm review), whose arc loads are then the
 * baseline. A sweep can write its cached DAGs as a store on the way ({@code baselineOut}).
 */
public final class SparkEvaluator {
  static final String ROUTE_GROUP = "netimpact-route";
  /** The fault-injection point passed once per work unit ({@link Failpoints}). */
  static final String ROUTE_UNIT_POINT = "sweep.route-unit";

  private SparkEvaluator() {}

  /**
   * One merged state per scenario (every scenario has one; persisted: call {@link #release}
   * when done), the baseline, and what the run measured.
   */
  public record Result(JavaPairRDD<Integer, ScenarioState> states, Baseline baseline,
      Broadcast<Network> base, Broadcast<ArrayList<Scenario>> scenarios, long pairsTotal,
      long pairsRecomputed, double stragglerRatio, int routeTasks, double predictedImbalance,
      Overlay overlay, List<ScenarioState> onDriver, Optional<ClassService> classes) {
    /** A result without classes of service. */
    public Result(JavaPairRDD<Integer, ScenarioState> states, Baseline baseline,
        Broadcast<Network> base, Broadcast<ArrayList<Scenario>> scenarios, long pairsTotal,
        long pairsRecomputed, double stragglerRatio, int routeTasks, double predictedImbalance,
        Overlay overlay, List<ScenarioState> onDriver) {
      this(states, baseline, base, scenarios, pairsTotal, pairsRecomputed, stragglerRatio,
          routeTasks, predictedImbalance, overlay, onDriver, Optional.empty());
    }

    /** A result whose states live only in {@code states}. */
    public Result(JavaPairRDD<Integer, ScenarioState> states, Baseline baseline,
        Broadcast<Network> base, Broadcast<ArrayList<Scenario>> scenarios, long pairsTotal,
        long pairsRecomputed, double stragglerRatio, int routeTasks, double predictedImbalance,
        Overlay overlay) {
      this(states, baseline, base, scenarios, pairsTotal, pairsRecomputed, stragglerRatio,
          routeTasks, predictedImbalance, overlay, List.of());
    }

    public void release() {
      states.unpersist(false);
    }

    /** Every scenario's merged state on the driver, by scenario index (one job unless there). */
    public List<ScenarioState> collected() {
      if (!onDriver.isEmpty()) {
        return onDriver;
      }
      Map<Integer, ScenarioState> byIndex = states.collectAsMap();
      List<ScenarioState> out = new ArrayList<>(byIndex.size());
      for (int i = 0; i < byIndex.size(); i++) {
        out.add(byIndex.get(i));
      }
      return out;
    }

    /** What the evaluation measured about itself. */
    public EvaluationStats stats() {
      return new EvaluationStats(pairsTotal, pairsRecomputed, routeTasks, stragglerRatio,
          predictedImbalance);
    }

    /**
     * This result finished by {@code ov} (traffic engineering, see {@link Overlay}): its loads
     * join the baseline, and each merged state is finished where it is.
     */
    public Result with(Overlay ov) {
      if (ov.isNone()) {
        return this;
      }
      ov.addBaseline(baseline.load());
      JavaPairRDD<Integer, ScenarioState> finished = states.mapToPair(e -> {
        ov.finish(e._1(), e._2());
        return e;
      }).persist(StorageLevel.MEMORY_AND_DISK_SER());
      finished.count();
      states.unpersist(false);
      return new Result(finished, baseline, base, scenarios, pairsTotal, pairsRecomputed,
          stragglerRatio, routeTasks, predictedImbalance, ov);
    }
  }

  /** @param kind what runs ("review", "sweep"): the progress lines start with it */
  public static Result run(Cluster cluster, String kind, Network base,
      List<Scenario> scenarios, Evaluator.Strategy strategy, int partitions,
      Consumer<String> lap) {
    return run(cluster, kind, base, scenarios, strategy, partitions, lap, Optional.empty());
  }

  /**
   * The same run, which with {@code baselineOut} also writes the stored baseline of {@code
   * base} ({@link BaselineStore}) from its cached per-destination DAGs, with no second
   * routing; the surveyed plan is then taken whatever the number of scenarios (the fused one
   * caches nothing to write).
   */
  public static Result run(Cluster cluster, String kind, Network base,
      List<Scenario> scenarios, Evaluator.Strategy strategy, int partitions,
      Consumer<String> lap, Optional<BaselineStore.Target> baselineOut) {
    return run(cluster, kind, base, scenarios, strategy, partitions, lap, baselineOut,
        PairComposition.none());
  }

  /**
   * The same run, the pairs of {@code pairs} evaluated per destination from their two singles
   * ({@link PairComposition}: the same states, fewer repairs) with the incremental strategy.
   * The fused plan (a handful of scenarios) evaluates every scenario as it is.
   */
  public static Result run(Cluster cluster, String kind, Network base,
      List<Scenario> scenarios, Evaluator.Strategy strategy, int partitions,
      Consumer<String> lap, Optional<BaselineStore.Target> baselineOut,
      PairComposition pairs) {
    return run(cluster, kind, base, scenarios, strategy, partitions, lap, baselineOut, pairs,
        Optional.empty());
  }

  /**
   * The same run with classes of service (docs/classes.md) when {@code classes} is present:
   * each task pushes each of its destinations' base traffic once more along the DAG it routed,
   * carrying one figure per class ({@link PairEvaluator#pushClassLoads}), summed beside the base
   * loads; each evaluated pair adds its per-class deltas from its one evaluation into the
   * scenario's state; the result's {@link Result#classes} serves them at assembly. Pairs of
   * failures are then evaluated as two-op scenarios (a composed pair carries no per-class
   * deltas). O(the run without classes + (D + evaluated pairs) x DAG x classes).
   */
  public static Result run(Cluster cluster, String kind, Network base,
      List<Scenario> scenarios, Evaluator.Strategy strategy, int partitions,
      Consumer<String> lap, Optional<BaselineStore.Target> baselineOut,
      PairComposition pairs, Optional<ClassInput> classes) {
    PairComposition used = strategy == Evaluator.Strategy.INCREMENTAL && COMPOSE
        && classes.isEmpty() ? pairs : PairComposition.none();
    return timed(cluster, times -> run(cluster, kind, base, scenarios, strategy, partitions,
        times, lap, Optional.empty(), baselineOut, used, classes));
  }

  /** The class service of a run: the classes and the per-class base loads summed. */
  private static Optional<ClassService> service(Optional<ClassInput> classes, double[] load,
      Network base) {
    return classes.map(c -> new ClassService(c.classes(), c.shares(), load, base.arcCount()));
  }

  /**
   * {@code -Dnetimpact.pairs.compose=false} evaluates pairs as ordinary two-op scenarios: the
   * reference the benchmark times the composition against. Not a user option.
   */
  public static final boolean COMPOSE = !"false".equals(System.getProperty("netimpact.pairs.compose"));

  private static <T> T timed(Cluster cluster, java.util.function.Function<TaskTimes, T> run) {
    TaskTimes times = new TaskTimes();
    cluster.session().sparkContext().addSparkListener(times);
    try {
      return run.apply(times);
    } finally {
      cluster.session().sparkContext().removeSparkListener(times);
    }
  }

  /**
   * A store's DAGs and what was read with them, for the fused plan: the DAGs, read on the
   * executors, replace the base routing; the stored loads are the baseline.
   */
  private record Stored(JavaRDD<StoredDag> dags, CompletableFuture<Baseline> loads,
      Optional<String> storeDir, double[] classLoad) {
    /** A store's DAGs, checked complete against its directory; no per-class loads. */
    Stored(JavaRDD<StoredDag> dags, CompletableFuture<Baseline> loads, Opened store) {
      this(dags, loads, Optional.of(store.dir()), new double[0]);
    }

    /** The stored loads, read on the driver while the tasks read the DAGs. */
    Baseline baseline() {
      return joined(loads);
    }
  }

  /** The value of {@code f}, its failure thrown as it was when that is unchecked. */
  private static <T> T joined(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static Result run(Cluster cluster, String kind, Network base,
      List<Scenario> scenarios, Evaluator.Strategy strategy, int partitions, TaskTimes times,
      Consumer<String> sw, Optional<Stored> stored,
      Optional<BaselineStore.Target> baselineOut, PairComposition pairs,
      Optional<ClassInput> classes) {
    JavaSparkContext jsc = cluster.jsc();
    Consumer<String> console = cluster.progress();
    int s = scenarios.size();
    if (classes.isPresent() && stored.isPresent()) {
      throw new IllegalArgumentException("classes of service are evaluated from a routed base, "
          + "not from a stored baseline");
    }
    // Null without classes: captured by the tasks' closures, which an Optional cannot be.
    Broadcast<ClassInput> classesBc = classes.map(jsc::broadcast).orElse(null);
    Broadcast<Network> baseBc = jsc.broadcast(base);
    Broadcast<ArrayList<Scenario>> scenariosBc = jsc.broadcast(new ArrayList<>(scenarios));
    List<Integer> dstIds = Arrays.stream(base.destinations()).boxed().toList();
    int p = Math.max(1, partitions);
    // From a store, always fused: the surveyed plan routes the base itself.
    if ((s <= FUSED_SCENARIOS || stored.isPresent()) && baselineOut.isEmpty()) {
      return fused(jsc, kind, baseBc, scenariosBc, dstIds, stored, strategy, p, times, console,
          sw, classesBc);
    }

    // The baseline: one Dijkstra per destination, cached by destination.
    int buckets = Math.min(p, Math.max(1, dstIds.size()));
    JavaRDD<StoredDag> dist = baseDags(jsc, baseBc, buckets);
    return planned(cluster, kind, baseBc, scenariosBc, dist, buckets, strategy, p, times, sw,
        baselineOut, pairs, classesBc);
  }

  /**
   * The surveyed plan over per-destination DAGs already made ({@code dist}, cached): survey,
   * cost-based plan, routing of the selected pairs, merge by scenario. {@code dist} is
   * released at the end.
   */
  private static Result planned(Cluster cluster, String kind, Broadcast<Network> baseBc,
      Broadcast<ArrayList<Scenario>> scenariosBc, JavaRDD<StoredDag> dist, int buckets,
      Evaluator.Strategy strategy, int p, TaskTimes times, Consumer<String> sw,
      Optional<BaselineStore.Target> baselineOut, PairComposition pairs,
      Broadcast<ClassInput> classesBc) {
    JavaSparkContext jsc = cluster.jsc();
    Consumer<String> console = cluster.progress();
    Network base = baseBc.value();
    int s = scenariosBc.value().size();
    Broadcast<PairComposition> pairsBc = jsc.broadcast(pairs);
    Survey survey = survey(dist, baseBc, scenariosBc, strategy, pairsBc, classesBc);
    int[] dsts = survey.dsts;
    long selected = Arrays.stream(survey.selected).asLongStream().sum();
    WorkPlan plan = WorkPlan.of(dsts, survey.selected, survey.dagSize, survey.weight, p,
        base.nodeCount());
    Broadcast<WorkPlan> planBc = jsc.broadcast(plan);
    sw.accept("baseline+rules");
    if (baselineOut.isPresent()) {
      cluster.during(kind + ": writing the baseline store", () -> BaselineStore.write(cluster,
          baselineOut.get(), base, dist, buckets, survey.baseline));
      sw.accept("baseline store");
    }

    jsc.setJobGroup(ROUTE_GROUP, "evaluate " + s + " scenario" + (s == 1 ? "" : "s"), false);
    // Each task's state per scenario leaves it as its flat bytes (ScenarioState.write), so
    // that persisting and shuffling them copies bytes: no object graphs for Spark to size up
    // (its map-side combine sampled every state's graph) and one serialization per state.
    JavaPairRDD<Integer, byte[]> partials = dist
        .flatMapToPair(e -> {
          List<Tuple2<Integer, StoredDag>> out = new ArrayList<>();
          for (int u : planBc.value().unitsByDst[e.destination()]) {
            out.add(new Tuple2<>(u, e));
          }
          return out.iterator();
        })
        .partitionBy(new WorkPlan.UnitPartitioner(plan))
        .mapPartitionsToPair(it -> flat(evaluateUnits(it, baseBc.value(), scenariosBc.value(),
            planBc.value(), strategy, pairsBc.value(),
            classesBc == null ? null : classesBc.value())))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    withProgress(jsc, kind, times, plan.partitionCost, s, console, partials::count);
    jsc.clearJobGroup();
    double straggler = routeStraggler(jsc, times);
    sw.accept("route");

    int slices = Math.min(p, Math.max(1, s));
    org.apache.spark.HashPartitioner bySlice = new org.apache.spark.HashPartitioner(slices);
    JavaPairRDD<Integer, ScenarioState> states = partials.partitionBy(bySlice)
        .mapPartitionsToPair(it -> merged(it, bySlice, s), true)
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    states.count();
    partials.unpersist(false);
    dist.unpersist(false);
    sw.accept("merge");
    return new Result(states, survey.baseline, baseBc, scenariosBc, (long) s * dsts.length,
        selected, straggler,
        plan.partitionCost.length, plan.predictedImbalance(), Overlay.NONE, List.of(),
        service(Optional.ofNullable(classesBc).map(Broadcast::value), survey.classLoad, base));
  }

  /**
   * Each destination's base DAG, routed once (the Dijkstra of {@link PairEvaluator#baseline},
   * so the very DAG a review routes) and cached (memory, spilling to disk) in its stored form:
   * partition k holds the destinations of bucket k ({@link BaselineManifest#bucket}), so a
   * store is written one bucket per task. O(D E log V) over the tasks.
   */
  private static JavaRDD<StoredDag> baseDags(JavaSparkContext jsc, Broadcast<Network> baseBc,
      int buckets) {
    int[] dsts = baseBc.value().destinations();
    List<int[]> byBucket = new ArrayList<>(buckets);
    for (int k = 0; k < buckets; k++) {
      int size = 0;
      for (int r = k; r < dsts.length; r += buckets) {
        size++;
      }
      int[] mine = new int[size];
      for (int r = k, i = 0; r < dsts.length; r += buckets) {
        mine[i++] = dsts[r];
      }
      byBucket.add(mine);
    }
    // As many slices as elements: one bucket per partition.
    return jsc.parallelize(byBucket, buckets).mapPartitions(it -> {
      PairEvaluator pe = new PairEvaluator(baseBc.value());
      List<StoredDag> out = new ArrayList<>();
      while (it.hasNext()) {
        for (int t : it.next()) {
          out.add(pe.routeForNow(t).stored());
        }
      }
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * {@code netimpact baseline}: every destination of {@code base} routed once on the
   * executors ({@link #baseDags}), the loads summed in the same pass as a sweep's survey,
   * and the store written ({@link BaselineStore#write}). O(D E log V).
   */
  public static BaselineManifest storeBaseline(Cluster cluster, Network base,
      BaselineStore.Target target, Consumer<String> lap) {
    JavaSparkContext jsc = cluster.jsc();
    Broadcast<Network> baseBc = jsc.broadcast(base);
    int buckets = Math.min(4 * cluster.parallelism(), Math.max(1, base.destinations().length));
    JavaRDD<StoredDag> dags = baseDags(jsc, baseBc, buckets);
    Baseline baseline = cluster.during("baseline: routing", () -> survey(dags, baseBc,
        jsc.broadcast(new ArrayList<>()), Evaluator.Strategy.INCREMENTAL,
        jsc.broadcast(PairComposition.none()), null).baseline);
    lap.accept("route");
    BaselineManifest m = cluster.during("baseline: writing", () -> BaselineStore.write(cluster,
        target, base, dags, buckets, baseline));
    dags.unpersist(false);
    lap.accept("write");
    return m;
  }

  /**
   * A base held for many evaluations (the review service): the network broadcast once, and
   * each destination's base DAG routed once (or read once from a stored baseline) and cached
   * on the executors (memory, spilling to disk), with the base loads. {@link #run(Cluster,
   * String, Resident, List, int, Consumer)} evaluates any batch of scenarios over it without
   * routing the base again. {@link #close} releases the cache.
   */
  public static final class Resident implements AutoCloseable {
    private final Broadcast<Network> base;
    private final JavaRDD<StoredDag> dags;
    private final Baseline baseline;
    // Null without classes of service (a closure cannot capture an Optional).
    private final Broadcast<ClassInput> classes;
    /** The per-class base loads ({@code [class x arcs + arc]}, Gbps), summed once; or empty. */
    private final double[] classLoad;

    private Resident(Broadcast<Network> base, JavaRDD<StoredDag> dags, Baseline baseline,
        Broadcast<ClassInput> classes, double[] classLoad) {
      this.base = base;
      this.dags = dags;
      this.baseline = baseline;
      this.classes = classes;
      this.classLoad = classLoad;
    }

    public Network network() {
      return base.value();
    }

    /** The base arc loads (Gbps) and traffic without a path. */
    public Baseline baseline() {
      return baseline;
    }

    @Override
    public void close() {
      dags.unpersist(false);
    }
  }

  /**
   * Makes {@code base} resident: its DAGs read from {@code store} (checked against {@code base}
   * by the caller) or routed, one Dijkstra per destination, on {@code partitions} tasks;
   * cached before this returns. O(D E log V) routed, O(stored DAG sizes) read.
   */
  public static Resident resident(Cluster cluster, Network base,
      Optional<BaselineStore.Opened> store, int partitions) {
    return resident(cluster, base, store, partitions, Optional.empty());
  }

  /**
   * The same, with classes of service (docs/classes.md) when {@code classes} is present: every
   * batch over it evaluates them as a sweep does, from the same push (the per-class base loads
   * summed once here beside the base loads, from the cached DAGs).
   */
  public static Resident resident(Cluster cluster, Network base,
      Optional<BaselineStore.Opened> store, int partitions, Optional<ClassInput> classes) {
    JavaSparkContext jsc = cluster.jsc();
    Broadcast<Network> baseBc = jsc.broadcast(base);
    JavaRDD<StoredDag> dags;
    if (store.isPresent()) {
      dags = BaselineStore.destinations(cluster, store.get())
          .persist(StorageLevel.MEMORY_AND_DISK());
    } else {
      int buckets = Math.min(Math.max(1, partitions), Math.max(1, base.destinations().length));
      dags = baseDags(jsc, baseBc, buckets);
    }
    Broadcast<ClassInput> classesBc = classes.map(jsc::broadcast).orElse(null);
    // One push of every DAG: the base loads (unless stored) and the per-class ones, once.
    Optional<Survey> pushed = store.isPresent() && classes.isEmpty() ? Optional.empty()
        : Optional.of(survey(dags, baseBc, jsc.broadcast(new ArrayList<>()),
            Evaluator.Strategy.INCREMENTAL, jsc.broadcast(PairComposition.none()), classesBc));
    Baseline baseline = store.isPresent()
        ? BaselineStore.baseline(cluster, store.get(), base) : pushed.get().baseline;
    dags.count();
    return new Resident(baseBc, dags, baseline, classesBc,
        pushed.map(Survey::classLoad).orElse(new double[0]));
  }

  /**
   * A batch of scenarios over a resident base: the fused plan on the cached DAGs, one Spark
   * job of one task per cached partition, with no base routing: each task shows every
   * scenario to each of its destinations (the rules), evaluates the selected pairs there and
   * then into one state per scenario, and returns its states, which the driver merges in task
   * order ({@link Result#collected}, growths finished there). The base loads (and per-class
   * loads) are the resident ones: a destination's traffic is pushed only when a pair of it is
   * selected. Nothing is shuffled or persisted, so each state is serialized once, as a task
   * result; the surveyed plan's cost-based placement is given up for that, the destinations of
   * a batch being spread over the cached partitions already. O(D x rules + selected pairs +
   * tasks x scenarios), a growth of every demand O(arcs) more and no pair of its own.
   */
  public static Result run(Cluster cluster, String kind, Resident resident,
      List<Scenario> scenarios, int partitions, Consumer<String> lap) {
    // Growth is not routing: a change that scales every demand alike is evaluated as its
    // routing alone (no destination touched by the growth itself), then grown on the driver
    // from the resident base loads (ScenarioState#grown).
    // With classes of service a growth is routed as any change: the grown state carries no
    // per-class deltas.
    Network net = resident.network();
    List<Optional<ScenarioMask.Growth>> growth = scenarios.stream()
        .map(sc -> resident.classes != null ? Optional.<ScenarioMask.Growth>empty()
            : sc.mask().uniformGrowth(net)).toList();
    ArrayList<Scenario> routed = new ArrayList<>(scenarios.size());
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario sc = scenarios.get(i);
      routed.add(growth.get(i).map(g -> new Scenario(sc.id(), sc.title(), g.routing()))
          .orElse(sc));
    }
    Broadcast<ArrayList<Scenario>> scenariosBc = cluster.jsc().broadcast(routed);
    Stored held = new Stored(resident.dags, CompletableFuture.completedFuture(
        resident.baseline), Optional.empty(), resident.classLoad);
    List<Integer> dstIds = Arrays.stream(net.destinations()).boxed().toList();
    Result r = timed(cluster, times -> fused(cluster.jsc(), kind, resident.base, scenariosBc,
        dstIds, Optional.of(held), Evaluator.Strategy.INCREMENTAL, Math.max(1, partitions),
        times, cluster.progress(), lap, resident.classes));
    if (growth.stream().noneMatch(Optional::isPresent)) {
      return r;
    }
    List<ScenarioState> states = new ArrayList<>(r.collected());
    for (int i = 0; i < states.size(); i++) {
      if (growth.get(i).isPresent()) {
        states.set(i, states.get(i).grown(growth.get(i).get().factor(), r.baseline()));
      }
    }
    return new Result(r.states(), r.baseline(), r.base(), r.scenarios(), r.pairsTotal(),
        r.pairsRecomputed(), r.stragglerRatio(), r.routeTasks(), r.predictedImbalance(),
        r.overlay(), states);
  }

  /**
   * Up to this many scenarios are evaluated in one pass by destination (baseline and pairs in
   * the same task, nothing cached); more go through the survey and the cost-based plan, which
   * pay off once many scenarios share each destination's baseline.
   */
  static final int FUSED_SCENARIOS = 4;

  /**
   * What one task of the fused pass returns: its baseline share (routed destinations only),
   * how many destinations it handled and the sum of their indices (a stored baseline's
   * completeness check), and its scenario states.
   */
  private record FusedPart(Sparse loads, Sparse classLoads, double lost, int destinations,
      long indexSum, List<ScenarioState> states) implements java.io.Serializable {
    /** The part of a dense load array (and per-class one: empty without classes). */
    static FusedPart of(double[] load, double[] classLoad, double lost, int destinations,
        long indexSum, List<ScenarioState> states) {
      return new FusedPart(Sparse.of(load), Sparse.of(classLoad), lost, destinations, indexSum,
          states);
    }
  }

  /** The non-zero entries of a dense array (loads on a network of racks: few). */
  private record Sparse(int[] index, double[] value) implements java.io.Serializable {
    static Sparse of(double[] dense) {
      int n = 0;
      for (double x : dense) {
        n += x != 0 ? 1 : 0;
      }
      int[] index = new int[n];
      double[] value = new double[n];
      for (int a = 0, i = 0; a < dense.length; a++) {
        if (dense[a] != 0) {
          index[i] = a;
          value[i++] = dense[a];
        }
      }
      return new Sparse(index, value);
    }

    void addTo(double[] dense) {
      for (int i = 0; i < index.length; i++) {
        dense[index[i]] += value[i];
      }
    }
  }

  /**
   * The fused plan: destinations spread over tasks; each task has its destinations' base DAGs
   * (routed there, or read from a stored baseline) and evaluates every scenario's pair there
   * and then. Routed: O(D E log V + selected pairs). Stored: O(stored DAG sizes + D x rules +
   * selected pairs), the path statistics and push of a destination made only when a pair of
   * it is selected.
   */
  private static Result fused(JavaSparkContext jsc, String kind, Broadcast<Network> baseBc,
      Broadcast<ArrayList<Scenario>> scenariosBc, List<Integer> dstIds, Optional<Stored> stored,
      Evaluator.Strategy strategy, int p, TaskTimes times, Consumer<String> console,
      Consumer<String> sw, Broadcast<ClassInput> classesBc) {
    int s = scenariosBc.value().size();
    jsc.setJobGroup(ROUTE_GROUP, "evaluate " + s + " scenario" + (s == 1 ? "" : "s"), false);
    JavaRDD<FusedPart> parts = (stored.isPresent()
        ? stored.get().dags().mapPartitions(it -> fusedTask(baseBc.value(),
            scenariosBc.value(), strategy, it, false, (pe, d) -> pe.dagForNow(d),
            classesBc == null ? null : classesBc.value()))
        : jsc.parallelize(dstIds, Math.max(1, Math.min(dstIds.size(), p)))
            .mapPartitions(it -> fusedTask(baseBc.value(), scenariosBc.value(), strategy, it,
                true, (pe, t) -> pe.routeForNow(t),
                classesBc == null ? null : classesBc.value())));
    int slices = parts.getNumPartitions();
    double[] cost = new double[slices];
    Arrays.fill(cost, 1.0);
    // One action: the parts come straight to the driver (nothing persisted).
    List<FusedPart> collected = withProgress(jsc, kind, times, cost, s, console, parts::collect);
    jsc.clearJobGroup();
    double straggler = routeStraggler(jsc, times);
    sw.accept("route");
    // A review's or a service batch's states are few and small: merged on the driver with the
    // same merge, with no shuffle (the surveyed plan reduces by scenario on the executors).
    Optional<ClassInput> classes = Optional.ofNullable(classesBc).map(Broadcast::value);
    Merged merged = Merged.of(collected, s, baseBc.value(), stored.flatMap(Stored::storeDir),
        classes.map(c -> c.classes().count()).orElse(0));
    List<Tuple2<Integer, ScenarioState>> byScenario = new ArrayList<>(s);
    for (int i = 0; i < s; i++) {
      byScenario.add(new Tuple2<>(i, merged.states()[i]));
    }
    JavaPairRDD<Integer, ScenarioState> states = jsc.parallelizePairs(byScenario,
        Math.max(1, Math.min(p, s)));
    sw.accept("merge");
    Baseline baseline = stored.isPresent() ? stored.get().baseline() : merged.routed();
    long pairs = merged.pairs();
    // The merged states are on the driver already: a review takes its one from here rather
    // than through a job that ships it to a task and back.
    List<ScenarioState> onDriver = List.of(merged.states());
    return new Result(states, baseline, baseBc, scenariosBc,
        (long) s * dstIds.size(), pairs, straggler, slices, 1.0, Overlay.NONE, onDriver,
        service(classes, stored.isPresent() ? stored.get().classLoad() : merged.classLoad(),
            baseBc.value()));
  }

  /**
   * The fused plan's parts merged on the driver, in the order of the tasks: every scenario's
   * state (an empty one where no pair touched it), the loads of the routed destinations, and
   * the pairs evaluated. A part list from a stored baseline ({@code storeDir}) must cover every
   * destination of the network exactly once (their count and index sum), else the store is
   * incomplete (exit 2). O(parts x (loaded arcs + states)).
   */
  private record Merged(ScenarioState[] states, Baseline routed, long pairs,
      double[] classLoad) {
    static Merged of(List<FusedPart> parts, int scenarios, Network base,
        Optional<String> storeDir, int classes) {
      BaselineLoads.Sum sum = new BaselineLoads.Sum(base.arcCount());
      double[] classLoad = new double[classes * base.arcCount()];
      int destinations = 0;
      long indexSum = 0;
      ScenarioState[] merged = new ScenarioState[scenarios];
      for (FusedPart f : parts) {
        sum.add(f.loads().index(), f.loads().value(), f.lost());
        f.classLoads().addTo(classLoad);
        destinations += f.destinations();
        indexSum += f.indexSum();
        for (ScenarioState st : f.states()) {
          int i = st.scenario();
          merged[i] = merged[i] == null ? st : merged[i].merge(st);
        }
      }
      int[] dsts = base.destinations();
      if (storeDir.isPresent()) {
        long expected = Arrays.stream(dsts).asLongStream().sum();
        if (destinations != dsts.length || indexSum != expected) {
          throw new BadInputException(new InputProblem(storeDir.get(), "", "",
              "incomplete baseline store: " + destinations + " destinations read (index sum "
                  + indexSum + "), the network has " + dsts.length + " (index sum " + expected
                  + "); write the store again"));
        }
      }
      long pairs = 0;
      for (int i = 0; i < scenarios; i++) {
        merged[i] = merged[i] == null ? new ScenarioState(i) : merged[i];
        pairs += merged[i].pairs();
      }
      return new Merged(merged, new Baseline(sum.load(), sum.lost()), pairs, classLoad);
    }
  }

  /**
   * A review on the driver's own threads ({@link LocalReview#DRIVER} with a local master, whose
   * tasks would run in this JVM anyway): the fused plan's tasks over the same slices (the
   * destinations cut as {@code parallelize} cuts them, or one stored bucket file each), run by
   * {@link LocalTasks} on one thread per task slot and merged by {@link Merged#of} in task
   * order, so the report is the one the Spark tasks give, sums included. Nothing is broadcast
   * or serialized and no Spark job runs. Progress as {@link #withProgress}, by tasks finished.
   * Same complexity as {@link #fused}.
   *
   * @return the merged state of the one scenario and the baseline (stored, or routed here)
   */
  private static Tuple2<ScenarioState, Baseline> reviewOnDriver(Cluster cluster, Network base,
      Scenario scenario, Optional<Opened> store, int threads, Consumer<String> lap) {
    OnDriver d = onDriver(cluster, "review", base, List.of(scenario),
        Evaluator.Strategy.INCREMENTAL, store, threads, lap);
    return new Tuple2<>(d.states().get(0), d.baseline());
  }

  /**
   * A sweep evaluated on the driver's own threads: every scenario's merged state (by scenario
   * index), the base routed here, and what the run measured.
   */
  public record OnDriver(List<ScenarioState> states, Baseline baseline, EvaluationStats stats) {}

  /**
   * The pairs of {@code slices} screened by their loads ({@link
   * io.netimpact.impact.PairScreen#screen}), a Spark task per slice, each slice's result (its
   * SAFE pairs, their summaries and worst case) collected to the driver; the console told
   * every 5 s how many slices are done. O(the screen of every slice) over the executors.
   */
  public static List<io.netimpact.impact.PairScreen.Slice> screenPairs(Cluster cluster,
      Network base, List<Scenario> scenarios, PairComposition composition, int[][] slices,
      Thresholds th, String runId, String snapshotId) {
    int n = slices.length;
    JavaSparkContext jsc = cluster.jsc();
    org.apache.spark.util.LongAccumulator finished = jsc.sc().longAccumulator("screened slices");
    java.util.function.DoubleFunction<java.util.Optional<String>> line = secs -> {
      long d = finished.value();
      double rate = d / Math.max(1e-9, secs);
      return java.util.Optional.of(String.format("sweep: screening pairs of failures by their "
          + "loads: %d of %d slices done, ETA %s", d, n, d > 0
              ? String.format("%.0f s", (n - d) / rate) : "unknown"));
    };
    Broadcast<Network> baseBc = jsc.broadcast(base);
    Broadcast<ArrayList<Scenario>> scenariosBc = jsc.broadcast(new ArrayList<>(scenarios));
    Broadcast<PairComposition> compositionBc = jsc.broadcast(
        withJoining(cluster, baseBc, base.destinations().length, composition));
    try {
      return StageProgress.every(cluster.progress(), StageProgress.INTERVAL_MS, line,
          () -> jsc.parallelize(Arrays.asList(slices), Math.max(1, n))
              .map(slice -> {
                io.netimpact.impact.PairScreen.Slice r = io.netimpact.impact.PairScreen.screen(
                    baseBc.value(), scenariosBc.value(), compositionBc.value(), slice, th,
                    runId, snapshotId);
                finished.add(1);
                return r;
              })
              .collect());
    } finally {
      baseBc.destroy();
      scenariosBc.destroy();
      compositionBc.destroy();
    }
  }

  /** At most this many (destination, single) entries of joining arcs are made ahead. */
  static final long JOINING_ENTRIES = 20_000_000L;

  /**
   * {@code composition} with its singles' joining arcs made ahead ({@link
   * PairComposition#withJoining}): the {@code destinations} of the base cut into interleaved
   * chunks, a Spark task each. Every slice of a screen needs the detours of two blocks of
   * singles for every destination; made once here, they are not searched again per slice.
   * The composition as it is when the table would exceed {@link #JOINING_ENTRIES}. O(D x (E
   * log V + the touching singles' detour searches)) over the executors.
   */
  private static PairComposition withJoining(Cluster cluster, Broadcast<Network> baseBc,
      int destinations, PairComposition composition) {
    if (destinations == 0
        || (long) destinations * composition.singleCount() > JOINING_ENTRIES) {
      return composition;
    }
    int chunks = Math.min(destinations, 2 * cluster.parallelism());
    List<int[]> parts = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      int first = c;
      parts.add(IntStream.iterate(first, k -> k < destinations, k -> k + chunks).toArray());
    }
    JavaSparkContext jsc = cluster.jsc();
    Broadcast<PairComposition> plain = jsc.broadcast(composition);
    try {
      List<int[][][]> got = jsc.parallelize(parts, chunks)
          .map(pos -> plain.value().joiningOf(
              new PairEvaluator(baseBc.value()).routeChanges(false), pos))
          .collect();
      int[][][] table = new int[destinations][][];
      for (int c = 0; c < chunks; c++) {
        int[] pos = parts.get(c);
        for (int k = 0; k < pos.length; k++) {
          table[pos[k]] = got.get(c)[k];
        }
      }
      return composition.withJoining(table);
    } finally {
      plain.destroy();
    }
  }

  /**
   * A sweep on the driver's own threads, as {@link #reviewOnDriver} evaluates a review: the
   * fused plan's tasks (each routes its slice of the destinations once and evaluates every
   * scenario's pair there, pre-merging a state per scenario) run by {@link LocalTasks}, merged
   * in task order with the same {@link ScenarioState#merge}. No Spark job, broadcast or
   * serialization: for a small network on a local master, whose tasks would run in this JVM
   * anyway. Routed: O(D E log V + selected pairs) over the threads, O(tasks x scenarios)
   * states held at once.
   */
  public static OnDriver sweepOnDriver(Cluster cluster, Network base, List<Scenario> scenarios,
      Evaluator.Strategy strategy, int threads, Consumer<String> lap) {
    return sweepOnDriver(cluster, base, scenarios, strategy, threads, lap,
        PairComposition.none());
  }

  /** The same, with the pairs of {@code pairs} composed from their singles per destination. */
  public static OnDriver sweepOnDriver(Cluster cluster, Network base, List<Scenario> scenarios,
      Evaluator.Strategy strategy, int threads, Consumer<String> lap, PairComposition pairs) {
    return onDriver(cluster, "sweep", base, scenarios, strategy, Optional.empty(), threads,
        lap, pairs);
  }

  /**
   * The fused plan's tasks on the driver's threads over the same slices as the Spark path (the
   * destinations cut as {@code parallelize} cuts them, or one stored bucket file each), merged
   * by {@link Merged#of} in task order. Progress as {@link #withProgress}, by tasks finished.
   */
  private static OnDriver onDriver(Cluster cluster, String kind, Network base,
      List<Scenario> sc, Evaluator.Strategy strategy, Optional<Opened> store, int threads,
      Consumer<String> lap) {
    return onDriver(cluster, kind, base, sc, strategy, store, threads, lap,
        PairComposition.none());
  }

  private static OnDriver onDriver(Cluster cluster, String kind, Network base,
      List<Scenario> sc, Evaluator.Strategy strategy, Optional<Opened> store, int threads,
      Consumer<String> lap, PairComposition pairs) {
    List<java.util.concurrent.Callable<FusedPart>> tasks = new ArrayList<>();
    List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
    if (store.isPresent()) {
      for (org.apache.hadoop.fs.Path f : BaselineStore.destinationFiles(cluster, store.get())) {
        tasks.add(() -> fusedTask(base, sc, strategy, io.netimpact.store.BaselineFiles
            .readDags(cluster.hadoop(), f).iterator(), false, (pe, d) -> pe.dagForNow(d), null,
            pairs).next());
      }
      lap.accept("read baseline");
    } else {
      int[] dsts = base.destinations();
      // As the Spark path: 4 x the default parallelism, which a local master takes from
      // spark.default.parallelism when set, else from its thread count.
      int slots = cluster.askedConf().getInt("spark.default.parallelism", threads);
      int n = Math.max(1, Math.min(dsts.length, 4 * slots));
      for (int k = 0; k < n; k++) {
        // ParallelCollectionRDD's slices: [k len / n, (k + 1) len / n).
        int from = (int) ((long) k * dsts.length / n);
        int to = (int) ((long) (k + 1) * dsts.length / n);
        tasks.add(() -> {
          long t0 = System.nanoTime();
          FusedPart part = fusedTask(base, sc, strategy,
              Arrays.stream(dsts, from, to).boxed().iterator(), true,
              (pe, t) -> pe.routeForNow(t), null, pairs).next();
          durations.add((System.nanoTime() - t0) / 1_000_000);
          return part;
        });
      }
    }
    // The stored loads, read while the tasks run (as the Spark path reads them).
    Optional<CompletableFuture<Baseline>> loads = store.map(o -> CompletableFuture.supplyAsync(
        () -> BaselineStore.baseline(cluster, o, base)));
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic
        .AtomicInteger();
    int total = tasks.size();
    List<FusedPart> parts = StageProgress.every(cluster.progress(), StageProgress.INTERVAL_MS,
        secs -> Optional.of(routingLine(kind, done.get() / (double) total, sc.size(), secs)),
        () -> LocalTasks.run(threads, tasks, done));
    lap.accept("route");
    Merged merged = Merged.of(parts, sc.size(), base, store.map(Opened::dir), 0);
    Baseline baseline = loads.isPresent() ? joined(loads.get()) : merged.routed();
    lap.accept("merge");
    return new OnDriver(List.of(merged.states()), baseline, new EvaluationStats(
        (long) sc.size() * base.destinations().length, merged.pairs(), total,
        TaskTimes.stragglerRatio(durations), 1.0));
  }

  /**
   * One task of the fused plan over its destinations ({@code dagOf} gives each one's base
   * DAG): with {@code routed}, each destination's baseline is made and its loads summed;
   * otherwise (stored or resident loads) a destination's baseline is made only when a pair
   * needs it. With {@code classes} (null without) every pair gives its per-class deltas, and
   * with {@code routed} each destination's per-class base loads are summed too.
   */
  private static <T> Iterator<FusedPart> fusedTask(Network b, List<Scenario> sc,
      Evaluator.Strategy strategy, Iterator<T> it, boolean routed,
      BiFunction<PairEvaluator, T, DestinationDag> dagOf, ClassInput classes) {
    return fusedTask(b, sc, strategy, it, routed, dagOf, classes, PairComposition.none());
  }

  /**
   * The same, the pairs of {@code pairs} composed per destination from their two singles
   * ({@link PairComposition}; incremental, without classes), as the surveyed plan's tasks do.
   */
  private static <T> Iterator<FusedPart> fusedTask(Network b, List<Scenario> sc,
      Evaluator.Strategy strategy, Iterator<T> it, boolean routed,
      BiFunction<PairEvaluator, T, DestinationDag> dagOf, ClassInput classes,
      PairComposition pairs) {
    PairEvaluator pe = new PairEvaluator(b);
    PairComposition.Workspace ws = pairs.workspace(pe);
    boolean compose = strategy == Evaluator.Strategy.INCREMENTAL && classes == null;
    BaselineLoads.Sum sum = new BaselineLoads.Sum(routed ? b.arcCount() : 0);
    double[] classLoad = classLoads(pe, classes);
    int count = 0;
    long indexSum = 0;
    ArrayList<ScenarioState> states = new ArrayList<>();
    for (int i = 0; i < sc.size(); i++) {
      states.add(new ScenarioState(i));
    }
    while (it.hasNext()) {
      DestinationDag dag = dagOf.apply(pe, it.next());
      count++;
      indexSum += dag.destination();
      DestinationBaseline[] made = new DestinationBaseline[1];
      if (routed) {
        made[0] = pe.baselineForNow(dag);
        sum.add(made[0]);
        addClassLoads(pe, made[0], classes, classLoad);
      }
      Supplier<DestinationBaseline> baseline = () -> made[0] != null ? made[0]
          : (made[0] = pe.baselineForNow(dag));
      for (int i = 0; i < sc.size(); i++) {
        if (compose && pairs.composes(i)) {
          ws.evaluate(baseline.get(), i, sc.get(i).mask(), states.get(i));
        } else {
          Evaluator.evaluatePair(pe, dag, baseline, sc.get(i).mask(), strategy, states.get(i),
              classes != null);
        }
      }
    }
    return List.of(FusedPart.of(sum.load(), classLoad, sum.lost(), count, indexSum, states)).iterator();
  }

  /**
   * A task's per-class base loads ({@code [class x arcs + arc]}, Gbps), empty without classes
   * (null); sets {@code pe}'s classes.
   */
  private static double[] classLoads(PairEvaluator pe, ClassInput classes) {
    if (classes == null) {
      return new double[0];
    }
    pe.withClasses(classes.shares());
    return new double[classes.classes().count() * pe.base().arcCount()];
  }

  /** Adds one destination's per-class base loads: one push carrying every class. */
  private static void addClassLoads(PairEvaluator pe, DestinationBaseline b, ClassInput classes,
      double[] classLoad) {
    if (classes != null) {
      int arcs = pe.base().arcCount();
      pe.pushClassLoads(b, classes.shares(), (c, a, g) -> classLoad[c * arcs + a] += g);
    }
  }

  /**
   * The scenarios of {@code review --survive} ({@link SurvivalRun}): incremental, and with
   * {@code store} from its DAGs and loads in the fused plan, as a warm review; without, as a
   * sweep, with {@code classes} (not with a store) as a sweep with classes.
   */
  static Result runSurvive(Cluster cluster, Network base, List<Scenario> scenarios,
      int partitions, Consumer<String> lap, Optional<Opened> store,
      Optional<ClassInput> classes) {
    Optional<Stored> stored = store.map(o -> new Stored(BaselineStore.destinations(cluster, o),
        CompletableFuture.supplyAsync(() -> BaselineStore.baseline(cluster, o, base)), o));
    return timed(cluster, times -> run(cluster, "survive", base, scenarios,
        Evaluator.Strategy.INCREMENTAL, partitions, times, lap, stored, Optional.empty(),
        PairComposition.none(), classes));
  }

  /** A review's outcome: its report and the baseline it was measured against. */
  public record Review(ImpactReport report, Baseline baseline) {}

  /**
   * A review: the evaluation of one scenario, assembled on the driver; evaluated where {@code
   * local} says when the master is local ({@link #reviewOnDriver}), as Spark tasks otherwise:
   * the same tasks either way. With an {@code overlay} (traffic engineering) prepared for this
   * one scenario. With {@code store} (checked against {@code base} by the caller), each
   * destination's base DAG and the base loads are read from the stored baseline instead of
   * routing the base: the same rules and per-pair code on the same DAGs, so the same report
   * (loads equal within rounding: the sums run in another order); not with an overlay.
   */
  public static Review review(Cluster cluster, String runId, String snapshotId, Network base,
      Scenario scenario, Thresholds th, Consumer<String> lap, Overlay overlay,
      Optional<Opened> store, LocalReview local) {
    if (store.isPresent() && !overlay.isNone()) {
      throw new IllegalArgumentException("a review from a stored baseline takes no overlay "
          + "(traffic engineering)");
    }
    java.util.OptionalInt threads = local == LocalReview.DRIVER ? cluster.localThreads()
        : java.util.OptionalInt.empty();
    if (threads.isPresent()) {
      Tuple2<ScenarioState, Baseline> d = reviewOnDriver(cluster, base, scenario, store,
          threads.getAsInt(), lap);
      // As Result.with: the overlay's loads join the baseline, then it finishes the state.
      overlay.addBaseline(d._2().load());
      overlay.finish(0, d._1());
      return new Review(overlay.rows(runId, 0, new Assembler(base, d._2(), th)
          .assemble(runId, snapshotId, scenario, d._1())), d._2());
    }
    Optional<Stored> stored = store.map(o -> new Stored(BaselineStore.destinations(cluster, o),
        CompletableFuture.supplyAsync(() -> BaselineStore.baseline(cluster, o, base)), o));
    if (stored.isPresent()) {
      lap.accept("read baseline");
    }
    Result r = timed(cluster, times -> run(cluster, "review", base, List.of(scenario),
        Evaluator.Strategy.INCREMENTAL, 4 * cluster.parallelism(), times, lap, stored,
        Optional.empty(), PairComposition.none(), Optional.empty())).with(overlay);
    ScenarioState state = r.onDriver().isEmpty() ? r.states().values().first()
        : r.onDriver().get(0);
    r.release();
    return new Review(overlay.rows(runId, 0, new Assembler(base, r.baseline(), th)
        .assemble(runId, snapshotId, scenario, state)), r.baseline());
  }

  /** Something made per scenario beside its report, from the view of its change. */
  @FunctionalInterface
  public interface PerScenario<X> extends java.io.Serializable {
    X of(Network base, Scenario scenario, MaskedView after);
  }

  /**
   * The assembled sweep: every scenario's report with its {@code extra} (read from the
   * persisted parts {@code held}: call {@link #release}), and the worst case per base arc over
   * all scenarios.
   */
  public record Assembly<X>(JavaRDD<Tuple2<ImpactReport, X>> scenarios, WorstCase worstCase,
      JavaRDD<?> held) {
    public void release() {
      held.unpersist(false);
    }
  }

  /** What one task of the assembly pass returns: its scenarios and their worst case. */
  record AssembledPart<X>(ArrayList<Tuple2<ImpactReport, X>> scenarios,
      WorstCase worst) implements java.io.Serializable {}

  /**
   * Every scenario's report (and {@code extra}), assembled on the executor that holds its
   * merged state: one {@link Assembler} and one view per task, each scenario's mask shown on
   * it in turn; the same pass folds each scenario's arcs into the task's {@link WorstCase},
   * and the tasks' worst cases merge with a tree reduce.
   */
  public static <X> Assembly<X> assemble(JavaSparkContext jsc, Result r, String runId,
      String snapshotId, Thresholds th, PerScenario<X> extra) {
    return assemble(jsc, r, runId, snapshotId, th, extra, new java.util.BitSet());
  }

  /**
   * The same, the scenarios of {@code bareIfSafe} (by index) reduced to their summary when
   * SAFE ({@link Assembler#assemble(String, String, Scenario, ScenarioState, WorstCase,
   * boolean)}): a sweep's pairs of failures, which are listed only when not SAFE.
   */
  public static <X> Assembly<X> assemble(JavaSparkContext jsc, Result r, String runId,
      String snapshotId, Thresholds th, PerScenario<X> extra, java.util.BitSet bareIfSafe) {
    Broadcast<Network> baseBc = r.base();
    Broadcast<ArrayList<Scenario>> scenariosBc = r.scenarios();
    Broadcast<Baseline> baselineBc = jsc.broadcast(r.baseline());
    // Null without classes (a closure cannot capture an Optional).
    Broadcast<ClassService> classesBc = r.classes().map(jsc::broadcast).orElse(null);
    Overlay overlay = r.overlay();
    JavaRDD<AssembledPart<X>> parts = r.states().mapPartitions(it -> {
      Network b = baseBc.value();
      Assembler asm = new Assembler(b, baselineBc.value(), th,
          Optional.ofNullable(classesBc).map(Broadcast::value));
      MaskedView view = MaskedView.of(b);
      WorstCase worst = new WorstCase(b.arcCount());
      ArrayList<Tuple2<ImpactReport, X>> rows = new ArrayList<>();
      // In increasing scenario index, as the worst case folds them.
      List<Tuple2<Integer, ScenarioState>> states = new ArrayList<>();
      it.forEachRemaining(states::add);
      states.sort(java.util.Comparator.comparing(Tuple2::_1));
      for (Tuple2<Integer, ScenarioState> e : states) {
        Scenario sc = scenariosBc.value().get(e._1());
        ImpactReport report = overlay.rows(runId, e._1(),
            asm.assemble(runId, snapshotId, sc, e._2(), worst, bareIfSafe.get(e._1())));
        rows.add(new Tuple2<>(report, extra.of(b, sc, view.show(sc.mask()))));
      }
      return List.of(new AssembledPart<>(rows, worst)).iterator();
      // Kept as objects: every table written reads the reports again, and reading them back
      // from bytes (every row's strings) costs more than the objects' room; what does not fit
      // goes to disk, serialized.
    }).persist(StorageLevel.MEMORY_AND_DISK());
    WorstCase worst = parts.map(AssembledPart::worst).treeReduce(WorstCase::merge)
        .withBaseline(baseBc.value(), r.baseline().load(), th);
    return new Assembly<>(parts.flatMap(p -> p.scenarios().iterator()), worst, parts);
  }

  /** Per destination: pairs selected by the rules and DAG size; and the baseline loads. */
  private record Survey(int[] dsts, int[] selected, int[] dagSize, double[] weight,
      Baseline baseline, double[] classLoad)
      implements java.io.Serializable {}

  private record SurveyPart(int[] dsts, int[] selected, int[] dagSize, double[] weight,
      double[] load,
      double lost, Sparse classLoad) implements java.io.Serializable {}

  /**
   * Per destination the pairs the rules select and the DAG size, with the base loads (and,
   * with {@code classesBc}, null without, the per-class base loads) summed on the way.
   */
  private static Survey survey(JavaRDD<StoredDag> dist, Broadcast<Network> baseBc,
      Broadcast<ArrayList<Scenario>> scenariosBc, Evaluator.Strategy strategy,
      Broadcast<PairComposition> pairsBc, Broadcast<ClassInput> classesBc) {
    List<SurveyPart> parts = dist.mapPartitions(it -> {
      Network b = baseBc.value();
      PairEvaluator pe = new PairEvaluator(b);
      ClassInput classes = classesBc == null ? null : classesBc.value();
      double[] classLoad = classLoads(pe, classes);
      PairComposition.Workspace ws = pairsBc.value().workspace(pe);
      List<Scenario> sc = scenariosBc.value();
      BaselineLoads.Sum sum = new BaselineLoads.Sum(b.arcCount());
      List<int[]> rows = new ArrayList<>();
      it.unimi.dsi.fastutil.doubles.DoubleArrayList weights =
          new it.unimi.dsi.fastutil.doubles.DoubleArrayList();
      while (it.hasNext()) {
        StoredDag e = it.next();
        DestinationBaseline db = pe.baselineForNow(pe.dagForNow(e));
        sum.add(db);
        addClassLoads(pe, db, classes, classLoad);
        int hits = strategy == Evaluator.Strategy.FULL ? sc.size()
            : ws.affected(db.dag(), sc).length;
        rows.add(new int[] {e.destination(), hits, db.dag().reached()});
        // Per selected scenario, its estimated cost in repairs (composed pairs are cheaper).
        weights.add(strategy == Evaluator.Strategy.FULL || hits == 0 ? 1.0
            : ws.lastCost() / hits);
      }
      int[] d = new int[rows.size()];
      int[] h = new int[rows.size()];
      int[] g = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        d[i] = rows.get(i)[0];
        h[i] = rows.get(i)[1];
        g[i] = rows.get(i)[2];
      }
      return List.of(new SurveyPart(d, h, g, weights.toDoubleArray(), sum.load(), sum.lost(),
          Sparse.of(classLoad))).iterator();
    }).collect();
    int n = parts.stream().mapToInt(x -> x.dsts().length).sum();
    int[] dsts = new int[n];
    int[] sel = new int[n];
    int[] dag = new int[n];
    double[] weight = new double[n];
    BaselineLoads.Sum total = new BaselineLoads.Sum(baseBc.value().arcCount());
    double[] classLoad = new double[classesBc == null ? 0
        : classesBc.value().classes().count() * baseBc.value().arcCount()];
    int i = 0;
    for (SurveyPart sp : parts) {
      sp.classLoad().addTo(classLoad);
      for (int k = 0; k < sp.dsts().length; k++, i++) {
        dsts[i] = sp.dsts()[k];
        sel[i] = sp.selected()[k];
        dag[i] = sp.dagSize()[k];
        weight[i] = sp.weight()[k];
      }
      total.add(sp.load(), sp.lost());
    }
    return new Survey(dsts, sel, dag, weight, new Baseline(total.load(), total.lost()),
        classLoad);
  }

  /**
   * Each state as its flat bytes ({@link ScenarioState#write}). O(their size). The byte
   * streams are fastutil's unsynchronized ones: the JDK's take a lock per byte of every int
   * written or read, and a sweep ships millions of them.
   */
  private static Iterator<Tuple2<Integer, byte[]>> flat(
      Iterator<Tuple2<Integer, ScenarioState>> states) throws java.io.IOException {
    List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
    it.unimi.dsi.fastutil.io.FastByteArrayOutputStream bytes =
        new it.unimi.dsi.fastutil.io.FastByteArrayOutputStream();
    java.io.DataOutputStream data = new java.io.DataOutputStream(bytes);
    while (states.hasNext()) {
      Tuple2<Integer, ScenarioState> t = states.next();
      bytes.reset();
      t._2().write(data);
      data.flush();
      out.add(new Tuple2<>(t._1(), Arrays.copyOf(bytes.array, bytes.length)));
    }
    return out.iterator();
  }

  /**
   * One slice's merged states: the parts of its scenarios (as {@link #flat} wrote them) read
   * and merged per scenario, and an empty state for each scenario of the slice no task
   * touched, so that every scenario has one. O(the parts' size + scenarios / slices).
   */
  private static Iterator<Tuple2<Integer, ScenarioState>> merged(
      Iterator<Tuple2<Integer, byte[]>> parts, org.apache.spark.Partitioner bySlice,
      int scenarios) throws java.io.IOException {
    Map<Integer, ScenarioState> acc = new HashMap<>();
    while (parts.hasNext()) {
      Tuple2<Integer, byte[]> t = parts.next();
      ScenarioState part = ScenarioState.read(new java.io.DataInputStream(
          new it.unimi.dsi.fastutil.io.FastByteArrayInputStream(t._2())));
      acc.merge(t._1(), part, ScenarioState::merge);
    }
    int slice = org.apache.spark.TaskContext.getPartitionId();
    List<Tuple2<Integer, ScenarioState>> out = new ArrayList<>();
    for (int i = 0; i < scenarios; i++) {
      if (bySlice.getPartition(i) == slice) {
        ScenarioState st = acc.get(i);
        out.add(new Tuple2<>(i, st == null ? new ScenarioState(i) : st));
      }
    }
    return out.iterator();
  }

  private static Iterator<Tuple2<Integer, ScenarioState>> evaluateUnits(
      Iterator<Tuple2<Integer, StoredDag>> it, Network base, List<Scenario> scenarios,
      WorkPlan plan, Evaluator.Strategy strategy, PairComposition pairs, ClassInput classes) {
    PairEvaluator pe = new PairEvaluator(base);
    classLoads(pe, classes);
    PairComposition.Workspace ws = pairs.workspace(pe);
    Map<Integer, ScenarioState> acc = new HashMap<>();
    while (it.hasNext()) {
      Tuple2<Integer, StoredDag> e = it.next();
      Failpoints.hit(ROUTE_UNIT_POINT);
      WorkPlan.Unit u = plan.units.get(e._1());
      DestinationBaseline b = pe.baselineForNow(pe.dagForNow(e._2()));
      int[] hit = strategy == Evaluator.Strategy.FULL
          ? IntStream.range(0, scenarios.size()).toArray() : ws.affected(b.dag(), scenarios);
      for (int k = u.from(); k < u.to(); k++) {
        int sc = hit[k];
        // Straight into the task's state of the scenario, as the fused plan does: a state per
        // pair merged in after cost as much as the repair itself (half the route stage).
        ScenarioState into = acc.computeIfAbsent(sc, ScenarioState::new);
        if (pairs.composes(sc)) {
          ws.evaluate(b, sc, scenarios.get(sc).mask(), into);
        } else {
          Evaluator.evaluatePair(pe, b.dag(), () -> b, scenarios.get(sc).mask(), strategy, into,
              classes != null);
        }
      }
    }
    List<Tuple2<Integer, ScenarioState>> out = new ArrayList<>(acc.size());
    acc.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    return out.iterator();
  }

  /**
   * Runs {@code action} while a daemon thread prints progress every 5 s: the share of the
   * planned cost in finished tasks of the routing stage, as scenarios, rate and ETA.
   */
  private static <T> T withProgress(JavaSparkContext jsc, String kind, TaskTimes times,
      double[] cost, int scenarios, Consumer<String> console, Supplier<T> action) {
    double total = Math.max(1e-9, Arrays.stream(cost).sum());
    return StageProgress.every(console, StageProgress.INTERVAL_MS, secs -> {
      int stage = routeStage(jsc);
      double done = 0;
      if (stage >= 0) {
        for (int part : times.finishedPartitions(stage)) {
          done += part < cost.length ? cost[part] : 0;
        }
      }
      return java.util.Optional.of(routingLine(kind, done / total, scenarios, secs));
    }, action);
  }

  /** The routing progress line: {@code frac} of the work done after {@code secs}. */
  private static String routingLine(String kind, double frac, int scenarios, double secs) {
    double rate = frac * scenarios / secs;
    return String.format("%s: %3.0f%% of the routing work (about %d of %d scenarios), %.1f "
        + "scenarios/s, ETA %s", kind, 100 * frac, Math.round(frac * scenarios), scenarios,
        rate, rate > 0 ? String.format("%.0f s", (1 - frac) * scenarios / rate) : "unknown");
  }

  /** The last stage of the routing job group: the one whose tasks route. -1 if none yet. */
  private static int routeStage(JavaSparkContext jsc) {
    int best = -1;
    for (int job : jsc.statusTracker().getJobIdsForGroup(ROUTE_GROUP)) {
      var info = jsc.statusTracker().getJobInfo(job);
      if (info != null) {
        for (int st : info.stageIds()) {
          best = Math.max(best, st);
        }
      }
    }
    return best;
  }

  private static double routeStraggler(JavaSparkContext jsc, TaskTimes times) {
    int stage = routeStage(jsc);
    return stage < 0 ? Double.NaN : TaskTimes.stragglerRatio(times.durations(stage));
  }
}
