package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.ReferenceRouter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The routing operator on a generated network whose racks carry no pair's traffic, so that
 * they are left out of its Dijkstras, pushes and pulls: its loads and its transpose still agree
 * with the reference router, which routes over every device.
 */
class RoutingOperatorCoreTest {
  private static final Network NET =
      NetworkCompiler.compile(SnapshotGenerator.snapshot(Preset.SMALL, 7));

  @Test
  void push_leavingOutTheRacks_givesTheReferenceRoutersLoads() {
    double[] x = new double[NET.demandCount()];
    for (int k = 0; k < x.length; k++) {
      x[k] = NET.demandGbps(k);
    }
    double[] loads = new double[NET.arcCount()];
    new RoutingOperator(NET, 2).apply(x, loads);
    double[] expected = ReferenceRouter.loads(NET, new double[1]);
    assertArrayEquals(expected, loads, 1e-9);
    int idle = 0;
    for (double l : expected) {
      idle += l == 0 ? 1 : 0;
    }
    assertTrue(idle > 0, "the network has arcs no demand crosses (its racks')");
  }

  @Test
  void pull_leavingOutTheRacks_isTheReferenceMatrixTransposed() {
    int pairs = NET.demandCount();
    Random r = new Random(5);
    double[] y = new double[NET.arcCount()];
    for (int a = 0; a < y.length; a++) {
      y[a] = r.nextGaussian();
    }
    double[] pulled = new double[pairs];
    new RoutingOperator(NET, 2).adjoint(y, pulled);
    for (int i = 0; i < 3; i++) {
      int k = r.nextInt(pairs);
      double[] unit = new double[pairs];
      unit[k] = 1;
      double[] column = ReferenceRouter.loads(NET.withDemandVolumes(unit), new double[1]);
      assertEquals(Cgls.dot(column, y), pulled[k], 1e-9, "pair " + k);
    }
  }

  @Test
  void keptDags_giveTheSameLoadsAndPullsAsRoutingEveryCall() {
    double[] x = new double[NET.demandCount()];
    double[] y = new double[NET.arcCount()];
    Random r = new Random(9);
    for (int k = 0; k < x.length; k++) {
      x[k] = r.nextDouble();
    }
    for (int a = 0; a < y.length; a++) {
      y[a] = r.nextGaussian();
    }
    RoutingOperator routed = new RoutingOperator(NET, 2, 0);
    double[] expectedLoads = new double[NET.arcCount()];
    double[] expectedPull = new double[x.length];
    routed.apply(x, expectedLoads);
    routed.adjoint(y, expectedPull);
    assertEquals(0, routed.keptDestinations());
    int destinations = NET.destinations().length;
    // All kept, and a budget that keeps some destinations only.
    for (long budget : new long[] {Long.MAX_VALUE / 2, 12L * 40 * 20}) {
      RoutingOperator op = new RoutingOperator(NET, 2, budget);
      for (int call = 0; call < 2; call++) {
        double[] loads = new double[NET.arcCount()];
        double[] pulled = new double[x.length];
        op.apply(x, loads);
        op.adjoint(y, pulled);
        assertArrayEquals(expectedLoads, loads, 1e-9, "call " + call);
        assertArrayEquals(expectedPull, pulled, 1e-9, "call " + call);
      }
      int kept = op.keptDestinations();
      assertTrue(budget > 1e9 ? kept == destinations : kept > 0 && kept < destinations,
          kept + " of " + destinations + " kept with " + budget + " bytes");
    }
  }

  /**
   * Every ordered pair of the demands' endpoints, as deduction takes them: pairs inside one site
   * may cross its racks, the others may not, and each set is routed over its own core.
   */
  @Test
  void everyPairOfTheEndpoints_withPairsInsideASite_pushAndPullAsTheReferenceRouter() {
    boolean[] endpoint = new boolean[NET.nodeCount()];
    for (int k = 0; k < NET.demandCount(); k++) {
      endpoint[NET.demandSrc(k)] = true;
      endpoint[NET.demandDst(k)] = true;
    }
    int[] ends = java.util.stream.IntStream.range(0, NET.nodeCount()).filter(v -> endpoint[v])
        .toArray();
    int count = ends.length * (ends.length - 1);
    int[] src = new int[count];
    int[] dst = new int[count];
    double[] gbps = new double[count];
    Random r = new Random(17);
    int k = 0;
    int within = 0;
    int[] insideASite = new int[count];
    for (int d : ends) {
      for (int s : ends) {
        if (s != d) {
          src[k] = s;
          dst[k] = d;
          gbps[k] = r.nextDouble();
          if (!NET.site(s).isEmpty() && NET.site(s).equals(NET.site(d))) {
            insideASite[within++] = k;
          }
          k++;
        }
      }
    }
    assertTrue(within > 0 && within < count, within + " of " + count + " pairs inside a site");
    Network pairs = NET.withDemands(src, dst, gbps);
    RoutingOperator op = new RoutingOperator(pairs, 2);
    double[] loads = new double[pairs.arcCount()];
    op.apply(gbps, loads);
    assertArrayEquals(ReferenceRouter.loads(pairs, new double[1]), loads, 1e-9);
    double[] y = new double[pairs.arcCount()];
    for (int a = 0; a < y.length; a++) {
      y[a] = r.nextGaussian();
    }
    double[] pulled = new double[count];
    op.adjoint(y, pulled);
    for (int i = 0; i < 6; i++) {
      int pair = i % 2 == 0 ? insideASite[r.nextInt(within)] : r.nextInt(count);
      double[] unit = new double[count];
      unit[pair] = 1;
      double[] column = ReferenceRouter.loads(pairs.withDemandVolumes(unit), new double[1]);
      assertEquals(Cgls.dot(column, y), pulled[pair], 1e-9, "pair " + pair);
    }
  }
}
