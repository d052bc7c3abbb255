package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.testing.After;
import io.netimpact.testing.Net;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.Thresholds;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A change that gives a site's stubs back (a link added between racks of two data centres) is
 * evaluated walking only the slots between the devices that are no stubs after it: the loads
 * and route changes are those of a naive reference that knows nothing of stubs.
 */
class GivenBackSlotsTest {

  @Test
  void slotsWithout_keepExactlyTheSlotsBetweenKeptDevices_inCsrOrder() {
    for (long seed = 1; seed <= 30; seed++) {
      Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 6 + (int) (seed % 9),
          10 + (int) (seed % 17), 8));
      Random r = new Random(seed);
      boolean[] leftOut = new boolean[net.nodeCount()];
      for (int v = 0; v < leftOut.length; v++) {
        leftOut[v] = r.nextInt(3) == 0;
      }
      Network.Slots s = net.slotsWithout(leftOut);
      IntArrayList out = new IntArrayList();
      IntArrayList in = new IntArrayList();
      for (int v = 0; v < net.nodeCount(); v++) {
        assertEquals(out.size(), s.outFrom[v], "seed " + seed + " device " + v);
        assertEquals(in.size(), s.inFrom[v], "seed " + seed + " device " + v);
        for (int j = net.outStart[v]; j < net.outStart[v + 1]; j++) {
          if (!leftOut[v] && !leftOut[net.outHead[j]]) {
            out.add(j);
          }
        }
        for (int i = net.inStart[v]; i < net.inStart[v + 1]; i++) {
          if (!leftOut[v] && !leftOut[net.inTail[i]]) {
            in.add(i);
          }
        }
      }
      assertArrayEquals(out.toIntArray(), s.outSlot, "seed " + seed);
      assertArrayEquals(in.toIntArray(), s.inSlot, "seed " + seed);
      assertEquals(out.size(), s.outFrom[net.nodeCount()]);
      assertEquals(in.size(), s.inFrom[net.nodeCount()]);
    }
  }

  @Test
  void linksAddedBetweenRacksOfRandomFabrics_giveTheReferenceLoadsAndRouteChanges() {
    int givingBack = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Random r = new Random(seed);
      List<String> racks = new ArrayList<>();
      Network net = fabrics(r, racks).compile();
      List<String> links = new ArrayList<>();
      for (int l = 0; l < net.linkCount(); l++) {
        links.add(net.linkId(l));
      }
      double[] before = ReferenceRouter.loads(net, new double[1]);
      for (int c = 0; c < 12; c++) {
        List<ChangeOp> ops = new ArrayList<>();
        String a = racks.get(r.nextInt(racks.size()));
        String b = racks.get(r.nextInt(racks.size()));
        while (b.charAt(0) == a.charAt(0)) {
          b = racks.get(r.nextInt(racks.size()));
        }
        ops.add(new ChangeOp.AddLink(Link.simple("new" + c, a, b, 1 + r.nextInt(5), 100)));
        for (int k = r.nextInt(3); k > 0; k--) {
          String link = links.get(r.nextInt(links.size()));
          ops.add(r.nextBoolean() ? new ChangeOp.SetLinkUp(link, false)
              : new ChangeOp.SetMetric(link, 1 + r.nextInt(6), ChangeOp.Direction.AB));
        }
        ScenarioMask mask = After.mask(net, new Change("c" + c, "", ops));
        MaskedView after = MaskedView.of(net, mask);
        givingBack += TransitStubs.givenBackAfterShortening(net, mask, after,
            new TransitStubs.Workspace(net.nodeCount())).length > 0 ? 1 : 0;
        double[] want = ReferenceRouter.loads(after, new double[1]);
        Set<String> moved = new HashSet<>();
        for (int k = 0; k < net.demandCount(); k++) {
          boolean[] x = ReferenceRouter.arcsOf(net, k);
          boolean[] y = ReferenceRouter.arcsOf(after, k);
          boolean same = x != null && y != null;
          for (int arc = 0; same && arc < x.length; arc++) {
            same = x[arc] == y[arc];
          }
          if (!same || y.length > x.length && anyUsed(y, x.length)) {
            moved.add(net.nodeId(net.demandSrc(k)) + ">" + net.nodeId(net.demandDst(k)));
          }
        }
        Scenario s = new Scenario("c" + c, "", mask);
        ImpactReport full = Evaluator.review("r", "s", net, s, Evaluator.Strategy.FULL,
            Thresholds.DEFAULT);
        ImpactReport inc = Evaluator.review("r", "s", net, s, Evaluator.Strategy.INCREMENTAL,
            Thresholds.DEFAULT);
        String what = "seed " + seed + " " + ops;
        ReportAssertions.assertSameReport(full, inc, what);
        double[] got = new double[want.length];
        System.arraycopy(before, 0, got, 0, before.length);
        for (LinkImpact li : inc.links()) {
          int l = after.link(li.linkId()).orElseThrow();
          int arc = after.nodeId(after.linkA(l)).equals(li.fromDevice()) ? 2 * l : 2 * l + 1;
          got[arc] = li.loadAfterGbps();
        }
        for (int arc = 0; arc < want.length; arc++) {
          assertEquals(want[arc], got[arc], 1e-9 * Math.max(1, want[arc]), what + " arc " + arc);
        }
        Set<String> reported = new HashSet<>();
        for (DemandImpact d : inc.demands()) {
          reported.add(d.src() + ">" + d.dst());
        }
        assertTrue(reported.containsAll(moved), what + ": moved " + moved + ", reported "
            + reported);
      }
    }
    assertTrue(givingBack > 100, "changes giving stubs back: " + givingBack);
  }

  private static boolean anyUsed(boolean[] arcs, int from) {
    for (int a = from; a < arcs.length; a++) {
      if (arcs[a]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two or three small random Clos data centres (sites "a", "b", "c") behind a core pair: per
   * data centre 2 spines, 2-4 leaves, each leaf the uplink of 2-4 racks (each rack on two
   * leaves), random metrics; demands between the leaves of different data centres. The racks
   * are stubs; their names go into {@code racks}.
   */
  private static Net fabrics(Random r, List<String> racks) {
    Net net = Net.create().device("c1", "core").device("c2", "core");
    net.link("c1-c2", "c1", "c2", 1 + r.nextInt(5), 1000);
    List<List<String>> leavesOf = new ArrayList<>();
    int dcs = 2 + r.nextInt(2);
    for (int d = 0; d < dcs; d++) {
      String dc = String.valueOf((char) ('a' + d));
      List<String> leaves = new ArrayList<>();
      for (int s = 1; s <= 2; s++) {
        String spine = dc + "-s" + s;
        net.device(spine, dc).link(spine + "-c1", spine, "c1", 1 + r.nextInt(4), 400)
            .link(spine + "-c2", spine, "c2", 1 + r.nextInt(4), 400);
      }
      int nLeaves = 2 + r.nextInt(3);
      for (int l = 0; l < nLeaves; l++) {
        String leaf = dc + "-l" + l;
        net.device(leaf, dc).link(leaf + "-s1", leaf, dc + "-s1", 1 + r.nextInt(3), 100)
            .link(leaf + "-s2", leaf, dc + "-s2", 1 + r.nextInt(3), 100);
        leaves.add(leaf);
      }
      for (int l = 0; l < nLeaves; l++) {
        for (int k = 2 + r.nextInt(3); k > 0; k--) {
          String rack = dc + "-r" + l + k;
          String other = leaves.get((l + 1) % nLeaves);
          net.device(rack, dc).link(rack + "-1", rack, leaves.get(l), 1 + r.nextInt(3), 100)
              .link(rack + "-2", rack, other, 1 + r.nextInt(3), 100);
          racks.add(rack);
        }
      }
      leavesOf.add(leaves);
    }
    for (int x = 0; x < dcs; x++) {
      for (int y = 0; y < dcs; y++) {
        if (x != y) {
          for (String a : leavesOf.get(x)) {
            for (String b : leavesOf.get(y)) {
              net.demand(a, b, 1 + r.nextInt(9));
            }
          }
        }
      }
    }
    return net;
  }
}
