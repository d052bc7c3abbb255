package io.netimpact.topology;

import io.netimpact.testing.After;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkView;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.Net;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.Topologies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Components, bridges, articulation points and stranding in plain Java. */
class TopologyAlgorithmsTest {

  private static int link(NetworkView n, String id) {
    return n.link(id).orElseThrow();
  }

  private static int node(NetworkView n, String id) {
    return n.node(id).orElseThrow();
  }

  private static MaskedView apply(Network n, ChangeOp... ops) {
    return After.of(n, new Change("c", "", List.of(ops)));
  }

  @Test
  void line_everyLinkIsABridgeAndTheMiddleDeviceAnArticulationPoint() {
    Network n = Net.create().link("ab", "a", "b", 1, 10).link("bc", "b", "c", 1, 10).compile();
    Biconnectivity b = Biconnectivity.of(n);
    assertTrue(b.isBridge(link(n, "ab")));
    assertTrue(b.isBridge(link(n, "bc")));
    assertTrue(b.isArticulationPoint(node(n, "b")));
    assertFalse(b.isArticulationPoint(node(n, "a")));
    assertFalse(b.isArticulationPoint(node(n, "c")));
  }

  @Test
  void square_hasNoBridgeAndNoArticulationPoint() {
    Network n = Topologies.square().compile();
    Biconnectivity b = Biconnectivity.of(n);
    for (int l = 0; l < n.linkCount(); l++) {
      assertFalse(b.isBridge(l), n.linkId(l));
    }
    for (int v = 0; v < n.nodeCount(); v++) {
      assertFalse(b.isArticulationPoint(v), n.nodeId(v));
    }
  }

  @Test
  void parallelLinks_areNotBridges_theSingleLinkBeyondIs() {
    Network n = Topologies.parallel().compile();
    Biconnectivity b = Biconnectivity.of(n);
    assertFalse(b.isBridge(link(n, "ab1")));
    assertFalse(b.isBridge(link(n, "ab2")));
    assertTrue(b.isBridge(link(n, "bc")));
    assertTrue(b.isArticulationPoint(node(n, "b")));
    assertFalse(b.isArticulationPoint(node(n, "a")));
  }

  @Test
  void downedLink_isNotAnEdge_soItsParallelTwinBecomesABridge() {
    MaskedView n = apply(Topologies.parallel().compile(), new ChangeOp.SetLinkUp("ab1", false));
    Biconnectivity b = Biconnectivity.of(n);
    assertFalse(b.isBridge(link(n, "ab1")));
    assertTrue(b.isBridge(link(n, "ab2")));
    assertTrue(b.isArticulationPoint(node(n, "b")));
  }

  @Test
  void longChain_isSearchedWithoutRecursion() {
    Net net = Net.create();
    int len = 50_000;
    for (int i = 0; i < len; i++) {
      net.link("l" + i, "n" + i, "n" + (i + 1), 1, 10);
    }
    Network n = net.compile();
    Biconnectivity b = Biconnectivity.of(n);
    int bridges = 0;
    int cuts = 0;
    for (int l = 0; l < n.linkCount(); l++) {
      bridges += b.isBridge(l) ? 1 : 0;
    }
    for (int v = 0; v < n.nodeCount(); v++) {
      cuts += b.isArticulationPoint(v) ? 1 : 0;
    }
    assertEquals(len, bridges);
    assertEquals(len - 1, cuts);
  }

