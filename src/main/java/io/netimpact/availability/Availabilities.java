package io.netimpact.availability;

import io.netimpact.impact.ClassInput;
import io.netimpact.impact.ClassService;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioHits;
import io.netimpact.impact.ScenarioState;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import java.util.ArrayList;
import java.util.List;

/**
 * The availability of a failure model's scenarios evaluated in the calling thread: the
 * reference for the Spark runner (spark.AvailabilityRun), which does the same steps where the
 * states are. The scenarios are evaluated by the one evaluator ({@link Evaluator#evaluatePair}),
 * then the same {@link ScenarioHits}, {@link Hazards} and {@link DestinationHits} give the
 * hits. O(the evaluation + the walks of DestinationHits).
 */
public final class Availabilities {
  private Availabilities() {}

  /** The availability of every demand of {@code base} over {@code fs}'s scenarios. */
  public static Availability evaluate(String runId, Network base, FailureScenarios fs,
      Evaluator.Strategy strategy) {
    return evaluate(runId, base, fs, strategy, java.util.Optional.empty());
  }

  /**
   * The same with classes of service when {@code classes} is present: per-class loads from
   * the same evaluation, and a demand hit only where some path of it crosses an arc where one
   * of its classes drops ({@link Hazards#of}).
   */
  public static Availability evaluate(String runId, Network base, FailureScenarios fs,
      Evaluator.Strategy strategy, java.util.Optional<ClassInput> classes) {
    List<Scenario> scenarios = new ArrayList<>();
    fs.changes().forEach(c -> scenarios.add(new Scenario(c.id(), c.title(),
        ScenarioMask.of(base, c))));
    PairEvaluator pe = new PairEvaluator(base);
    ScenarioState[] states = new ScenarioState[scenarios.size()];
    for (int i = 0; i < states.length; i++) {
      states[i] = new ScenarioState(i);
    }
    int arcs = base.arcCount();
    BaselineLoads.Sum sum = new BaselineLoads.Sum(arcs);
    double[] classLoad = new double[classes.map(c -> c.classes().count() * arcs).orElse(0)];
    classes.ifPresent(c -> pe.withClasses(c.shares()));
    for (int dst : base.destinations()) {
      DestinationBaseline b = pe.baselineForNow(dst);
      sum.add(b);
      if (classes.isPresent()) {
        pe.pushClassLoads(b, classes.get().shares(), (c, a, g) -> classLoad[c * arcs + a] += g);
      }
      for (int i = 0; i < states.length; i++) {
        Evaluator.evaluatePair(pe, b.dag(), () -> b, scenarios.get(i).mask(), strategy,
            states[i], classes.isPresent());
      }
    }
    double[] load = sum.load();
    java.util.Optional<ClassService> service = classes.map(c -> new ClassService(c.classes(),
        c.shares(), classLoad, arcs));
    double[] pf = fs.probabilities();
    double[] p = new double[pf.length + 1];
    p[0] = fs.pBase();
    System.arraycopy(pf, 0, p, 1, pf.length);
    List<int[]> over = new ArrayList<>();
    List<long[]> dropping = new ArrayList<>();
    int[] overBefore = ScenarioHits.overBefore(base, load);
    over.add(overBefore);
    dropping.add(new long[0]);
    MaskedView view = MaskedView.of(base);
    for (int i = 0; i < states.length; i++) {
      view.show(scenarios.get(i).mask());
      int[] a = ScenarioHits.overArcs(base, load, overBefore, view, states[i]);
      long[] m = new long[service.isPresent() ? a.length : 0];
      for (int x = 0; x < m.length; x++) {
        m[x] = service.get().droppingAfter(states[i], a[x], view.arcCapacity(a[x]));
      }
      over.add(a);
      dropping.add(m);
    }
    Hazards hz = Hazards.of(p, over, dropping, base, service);
    List<List<DestinationHits.ChangedHit>> byDst = new ArrayList<>();
    for (int t = 0; t < base.nodeCount(); t++) {
      byDst.add(new ArrayList<>());
    }
    for (int i = 0; i < states.length; i++) {
      int j = i + 1;
      view.show(scenarios.get(i).mask());
      for (ScenarioHits.Changed c : ScenarioHits.changed(view, states[i], hz::groupOf,
          g -> hz.dropping(j, g))) {
        byDst.get(base.demandDst(c.demand())).add(new DestinationHits.ChangedHit(j, c));
      }
    }
    Accumulator acc = new Accumulator();
    DestinationHits walk = new DestinationHits(base);
    for (int dst : base.destinations()) {
      walk.fold(dst, hz, byDst.get(dst), acc);
    }
    List<String> ids = new ArrayList<>();
    ids.add(Availability.BASE_ID);
    scenarios.forEach(s -> ids.add(s.id()));
    return Availability.of(runId, base, hz, ids, acc, fs);
  }
}
