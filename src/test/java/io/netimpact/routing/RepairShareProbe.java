package io.netimpact.routing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routes.LoadSink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the per-pair choice between repair and reroute ({@link PairEvaluator#repairShare})
 * saves: the thread CPU time of routing every (N-1 scenario, destination) pair the rules
 * select (every {@code STRIDE}th link down and device drained) by repairing every pair, by the
 * share ({@code -Dshare=}, default {@link PairEvaluator#REPAIR_SHARE}), and by rerouting every
 * pair ({@code -Dreroute=false} leaves that out); the minimum of four rounds each, alternated.
 * {@code java -cp ... io.netimpact.routing.RepairShareProbe SNAPSHOT [STRIDE]}.
 */
public final class RepairShareProbe {
  public static void main(String[] args) throws Exception {
    Network net = ServeRoutingProbe.network(args[0]);
    int stride = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<ScenarioMask> masks = new ArrayList<>();
    for (int l = 0; l < net.linkCount(); l += stride) {
      masks.add(ScenarioMask.of(net, new Change("l" + l, "",
          List.of(new ChangeOp.SetLinkUp(net.linkId(l), false)))));
    }
    for (int v = 0; v < net.nodeCount(); v += stride) {
      masks.add(ScenarioMask.of(net, new Change("d" + v, "",
          List.of(new ChangeOp.SetDrained(net.nodeId(v), true)))));
    }
    double share = Double.parseDouble(System.getProperty("share",
        String.valueOf(PairEvaluator.REPAIR_SHARE)));
    // -Dreroute=false leaves out rerouting every pair (hours on the larger presets).
    PairEvaluator[] evs = Boolean.parseBoolean(System.getProperty("reroute", "true"))
        ? new PairEvaluator[] {new PairEvaluator(net).repairShare(1),
            new PairEvaluator(net).repairShare(share), new PairEvaluator(net)}
        : new PairEvaluator[] {new PairEvaluator(net).repairShare(1),
            new PairEvaluator(net).repairShare(share)};
    String[] names = {"repair every pair", "share " + share, "reroute every pair"};
    int[] dests = ServeRoutingProbe.dests(net);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    LoadSink none = (a, g) -> { };
    double[] best = new double[evs.length];
    Arrays.fill(best, Double.MAX_VALUE);
    long pairs = 0;
    for (int round = 0; round < 4; round++) {
      for (int e = 0; e < evs.length; e++) {
        PairEvaluator ev = evs[e];
        pairs = 0;
        long start = mx.getCurrentThreadCpuTime();
        for (int t : dests) {
          DestinationBaseline b = ev.baselineForNow(t);
          for (ScenarioMask m : masks) {
            if (ev.affects(b, m)) {
              ev.evaluate(b, m, e < 2, none);
              pairs++;
            }
          }
        }
        best[e] = Math.min(best[e], (mx.getCurrentThreadCpuTime() - start) / 1e6);
      }
    }
    System.out.printf("%d devices, %d arcs, %d destinations, %d scenarios, %d pairs selected%n",
        net.nodeCount(), net.arcCount(), dests.length, masks.size(), pairs);
    for (int e = 0; e < evs.length; e++) {
      System.out.printf("%-20s %9.1f ms CPU; rerouted %d, repaired on the complete DAG %d%n",
          names[e], best[e], evs[e].rerouted() / 4, evs[e].fallbacks() / 4);
    }
  }
}
