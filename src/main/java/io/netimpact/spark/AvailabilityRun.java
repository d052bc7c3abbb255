package io.netimpact.spark;

import io.netimpact.availability.Accumulator;
import io.netimpact.availability.Availability;
import io.netimpact.availability.DestinationHits;
import io.netimpact.availability.FailureScenarios;
import io.netimpact.availability.Hazards;
import io.netimpact.impact.ClassService;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioHits;
import io.netimpact.impact.ScenarioState;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * A sweep's availability (contract 7.6) from its evaluated states, on the executors: no
 * scenario is routed again.
 *
 * <ol>
 *   <li>Where each failure scenario's merged state is: its arcs over capacity ({@link
 *       ScenarioHits#overArcs}), collected (a few arcs per scenario) and broadcast as {@link
 *       Hazards} with every scenario's probability.</li>
 *   <li>Again where the states are: each demand whose routing the scenario changed, hit or not
 *       ({@link ScenarioHits#changed}), keyed by its destination.</li>
 *   <li>Per destination, grouped with those outcomes: the base DAG routed once and every
 *       scenario's hits folded ({@link DestinationHits}); each task sums its destinations'
 *       demands into one {@link Accumulator}, and the driver merges the tasks'.</li>
 * </ol>
 * Cost: one base routing (one Dijkstra per destination) plus the walks of
 * {@link DestinationHits}; the shuffle carries the changed demands' outcomes only.
 */
public final class AvailabilityRun {
  private AvailabilityRun() {}

  /**
   * The availability of every demand of {@code r}'s base over {@code fs}'s scenarios, whose
   * states are {@code r}'s states {@code sweepIndex} (in {@link FailureScenarios#changes}
   * order). {@code r}'s states must still be persisted.
   */
  public static Availability run(Cluster cluster, SparkEvaluator.Result r, FailureScenarios fs,
      int[] sweepIndex, String runId, int partitions) {
    JavaSparkContext jsc = cluster.jsc();
    Network base = r.base().value();
    int scenarios = r.scenarios().value().size();
    int[] jOf = new int[scenarios];
    Arrays.fill(jOf, -1);
    for (int f = 0; f < sweepIndex.length; f++) {
      jOf[sweepIndex[f]] = f + 1;
    }
    double[] pf = fs.probabilities();
    double[] p = new double[pf.length + 1];
    p[0] = fs.pBase();
    System.arraycopy(pf, 0, p, 1, pf.length);
    List<String> ids = new ArrayList<>();
    ids.add(Availability.BASE_ID);
    fs.changes().forEach(c -> ids.add(c.id()));

    Broadcast<int[]> jOfBc = jsc.broadcast(jOf);
    Broadcast<double[]> loadBc = jsc.broadcast(r.baseline().load());
    int[] overBefore = ScenarioHits.overBefore(base, r.baseline().load());
    Broadcast<int[]> overBeforeBc = jsc.broadcast(overBefore);
    Broadcast<Network> baseBc = r.base();
    Broadcast<ArrayList<Scenario>> scBc = r.scenarios();
    JavaPairRDD<Integer, ScenarioState> mine = r.states().filter(e -> jOfBc.value()[e._1()] >= 0);
    // With classes of service, each arc over capacity with the classes it drops (null without:
    // a closure cannot capture an Optional).
    Broadcast<ClassService> csBc = r.classes().map(jsc::broadcast).orElse(null);
    List<Tuple2<Integer, Tuple2<int[], long[]>>> over = mine.mapPartitions(it -> {
      Network b = baseBc.value();
      MaskedView view = MaskedView.of(b);
      List<Tuple2<Integer, Tuple2<int[], long[]>>> out = new ArrayList<>();
      while (it.hasNext()) {
        Tuple2<Integer, ScenarioState> e = it.next();
        view.show(scBc.value().get(e._1()).mask());
        int[] arcs = ScenarioHits.overArcs(b, loadBc.value(), overBeforeBc.value(), view,
            e._2());
        long[] classes = new long[csBc == null ? 0 : arcs.length];
        for (int i = 0; i < classes.length; i++) {
          classes[i] = csBc.value().droppingAfter(e._2(), arcs[i], view.arcCapacity(arcs[i]));
        }
        out.add(new Tuple2<>(jOfBc.value()[e._1()], new Tuple2<>(arcs, classes)));
      }
      return out.iterator();
    }).collect();
    List<int[]> drops = new ArrayList<>(java.util.Collections.nCopies(p.length, new int[0]));
    List<long[]> dropping = new ArrayList<>(java.util.Collections.nCopies(p.length,
        new long[0]));
    drops.set(0, overBefore);
    for (Tuple2<Integer, Tuple2<int[], long[]>> t : over) {
      drops.set(t._1(), t._2()._1());
      dropping.set(t._1(), t._2()._2());
    }
    Broadcast<Hazards> hzBc = jsc.broadcast(Hazards.of(p, drops, dropping, base,
        r.classes()));

    JavaPairRDD<Integer, DestinationHits.ChangedHit> changed = mine.mapPartitionsToPair(it -> {
      Network b = baseBc.value();
      Hazards hz = hzBc.value();
      MaskedView view = MaskedView.of(b);
      List<Tuple2<Integer, DestinationHits.ChangedHit>> out = new ArrayList<>();
      while (it.hasNext()) {
        Tuple2<Integer, ScenarioState> e = it.next();
        int j = jOfBc.value()[e._1()];
        view.show(scBc.value().get(e._1()).mask());
        for (ScenarioHits.Changed c : ScenarioHits.changed(view, e._2(), hz::groupOf,
            g -> hz.dropping(j, g))) {
          out.add(new Tuple2<>(b.demandDst(c.demand()), new DestinationHits.ChangedHit(j, c)));
        }
      }
      return out.iterator();
    });
    List<Integer> dsts = Arrays.stream(base.destinations()).boxed().toList();
    int parts = Math.max(1, Math.min(partitions, dsts.size()));
    JavaPairRDD<Integer, Integer> byDst = jsc.parallelize(dsts, parts)
        .mapToPair(t -> new Tuple2<>(t, t));
    List<Accumulator> sums = byDst.cogroup(changed, parts).mapPartitions(it -> {
      DestinationHits walk = new DestinationHits(baseBc.value());
      Accumulator acc = new Accumulator();
      while (it.hasNext()) {
        var e = it.next();
        if (e._2()._1().iterator().hasNext()) {
          walk.fold(e._1(), hzBc.value(), e._2()._2(), acc);
        }
      }
      return List.of(acc).iterator();
    }).collect();
    Accumulator all = new Accumulator();
    sums.forEach(all::merge);
    return Availability.of(runId, base, hzBc.value(), ids, all, fs);
  }





}
