package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.ServiceClass;
import io.netimpact.model.ServiceClasses;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.ClassReport;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Strict-priority service and the class verdict on tiny topologies, worked by hand. */
class ClassServiceTest {
  static final ServiceClasses GSB = ServiceClasses.of(List.of(
      new ServiceClass("gold", 0, true), new ServiceClass("silver", 1, false),
      new ServiceClass("bronze", 2, false)));

  static ImpactReport review(Net net, ServiceClasses classes, ChangeOp... ops) {
    Network base = net.compile();
    Change c = new Change("c", "", List.of(ops));
    Optional<ClassInput> in = classes.present()
        ? Optional.of(ClassInput.of(classes, base, net.snapshot().demands()))
        : Optional.empty();
    return Evaluator.evaluate("r", "s", base,
        List.of(new Scenario("c", "", ScenarioMask.of(base, c))),
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT, null, Overlay.NONE, in).get(0);
  }

  @Test
  void strictPriority_givesHigherClassesFirstAndDropsTheRest() {
    double[] dropped = new double[4];
    // 100 Gbps offered 30 gold, 50 silver, 40 bronze, 5 unlisted: 125, 25 over 100.
    double total = ClassService.serve(new double[] {30, 50, 40, 5}, 100, dropped);
    assertArrayEquals(new double[] {0, 0, 20, 5}, dropped, 1e-12);
    assertEquals(25, total, 1e-12);
    // Gold alone above capacity: gold drops 20, every lower class all of it.
    ClassService.serve(new double[] {120, 10, 0, 0}, 100, dropped);
    assertArrayEquals(new double[] {20, 10, 0, 0}, dropped, 1e-12);
    assertEquals(0b11, ClassService.droppingClasses(new double[] {120, 10, 0, 0}, 100));
  }

  @Test
  void arcAtOrBelowCapacity_dropsNothingEvenIfOneClassFillsIt() {
    double[] dropped = new double[3];
    // 95 %: voice (gold) alone is 90 of 100. Queue-level drops are not modelled: nothing.
    assertEquals(0, ClassService.serve(new double[] {90, 5, 0}, 100, dropped), 0);
    // Exactly full, and over by rounding only.
    assertEquals(0, ClassService.serve(new double[] {50, 50, 0}, 100, dropped), 0);
    assertEquals(0, ClassService.serve(new double[] {50, 50 + 1e-12, 0}, 100, dropped), 0);
    assertEquals(0, ClassService.droppingClasses(new double[] {90, 5, 0}, 100));
  }

  /** One arc a-b of 100 Gbps: 30 gold, 50 silver, 40 bronze from a to b. */
  private static Net oneArc() {
    return Net.create().link("ab", "a", "b", 1, 100)
        .demand("a", "b", 30, "gold").demand("a", "b", 50, "silver")
        .demand("a", "b", 40, "bronze");
  }

  @Test
  void oneArcOverCapacity_dropsBronzeOnly_rowsBeforeAndAfter() {
    ImpactReport r = review(oneArc(), GSB, new ChangeOp.SetMetric("ab", 5,
        ChangeOp.Direction.BOTH));
    List<ClassImpact> rows = r.classes().rows();
    assertEquals(1, rows.size(), rows.toString());
    ClassImpact bronze = rows.get(0);
    assertEquals("bronze", bronze.trafficClass());
    assertEquals("a", bronze.fromDevice());
    assertEquals(40, bronze.offeredBeforeGbps(), 1e-12);
    assertEquals(20, bronze.droppedBeforeGbps(), 1e-12);
    assertEquals(20, bronze.droppedAfterGbps(), 1e-12);
    assertEquals(20, r.classes().droppedGbpsAfter(), 1e-12);
    assertEquals(0, r.classes().protectedDroppedGbpsAfter(), 0);
    assertEquals(Verdict.SAFE, r.summary().verdict(), "nothing new drops");
  }

  @Test
  void capacityCut_dropsSilverNewly_isRisk_andGoldNewly_isBlock() {
    ImpactReport risk = review(oneArc(), GSB, new ChangeOp.SetCapacity("ab", "ab", 60));
    // 60 Gbps: gold 30, silver 30 of 50 (drops 20), bronze 0 of 40 (drops 40, as 20 before).
    assertEquals(Verdict.RISK, risk.summary().verdict(), risk.summary().reason());
    assertTrue(risk.summary().reason().contains("class silver newly drops 20.0 Gbps on a->b"),
        risk.summary().reason());
    assertEquals(60, risk.classes().droppedGbpsAfter(), 1e-9);
    ImpactReport block = review(oneArc(), GSB, new ChangeOp.SetCapacity("ab", "ab", 20));
    assertEquals(Verdict.BLOCK, block.summary().verdict());
    assertEquals(10, block.classes().protectedDroppedGbpsAfter(), 1e-9);
    assertTrue(block.summary().reason().contains("protected class gold newly drops 10.0 Gbps"),
        block.summary().reason());
  }

