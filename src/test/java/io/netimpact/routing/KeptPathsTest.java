package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.routes.PathsAfter;
import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compact kept paths: the local nodes of {@link PathsAfter} with the same arcs below each,
 * a push that, summed over the destinations, gives the reference router's loads (narrow and
 * wide slot positions alike), and a pull that is its transpose; paths numbered from a DAG's
 * settle order are those numbered by sorting.
 */
class KeptPathsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void keptPaths_haveThePathsAftersNodes_withTheSameArcsBelowEach(long seed) {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 8 + (int) (seed % 20),
        14 + (int) (seed % 30), 60));
    MaskedView view = net.coreView();
    ShortestPaths sp = new ShortestPaths(net.nodeCount());
    DagWalk walk = new DagWalk(net.nodeCount());
    KeptPaths.Walker walker = new KeptPaths.Walker(net);
    int checked = 0;
    for (int t : net.destinations()) {
      long[] d = sp.toward(view, t).distances();
      int[] sources = sourcesOf(net, t);
      int[] fromPaths = new int[sources.length];
      int[] fromKept = new int[sources.length];
      PathsAfter paths = walk.pathsBelow(view, t, d, sources, sources.length, fromPaths);
      KeptPaths kept = walk.keptBelow(view, t, d, sources, sources.length, fromKept);
      assertArrayEquals(fromPaths, fromKept);
      // Numbered by reading a DAG's settle order (cut at its sources) instead of sorting.
      int[] fromOrder = new int[sources.length];
      ShortestPaths cut = new ShortestPaths(net.nodeCount());
      KeptPaths byOrder = walk.keptBelow(view, cut.towardSources(view, t), sources,
          sources.length, fromOrder);
      assertArrayEquals(fromKept, fromOrder);
      assertEquals(kept.arcCount(), byOrder.arcCount());
      assertEquals(paths.nodes(), kept.nodes());
      assertEquals(paths.arcCount(), kept.arcCount());
      for (int node = 0; node < kept.nodes(); node++) {
        double[] traffic = new double[kept.nodes()];
        traffic[node] = 1;
        double[] load = new double[view.slotArcs().length];
        double[] orderLoad = new double[load.length];
        double[] orderTraffic = traffic.clone();
        walker.push(kept, traffic, load);
        walker.push(byOrder, orderTraffic, orderLoad);
        assertArrayEquals(load, orderLoad, 0.0);
        int[] below = java.util.stream.IntStream.range(0, load.length).filter(j -> load[j] > 0)
            .map(j -> view.slotArcs()[j]).sorted().toArray();
        assertArrayEquals(paths.arcsBelow(node), below, "seed " + seed + " dst " + t + " node "
            + node);
        assertArrayEquals(new double[kept.nodes()], traffic, 0);
        checked++;
      }
    }
    assertTrue(checked > 10, "nodes checked: " + checked);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void pushOverEveryDestination_givesTheReferenceRoutersLoads(long seed) {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 12 + (int) (seed % 9),
        22 + (int) (seed % 13), 80));
    assertArrayEquals(ReferenceRouter.loads(net, new double[1]), pushAll(net), 1e-9);
  }

  @Test
  void aDeviceWithMoreThan256OutSlots_keepsItsNextHopsWide_andPushesTheSameLoads() {
    // A hub with 300 leaves, then three parallel links to the destination: its next hops are
    // at out-slot positions past 255.
    List<Device> devices = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    List<Demand> demands = new ArrayList<>();
    devices.add(new Device("hub", "s", "", "core", false));
    devices.add(new Device("t", "s", "", "core", false));
    for (int i = 0; i < 300; i++) {
      devices.add(new Device("leaf" + i, "s", "", "core", false));
      links.add(link("l" + i, "leaf" + i, "hub"));
      demands.add(Demand.of("leaf" + i, "t", 1 + i % 7));
    }
    for (int i = 0; i < 3; i++) {
      links.add(link("up" + i, "hub", "t"));
    }
    Network net = NetworkCompiler.compile(new Snapshot(SnapshotInfo.of("star"), devices, links,
        demands));
    MaskedView view = net.coreView();
    int t = net.node("t").orElseThrow();
    int[] sources = sourcesOf(net, t);
    KeptPaths kept = new DagWalk(net.nodeCount()).keptBelow(view, t,
        new ShortestPaths(net.nodeCount()).toward(view, t).distances(), sources,
        sources.length, new int[sources.length]);
    assertEquals(302, kept.nodes());
    assertEquals(303, kept.arcCount());
    assertEquals(4L * 302 + 2 * (302 + 303) + 80, kept.bytes(), "two bytes a position");
    assertArrayEquals(ReferenceRouter.loads(net, new double[1]), pushAll(net), 1e-9);
  }

  /** Every destination's paths below its demands' sources on the core view, kept. */
  private static java.util.List<KeptPaths> keptPathsOfEveryDestination(Network net) {
    MaskedView view = net.coreView();
    ShortestPaths sp = new ShortestPaths(net.nodeCount());
    DagWalk walk = new DagWalk(net.nodeCount());
    java.util.List<KeptPaths> out = new java.util.ArrayList<>();
    for (int t : net.destinations()) {
      int[] sources = sourcesOf(net, t);
      out.add(walk.keptBelow(view, t, sp.toward(view, t).distances(), sources, sources.length,
          new int[sources.length]));
    }
    return out;
  }

  @Test
  void pushAndPull_areTransposes() {
    Random r = new Random(5);
    for (long seed = 21; seed <= 30; seed++) {
      Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 15 + r.nextInt(40),
          30 + r.nextInt(80), 120));
      MaskedView view = net.coreView();
      KeptPaths.Walker walker = new KeptPaths.Walker(net);
      for (KeptPaths kept : keptPathsOfEveryDestination(net)) {
        double[] traffic = new double[kept.nodes()];
        double[] y = new double[view.slotArcs().length];
        for (int i = 0; i < traffic.length; i++) {
          traffic[i] = r.nextGaussian();
        }
        for (int a = 0; a < y.length; a++) {
          y[a] = r.nextGaussian();
        }
        double[] pulled = new double[kept.nodes()];
        walker.pull(kept, y, pulled);
        double right = 0;
        for (int i = 0; i < traffic.length; i++) {
          right += traffic[i] * pulled[i];
        }
        double[] load = new double[y.length];
        walker.push(kept, traffic, load);
        double left = 0;
        for (int a = 0; a < y.length; a++) {
          left += load[a] * y[a];
        }
        assertEquals(left, right, 1e-9 * Math.max(1, Math.abs(left)), "seed " + seed);
      }
    }
  }

  @Test
  void pathsWithTheirHeadsKept_pushAndPullExactlyAsTheCompactForm() {
    Random r = new Random(9);
    int widened = 0;
    for (long seed = 31; seed <= 40; seed++) {
      Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 15 + r.nextInt(40),
          30 + r.nextInt(80), 120));
      MaskedView view = net.coreView();
      KeptPaths.Walker walker = new KeptPaths.Walker(net);
      for (KeptPaths compact : keptPathsOfEveryDestination(net)) {
        KeptPaths fast = walker.withHeads(compact);
        assertTrue(fast.hasHeads() && !compact.hasHeads());
        assertEquals(compact.bytes() + compact.headBytes(), fast.bytes());
        double[] traffic = new double[compact.nodes()];
        for (int i = 0; i < traffic.length; i++) {
          traffic[i] = r.nextDouble();
        }
        double[] traffic2 = traffic.clone();
        double[] load = new double[view.slotArcs().length];
        double[] load2 = new double[load.length];
        walker.push(compact, traffic, load);
        walker.push(fast, traffic2, load2);
        assertArrayEquals(load, load2, 0.0, "seed " + seed);
        double[] y = new double[load.length];
        for (int a = 0; a < y.length; a++) {
          y[a] = r.nextGaussian();
        }
        double[] pulled = new double[compact.nodes()];
        double[] pulled2 = new double[compact.nodes()];
        walker.pull(compact, y, pulled);
        walker.pull(fast, y, pulled2);
        assertArrayEquals(pulled, pulled2, 0.0, "seed " + seed);
        widened += compact.arcCount() > 0 ? 1 : 0;
      }
    }
    assertTrue(widened > 50, "destinations with next hops: " + widened);
  }

  @Test
  void aViewThatAddsArcs_isRefused() {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(3, 6, 8, 10));
    MaskedView added = After.of(net, new io.netimpact.model.ChangeOp.AddLink(link("new", "n0",
        "n5")));
    int t = net.node("n5").orElseThrow();
    long[] d = new ShortestPaths(net.nodeCount()).toward(added, t).distances();
    assertThrows(IllegalArgumentException.class, () -> new DagWalk(net.nodeCount())
        .keptBelow(added, t, d, new int[] {net.node("n0").orElseThrow()}, 1, new int[1]));
  }

  /**
   * Every destination's demands pushed over its kept paths (core view), loads summed by
   * out-slot, then by arc.
   */
  private static double[] pushAll(Network net) {
    MaskedView view = net.coreView();
    ShortestPaths sp = new ShortestPaths(net.nodeCount());
    DagWalk walk = new DagWalk(net.nodeCount());
    KeptPaths.Walker walker = new KeptPaths.Walker(net);
    double[] slotLoad = new double[view.slotArcs().length];
    for (int t : net.destinations()) {
      int from = net.demandsTo(t);
      int count = net.demandsTo(t + 1) - from;
      int[] sources = new int[count];
      for (int k = 0; k < count; k++) {
        sources[k] = net.demandSrc(from + k);
      }
      int[] local = new int[count];
      KeptPaths kept = walk.keptBelow(view, t, sp.toward(view, t).distances(), sources, count,
          local);
      double[] traffic = new double[kept.nodes()];
      for (int k = 0; k < count; k++) {
        if (local[k] >= 0) {
          traffic[local[k]] += net.demandGbps(from + k);
        }
      }
      walker.push(kept, traffic, slotLoad);
    }
    double[] load = new double[net.arcCount()];
    for (int j = 0; j < slotLoad.length; j++) {
      load[view.slotArcs()[j]] = slotLoad[j];
    }
    return load;
  }

  private static int[] sourcesOf(Network net, int t) {
    int[] sources = new int[net.demandsTo(t + 1) - net.demandsTo(t)];
    for (int k = 0; k < sources.length; k++) {
      sources[k] = net.demandSrc(net.demandsTo(t) + k);
    }
    return sources;
  }

  private static Link link(String id, String a, String b) {
    return new Link(id, a, b, 10, OptionalInt.empty(), List.of(new Member("m", 100, true)), 1,
        true, 1.0, List.of());
  }
}
