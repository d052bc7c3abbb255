package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.testing.Router;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ECMP shares do not drift: on the large preset's baseline (99,600 devices, 418,128 links,
 * 1,968 destinations, deep Clos fabrics with wide ECMP), for every destination, the traffic
 * that arrives equals the traffic that entered, and at every other device what leaves equals
 * what arrives plus its own demand, within 1e-9 relative.
 *
 * <p>The snapshot is generated in memory (the files' records, without writing and reading
 * them back) and not calibrated (conservation does not depend on the volumes' scale); the
 * destinations are checked on every core, each thread with its own router, and an assertion's
 * message is made only when it fails.
 */
@Tag("slow")
class EcmpConservationTest {

  @Test
  void everyDestinationReceivesExactlyWhatEntered_andEveryDeviceForwardsWhatItReceives()
      throws Exception {
    Network net = NetworkCompiler.compile(SnapshotGenerator.uncalibrated(Preset.LARGE, 1));
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int checked = 0;
    try {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int first = i;
        parts.add(pool.submit(() -> checkEveryNth(net, first, threads)));
      }
      for (Future<Integer> p : parts) {
        checked += join(p);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(net.destinations().length, checked, "every destination checked");
    assertTrue(checked > 1900, "destinations checked: " + checked);
  }

  /** Checks destinations {@code first}, {@code first + step}, ...; returns how many. */
  private static int checkEveryNth(Network net, int first, int step) {
    Router r = new Router(net.nodeCount());
    double[] load = new double[net.arcCount()];
    double[] in = new double[net.nodeCount()];
    double[] out = new double[net.nodeCount()];
    double[] own = new double[net.nodeCount()];
    int[] destinations = net.destinations();
    int checked = 0;
    for (int i = first; i < destinations.length; i += step) {
      int t = destinations[i];
      Arrays.fill(load, 0);
      r.shortestPaths(net, t);
      double lost = r.push(net, load);
      double entered = -lost;
      Arrays.fill(in, 0);
      Arrays.fill(out, 0);
      Arrays.fill(own, 0);
      for (int k = net.demandsTo(t); k < net.demandsTo(t + 1); k++) {
        entered += net.demandGbps(k);
        own[net.demandSrc(k)] += r.reaches(net.demandSrc(k)) ? net.demandGbps(k) : 0;
      }
      for (int a = 0; a < load.length; a++) {
        in[net.head(a)] += load[a];
        out[net.tail(a)] += load[a];
      }
      assertEquals(entered, in[t], 1e-9 * Math.max(1, entered), "arrived at " + net.nodeId(t));
      assertEquals(0.0, out[t], 0.0, "nothing leaves the destination");
      for (int v = 0; v < net.nodeCount(); v++) {
        if (v != t) {
          double expected = in[v] + own[v];
          int at = v;
          // The message is made only on failure: 2e8 checks.
          assertEquals(expected, out[v], 1e-9 * Math.max(1, expected),
              () -> "forwarded by " + net.nodeId(at) + " towards " + net.nodeId(t));
        }
      }
      checked++;
    }
    return checked;
  }

  /** The part's count; an assertion failed in a thread is rethrown as it was. */
  private static int join(Future<Integer> part) throws Exception {
    try {
      return part.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
