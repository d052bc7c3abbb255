package io.netimpact.routing;

import io.netimpact.routes.LoadSink;
import io.netimpact.input.ChangeReader;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Where the service's routing goes, per request: how many destinations each request's rules
 * select, how many are repaired and how many rerouted, and the time of each kind per pair.
 * {@code java -cp ... io.netimpact.routing.ServeRoutingProbe SNAPSHOT CHANGES_DIR [N]}.
 */
public final class ServeRoutingProbe {
  /** The compiled network of snapshot {@code dir}. */
  public static Network network(String dir) {
    return NetworkCompiler.compile(new SnapshotReader(new Configuration())
        .read(dir, SnapshotReader.OnBadRecord.FAIL).snapshot());
  }

  /**
   * The first {@code n} (all when {@code n} is negative) change requests of {@code dir} by
   * name, as the service masks them (a growth of every demand as its routing); their kinds (op
   * names) into {@code kinds}.
   */
  public static List<ScenarioMask> masks(Network net, String dir, int n, List<String> kinds)
      throws Exception {
    Configuration conf = new Configuration();
    File[] files = new File(dir).listFiles((d, f) -> f.endsWith(".json"));
    Arrays.sort(files);
    List<ScenarioMask> masks = new ArrayList<>();
    for (int i = 0; i < (n < 0 ? files.length : n); i++) {
      Change c = ChangeReader.read(files[i].getPath(), conf);
      ScenarioMask m = ScenarioMask.of(net, c);
      masks.add(m.uniformGrowth(net).map(ScenarioMask.Growth::routing).orElse(m));
      StringBuilder k = new StringBuilder();
      c.ops().stream().map(o -> o.getClass().getSimpleName()).sorted()
          .forEach(s -> k.append(s).append(' '));
      kinds.add(k.toString().trim());
    }
    return masks;
  }

  public static void main(String[] args) throws Exception {
    Network net = network(args[0]);
    List<String> kinds = new ArrayList<>();
    List<ScenarioMask> masks = masks(net, args[1],
        args.length > 2 ? Integer.parseInt(args[2]) : -1, kinds);
    int n = masks.size();
    System.out.printf("network: %d devices, %d arcs, %d demands, %d destinations%n",
        net.nodeCount(), net.arcCount(), net.demandCount(), dests(net).length);
    PairEvaluator ev = new PairEvaluator(net);
    int[] dests = dests(net);
    long[] sel = new long[n], rep = new long[n], rer = new long[n];
    long[] repNs = new long[n], rerNs = new long[n];
    long routeNs = 0;
    LoadSink none = (a, g) -> { };
    for (int t : dests) {
      long t0 = System.nanoTime();
      DestinationBaseline b = ev.baselineForNow(t);
      routeNs += System.nanoTime() - t0;
      for (int i = 0; i < n; i++) {
        ScenarioMask m = masks.get(i);
        if (!ev.affects(b, m)) {
          continue;
        }
        sel[i]++;
        boolean repair = m.isIncreaseOnly() && m.returningStubs != null
            && m.returningStubs.length == 0;
        long s = System.nanoTime();
        ev.evaluate(b, m, true, none);
        long e = System.nanoTime() - s;
        s = System.nanoTime();
        ev.evaluate(b, m, false, none);
        long f = System.nanoTime() - s;
        rep[i]++;
        repNs[i] += e;
        rer[i]++;
        rerNs[i] += f;
      }
    }
    System.out.printf("base routing: %.1f ms per destination%n", routeNs / 1e6 / dests.length);
    TreeMap<String, long[]> byKind = new TreeMap<>();
    long[] tot = new long[6];
    for (int i = 0; i < n; i++) {
      ScenarioMask m = masks.get(i);
      String k = (m.isIncreaseOnly() ? "inc " : "SHORT ")
          + (m.returningStubs != null && m.returningStubs.length > 0 ? "stubs " : "")
          + kinds.get(i);
      long[] a = byKind.computeIfAbsent(k, x -> new long[6]);
      long[] row = {1, sel[i], rep[i], rer[i], repNs[i], rerNs[i]};
      for (int j = 0; j < 6; j++) {
        a[j] += row[j];
        tot[j] += row[j];
      }
    }
    System.out.println("requests  selected  pairs  pairs  incremental-ms  afresh-ms  kind (the same pairs evaluated incrementally and routed afresh, in turn)");
    for (var e : byKind.entrySet()) {
      long[] a = e.getValue();
      System.out.printf("%5d %9d %9d %9d %9.0f %9.0f   %s%n", a[0], a[1], a[2], a[3], a[4] / 1e6,
          a[5] / 1e6, e.getKey());
    }
    System.out.printf("%5d %9d %9d %9d %9.0f %9.0f   all (per pair: incremental %.3f ms, afresh %.3f ms)%n",
        tot[0], tot[1], tot[2], tot[3], tot[4] / 1e6, tot[5] / 1e6,
        tot[4] / 1e6 / Math.max(1, tot[2]), tot[5] / 1e6 / Math.max(1, tot[3]));
  }

  static int[] dests(Network net) {
    return java.util.stream.IntStream.range(0, net.nodeCount())
        .filter(t -> net.demandsTo(t) < net.demandsTo(t + 1)).toArray();
  }
}
