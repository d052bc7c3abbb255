package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.Net;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.Thresholds;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code add_member}: a LAG grows by one circuit (docs/inputs.md#change-request). */
class AddMemberTest {
  private static ScenarioMask mask(Network base, ChangeOp... ops) {
    return ScenarioMask.of(base, new Change("c", "", List.of(ops)));
  }

  @Test
  void addedMember_raisesTheLinksCapacity() {
    Network base = Net.create().lag("ab", "a", "b", 1, 2, 100, 1).demand("a", "b", 150)
        .compile();
    MaskedView after = MaskedView.of(base, mask(base,
        new ChangeOp.AddMember("ab", new Member("m9", 100, true))));
    assertEquals(300, after.linkCapacity(after.link("ab").orElseThrow()), 1e-12);
    ImpactReport r = Evaluator.review("r", "s", base, new Scenario("c", "", after.mask()),
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT);
    assertEquals(0.75, r.summary().maxUtilBefore(), 1e-12);
    assertEquals(0.5, r.summary().maxUtilAfter(), 1e-12);
  }

  @Test
  void addedMember_bringsALinkBelowMinLinksBack_andTrafficMoves() {
    // ab has two members, m0 down, min_links 2: unusable, so a->b goes a-x-b (cost 2) until a
    // member is added; then ab (cost 1) takes it all.
    Net net = Net.create().add(new Link("ab", "a", "b", 1, OptionalInt.empty(),
        List.of(new Member("m0", 100, false), new Member("m1", 100, true)), 2, true, 0.0,
        List.of())).link("ax", "a", "x", 1, 100).link("xb", "x", "b", 1, 100)
        .demand("a", "b", 30);
    Network base = net.compile();
    ImpactReport r = Evaluator.review("r", "s", base, new Scenario("c", "", mask(base,
        new ChangeOp.AddMember("ab", new Member("m2", 100, true)))),
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT);
    java.util.Map<String, LinkImpact> arcs = new java.util.HashMap<>();
    r.links().forEach(l -> arcs.put(l.linkId() + ":" + l.fromDevice(), l));
    assertEquals(200, arcs.get("ab:a").capacityAfterGbps(), 1e-12, "m1 and m2 up");
    assertEquals(30, arcs.get("ab:a").loadAfterGbps(), 1e-12);
    assertEquals(0, arcs.get("ax:a").loadAfterGbps(), 1e-12);
    assertEquals(30, arcs.get("ax:a").loadBeforeGbps(), 1e-12);
    assertEquals(1, r.summary().affectedDemands(), "a->b rerouted");
  }

  @Test
  void addedMemberWhoseIdExists_isRefused() {
    Network base = Net.create().lag("ab", "a", "b", 1, 2, 100, 1).compile();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mask(base, new ChangeOp.AddMember("ab", new Member("m1", 100, true))));
    assertTrue(e.getMessage().contains("ops[0].member.id"), e.getMessage());
  }
}
