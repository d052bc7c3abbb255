package io.netimpact.spark;

import io.netimpact.impact.Baseline;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.SurviveComposition;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.store.BaselineFiles;
import io.netimpact.survival.FailureResult;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The scenarios of {@code review --survive} (contract section 7.2) evaluated on the cluster as
 * one sweep (the same runner, rules and assembly as a sweep), each boiled down to what the
 * {@code survival} table shows of it ({@link FailureResult}). With a stored baseline, every
 * destination's base DAG and the base loads are read from the store, as a warm review reads
 * them.
 */
public final class SurvivalRun {
  private SurvivalRun() {}

  /**
   * The results of the change of {@code plan} (or none) then each of its failures, in order,
   * each under {@code failureIds.get(i)}, composed per destination ({@link
   * SurviveComposition}): the base DAGs read from {@code store} or routed, one Dijkstra per
   * destination; {@code baseline} the base loads the review measured against. On the driver's
   * threads when the master is local and {@code onDriver}, as Spark tasks otherwise (one part
   * per task, merged on the driver). O(the composition).
   */
  public static List<FailureResult> composed(Cluster cluster, Network base, Baseline baseline,
      SurviveComposition plan, List<String> failureIds, Thresholds th,
      Optional<BaselineStore.Opened> store, boolean onDriver) {
    if (plan.size() != failureIds.size()) {
      throw new IllegalArgumentException(plan.size() + " failures, " + failureIds.size()
          + " failure ids");
    }
    if (plan.size() == 0) {
      return List.of();
    }
    java.util.OptionalInt threads = onDriver ? cluster.localThreads()
        : java.util.OptionalInt.empty();
    SurviveComposition.Part merged;
    if (threads.isPresent()) {
      List<java.util.concurrent.Callable<SurviveComposition.Part>> tasks = new ArrayList<>();
      if (store.isPresent()) {
        for (org.apache.hadoop.fs.Path f : BaselineStore.destinationFiles(cluster,
            store.get())) {
          tasks.add(() -> part(base, plan, BaselineFiles.readDags(cluster.hadoop(), f)
              .iterator(), (pe, d) -> pe.dagForNow(d)));
        }
      } else {
        int[] dsts = base.destinations();
        int n = Math.max(1, Math.min(dsts.length, 4 * threads.getAsInt()));
        for (int k = 0; k < n; k++) {
          int from = (int) ((long) k * dsts.length / n);
          int to = (int) ((long) (k + 1) * dsts.length / n);
          tasks.add(() -> part(base, plan, java.util.Arrays.stream(dsts, from, to).boxed()
              .iterator(), (pe, t) -> pe.routeForNow(t)));
        }
      }
      merged = plan.part();
      for (SurviveComposition.Part p : LocalTasks.run(threads.getAsInt(), tasks)) {
        merged.merge(p);
      }
    } else {
      Broadcast<Network> baseBc = cluster.jsc().broadcast(base);
      Broadcast<SurviveComposition> planBc = cluster.jsc().broadcast(plan);
      JavaRDD<SurviveComposition.Part> parts = store.isPresent()
          ? BaselineStore.destinations(cluster, store.get()).mapPartitions(it -> List.of(
              part(baseBc.value(), planBc.value(), it, (pe, d) -> pe.dagForNow(d))).iterator())
          : cluster.jsc().parallelize(java.util.Arrays.stream(base.destinations()).boxed()
              .toList(), Math.max(1, 4 * cluster.parallelism())).mapPartitions(it -> List.of(
                  part(baseBc.value(), planBc.value(), it, (pe, t) -> pe.routeForNow(t)))
              .iterator());
      merged = parts.treeReduce(SurviveComposition.Part::merge);
    }
    List<SurviveComposition.Figures> figures = plan.figures(base, baseline, th, merged);
    List<FailureResult> out = new ArrayList<>(figures.size());
    for (int i = 0; i < figures.size(); i++) {
      out.add(FailureResult.of(failureIds.get(i), figures.get(i)));
    }
    return out;
  }

