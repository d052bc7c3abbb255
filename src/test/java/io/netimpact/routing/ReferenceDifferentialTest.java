package io.netimpact.routing;

import io.netimpact.testing.Router;
import io.netimpact.testing.After;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.model.Snapshot;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import org.junit.jupiter.api.Test;

/** The engine against a naive, independent implementation of the routing rules. */
class ReferenceDifferentialTest {
  @Test
  void engineLoads_matchTheNaiveReference_onRandomNetworksBeforeAndAfterChanges() {
    for (long seed = 1; seed <= 300; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 4 + (int) (seed % 9), 6 + (int) (seed % 14),
          12);
      Network before = NetworkCompiler.compile(s);
      MaskedView after = After.of(before, RandomNetworks.change(seed, s));
      for (NetworkView n : new NetworkView[] {before, after}) {
        double[] refLost = new double[1];
        double[] ref = ReferenceRouter.loads(n, refLost);
        double[] got = new double[n.arcCount()];
        double lost = 0;
        Router r = new Router(n.nodeCount());
        for (int dst : n.destinations()) {
          r.shortestPaths(n, dst);
          lost += r.push(n, got);
        }
        for (int a = 0; a < got.length; a++) {
          assertEquals(ref[a], got[a], 1e-9 * Math.max(1, ref[a]), "seed " + seed + " arc " + a);
        }
        assertEquals(refLost[0], lost, 1e-9, "lost traffic, seed " + seed);
      }
    }
  }
}
