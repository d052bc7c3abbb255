package io.netimpact.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import io.netimpact.testing.Net;
import io.netimpact.testing.PlainPlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plan's rounds, with the plain-Java evaluator standing for the Spark one. Loads are
 * worked out by hand in each test.
 */
class CapacityPlannerTest {
  private static final Thresholds TH = Thresholds.DEFAULT;

  /** Plans {@code changes} on {@code s}; {@code reroutes} gets each later round's flag. */
  static AugmentPlan plan(Snapshot s, List<Change> changes, double target,
      List<Boolean> reroutes) {
    return PlainPlans.plan("r", "sweep", s, changes, target, TH, reroutes);
  }

  private static List<Change> eachLinkDown(Snapshot s) {
    return s.links().stream().map(l -> new Change("link_down:" + l.id(), "",
        List.of(new ChangeOp.SetLinkUp(l.id(), false)))).toList();
  }

  /**
   * Ring a-b-c-d-a, metrics 1, each link four members of 25 Gbps; a->b 65 and d->c 65 Gbps,
   * each on its direct link. With ab down, a->b goes a-d-c-b and d->c carries 130 Gbps on 100
   * (130 %); with cd down, a->b carries 130 likewise.
   */
  private static Net ring() {
    return Net.create()
        .lag("ab", "a", "b", 1, 4, 25, 1).lag("bc", "b", "c", 1, 4, 25, 1)
        .lag("cd", "c", "d", 1, 4, 25, 1).lag("da", "d", "a", 1, 4, 25, 1)
        .demand("a", "b", 65).demand("d", "c", 65);
  }

  @Test
  void ring_oneFailureDrivesALinkTo130Percent_planAddsExactlyTheMembersThatReachTheTarget() {
    Snapshot s = ring().snapshot();
    List<Boolean> reroutes = new ArrayList<>();
    AugmentPlan p = plan(s, eachLinkDown(s), 0.8, reroutes);
    // 130 / 0.8 = 162.5 Gbps needed on 100: 62.5 more, three members of 25 (two give 150, and
    // 130 / 150 = 86.7 %); then 130 / 175 = 74.3 %.
    Map<String, AugmentRow> rows = byLink(p);
    assertEquals(List.of("ab", "cd"), p.rows().stream().map(AugmentRow::linkId).toList());
    AugmentRow cd = rows.get("cd");
    assertEquals(3, cd.membersToAdd());
    assertEquals(25, cd.memberCapacityGbps());
    assertEquals(100, cd.capacityBeforeGbps());
    assertEquals(175, cd.capacityAfterGbps());
    assertEquals(1.3, cd.worstUtilBefore(), 1e-12);
    assertEquals(130.0 / 175, cd.worstUtilAfter(), 1e-12);
    assertEquals("link_down:ab", cd.drivingScenarioId());
    assertEquals("link_down:cd", rows.get("ab").drivingScenarioId());
    assertEquals(3, rows.get("ab").membersToAdd());
    // Capacity never moves traffic and no link's usability changed: round 2 reuses the
    // routing, finds everything at or below 80 % and adds nothing.
    assertEquals(List.of(false), reroutes);
    assertEquals(2, p.rounds());
    assertEquals(0, p.reswept());
    assertEquals(List.of(), p.residual());
    assertEquals(6, p.membersAdded());
    assertEquals(150, p.capacityAddedGbps(), 1e-12);
    Change c = p.change().orElseThrow();
    assertEquals(List.of("ab/plan-1", "ab/plan-2", "ab/plan-3", "cd/plan-1", "cd/plan-2",
        "cd/plan-3"), c.ops().stream().map(ChangeOp::target).toList());
  }

