package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.routes.StoredDag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A DAG's stored form rebuilds the same DAG; the content hash sees what routing reads. */
class StoredDagTest {
  @Test
  void storedDag_rebuildsTheSameDag_andTheSameBaseline() {
    for (long seed = 1; seed <= 40; seed++) {
      Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 6 + (int) (seed % 10),
          10 + (int) (seed % 15), 30));
      PairEvaluator pe = new PairEvaluator(net);
      for (int t : net.destinations()) {
        DestinationDag routed = pe.route(t);
        DestinationDag back = pe.dag(routed.stored());
        assertArrayEquals(routed.distances(), back.distances(), "seed " + seed + " dst " + t);
        assertArrayEquals(routed.order(), back.order());
        assertEquals(routed.truncated(), back.truncated());
        assertEquals(routed.horizon(), back.horizon());
        DestinationBaseline a = pe.baseline(t);
        DestinationBaseline b = pe.baseline(back);
        assertArrayEquals(a.loadArcs(), b.loadArcs());
        assertArrayEquals(a.loads(), b.loads(), 0.0);
        for (int v : routed.order()) {
          assertEquals(a.fingerprint(v), b.fingerprint(v));
        }
        assertEquals(a.lost(), b.lost(), 0.0);
      }
    }
  }

  @Test
  void storedDag_refusesABrokenOrder() {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(3, 8, 12, 20));
    PairEvaluator pe = new PairEvaluator(net);
    int t = net.destinations()[0];
    assertThrows(IllegalArgumentException.class, () -> new StoredDag(t, false,
        new int[] {t, 1}, new long[] {0}));
    assertThrows(IllegalArgumentException.class, () -> new StoredDag(t, false,
        new int[] {t, (t + 1) % 8, (t + 2) % 8}, new long[] {0, 5, 3}));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> pe.dag(new StoredDag(t, false, new int[] {t, t}, new long[] {0, 1})));
    assertTrue(twice.getMessage().contains("settled twice"), twice.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> pe.dag(new StoredDag(t, false, new int[] {t, 99}, new long[] {0, 1})));
  }

  @Test
  void contentHash_changesWithAMetric_butNotWithALatency() {
    Snapshot s = RandomNetworks.snapshot(9, 10, 16, 30);
    String h = ContentHash.of(NetworkCompiler.compile(s), 1);
    assertEquals(64, h.length());
    assertEquals(h, ContentHash.of(NetworkCompiler.compile(s), 1), "stable");
    assertNotEquals(h, ContentHash.of(NetworkCompiler.compile(s), 2), "format version");
    Link l = s.links().get(0);
    assertNotEquals(h, ContentHash.of(NetworkCompiler.compile(withLink(s,
        l.withMetrics(l.metric() + 1, l.metricBa()))), 1), "metric");
    Link c = l.withLatency(l.latencyMs() + 1);
    assertEquals(h, ContentHash.of(NetworkCompiler.compile(withLink(s, c)), 1), "latency");
  }

  private static Snapshot withLink(Snapshot s, Link l) {
    List<Link> links = new ArrayList<>(s.links());
    links.set(0, l);
    return new Snapshot(s.info(), s.devices(), links, s.demands(), s.te());
  }
}
