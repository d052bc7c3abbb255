package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.SnapshotReader;
import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.testing.Router;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ECMP shares do not drift: on the large preset's baseline (99,600 devices, 418,128 links,
 * 1,968 destinations, deep Clos fabrics with wide ECMP), for every destination, the traffic
 * that arrives equals the traffic that entered, and at every other device what leaves equals
 * what arrives plus its own demand, within 1e-9 relative.
 */
@Tag("slow")
class EcmpConservationTest {
  @TempDir
  Path tmp;

  @Test
  void everyDestinationReceivesExactlyWhatEntered_andEveryDeviceForwardsWhatItReceives() {
    Configuration conf = new Configuration();
    SnapshotGenerator.generate(Preset.LARGE, 1, tmp.toString(), conf,
        SnapshotGenerator.Format.JSONL);
    Network net = NetworkCompiler.compile(new SnapshotReader(conf)
        .read(tmp.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot());
    Router r = new Router(net.nodeCount());
    double[] load = new double[net.arcCount()];
    double[] in = new double[net.nodeCount()];
    double[] out = new double[net.nodeCount()];
    double[] own = new double[net.nodeCount()];
    int checked = 0;
    for (int t : net.destinations()) {
      java.util.Arrays.fill(load, 0);
      r.shortestPaths(net, t);
      double lost = r.push(net, load);
      double entered = -lost;
      java.util.Arrays.fill(in, 0);
      java.util.Arrays.fill(out, 0);
      java.util.Arrays.fill(own, 0);
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
          assertEquals(expected, out[v], 1e-9 * Math.max(1, expected),
              "forwarded by " + net.nodeId(v) + " towards " + net.nodeId(t));
        }
      }
      checked++;
    }
    assertTrue(checked > 1900, "destinations checked: " + checked);
  }
}
