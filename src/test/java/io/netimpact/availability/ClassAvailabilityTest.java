package io.netimpact.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.ClassInput;
import io.netimpact.impact.Evaluator;
import io.netimpact.model.Demand;
import io.netimpact.model.FailureModel;
import io.netimpact.model.ServiceClass;
import io.netimpact.model.ServiceClasses;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.BruteAvailability;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.Topologies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Class-aware availability (contract 7.6 with 7.5): a demand is hit where some path of it
 * crosses an arc where its own class drops; by hand on the square and against brute force
 * (every failure set reviewed on its own) on random networks.
 */
class ClassAvailabilityTest {
  static final ServiceClasses GOLD_BRONZE = ServiceClasses.of(List.of(
      new ServiceClass("gold", 0, true), new ServiceClass("bronze", 1, false)));
  private static final FailureModel LINKS_1PC = new FailureModel(
      Map.of(Sweep.Each.LINK, 0.01), Map.of());

  /**
   * The square (a-b-d, a-c-d, 100 Gbps each), a->d 60 Gbps gold (protected, served first) and
   * b->d 50 Gbps bronze; every link fails with p = 0.01, U = 0.99^4 = 0.96059601, U r =
   * 0.00970299, U r^2 = 0.00009801.
   * <ul>
   *   <li>bd, ac or cd down (and the pair ac+cd): one arc carries gold 60 and bronze 50 = 110:
   *       bronze drops 10, gold nothing. The bronze demand is hit, the gold one is not
   *       (without classes both are: their paths cross an arc over capacity);</li>
   *   <li>ab down: a->d goes a-c-d, b->d stays on bd: nothing over;</li>
   *   <li>pairs that cut a from d (ab+ac, ab+cd, bd+ac, bd+cd) hit gold; those that cut b from
   *       d (ab+bd, bd+ac, bd+cd) hit bronze.</li>
   * </ul>
   * Gold: U + 4 U r + 2 U r^2 = 0.99960399. Bronze: U + U r (ab) + 2 U r^2 (ab+ac, ab+cd) =
   * 0.97049502. Without classes gold is hit like bronze but in the pairs that cut only b:
   * U + U r + U r^2 (ab+bd) = 0.97039701.
   */
  @ParameterizedTest
  @EnumSource(Evaluator.Strategy.class)
  void protectedClassThatDoesNotDrop_isNotHit_whereTheLowerClassOnTheSameArcIs(
      Evaluator.Strategy strategy) {
    Snapshot s = Topologies.square().demand("a", "d", 60, "gold")
        .demand("b", "d", 50, "bronze").snapshot();
    Network base = NetworkCompiler.compile(s);
    FailureScenarios fs = FailureScenarios.of(LINKS_1PC, s, 0);
    Availability with = Availabilities.evaluate("run", base, fs, strategy,
        Optional.of(ClassInput.of(GOLD_BRONZE, base, s.demands())));
    Availability without = Availabilities.evaluate("run", base, fs, strategy);
    assertEquals(0.99960399, row(with, "a", "d").availability(), 1e-15);
    assertEquals(0.97049502, row(with, "b", "d").availability(), 1e-15);
    assertEquals(0.97039701, row(without, "a", "d").availability(), 1e-15);
    assertEquals(0.97049502, row(without, "b", "d").availability(), 1e-15);
    // The costliest failure of bronze: the first single in scenario order that drops it.
    assertEquals("link_down:bd", row(with, "b", "d").worstScenarioId().orElseThrow());
  }

  private static DemandAvailability row(Availability a, String src, String dst) {
    return a.rows().stream().filter(r -> r.src().equals(src) && r.dst().equals(dst))
        .findFirst().orElseThrow();
  }

  /** The random snapshot with each demand row given a random class label. */
  static Snapshot classed(long seed, int devices, int links, int demands) {
    Snapshot s = RandomNetworks.snapshot(seed, devices, links, demands);
    Random r = new Random(seed ^ 0x5eed);
    String[] labels = {"gold", "bronze", "", "gold"};
    List<Demand> ds = new ArrayList<>();
    for (Demand d : s.demands()) {
      ds.add(new Demand(d.src(), d.dst(), d.gbps(), labels[r.nextInt(labels.length)]));
    }
    return new Snapshot(s.info(), s.devices(), s.links(), ds);
  }

  /** Links 0.01 (one 0.05), SRLGs 0.02, devices 0.003, sites 0.001. */
  static FailureModel model(Snapshot s) {
    return new FailureModel(Map.of(Sweep.Each.LINK, 0.01, Sweep.Each.SRLG, 0.02,
        Sweep.Each.DEVICE, 0.003, Sweep.Each.SITE, 0.001),
        Map.of("link:" + s.links().get(1).id(), 0.05));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 7, 11})
  void randomNetworksWithClasses_matchBruteForce(long seed) {
    Snapshot s = classed(seed, 7, 11, 14);
    Network base = NetworkCompiler.compile(s);
    FailureModel m = model(s);
    Optional<ClassInput> classes = Optional.of(ClassInput.of(GOLD_BRONZE, base, s.demands()));
    BruteAvailability.Result want = BruteAvailability.of(s, base, m, classes);
    BruteAvailability.Result plainWant = BruteAvailability.of(s, base, m, Optional.empty());
    int differ = 0;
    for (Evaluator.Strategy strategy : Evaluator.Strategy.values()) {
      Availability a = Availabilities.evaluate("run", base, FailureScenarios.of(m, s, 0),
          strategy, classes);
      assertEquals(1 - want.covered(), a.uncovered(), 1e-12, "uncovered");
      for (int k = 0; k < base.demandCount(); k++) {
        DemandAvailability r = a.rows().get(k);
        String what = seed + " " + strategy + " " + r.src() + "->" + r.dst();
        assertEquals(want.availability()[k], r.availability(), 1e-12, what);
        assertEquals(want.unroutable()[k], r.expectedUnroutableGbps(), 1e-12, what);
        assertTrue(r.availability() >= plainWant.availability()[k] - 1e-12,
            "classes only ever spare a demand: " + what);
        differ += Math.abs(r.availability() - plainWant.availability()[k]) > 1e-12 ? 1 : 0;
      }
    }
    System.out.println("seed " + seed + ": " + differ + " demand rows spared by their class");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void randomNetworksWithoutClasses_matchTheReviewsBruteForce(long seed) {
    Snapshot s = RandomNetworks.snapshot(seed, 7, 11, 14);
    Network base = NetworkCompiler.compile(s);
    FailureModel m = model(s);
    BruteAvailability.Result want = BruteAvailability.of(s, base, m, Optional.empty());
    Availability a = Availabilities.evaluate("run", base, FailureScenarios.of(m, s, 0),
        Evaluator.Strategy.INCREMENTAL);
    for (int k = 0; k < base.demandCount(); k++) {
      assertEquals(want.availability()[k], a.rows().get(k).availability(), 1e-12);
    }
  }
}
