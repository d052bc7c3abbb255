package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The routing operator's kept paths (each destination's next hops below its pairs' sources,
 * pushed and pulled as arrays): the same loads and pulls as routing every destination on every
 * call, whatever the budget keeps.
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
    assertSameAsRouted(all, x, y, loads0, pull0);
    // Half the bytes all the paths take: some destinations keep theirs, the others do not.
    RoutingOperator some = new RoutingOperator(NET, 2, all.keptPathBytes() / 2);
    assertSameAsRouted(some, x, y, loads0, pull0);
    assertEquals(destinations, all.keptPaths());
    assertTrue(some.keptPaths() > 0 && some.keptPaths() < destinations,
        some.keptPaths() + " of " + destinations);
  }

  /** Pull first, then push, twice: the scratch of one must not leak into the other. */
  private static void assertSameAsRouted(RoutingOperator op, double[] x, double[] y,
      double[] loads0, double[] pull0) {
    for (int call = 0; call < 2; call++) {
      double[] pulled = new double[x.length];
      double[] loads = new double[NET.arcCount()];
      op.adjoint(y, pulled);
      op.apply(x, loads);
      assertArrayEquals(loads0, loads, 1e-9, "call " + call);
      assertArrayEquals(pull0, pulled, 1e-9, "call " + call);
    }
  }
}
