package io.netimpact.routing;

import io.netimpact.testing.After;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A change as a mask over the base network: the base left as it is, its index space kept,
 * unknown elements named, ops applied in order.
 */
class ScenarioMaskTest {
  private static NetworkView apply(Network n, ChangeOp... ops) {
    return After.of(n, new Change("c", "", List.of(ops)));
  }

  @Test
  void apply_leavesTheInputNetworkUnchanged() {
    Network before = Topologies.square().demand("a", "d", 10).compile();
    NetworkView after = apply(before, new ChangeOp.SetLinkUp("ab", false),
        new ChangeOp.SetDrained("c", true), new ChangeOp.ScaleDemands(2, Optional.empty(),
            Optional.empty()), new ChangeOp.AddLink(Link.simple("ad", "a", "d", 1, 10)));
    assertTrue(before.isUsable(before.link("ab").orElseThrow()));
    assertTrue(!before.isDrained(before.node("c").orElseThrow()));
    assertEquals(10.0, before.demandGbps(0));
    assertEquals(4, before.linkCount());
    assertEquals(5, after.linkCount());
    assertEquals(20.0, after.demandGbps(0));
    assertEquals(Net.loads(Topologies.square().demand("a", "d", 10).compile()),
        Net.loads(before));
  }

  @Test
  void apply_keepsTheIndexSpaceOfTheBaseline() {
    Network before = Topologies.square().compile();
    NetworkView after = apply(before, new ChangeOp.RemoveDevice("b"));
    assertEquals(before.nodeCount(), after.nodeCount());
    assertEquals(before.link("bd"), after.link("bd"));
    assertTrue(!after.isPresent(after.node("b").orElseThrow()));
    assertTrue(!after.isUsable(after.link("bd").orElseThrow()), "links of a removed device go");
  }

  @Test
  void unknownDevice_isRejectedNamingIt() {
    var e = assertThrows(UnknownElementException.class,
        () -> apply(Topologies.square().compile(), new ChangeOp.SetDrained("zz", true)));
    assertEquals("zz", e.value());
    assertEquals("device", e.field());
    assertEquals(0, e.opIndex());
  }

  @Test
  void unknownLinkMemberSrlgAndSite_areRejectedNamingThem() {
    Network n = Net.create().device("a", "s1").device("b", "s1").lag("ab", "a", "b", 1, 2, 10, 1)
        .compile();
    assertEquals("nolink", assertThrows(UnknownElementException.class,
        () -> apply(n, new ChangeOp.SetLinkUp("nolink", false))).value());
    assertEquals("m9", assertThrows(UnknownElementException.class,
        () -> apply(n, new ChangeOp.SetMemberUp("ab", "m9", false))).value());
    assertEquals("s9", assertThrows(UnknownElementException.class,
        () -> apply(n, new ChangeOp.SrlgDown("s9"))).value());
    var site = assertThrows(UnknownElementException.class,
        () -> apply(n, new ChangeOp.SetLinkUp("ab", false), new ChangeOp.SiteDown("nowhere")));
    assertEquals("nowhere", site.value());
    assertEquals(1, site.opIndex());
    assertEquals("dst_site", assertThrows(UnknownElementException.class,
        () -> apply(n, new ChangeOp.ScaleDemands(2, Optional.of("s1"), Optional.of("x"))))
        .field());
  }

  @Test
  void addLink_withAnExistingId_isRejected() {
    Network n = Topologies.square().compile();
    assertThrows(IllegalArgumentException.class,
        () -> apply(n, new ChangeOp.AddLink(Link.simple("ab", "a", "d", 1, 10))));
  }

  @Test
  void opsLaterInAChange_seeLinksAddedEarlier() {
    Network n = Topologies.square().compile();
    NetworkView after = apply(n, new ChangeOp.AddLink(Link.simple("ad", "a", "d", 1, 10)),
        new ChangeOp.SetLinkUp("ad", false));
    assertTrue(!after.isUsable(after.link("ad").orElseThrow()));
  }

  @Test
  void setCapacity_changesCapacityOnly() {
    Network n = Net.create().lag("ab", "a", "b", 1, 2, 10, 1).demand("a", "b", 1).compile();
    NetworkView after = apply(n, new ChangeOp.SetCapacity("ab", "m1", 40));
    assertEquals(50.0, after.linkCapacity(0));
    assertEquals(Net.loads(n), Net.loads(after));
  }
}
