package io.netimpact.job;

import io.netimpact.impact.ImpactEngine;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.SweepEngine;
import io.netimpact.impact.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.routing.ChangeApplier;
import io.netimpact.routing.Delta;
import io.netimpact.routing.EcmpRouter;
import io.netimpact.routing.IncrementalRouter;
import io.netimpact.routing.Network;
import io.netimpact.topology.Components;
import io.netimpact.topology.Stranding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The sweep on Spark.
 *
 * <p>Incremental: the base network and the scenario list are broadcast once; each scenario's
 * {@link Delta} is computed once; each destination's baseline distances are computed once and
 * cached by destination (memory, spilling to disk). A survey pass applies the rules to every
 * (scenario, destination) pair and sums the baseline loads; the {@link WorkPlan} then cuts the
 * selected pairs into units and places them on partitions by cost. Each task repairs its
 * units' pairs, pre-merging partials per scenario; a reduce by scenario merges them; each
 * scenario's report is assembled where its partial lands.
 *
 * <p>Full: every scenario is reviewed from scratch ({@link ImpactEngine#review}), scenarios
 * spread evenly over tasks: the reference.
 */
public final class SparkSweep {
  static final String ROUTE_GROUP = "netimpact-sweep-route";
  static final String UNIT_DELAY_PROPERTY = "netimpact.test.unitDelayMs";

  private SparkSweep() {}

  /** How scenarios are evaluated. */
  public enum Strategy { INCREMENTAL, FULL }

  /**
   * Reports and {@code scenario_topology} rows (both read from one persisted pass: call
   * {@link #release} when done), the baseline, and what the run measured.
   */
  public record Result(JavaRDD<Tuple2<ImpactReport, Row>> scenarios,
      SweepEngine.Baseline baseline, long pairsTotal, long pairsRecomputed,
      double stragglerRatio, int routeTasks, double predictedImbalance) {

    public JavaRDD<ImpactReport> reports() {
      return scenarios.map(Tuple2::_1);
    }

    /** One {@code scenario_topology} row per scenario. */
    public JavaRDD<Row> topology() {
      return scenarios.map(Tuple2::_2);
    }

    public void release() {
      scenarios.unpersist(false);
    }
  }

  /**
   * The two results of one scenario, made from its after network, which is built once: the
   * report and the topology row (components, stranding against the baseline components).
   */
  private static Tuple2<ImpactReport, Row> scenario(String runId, Network base,
      Components before, Change c, java.util.function.Function<Network, ImpactReport> report) {
    Network after = ChangeApplier.apply(base, c);
    return new Tuple2<>(report.apply(after), SparkTopology.scenarioRow(runId, c.id(),
        Stranding.between(base, before, after)));
  }

  public static Result run(JavaSparkContext jsc, String runId, String snapshotId, Network base,
      List<Change> changes, Components components, Thresholds th, Strategy strategy,
      int partitions, TaskTimes times, PrintStream console, Stopwatch sw) {
    int s = changes.size();
    Broadcast<Network> baseBc = jsc.broadcast(base);
    Broadcast<ArrayList<Change>> changesBc = jsc.broadcast(new ArrayList<>(changes));
    Broadcast<Components> componentsBc = jsc.broadcast(components);
    List<Integer> scenarioIds = IntStream.range(0, s).boxed().toList();
    List<Integer> dstIds = Arrays.stream(base.destinations()).boxed().toList();
    int p = Math.max(1, partitions);

    // The baseline: one Dijkstra per destination, cached by destination.
    JavaPairRDD<Integer, long[]> dist = jsc.parallelize(dstIds, Math.min(p, Math.max(1,
        dstIds.size()))).mapPartitionsToPair(it -> {
          Network b = baseBc.value();
          EcmpRouter r = new EcmpRouter(b.nodeCount());
          List<Tuple2<Integer, long[]>> out = new ArrayList<>();
          while (it.hasNext()) {
            int t = it.next();
            r.shortestPaths(b, t);
            out.add(new Tuple2<>(t, r.distancesCopy()));
          }
          return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());

    if (strategy == Strategy.FULL) {
      SweepEngine.Baseline baseline = survey(dist, baseBc, null).baseline;
      sw.lap("baseline");
      jsc.setJobGroup(ROUTE_GROUP, "sweep: full recompute", false);
      JavaRDD<Tuple2<ImpactReport, Row>> reports = jsc.parallelize(scenarioIds,
          Math.min(p, Math.max(1, s))).mapPartitions(it -> {
            Network b = baseBc.value();
            List<Tuple2<ImpactReport, Row>> out = new ArrayList<>();
            while (it.hasNext()) {
              Change c = changesBc.value().get(it.next());
              out.add(scenario(runId, b, componentsBc.value(), c, after -> ImpactEngine.review(
                  runId, snapshotId, b, new Scenario(c.id(), c.title(), after), th)));
            }
            return out.iterator();
          }).persist(StorageLevel.MEMORY_AND_DISK_SER());
      double[] cost = new double[Math.min(p, Math.max(1, s))];
      Arrays.fill(cost, 1.0);
      long count = withProgress(jsc, times, cost, s, console, reports::count);
      jsc.clearJobGroup();
      dist.unpersist(false);
      sw.lap("route");
      return new Result(reports, baseline, (long) s * dstIds.size(),
          (long) count * dstIds.size(), routeStraggler(jsc, times), cost.length, 1.0);
    }

    List<Delta> deltas = jsc.parallelize(scenarioIds, Math.min(p, Math.max(1, s))).map(i -> {
      Network b = baseBc.value();
      return Delta.between(b, ChangeApplier.apply(b, changesBc.value().get(i)));
    }).collect();
    Broadcast<ArrayList<Delta>> deltasBc = jsc.broadcast(new ArrayList<>(deltas));
    sw.lap("deltas");

    Survey survey = survey(dist, baseBc, deltasBc);
    int[] dsts = survey.dsts;
    long selected = Arrays.stream(survey.selected).asLongStream().sum();
    WorkPlan plan = WorkPlan.of(dsts, survey.selected, survey.dagSize, p, base.nodeCount());
    Broadcast<WorkPlan> planBc = jsc.broadcast(plan);
    sw.lap("baseline+rules");

    jsc.setJobGroup(ROUTE_GROUP, "sweep: incremental routing", false);
    JavaPairRDD<Integer, SweepEngine.ScenarioPartial> partials = dist
        .flatMapToPair(e -> {
          List<Tuple2<Integer, long[]>> out = new ArrayList<>();
          for (int u : planBc.value().unitsByDst[e._1()]) {
            out.add(new Tuple2<>(u, e._2()));
          }
          return out.iterator();
        })
        .partitionBy(new WorkPlan.UnitPartitioner(plan))
        .mapPartitionsToPair(it -> routeUnits(it, baseBc.value(), changesBc.value(),
            deltasBc.value(), planBc.value()))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    withProgress(jsc, times, plan.partitionCost, s, console, partials::count);
    jsc.clearJobGroup();
    double straggler = routeStraggler(jsc, times);
    sw.lap("route");

    Broadcast<SweepEngine.Baseline> baselineBc = jsc.broadcast(survey.baseline);
    JavaRDD<Tuple2<ImpactReport, Row>> reports = jsc.parallelize(scenarioIds,
        Math.min(p, Math.max(1, s))).mapToPair(i -> new Tuple2<>(i, new SweepEngine.ScenarioPartial(i)))
        .union(partials)
        .reduceByKey(SweepEngine.ScenarioPartial::merge, Math.min(p, Math.max(1, s)))
        .mapPartitions(it -> {
          Network b = baseBc.value();
          List<Tuple2<ImpactReport, Row>> out = new ArrayList<>();
          while (it.hasNext()) {
            Tuple2<Integer, SweepEngine.ScenarioPartial> e = it.next();
            Change c = changesBc.value().get(e._1());
            out.add(scenario(runId, b, componentsBc.value(), c, after -> SweepEngine.assemble(
                runId, snapshotId, b, baselineBc.value(), new Scenario(c.id(), c.title(), after),
                e._2(), th)));
          }
          return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK_SER());
    reports.count();
    partials.unpersist(false);
    dist.unpersist(false);
    sw.lap("assemble");
    return new Result(reports, survey.baseline, (long) s * dsts.length, selected, straggler,
        plan.partitionCost.length, plan.predictedImbalance());
  }

  /** Per destination: pairs selected by the rules and DAG size; and the baseline loads. */
  private record Survey(int[] dsts, int[] selected, int[] dagSize,
      SweepEngine.Baseline baseline) implements java.io.Serializable {}

  private record SurveyPart(int[] dsts, int[] selected, int[] dagSize, double[] load,
      double lost) implements java.io.Serializable {}

  private static Survey survey(JavaPairRDD<Integer, long[]> dist, Broadcast<Network> baseBc,
      Broadcast<ArrayList<Delta>> deltasBc) {
    List<SurveyPart> parts = dist.mapPartitions(it -> {
      Network b = baseBc.value();
      IncrementalRouter r = new IncrementalRouter(b);
      double[] load = new double[b.arcCount()];
      double lost = 0;
      List<int[]> rows = new ArrayList<>();
      while (it.hasNext()) {
        Tuple2<Integer, long[]> e = it.next();
        r.setDestination(e._1(), e._2());
        r.addBaselineLoads(load);
        lost += r.baselineLost();
        int hits = deltasBc == null ? 0 : SweepEngine.affected(r, deltasBc.value()).length;
        rows.add(new int[] {e._1(), hits, IncrementalRouter.dagSize(e._2())});
      }
      int[] d = new int[rows.size()];
      int[] h = new int[rows.size()];
      int[] g = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        d[i] = rows.get(i)[0];
        h[i] = rows.get(i)[1];
        g[i] = rows.get(i)[2];
      }
      return List.of(new SurveyPart(d, h, g, load, lost)).iterator();
    }).collect();
    int n = parts.stream().mapToInt(x -> x.dsts().length).sum();
    int[] dsts = new int[n];
    int[] sel = new int[n];
    int[] dag = new int[n];
    double[] load = null;
    double lost = 0;
    int i = 0;
    for (SurveyPart sp : parts) {
      for (int k = 0; k < sp.dsts().length; k++, i++) {
        dsts[i] = sp.dsts()[k];
        sel[i] = sp.selected()[k];
        dag[i] = sp.dagSize()[k];
      }
      if (load == null) {
        load = sp.load().clone();
      } else {
        for (int a = 0; a < load.length; a++) {
          load[a] += sp.load()[a];
        }
      }
      lost += sp.lost();
    }
    if (load == null) {
      load = new double[baseBc.value().arcCount()];
    }
    return new Survey(dsts, sel, dag, new SweepEngine.Baseline(load, lost));
  }

  /** One task: its units, scenario partials pre-merged per scenario. */
  private static Iterator<Tuple2<Integer, SweepEngine.ScenarioPartial>> routeUnits(
      Iterator<Tuple2<Integer, long[]>> it, Network base, List<Change> changes,
      List<Delta> deltas, WorkPlan plan) {
    IncrementalRouter router = new IncrementalRouter(base);
    EcmpRouter fresh = new EcmpRouter(base.nodeCount());
    Map<Integer, SweepEngine.ScenarioPartial> acc = new HashMap<>();
    // Changes that may shorten paths are routed on their materialized network; keep a few.
    Map<Integer, Network> afterCache = new java.util.LinkedHashMap<>(8, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Network> eldest) {
        return size() > 4;
      }
    };
    // Test hook (executor-loss test): slows each unit so that a test can kill an executor
    // while the routing stage runs. Unset in production.
    long delayMs = Long.getLong(UNIT_DELAY_PROPERTY, 0L);
    while (it.hasNext()) {
      Tuple2<Integer, long[]> e = it.next();
      if (delayMs > 0) {
        try {
          Thread.sleep(delayMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", ie);
        }
      }
      WorkPlan.Unit u = plan.units.get(e._1());
      router.setDestination(u.dst(), e._2());
      int[] hit = SweepEngine.affected(router, deltas);
      int[] slice = Arrays.copyOfRange(hit, u.from(), u.to());
      SweepEngine.runUnit(router, fresh, slice, deltas,
          i -> afterCache.computeIfAbsent(i, k -> ChangeApplier.apply(base, changes.get(k))),
          part -> acc.merge(part.scenario(), part, SweepEngine.ScenarioPartial::merge));
    }
    List<Tuple2<Integer, SweepEngine.ScenarioPartial>> out = new ArrayList<>(acc.size());
    acc.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    return out.iterator();
  }

  /**
   * Runs {@code action} while a daemon thread prints progress every 5 s: the share of the
   * planned cost in finished tasks of the routing stage, as scenarios, rate and ETA.
   */
  private static <T> T withProgress(JavaSparkContext jsc, TaskTimes times, double[] cost,
      int scenarios, PrintStream console, java.util.function.Supplier<T> action) {
    double total = Math.max(1e-9, Arrays.stream(cost).sum());
    long start = System.nanoTime();
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(5000);
          int stage = routeStage(jsc);
          double done = 0;
          if (stage >= 0) {
            for (int part : times.finishedPartitions(stage)) {
              done += part < cost.length ? cost[part] : 0;
            }
          }
          double frac = done / total;
          double secs = (System.nanoTime() - start) / 1e9;
          double rate = frac * scenarios / secs;
          console.printf("sweep: %3.0f%% of the routing work (about %d of %d scenarios), "
              + "%.1f scenarios/s, ETA %s%n", 100 * frac, Math.round(frac * scenarios),
              scenarios, rate, rate > 0 ? String.format("%.0f s",
                  (1 - frac) * scenarios / rate) : "unknown");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "netimpact-progress");
    t.setDaemon(true);
    t.start();
    try {
      return action.get();
    } finally {
      t.interrupt();
    }
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