  /** Brute force: a link is a bridge iff taking it down adds a component. */
  @Test
  void bridgesAndArticulationPoints_matchRemovingEachElementOnRandomNetworks() {
    for (long seed = 1; seed <= 40; seed++) {
      Network n = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 14, 17, 10));
      Biconnectivity b = Biconnectivity.of(n);
      int count = Components.of(n).count();
      for (int l = 0; l < n.linkCount(); l++) {
        boolean split = n.isUsable(l) && Components.of(
            apply(n, new ChangeOp.SetLinkUp(n.linkId(l), false))).count() > count;
        assertEquals(split, b.isBridge(l), "seed " + seed + " link " + n.linkId(l));
      }
      for (int v = 0; v < n.nodeCount(); v++) {
        Components without = Components.of(apply(n, new ChangeOp.RemoveDevice(n.nodeId(v))));
        assertEquals(without.count() > count, b.isArticulationPoint(v),
            "seed " + seed + " device " + n.nodeId(v));
      }
    }
  }

  @Test
  void components_countIsolatedDevicesAndSkipAbsentOnes() {
    Network n = Net.create().link("ab", "a", "b", 1, 10).link("cd", "c", "d", 1, 10)
        .demand("c", "d", 5).demand("a", "b", 1).compile();
    Components c = Components.of(n);
    assertEquals(2, c.count());
    assertTrue(c.connected(node(n, "a"), node(n, "b")));
    assertFalse(c.connected(node(n, "a"), node(n, "c")));
    assertEquals(c.of(node(n, "c")), c.main(n), "the component with most demand is main");
    Components ranked = c.ranked(n);
    assertEquals(0, ranked.of(node(n, "c")));
    assertEquals(1, ranked.of(node(n, "a")));

    MaskedView after = apply(n, new ChangeOp.RemoveDevice("b"));
    Components ca = Components.of(after);
    assertEquals(Components.ABSENT, ca.of(node(n, "b")));
    assertEquals(2, ca.count(), "a alone and c-d");
  }

  @Test
  void components_rejectLabelsOutsideTheCount() {
    assertThrows(IllegalArgumentException.class, () -> new Components(new int[] {0, 2}, 2));
  }

  @Test
  void singlePoints_flagOnlyBridgesThatCarryDemand() {
    // a-b-c line plus an unloaded stub b-s: bs is a bridge, but nothing crosses it.
    Network n = Net.create().link("ab", "a", "b", 1, 10).link("bc", "b", "c", 1, 10)
        .link("bs", "b", "s", 1, 10).demand("a", "c", 4).compile();
    SinglePoints p = SinglePoints.of(n, BaselineLoads.of(n).load());
    assertTrue(p.bridge()[link(n, "ab")]);
    assertTrue(p.bridge()[link(n, "bc")]);
    assertFalse(p.bridge()[link(n, "bs")], "an unloaded bridge strands no traffic");
    assertTrue(p.articulationPoint()[node(n, "b")]);
    assertFalse(p.articulationPoint()[node(n, "s")]);
    assertEquals(2, p.bridgeCount());
    assertEquals(1, p.articulationPointCount());
  }

  @Test
  void singlePoints_onTheSquare_areNone_becauseEveryLinkHasASparePath() {
    Network n = Topologies.square().demand("a", "d", 10).compile();
    SinglePoints p = SinglePoints.of(n, BaselineLoads.of(n).load());
    assertEquals(0, p.bridgeCount());
    assertEquals(0, p.articulationPointCount());
  }

  @Test
  void cuttingALine_strandsTheFarDeviceAndItsDemands() {
    Network before = Net.create().link("ab", "a", "b", 1, 10).link("bc", "b", "c", 1, 10)
        .demand("a", "b", 20).demand("a", "c", 7).demand("c", "a", 3).compile();
    Stranding s = Stranding.between(before,
        apply(before, new ChangeOp.SetLinkUp("bc", false)));
    assertEquals(new Stranding(1, 2, 1, 2, 10.0), s);
  }

  @Test
  void theRestOfTheMainComponent_staysMain_evenWhenASmallIslandKeepsMoreDemand() {
    Network before = Net.create().link("ab", "a", "b", 1, 10).link("bc", "b", "c", 1, 10)
        .link("cd", "c", "d", 1, 10).demand("a", "d", 10).demand("c", "d", 1).compile();
    Stranding s = Stranding.between(before, apply(before, new ChangeOp.SetLinkUp("bc", false)));
    assertEquals(2, s.strandedDevices(), "a-b and c-d are both two devices: a-b, the lower "
        + "label, is the rest of the main component; c and d are stranded");
    assertEquals(1, s.strandedDemands());
  }

  @Test
  void drain_strandsNothing_theTopologyStaysConnected() {
    Network before = Net.create().link("ab", "a", "b", 1, 10).link("bc", "b", "c", 1, 10)
        .demand("a", "c", 7).compile();
    Stranding s = Stranding.between(before, apply(before, new ChangeOp.SetDrained("b", true)));
    assertEquals(new Stranding(1, 1, 0, 0, 0.0), s);
  }

  @Test
  void removedDevice_isNotStranded_butItsDemandsAre() {
    Network before = Topologies.square().demand("a", "d", 5).demand("b", "c", 2).compile();
    Stranding s = Stranding.between(before, apply(before, new ChangeOp.RemoveDevice("d")));
    assertEquals(1, s.componentsAfter());
    assertEquals(0, s.strandedDevices());
    assertEquals(1, s.strandedDemands());
    assertEquals(5.0, s.strandedGbps(), 1e-12);
  }

  @Test
  void devicesCutOffBeforeTheChange_areNotCountedAgain() {
    Network before = Net.create().link("ab", "a", "b", 1, 10).link("bc", "b", "c", 1, 10)
        .link("xy", "x", "y", 1, 10).demand("a", "c", 10).demand("x", "y", 1).compile();
    Stranding s = Stranding.between(before, apply(before, new ChangeOp.SetLinkUp("bc", false)));
    assertEquals(2, s.componentsBefore());
    assertEquals(3, s.componentsAfter());
    assertEquals(1, s.strandedDevices(), "only c; x and y were apart already");
    assertEquals(1, s.strandedDemands(), "a-c; x-y stays connected");
    assertEquals(10.0, s.strandedGbps(), 1e-12);
  }

  /**
   * The stranded demands are those whose ends were connected and are not: a pass over every
   * demand (the reference) against the stranding, which looks only at the demands of removed
   * devices and of those outside the largest piece of a split component: on small networks
   * (where those are often more than an eighth of the demands, and every demand is looked at)
   * and on larger ones with many demands (where a cut-off corner is looked at alone).
   */
  @Test
  void strandedDemands_equalAPassOverEveryDemand_withAndWithoutASplit() {
    java.util.Random rnd = new java.util.Random(5);
    int split = 0;
    int unsplitWithLoss = 0;
    int smallCorner = 0;
    for (long seed = 1; seed <= 90; seed++) {
      boolean large = seed > 60;
      Network n = NetworkCompiler.compile(large ? RandomNetworks.snapshot(seed, 40, 52, 800)
          : RandomNetworks.snapshot(seed, 14, 20, 40));
      Components before = Components.of(n);
      for (int t = 0; t < 12; t++) {
        List<ChangeOp> ops = new java.util.ArrayList<>();
        for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
          if (rnd.nextBoolean()) {
            ops.add(new ChangeOp.RemoveDevice(n.nodeId(rnd.nextInt(n.nodeCount()))));
          } else {
            ops.add(new ChangeOp.SetLinkUp(n.linkId(rnd.nextInt(n.linkCount())), false));
          }
        }
        MaskedView after = After.of(n, new Change("c", "", List.copyOf(
            new java.util.LinkedHashSet<>(ops))));
        Components ca = Components.of(after);
        int demands = 0;
        double gbps = 0;
        for (int k = 0; k < n.demandCount(); k++) {
          int s = n.demandSrc(k);
          int d = n.demandDst(k);
          if (before.connected(s, d) && !ca.connected(s, d)) {
            demands++;
            gbps += after.demandGbps(k);
          }
        }
        Stranding st = Stranding.between(n, before, after);
        String what = "seed " + seed + " change " + ops;
        assertEquals(demands, st.strandedDemands(), what);
        assertEquals(gbps, st.strandedGbps(), 0.0, what);
        boolean splits = st.strandedDevices() > 0;
        split += splits ? 1 : 0;
        unsplitWithLoss += !splits && demands > 0 ? 1 : 0;
        smallCorner += large && splits && demands > 0 && demands < n.demandCount() / 16 ? 1 : 0;
      }
    }
    assertTrue(split > 20 && unsplitWithLoss > 20, "split " + split + ", lost without a split "
        + unsplitWithLoss);
    assertTrue(smallCorner > 10, "small corners cut off a large network: " + smallCorner);
  }
}
