package io.netimpact.spark;


import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.impact.WorstCase;
import io.netimpact.snapshot.ChangeWriter;
import io.netimpact.report.ReportTables;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.CapacityPlanner;
import io.netimpact.routing.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sweep --plan} on Spark (the console and {@code summary.txt} lines are
 * {@link io.netimpact.report.SummaryText}'s): the {@link CapacityPlanner}'s rounds evaluated by the one Spark
 * runner. A round that must route again runs {@link SparkEvaluator#run} on the augmented
 * network; one that may reuse the routing assembles the previous merged states again against
 * the augmented network's capacities ({@link SparkEvaluator#assemble}, the one assembler).
 */
public final class PlanRounds {

  private PlanRounds() {}

  /**
   * Plans from the sweep's own evaluation. {@code first} must still be persisted (it is reused
   * when the first round needs no new routing); every later evaluation is released here.
   */
  public static AugmentPlan plan(Cluster cluster, CapacityPlanner.Request req, Network base,
      List<Scenario> scenarios, SparkEvaluator.Result first, WorstCase firstWorst,
      List<io.netimpact.verdict.ScenarioSummary> firstSummaries, Thresholds th,
      Evaluator.Strategy strategy, int partitions) {
    JavaSparkContext jsc = cluster.jsc();
    List<SparkEvaluator.Result> routed = new ArrayList<>();
    SparkEvaluator.Result[] last = {first};
    try {
      return CapacityPlanner.plan(req, base, scenarios, new CapacityPlanner.Evaluated(
          first.baseline().load(), firstWorst, firstSummaries), (net, masks, reroute) -> {
            SparkEvaluator.Result r;
            if (reroute) {
              r = SparkEvaluator.run(cluster, "plan", net, masks, strategy, partitions,
                  lap -> { });
              routed.add(r);
            } else {
              SparkEvaluator.Result p = last[0];
              r = new SparkEvaluator.Result(p.states(), p.baseline(), jsc.broadcast(net),
                  jsc.broadcast(new ArrayList<>(masks)), p.pairsTotal(), p.pairsRecomputed(),
                  p.stragglerRatio(), p.routeTasks(), p.predictedImbalance(), p.overlay());
            }
            last[0] = r;
            SparkEvaluator.Assembly<Boolean> a = SparkEvaluator.assemble(jsc, r, req.runId(),
                req.snapshot().info().snapshotId(), th, (b, sc, view) -> Boolean.TRUE);
            try {
              return new CapacityPlanner.Evaluated(r.baseline().load(), a.worstCase(),
                  a.scenarios().map(t -> t._1().summary()).collect());
            } finally {
              a.release();
            }
          });
    } finally {
      routed.forEach(SparkEvaluator.Result::release);
    }
  }

  /** The plan's two tables, to publish with the run's others. */
  public static Map<String, ReportWriter.Rows> tables(AugmentPlan plan) {
    Map<String, ReportWriter.Rows> out = new LinkedHashMap<>();
    out.put(ReportTables.AUGMENT_PLAN, new ReportWriter.Rows(ReportTables.AUGMENT_PLAN_SCHEMA,
        plan.rows().stream().map(ReportTables::row).toList()));
    out.put(ReportTables.AUGMENT_RESIDUAL, new ReportWriter.Rows(
        ReportTables.AUGMENT_RESIDUAL_SCHEMA,
        plan.residual().stream().map(ReportTables::row).toList()));
    return out;
  }


  /**
   * {@code augment_plan.json}, attached to the run: the plan as a change request; with nothing
   * to add, none.
   */
  public static Map<String, byte[]> attachments(AugmentPlan plan) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    plan.change().ifPresent(c -> out.put(ReportTables.AUGMENT_PLAN_FILE,
        ChangeWriter.bytes(c)));
    return out;
  }
}
