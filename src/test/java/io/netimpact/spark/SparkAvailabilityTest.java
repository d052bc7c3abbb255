package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.availability.Availabilities;
import io.netimpact.availability.Availability;
import io.netimpact.availability.DemandAvailability;
import io.netimpact.availability.FailureScenarios;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.model.Change;
import io.netimpact.model.FailureModel;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Spark runner of availability against the plain-Java one, on a sweep that also lists
 * scenarios of its own (shared failures are evaluated once): the same rows.
 */
@Tag("slow")
class SparkAvailabilityTest {
  @Test
  void sparkRun_equalsThePlainJavaRun_withTheSweepsOwnScenariosBeside() {
    Snapshot s = RandomNetworks.snapshot(21, 9, 15, 20);
    Network base = NetworkCompiler.compile(s);
    FailureScenarios fs = FailureScenarios.of(new FailureModel(Map.of(Sweep.Each.LINK, 0.01,
        Sweep.Each.DEVICE, 0.002, Sweep.Each.SRLG, 0.005), Map.of()), s, 1e-7);
    Sweep.Expansion own = new Sweep("own", List.of(), List.of(new Sweep.Generator(
        Sweep.Each.LINK, "link_down", java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty()))).expansion(s);
    FailureScenarios.Joined joined = fs.joinedTo(own);
    assertEquals(own.changes().size() + fs.changes().size() - s.links().size(),
        joined.expansion().changes().size(), "the link failures are shared");
    List<Scenario> scenarios = new ArrayList<>();
    for (Change c : joined.expansion().changes()) {
      scenarios.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
    }
    SparkEvaluator.Result r = SparkEvaluator.run(SparkTestSession.cluster(), "sweep", base,
        scenarios, Evaluator.Strategy.INCREMENTAL, 4, lap -> { });
    Availability spark = AvailabilityRun.run(SparkTestSession.cluster(), r, fs,
        joined.sweepIndex(), "run", 4);
    r.release();
    Availability plain = Availabilities.evaluate("run", base, fs, Evaluator.Strategy.FULL);
    assertEquals(plain.uncovered(), spark.uncovered(), 1e-15);
    assertEquals(plain.rows().size(), spark.rows().size());
    for (int k = 0; k < plain.rows().size(); k++) {
      DemandAvailability p = plain.rows().get(k);
      DemandAvailability x = spark.rows().get(k);
      String what = p.src() + "->" + p.dst();
      assertEquals(p.availability(), x.availability(), 1e-12, what);
      assertEquals(p.expectedUnroutableGbps(), x.expectedUnroutableGbps(), 1e-12, what);
      assertEquals(p.worstScenarioId(), x.worstScenarioId(), what);
    }
  }
}
