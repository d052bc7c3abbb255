package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netimpact.testing.RandomNetworks;
import org.junit.jupiter.api.Test;

/**
 * A baseline made "for now" computes its path statistics device by device and pushes its
 * loads only when asked: the values are those of the baseline computed at once, bit for bit,
 * whatever order the devices are asked in.
 */
class OnDemandBaselineTest {
  @Test
  void onDemandStatisticsAndLoads_equalTheWholeComputationBitForBit() {
    for (long seed = 1; seed <= 40; seed++) {
      Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 6 + (int) (seed % 12),
          10 + (int) (seed % 17), 40));
      PairEvaluator whole = new PairEvaluator(net);
      PairEvaluator now = new PairEvaluator(net);
      for (int t : net.destinations()) {
        DestinationBaseline a = whole.baseline(t);
        DestinationBaseline b = now.baselineForNow(t);
        int[] order = a.dag().order();
        // Farthest first, so each request computes a whole chain below it; then nearest
        // first on a fresh binding, so each request finds its next hops done.
        for (int i = order.length - 1; i >= 0; i--) {
          int v = order[i];
          assertEquals(a.fingerprint(v), b.fingerprint(v), "seed " + seed + " dst " + t);
          assertEquals(Double.doubleToLongBits(a.latency(v)),
              Double.doubleToLongBits(b.latency(v)));
        }
        DestinationBaseline c = now.baselineForNow(now.routeForNow(t));
        for (int v : order) {
          assertEquals(a.fingerprint(v), c.fingerprint(v));
        }
        assertArrayEquals(a.loadArcs(), c.loadArcs());
        assertArrayEquals(a.loads(), c.loads(), 0.0);
        assertEquals(a.lost(), c.lost(), 0.0);
      }
    }
  }

  @Test
  void aBaselineForNow_usedAfterTheNextOne_failsInsteadOfGivingAnotherDagsValues() {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(5, 10, 20, 30));
    PairEvaluator pe = new PairEvaluator(net);
    int[] dsts = net.destinations();
    DestinationBaseline first = pe.baselineForNow(dsts[0]);
    int v = first.dag().order()[first.dag().order().length - 1];
    pe.baselineForNow(dsts[1]);
    assertThrows(IllegalStateException.class, () -> first.latency(v));
  }
}