  /**
   * {@link #composed(Cluster, Network, Baseline, SurviveComposition, List, Thresholds,
   * Optional, boolean)} from {@code store}'s DAGs and base loads, on the driver's threads when
   * the master is local.
   */
  public static List<FailureResult> composed(Cluster cluster, Network base,
      SurviveComposition plan, List<String> failureIds, Thresholds th,
      BaselineStore.Opened store) {
    return composed(cluster, base, BaselineStore.baseline(cluster, store, base), plan,
        failureIds, th, Optional.of(store), true);
  }

  /** One task: its destinations' DAGs ({@code dagOf}) added into a part of {@code plan}. */
  private static <T> SurviveComposition.Part part(Network base, SurviveComposition plan,
      java.util.Iterator<T> it, BiFunction<PairEvaluator, T, DestinationDag> dagOf) {
    PairEvaluator pe = new PairEvaluator(base);
    SurviveComposition.Part part = plan.part();
    SurviveComposition.Task task = plan.task(pe, part);
    while (it.hasNext()) {
      task.add(dagOf.apply(pe, it.next()));
    }
    return part;
  }

  /**
   * The result of every scenario of {@code scenarios}, in their order, each under the failure
   * id {@code failureIds.get(i)}. {@code overlay} is the TE overlay the scenarios were made with
   * (or none). O(the sweep of the scenarios).
   */
  public static List<FailureResult> evaluate(Cluster cluster, Network base,
      List<Scenario> scenarios, List<String> failureIds, Thresholds th, Overlay overlay,
      Optional<BaselineStore.Opened> store, Consumer<String> lap) {
    return evaluate(cluster, base, scenarios, failureIds, th, overlay, store, lap,
        Optional.empty());
  }

  /**
   * The same, with classes of service when {@code classes} is present (docs/classes.md): every
   * scenario evaluated as a sweep evaluates it with classes, from the same push, and its
   * severity judged by the class rule ({@link io.netimpact.survival.Severity}). Classes are
   * evaluated from a routed base: not with {@code store}, nor with an overlay.
   */
  public static List<FailureResult> evaluate(Cluster cluster, Network base,
      List<Scenario> scenarios, List<String> failureIds, Thresholds th, Overlay overlay,
      Optional<BaselineStore.Opened> store, Consumer<String> lap,
      Optional<io.netimpact.impact.ClassInput> classes) {
    if (classes.isPresent() && (store.isPresent() || !overlay.isNone())) {
      throw new IllegalArgumentException("classes of service are evaluated from a routed base "
          + "without traffic engineering");
    }
    if (scenarios.size() != failureIds.size()) {
      throw new IllegalArgumentException(scenarios.size() + " scenarios, " + failureIds.size()
          + " failure ids");
    }
    if (scenarios.isEmpty()) {
      return List.of();
    }
    // Scenario ids made unique by their index: a failure is evaluated with and without the
    // change in one run.
    List<Scenario> indexed = new ArrayList<>(scenarios.size());
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      indexed.add(new Scenario(i + ":" + s.id(), s.title(), s.mask()));
    }
    SparkEvaluator.Result r = SparkEvaluator.runSurvive(cluster, base, indexed,
        4 * cluster.parallelism(), lap, store, classes).with(overlay);
    try {
      SparkEvaluator.Assembly<Integer> assembled = SparkEvaluator.assemble(cluster.jsc(), r,
          "survive", "survive", th, (b, sc, view) -> 0);
      try {
        List<Tuple2<String, FailureResult>> rows = assembled.scenarios().map(t -> {
          String id = t._1().summary().scenarioId();
          return new Tuple2<>(id, FailureResult.of(id, t._1()));
        }).collect();
        FailureResult[] out = new FailureResult[scenarios.size()];
        for (Tuple2<String, FailureResult> t : rows) {
          int i = Integer.parseInt(t._1().substring(0, t._1().indexOf(':')));
          FailureResult f = t._2();
          out[i] = new FailureResult(failureIds.get(i), f.severity(), f.maxUtil(),
              f.worstLinkId(), f.strandedGbps());
        }
        return List.of(out);
      } finally {
        assembled.release();
      }
    } finally {
      r.release();
    }
  }
}
