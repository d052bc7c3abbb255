package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.availability.Availability;
import io.netimpact.availability.FailureScenarios;
import io.netimpact.impact.ClassInput;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.Scenario;
import io.netimpact.model.Change;
import io.netimpact.model.Demand;
import io.netimpact.model.FailureModel;
import io.netimpact.model.ServiceClass;
import io.netimpact.model.ServiceClasses;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.BruteAvailability;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The availability of {@code sweep --failure-model} as the Spark runner computes it (the
 * sweep's evaluation in tasks, with classes from the same push, then {@link AvailabilityRun})
 * against brute force: every failure set reviewed on its own and its probability summed
 * ({@link BruteAvailability}), with and without classes, to 1e-9.
 */
@Tag("slow")
class SparkClassAvailabilityTest {
  private static final ServiceClasses GOLD_BRONZE = ServiceClasses.of(List.of(
      new ServiceClass("gold", 0, true), new ServiceClass("bronze", 1, false)));

  @Test
  void sparkAvailability_equalsBruteForce_withAndWithoutClasses() {
    long seed = 11;
    Snapshot plain = RandomNetworks.snapshot(seed, 7, 11, 14);
    Random r = new Random(seed ^ 0x5eed);
    String[] labels = {"gold", "bronze", "", "gold"};
    List<Demand> ds = new ArrayList<>();
    for (Demand d : plain.demands()) {
      ds.add(new Demand(d.src(), d.dst(), d.gbps(), labels[r.nextInt(labels.length)]));
    }
    Snapshot s = new Snapshot(plain.info(), plain.devices(), plain.links(), ds);
    Network base = NetworkCompiler.compile(s);
    FailureModel m = new FailureModel(Map.of(Sweep.Each.LINK, 0.01, Sweep.Each.SRLG, 0.02,
        Sweep.Each.DEVICE, 0.003, Sweep.Each.SITE, 0.001),
        Map.of("link:" + s.links().get(1).id(), 0.05));
    FailureScenarios fs = FailureScenarios.of(m, s, 0);
    FailureScenarios.Joined joined = fs.joinedTo(new Sweep.Expansion(List.of(),
        new java.util.BitSet()));
    List<Scenario> scenarios = new ArrayList<>();
    for (Change c : joined.expansion().changes()) {
      scenarios.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
    }
    for (Optional<ClassInput> classes : List.of(Optional.<ClassInput>empty(),
        Optional.of(ClassInput.of(GOLD_BRONZE, base, s.demands())))) {
      SparkEvaluator.Result res = SparkEvaluator.run(SparkTestSession.cluster(), "sweep", base,
          scenarios, Evaluator.Strategy.INCREMENTAL, 4, lap -> { }, Optional.empty(),
          PairComposition.none(), classes);
      Availability spark = AvailabilityRun.run(SparkTestSession.cluster(), res, fs,
          joined.sweepIndex(), "run", 4);
      res.release();
      BruteAvailability.Result want = BruteAvailability.of(s, base, m, classes);
      assertEquals(1 - want.covered(), spark.uncovered(), 1e-9);
      for (int k = 0; k < base.demandCount(); k++) {
        String what = classes.isPresent() + " " + spark.rows().get(k).src() + "->"
            + spark.rows().get(k).dst();
        assertEquals(want.availability()[k], spark.rows().get(k).availability(), 1e-9, what);
        assertEquals(want.unroutable()[k], spark.rows().get(k).expectedUnroutableGbps(), 1e-9,
            what);
      }
    }
  }
}
