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
  private final Network net = NetworkCompiler.compile(SnapshotGenerator.snapshot(Preset.SMALL, 7));

  @Test
  void push_leavingOutTheRacks_givesTheReferenceRoutersLoads() {
    double[] x = new double[net.demandCount()];
    for (int k = 0; k < x.length; k++) {
      x[k] = net.demandGbps(k);
    }
    double[] loads = new double[net.arcCount()];
    new RoutingOperator(net, 2).apply(x, loads);
    double[] expected = ReferenceRouter.loads(net, new double[1]);
    assertArrayEquals(expected, loads, 1e-9);
    int idle = 0;
    for (double l : expected) {
      idle += l == 0 ? 1 : 0;
    }
    assertTrue(idle > 0, "the network has arcs no demand crosses (its racks')");
  }

  @Test
  void pull_leavingOutTheRacks_isTheReferenceMatrixTransposed() {
    int pairs = net.demandCount();
    Random r = new Random(5);
    double[] y = new double[net.arcCount()];
    for (int a = 0; a < y.length; a++) {
      y[a] = r.nextGaussian();
    }
    double[] pulled = new double[pairs];
    new RoutingOperator(net, 2).adjoint(y, pulled);
    for (int i = 0; i < 6; i++) {
      int k = r.nextInt(pairs);
      double[] unit = new double[pairs];
      unit[k] = 1;
      double[] column = ReferenceRouter.loads(net.withDemandVolumes(unit), new double[1]);
      assertEquals(Cgls.dot(column, y), pulled[k], 1e-9, "pair " + k);
    }
  }
}
