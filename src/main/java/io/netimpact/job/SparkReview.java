package io.netimpact.job;

import io.netimpact.impact.DemandChange;
import io.netimpact.impact.DestinationOutcome;
import io.netimpact.impact.ImpactEngine;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LoadTotals;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.Thresholds;
import io.netimpact.routing.EcmpRouter;
import io.netimpact.routing.Network;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The review on Spark: the compiled before and after networks are broadcast once;
 * destinations are the unit of work, spread over tasks; each task routes its destinations
 * before and after with one reusable workspace and returns one partial {@link LoadTotals}
 * plus its destinations' demand changes; partials are merged by a tree reduce. Only when some
 * arc is over capacity after the change does a second pass over the same cached partitions
 * decide which rerouted demands are at risk, deriving the after-distances again for the
 * destinations with rerouted demands (cheaper than keeping O(V) per destination for a test
 * that a change without overload never needs).
 */
public final class SparkReview {
  private SparkReview() {}

  /** The merged outcome of a review. */
  public record Result(ImpactReport report, double[] loadBefore) {}

  /** One task's share: partial loads and the demand changes of its destinations. */
  static final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;
    final LoadTotals totals;
    final List<DestinationOutcome> outcomes;

    Partial(LoadTotals totals, List<DestinationOutcome> outcomes) {
      this.totals = totals;
      this.outcomes = outcomes;
    }
  }

  public static Result run(JavaSparkContext jsc, String runId, String snapshotId, Network before,
      Scenario scenario, Thresholds th) {
    Network after = scenario.after();
    Broadcast<Network[]> nets = jsc.broadcast(new Network[] {before, after});
    int[] dsts = ImpactEngine.destinations(after);
    List<Integer> work = new ArrayList<>(dsts.length);
    for (int d : dsts) {
      work.add(d);
    }
    int slices = Math.max(1, Math.min(dsts.length, jsc.defaultParallelism() * 4));
    JavaRDD<Partial> partials = jsc.parallelize(work, slices)
        .mapPartitions(it -> routeAll(nets.value(), it))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      LoadTotals totals = partials.map(p -> p.totals).treeReduce(LoadTotals::merge);
      boolean[] over = ImpactEngine.overArcs(after, totals);
      boolean anyOver = ImpactEngine.any(over);
      Broadcast<boolean[]> overBc = jsc.broadcast(over);
      List<DemandChange> changes = partials.flatMap(p -> {
        Network a = nets.value()[1];
        List<DemandChange> out = new ArrayList<>();
        for (DestinationOutcome o : p.outcomes) {
          out.addAll(o.finish(a, overBc.value(), anyOver));
        }
        return out.iterator();
      }).collect();
      overBc.destroy();
      ImpactReport report = ImpactEngine.assemble(runId, snapshotId, before, scenario, totals,
          changes, th);
      return new Result(report, totals.loadsBefore());
    } finally {
      partials.unpersist(false);
      nets.destroy();
    }
  }

  private static Iterator<Partial> routeAll(Network[] nets, Iterator<Integer> dsts) {
    Network before = nets[0];
    Network after = nets[1];
    LoadTotals totals = new LoadTotals(before.arcCount(), after.arcCount());
    EcmpRouter rb = new EcmpRouter(before.nodeCount());
    EcmpRouter ra = new EcmpRouter(after.nodeCount());
    List<DestinationOutcome> outcomes = new ArrayList<>();
    while (dsts.hasNext()) {
      DestinationOutcome o = ImpactEngine.routeDestination(before, after, dsts.next(), rb, ra,
          totals);
      if (!o.isEmpty()) {
        outcomes.add(o);
      }
    }
    return List.of(new Partial(totals, outcomes)).iterator();
  }
}
