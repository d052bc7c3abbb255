package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.SurviveComposition;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.survival.FailureResult;
import io.netimpact.survival.Failures;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import io.netimpact.verdict.Thresholds;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The survival composition run as Spark tasks (parts merged by a tree reduce) and on the
 * driver's threads gives the plain-Java run's results, on a random network with a drain.
 */
class SurviveTasksTest {
  @Test
  @Tag("slow")
  void composedOnSparkTasks_equalsTheDriversThreadsAndPlainJava() {
    Snapshot s = RandomNetworks.snapshot(3, 10, 18, 40);
    Network base = NetworkCompiler.compile(s);
    Change c = new Change("drain", "", List.of(new ChangeOp.SetDrained(
        s.devices().get(2).id(), true)));
    List<Change> fs = Failures.all(base, List.of(Sweep.Each.LINK, Sweep.Each.SRLG,
        Sweep.Each.DEVICE));
    List<ScenarioMask> alone = fs.stream().map(f -> ScenarioMask.of(base, f)).toList();
    List<ScenarioMask> then = fs.stream().map(f -> ScenarioMask.of(base, Sweep.then(c, f)))
        .toList();
    SurviveComposition plan = SurviveComposition.of(base, Optional.of(ScenarioMask.of(base, c)),
        alone, then).orElseThrow();
    List<String> ids = fs.stream().map(Change::id).toList();
    Thresholds th = new Thresholds(0.3);
    var baseline = Evaluator.evaluated("r", "s", base, List.of(), Evaluator.Strategy.FULL, th,
        null, Overlay.NONE, Optional.empty(), PairComposition.none()).baseline();
    List<FailureResult> tasks = SurvivalRun.composed(SparkTestSession.cluster(), base,
        baseline, plan, ids, th, Optional.empty(), false);
    List<FailureResult> driver = SurvivalRun.composed(SparkTestSession.cluster(), base,
        baseline, plan, ids, th, Optional.empty(), true);
    List<SurviveComposition.Figures> plain = plan.figures(base, baseline, th,
        plan.evaluate(base));
    assertEquals(fs.size(), tasks.size());
    for (int i = 0; i < fs.size(); i++) {
      FailureResult p = FailureResult.of(ids.get(i), plain.get(i));
      for (FailureResult x : List.of(tasks.get(i), driver.get(i))) {
        assertEquals(p.severity(), x.severity(), ids.get(i));
        assertEquals(p.worstLinkId(), x.worstLinkId(), ids.get(i));
        assertTrue(Math.abs(p.maxUtil() - x.maxUtil()) <= 1e-9 * Math.max(1, p.maxUtil()),
            ids.get(i));
        assertTrue(Math.abs(p.strandedGbps() - x.strandedGbps()) <= 1e-9
            * Math.max(1, p.strandedGbps()), ids.get(i));
      }
    }
  }
}
