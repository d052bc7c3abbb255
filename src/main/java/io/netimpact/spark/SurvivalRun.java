package io.netimpact.spark;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.survival.FailureResult;
import io.netimpact.routing.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
