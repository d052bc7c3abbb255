package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The routing operator against independent computations: its push against the naive
 * reference router, its pull against the transpose of the reference router's matrix (built
 * one pair at a time), and the transpose identity {@code <A x, y> = <x, A^T y>} on random
 * networks with ECMP ties, parallel links, drained devices and links down.
 */
class RoutingOperatorTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void push_givesTheReferenceRoutersLoads(long seed) {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 12, 22, 40));
    double[] x = new double[net.demandCount()];
    for (int k = 0; k < x.length; k++) {
      x[k] = net.demandGbps(k);
    }
    double[] loads = new double[net.arcCount()];
    new RoutingOperator(net, 2).apply(x, loads);
    double[] expected = ReferenceRouter.loads(net, new double[1]);
    assertArrayEquals(expected, loads, 1e-9);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void pull_isTheTransposeOfTheReferenceRoutersMatrix(long seed) {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 10, 18, 30));
    int pairs = net.demandCount();
    double[][] a = new double[net.arcCount()][pairs];
    for (int k = 0; k < pairs; k++) {
      double[] unit = new double[pairs];
      unit[k] = 1;
      double[] column = ReferenceRouter.loads(net.withDemandVolumes(unit), new double[1]);
      for (int arc = 0; arc < column.length; arc++) {
        a[arc][k] = column[arc];
      }
    }
    Random r = new Random(seed);
    double[] y = new double[net.arcCount()];
    for (int arc = 0; arc < y.length; arc++) {
      y[arc] = r.nextGaussian();
    }
    double[] expected = new double[pairs];
    for (int arc = 0; arc < y.length; arc++) {
      for (int k = 0; k < pairs; k++) {
        expected[k] += a[arc][k] * y[arc];
      }
    }
    double[] pulled = new double[pairs];
    new RoutingOperator(net, 3).adjoint(y, pulled);
    assertArrayEquals(expected, pulled, 1e-9);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
  void transposeIdentity_holdsOnRandomNetworks(long seed) {
    Random r = new Random(seed);
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 20 + r.nextInt(60),
        40 + r.nextInt(120), 200));
    RoutingOperator op = new RoutingOperator(net, 1 + r.nextInt(3));
    double[] x = new double[op.cols()];
    double[] y = new double[op.rows()];
    for (int k = 0; k < x.length; k++) {
      x[k] = r.nextGaussian();
    }
    for (int a = 0; a < y.length; a++) {
      y[a] = r.nextGaussian();
    }
    double[] ax = new double[op.rows()];
    double[] aty = new double[op.cols()];
    op.apply(x, ax);
    op.adjoint(y, aty);
    double left = Cgls.dot(ax, y);
    double right = Cgls.dot(x, aty);
    assertEquals(left, right, 1e-9 * Math.max(1, Math.abs(left)));
  }
}
