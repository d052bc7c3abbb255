package io.netimpact.impact;

import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routes.PairResult;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one scenario evaluator: a review is a sweep of one scenario. For every destination the
 * base is routed once ({@link PairEvaluator#baseline}); each (scenario, destination) pair the
 * incremental rules select is repaired or rerouted into that scenario's {@link
 * ScenarioState}; the {@link Assembler} makes the rows. The Spark runner does the same steps
 * spread over tasks and merges the same states with a reduce.
 *
 * <p>{@link Strategy#FULL} reroutes every pair from scratch: the reference the incremental
 * strategy is checked against. O(D E log V) for the baseline plus, per selected pair, the
 * repaired region (increase-only changes) or O(E log V).
 */
public final class Evaluator {
  private Evaluator() {}

  /** How pairs are evaluated. */
  public enum Strategy {
    /** Only the pairs the rules select; increase-only changes repaired in place. */
    INCREMENTAL,
    /** Every pair rerouted from scratch: the reference. */
    FULL
  }

  /** What one pair contributes to one scenario's state. O(see class comment). */
  public static void evaluatePair(PairEvaluator pe, DestinationBaseline b, ScenarioMask mask,
      Strategy strategy, ScenarioState into) {
    evaluatePair(pe, b.dag(), () -> b, mask, strategy, into);
  }

  /**
   * The same for a destination known by its base DAG: the rules read the DAG alone, and
   * {@code baseline} (the DAG's path statistics and loads, O(V + E), which the caller may make
   * once and keep) is asked for only when the pair is evaluated. A destination no pair selects
   * so costs the rule check and nothing else. O(changed elements) plus the pair's evaluation.
   */
  public static void evaluatePair(PairEvaluator pe, DestinationDag dag,
      Supplier<DestinationBaseline> baseline, ScenarioMask mask, Strategy strategy,
      ScenarioState into) {
    evaluatePair(pe, dag, baseline, mask, strategy, into, false);
  }

  /**
   * The same, also adding the pair's per-class load deltas into {@code into} when {@code
   * classes} (the evaluator's classes set by {@link PairEvaluator#withClasses}): one evaluation,
   * its distances before and after carrying every class in one push each.
   */
  public static void evaluatePair(PairEvaluator pe, DestinationDag dag,
      Supplier<DestinationBaseline> baseline, ScenarioMask mask, Strategy strategy,
      ScenarioState into, boolean classes) {
    if (strategy == Strategy.FULL || pe.affects(dag, mask)) {
      LoadSink sink = into::addLoad;
      boolean incremental = strategy == Strategy.INCREMENTAL;
      PairResult r = classes
          ? pe.evaluate(baseline.get(), mask, incremental, sink, into::addClassLoad)
          : pe.evaluate(baseline.get(), mask, incremental, sink);
      into.add(r);
    }
  }

  /** The whole evaluation in the calling thread: the reference for the Spark path. */
  public static List<ImpactReport> evaluate(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Strategy strategy, Thresholds th) {
    return evaluate(runId, snapshotId, base, scenarios, strategy, th, null);
  }

  /** The evaluation, folding every scenario into {@code worst} when it is not null. */
  public static List<ImpactReport> evaluate(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Strategy strategy, Thresholds th, WorstCase worst) {
    return evaluate(runId, snapshotId, base, scenarios, strategy, th, worst, Overlay.NONE);
  }

  /**
   * The evaluation with an {@link Overlay} (traffic engineering) whose loads join the
   * baseline and whose changes finish each scenario's state before assembly.
   */
  public static List<ImpactReport> evaluate(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Strategy strategy, Thresholds th, WorstCase worst,
      Overlay overlay) {
    return evaluated(runId, snapshotId, base, scenarios, strategy, th, worst, overlay,
        java.util.Optional.empty(), PairComposition.none()).reports();
  }

  /**
   * The evaluation with the pairs of {@code pairs} evaluated per destination from their two
   * singles ({@link PairComposition}, incremental strategy only): the same reports.
   */
  public static List<ImpactReport> evaluate(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Strategy strategy, Thresholds th, WorstCase worst,
      Overlay overlay, PairComposition pairs) {
    return evaluated(runId, snapshotId, base, scenarios, strategy, th, worst, overlay,
        java.util.Optional.empty(), pairs).reports();
  }

  /**
   * The evaluation with classes of service when {@code classes} is present
   * (docs/classes.md): the base's per-class loads from one push per destination carrying
   * every class, each pair's per-class deltas from its one evaluation, then strict-priority
   * service, {@code class_impact} rows and the class verdict at assembly. Classes are not
   * modelled together with traffic engineering (an {@code overlay} other than NONE).
   * O(the evaluation without classes + (D + the evaluated pairs) x DAG x classes).
   */
  public static List<ImpactReport> evaluate(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Strategy strategy, Thresholds th, WorstCase worst,
      Overlay overlay, java.util.Optional<ClassInput> classes) {
    return evaluated(runId, snapshotId, base, scenarios, strategy, th, worst, overlay, classes,
        PairComposition.none()).reports();
  }

  /** Every scenario's report, and the baseline they were measured against. */
  public record Evaluated(List<ImpactReport> reports, Baseline baseline) {}

  /**
   * {@link #evaluate(String, String, Network, List, Strategy, Thresholds, WorstCase, Overlay,
   * java.util.Optional)}, keeping the baseline; the pairs of {@code pairs} are composed from
   * their singles when there are no classes (composition carries no per-class deltas).
   */
  public static Evaluated evaluated(String runId, String snapshotId, Network base,
      List<Scenario> scenarios, Strategy strategy, Thresholds th, WorstCase worst,
      Overlay overlay, java.util.Optional<ClassInput> classes, PairComposition pairs) {
    if (classes.isPresent() && overlay != Overlay.NONE) {
      throw new IllegalArgumentException("classes of service are not modelled with traffic "
          + "engineering");
    }
    PairEvaluator pe = new PairEvaluator(base);
    boolean withClasses = classes.isPresent();
    int arcs = base.arcCount();
    double[] classLoad = new double[withClasses ? classes.get().classes().count() * arcs : 0];
    io.netimpact.routes.ClassSink classSink = (c, a, g) -> classLoad[c * arcs + a] += g;
    if (withClasses) {
      pe.withClasses(classes.get().shares());
    }
    PairComposition.Workspace ws = pairs.workspace(pe);
    ScenarioState[] states = new ScenarioState[scenarios.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = new ScenarioState(i);
    }
    BaselineLoads.Sum sum = new BaselineLoads.Sum(base.arcCount());
    for (int dst : base.destinations()) {
      DestinationBaseline b = pe.baselineForNow(dst);
      sum.add(b);
      if (withClasses) {
        pe.pushClassLoads(b, classes.get().shares(), classSink);
      }
      for (int i = 0; i < states.length; i++) {
        if (!withClasses && strategy == Strategy.INCREMENTAL && pairs.composes(i)) {
          ws.evaluate(b, i, scenarios.get(i).mask(), states[i]);
        } else {
          evaluatePair(pe, b.dag(), () -> b, scenarios.get(i).mask(), strategy, states[i],
              withClasses);
        }
      }
    }
    overlay.addBaseline(sum.load());
    Baseline baseline = new Baseline(sum.load(), sum.lost());
    Assembler asm = new Assembler(base, baseline, th, classes.map(
        c -> new ClassService(c.classes(), c.shares(), classLoad, arcs)));
    List<ImpactReport> out = new ArrayList<>(states.length);
    for (int i = 0; i < states.length; i++) {
      overlay.finish(i, states[i]);
      out.add(overlay.rows(runId, i,
          asm.assemble(runId, snapshotId, scenarios.get(i), states[i], worst)));
    }
    if (worst != null) {
      worst.withBaseline(base, sum.load(), th);
    }
    return new Evaluated(out, baseline);
  }

  /** A review: the evaluation of one scenario. */
  public static ImpactReport review(String runId, String snapshotId, Network base,
      Scenario scenario, Strategy strategy, Thresholds th) {
    return evaluate(runId, snapshotId, base, List.of(scenario), strategy, th).get(0);
  }

  /** A review with an overlay prepared for this one scenario (index 0). */
  public static ImpactReport review(String runId, String snapshotId, Network base,
      Scenario scenario, Strategy strategy, Thresholds th, Overlay overlay) {
    return evaluate(runId, snapshotId, base, List.of(scenario), strategy, th, null, overlay)
        .get(0);
  }
}