  @Test
  void anAddedMemberMakesALinkUsableAndMovesTraffic_soASecondRoundAddsMore() {
    // ab: two members of 100 Gbps, min-links 2, metric 1; a-c-b: 400 Gbps links, cost 2.
    // a->b 170 Gbps: 85 % on ab in the base. S1 takes m0 down: ab unusable, a->b goes over c.
    Snapshot s = Net.create().lag("ab", "a", "b", 1, 2, 100, 2)
        .link("ac", "a", "c", 1, 400).link("cb", "c", "b", 1, 400)
        .demand("a", "b", 170).snapshot();
    List<Change> changes = List.of(new Change("S1", "member down", List.of(
        new ChangeOp.SetMemberUp("ab", "m0", false))));
    List<Boolean> reroutes = new ArrayList<>();
    AugmentPlan p = plan(s, changes, 0.8, reroutes);
    // Round 1: the base needs 170 / 0.8 - 200 = 12.5 Gbps: one member. With it, S1 has m1 and
    // plan-1 up (2 >= min-links): ab usable again, routed again, and a->b takes it: 170 on
    // 200 = 85 %. Round 2: one more. Round 3 (same usability, routing reused): S1 170 / 300,
    // base 170 / 400: nothing to add.
    assertEquals(List.of(true, false), reroutes);
    assertEquals(3, p.rounds());
    assertEquals(1, p.reswept());
    assertEquals(1, p.rows().size());
    AugmentRow ab = p.rows().get(0);
    assertEquals("ab", ab.linkId());
    assertEquals(2, ab.membersToAdd());
    assertEquals(200, ab.capacityBeforeGbps());
    assertEquals(400, ab.capacityAfterGbps());
    assertEquals(0.85, ab.worstUtilBefore(), 1e-12, "the base; S1 had ab down");
    assertEquals(170.0 / 300, ab.worstUtilAfter(), 1e-12);
    assertEquals("S1", ab.drivingScenarioId(), "the last round that added was driven by S1");
    assertEquals(List.of(), p.residual());
  }

  @Test
  void strandedTraffic_landsInTheResidual_whileCapacityFixesTheRest() {
    // The ring, plus e hanging off c by one link with e->c 10 Gbps: ce down strands it.
    Snapshot s = ring().link("ce", "c", "e", 1, 100).demand("e", "c", 10).snapshot();
    AugmentPlan p = plan(s, eachLinkDown(s), 0.8, new ArrayList<>());
    assertEquals(List.of("ab", "cd"), p.rows().stream().map(AugmentRow::linkId).toList());
    assertEquals(1, p.residual().size());
    ResidualRow r = p.residual().get(0);
    assertEquals("link_down:ce", r.scenarioId());
    assertEquals(Verdict.BLOCK, r.verdict());
    assertTrue(r.reason().contains("newly unroutable"), r.reason());
  }

  @Test
  void aTargetOfFullCapacity_addsOnlyWhatTheOverloadNeeds() {
    // 130 Gbps on 100 at a 100 % target: 30 more, two members of 25 (130 / 150 = 86.7 %).
    Snapshot s = ring().snapshot();
    AugmentPlan p = plan(s, eachLinkDown(s), 1.0, new ArrayList<>());
    assertEquals(List.of(2, 2), p.rows().stream().map(AugmentRow::membersToAdd).toList());
    assertEquals(130.0 / 150, p.rows().get(0).worstUtilAfter(), 1e-12);
    // 86.7 % is above the 80 % warn utilisation: with that target the scenarios stay RISK.
    assertEquals(List.of("link_down:ab", "link_down:cd"), p.residual().stream()
        .map(ResidualRow::scenarioId).toList());
    assertEquals(List.of(Verdict.RISK, Verdict.RISK), p.residual().stream()
        .map(ResidualRow::verdict).toList());
  }

  @Test
  void aPlanThatAddsNothing_hasNoChangeAndOneRound() {
    Snapshot light = Net.create().lag("ab", "a", "b", 1, 4, 25, 1)
        .lag("bc", "b", "c", 1, 4, 25, 1).demand("a", "b", 10).snapshot();
    AugmentPlan q = plan(light, eachLinkDown(light), 0.8, new ArrayList<>());
    assertEquals(List.of(), q.rows());
    assertTrue(q.change().isEmpty());
    assertEquals(1, q.rounds());
    assertEquals(List.of("link_down:ab"), q.residual().stream().map(ResidualRow::scenarioId)
        .toList(), "a->b stranded without ab");
  }

  @Test
  void addedMemberIds_skipTheLinksMembersAndThoseTheSweepsChangesAdd() {
    Link ab = new Link("ab", "a", "b", 1, java.util.OptionalInt.empty(), List.of(
        new Member("plan-1", 100, true)), 1, true, 0, List.of());
    Snapshot s = Net.create().add(ab).snapshot();
    List<Change> changes = List.of(new Change("x", "", List.of(new ChangeOp.AddMember("ab",
        new Member("plan-2", 100, true)))));
    Augmentation a = new Augmentation(s, changes);
    assertEquals(List.of("plan-3", "plan-4"), a.members(0, 2).stream().map(Member::id)
        .toList());
    assertEquals(List.of("plan-1", "plan-3", "plan-4"), a.apply(new int[] {2}).links().get(0)
        .members().stream().map(Member::id).toList());
  }

  private static Map<String, AugmentRow> byLink(AugmentPlan p) {
    return p.rows().stream().collect(Collectors.toMap(AugmentRow::linkId, Function.identity()));
  }
}
