package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The routing operator's kept paths (each destination's next hops below its pairs' sources,
 * pushed and pulled as arrays): the same loads and pulls as routing every destination on every
 * call, whatever the budget keeps, and the push over kept paths has its pull as transpose.
 */
class RoutingOperatorKeptPathsTest {
  private static final Network NET =
      NetworkCompiler.compile(SnapshotGenerator.snapshot(Preset.SMALL, 11));

  @Test
  void keptPaths_giveTheLoadsAndPullsOfRoutingEveryCall_whateverTheBudgetKeeps() {
    Random r = new Random(3);
    double[] x = new double[NET.demandCount()];
    double[] y = new double[NET.arcCount()];
    for (int k = 0; k < x.length; k++) {
      x[k] = r.nextDouble();
    }
    for (int a = 0; a < y.length; a++) {
      y[a] = r.nextGaussian();
    }
    RoutingOperator routed = new RoutingOperator(NET, 2, 0);
    double[] loads0 = new double[NET.arcCount()];
    double[] pull0 = new double[x.length];
    routed.apply(x, loads0);
    routed.adjoint(y, pull0);
    assertEquals(0, routed.keptPaths());
    int destinations = NET.destinations().length;
    RoutingOperator all = new RoutingOperator(NET, 2, Long.MAX_VALUE / 2);
    RoutingOperator some = new RoutingOperator(NET, 2, 30_000);
    for (RoutingOperator op : new RoutingOperator[] {all, some}) {
      // Pull first, then push, twice: the scratch of one must not leak into the other.
      for (int call = 0; call < 2; call++) {
        double[] pulled = new double[x.length];
        double[] loads = new double[NET.arcCount()];
        op.adjoint(y, pulled);
        op.apply(x, loads);
        assertArrayEquals(loads0, loads, 1e-9, "call " + call);
        assertArrayEquals(pull0, pulled, 1e-9, "call " + call);
      }
    }
    assertEquals(destinations, all.keptPaths());
    assertTrue(some.keptPaths() > 0 && some.keptPaths() < destinations,
        some.keptPaths() + " of " + destinations);
  }

  @Test
  void pathsPush_andPull_areTransposes_andSplitEquallyPerHop() {
    // Local nodes nearest first: 0 the destination, 1 -> 0 over arc 5, 2 -> {0 over arc 6,
    // 1 over arc 7}.
    PathsAfter p = new PathsAfter(new int[] {0, 0, 1, 3}, new int[] {5, 6, 7},
        new int[] {0, 0, 1});
    double[] traffic = {0, 1, 4};
    double[] load = new double[8];
    p.push(traffic, load);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 3, 2, 2}, load, 1e-12);
    assertArrayEquals(new double[3], traffic, 0);
    double[] y = {0, 0, 0, 0, 0, 1.5, -2, 0.25};
    double[] w = new double[3];
    p.pull(y, w);
    assertArrayEquals(new double[] {0, 1.5, (-2 + 0.25 + 1.5) / 2}, w, 1e-12);
    double[] t = {0, 1, 4};
    double pushed = 0;
    for (int a = 0; a < y.length; a++) {
      pushed += load[a] * y[a];
    }
    assertEquals(pushed, t[1] * w[1] + t[2] * w[2], 1e-12);
  }
}
