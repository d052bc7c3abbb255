package io.netimpact.impact;

import io.netimpact.routing.DestinationBaseline;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.routing.ServeRoutingProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's per-batch routing in one thread, without Spark: every request of a batch shown
 * to every destination as the service's tasks do (base DAG, the rules, the selected pairs
 * repaired into one state per request), timed by part. {@code java -cp ...
 * io.netimpact.impact.ServeBatchProbe SNAPSHOT CHANGES_DIR [N] [ROUNDS]}: the first N requests
 * (sorted by name) as one batch, evaluated ROUNDS times (the first warms the JIT);
 * {@code -Dshare=} sets {@link PairEvaluator#repairShare}.
 */
public final class ServeBatchProbe {
  public static void main(String[] args) throws Exception {
    Network net = ServeRoutingProbe.network(args[0]);
    List<ScenarioMask> masks = ServeRoutingProbe.masks(net, args[1],
        args.length > 2 ? Integer.parseInt(args[2]) : -1, new ArrayList<>());
    int n = masks.size();
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int[] dests = net.destinations();
    System.out.printf("network: %d devices, %d arcs, %d demands, %d destinations; %d requests%n",
        net.nodeCount(), net.arcCount(), net.demandCount(), dests.length, n);
    for (int round = 0; round < rounds; round++) {
      PairEvaluator pe = new PairEvaluator(net).repairShare(Double.parseDouble(
          System.getProperty("share", String.valueOf(PairEvaluator.REPAIR_SHARE))));
      ScenarioState[] states = new ScenarioState[n];
      for (int i = 0; i < n; i++) {
        states[i] = new ScenarioState(i);
      }
      long routeNs = 0, rulesNs = 0, evalNs = 0, pairs = 0;
      long t0 = System.nanoTime();
      for (int t : dests) {
        long a = System.nanoTime();
        DestinationDag dag = pe.routeForNow(t);
        DestinationBaseline[] made = new DestinationBaseline[1];
        long b = System.nanoTime();
        routeNs += b - a;
        for (int i = 0; i < n; i++) {
          long c = System.nanoTime();
          boolean hit = pe.affects(dag, masks.get(i));
          long d = System.nanoTime();
          rulesNs += d - c;
          if (hit) {
            Evaluator.evaluatePair(pe, dag,
                () -> made[0] != null ? made[0] : (made[0] = pe.baselineForNow(dag)),
                masks.get(i), Evaluator.Strategy.INCREMENTAL, states[i]);
            evalNs += System.nanoTime() - d;
            pairs++;
          }
        }
      }
      long total = System.nanoTime() - t0;
      long deltas = 0, changes = 0;
      double check = 0;
      for (ScenarioState s : states) {
        deltas += s.delta().size();
        changes += s.changes().size();
        for (var e : s.delta().int2DoubleEntrySet()) {
          check += Math.abs(e.getDoubleValue()) * (1 + e.getIntKey() % 7);
        }
        for (var c : s.changes()) {
          check += c.demand() % 13 + (Double.isNaN(c.latencyAfterMs()) ? 0 : c.latencyAfterMs());
        }
        check += s.lostAfter() + s.newlyUnroutable();
      }
      System.out.printf("check %.6f%n", check);
      System.out.printf("round %d: %.0f ms (base DAGs %.0f, rules %.0f, pairs %.0f); %d pairs, "
          + "%.3f ms per pair, %.1f ms per request; %d deltas, %d route changes%n", round,
          total / 1e6, routeNs / 1e6, rulesNs / 1e6, evalNs / 1e6, pairs,
          evalNs / 1e6 / Math.max(1, pairs), total / 1e6 / n, deltas, changes);

    }
  }
}