  /**
   * The square with c-d at 50 Gbps, 60 gold and 60 bronze from a to d: before, each path
   * carries 30 + 30; c-d drops 10 bronze. Without a-b everything takes a-c-d: a-c (100) drops
   * 20 bronze, c-d (50) gives gold 50 and drops 10 gold and all 60 bronze.
   */
  @Test
  void protectedClassDropsOnlyAfterAFailure_isBlock() {
    Net net = Net.create()
        .link("ab", "a", "b", 1, 100).link("bd", "b", "d", 1, 100)
        .link("ac", "a", "c", 1, 100).link("cd", "c", "d", 1, 50)
        .demand("a", "d", 60, "gold").demand("a", "d", 60, "bronze");
    ImpactReport r = review(net, GSB, new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.BLOCK, r.summary().verdict());
    ClassImpact goldCd = find(r, "cd", "gold");
    assertEquals(30, goldCd.offeredBeforeGbps(), 1e-9);
    assertEquals(60, goldCd.offeredAfterGbps(), 1e-9);
    assertEquals(0, goldCd.droppedBeforeGbps(), 0);
    assertEquals(10, goldCd.droppedAfterGbps(), 1e-9);
    ClassImpact bronzeCd = find(r, "cd", "bronze");
    assertEquals(10, bronzeCd.droppedBeforeGbps(), 1e-9);
    assertEquals(60, bronzeCd.droppedAfterGbps(), 1e-9);
    assertEquals(20, find(r, "ac", "bronze").droppedAfterGbps(), 1e-9);
    assertEquals(10, r.classes().protectedDroppedGbpsAfter(), 1e-9);
    assertEquals(90, r.classes().droppedGbpsAfter(), 1e-9);
  }

  @Test
  void overCapacityThatDropsOnlyUnprotectedTraffic_isRiskNotBlock() {
    Net net = Topologies.square().demand("a", "d", 60, "gold").demand("a", "d", 60, "bronze");
    ImpactReport plain = review(net, ServiceClasses.NONE, new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.BLOCK, plain.summary().verdict(), "no classes: over capacity blocks");
    ImpactReport classes = review(net, GSB, new ChangeOp.SetLinkUp("ab", false));
    assertEquals(Verdict.RISK, classes.summary().verdict(), classes.summary().reason());
    assertEquals(20, find(classes, "ac", "bronze").droppedAfterGbps(), 1e-9);
    assertEquals(0, classes.classes().protectedDroppedGbpsAfter(), 0);
    assertEquals(plain.links(), classes.links(), "the link rows do not depend on classes");
    assertEquals(plain.demands(), classes.demands());
  }

  @Test
  void unlistedAndAbsentClasses_areServedLastTogether() {
    Net net = Net.create().link("ab", "a", "b", 1, 100)
        .demand("a", "b", 70, "bronze").demand("a", "b", 20, "")
        .demand("a", "b", 30, "platinum");
    ImpactReport r = review(net, GSB, new ChangeOp.SetMetric("ab", 2, ChangeOp.Direction.BOTH));
    assertEquals(1, r.classes().rows().size());
    ClassImpact u = r.classes().rows().get(0);
    assertEquals(ServiceClasses.UNLISTED, u.trafficClass());
    assertEquals(50, u.offeredAfterGbps(), 1e-12);
    assertEquals(20, u.droppedAfterGbps(), 1e-12);
  }

  @Test
  void withoutClasses_theReportHasNoClassPart() {
    ImpactReport r = review(oneArc(), ServiceClasses.NONE, new ChangeOp.SetCapacity("ab", "ab",
        20));
    assertFalse(r.classes().present());
    assertEquals(ClassReport.NONE, r.classes());
    assertEquals(Verdict.SAFE, r.summary().verdict(), "over capacity before already: not new");
  }

  private static ClassImpact find(ImpactReport r, String link, String cls) {
    return r.classes().rows().stream()
        .filter(x -> x.linkId().equals(link) && x.trafficClass().equals(cls))
        .findFirst().orElseThrow(() -> new AssertionError(link + " " + cls + " in "
            + r.classes().rows()));
  }
}
