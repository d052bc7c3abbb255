package io.netimpact.job;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.Thresholds;
import io.netimpact.impact.WorstCase;
import io.netimpact.io.ChangeWriter;
import io.netimpact.io.ReportTables;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.AugmentRow;
import io.netimpact.planning.CapacityPlanner;
import io.netimpact.planning.ResidualRow;
import io.netimpact.routing.Network;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sweep --plan} on Spark: the {@link CapacityPlanner}'s rounds evaluated by the one Spark
 * runner. A round that must route again runs {@link SparkEvaluator#run} on the augmented
 * network; one that may reuse the routing assembles the previous merged states again against
 * the augmented network's capacities ({@link SparkEvaluator#assemble}, the one assembler).
 */
final class PlanRun {
  private static final int SHOWN = 15;

  private PlanRun() {}

  /**
   * Plans from the sweep's own evaluation. {@code first} must still be persisted (it is reused
   * when the first round needs no new routing); every later evaluation is released here.
   */
  static AugmentPlan plan(JavaSparkContext jsc, CapacityPlanner.Request req, Network base,
      List<Scenario> scenarios, SparkEvaluator.Result first, WorstCase firstWorst,
      List<io.netimpact.impact.ScenarioSummary> firstSummaries, Thresholds th,
      Evaluator.Strategy strategy, int partitions, PrintStream console) {
    List<SparkEvaluator.Result> routed = new ArrayList<>();
    SparkEvaluator.Result[] last = {first};
    try {
      return CapacityPlanner.plan(req, base, scenarios, new CapacityPlanner.Evaluated(
          first.baseline().load(), firstWorst, firstSummaries), (net, masks, reroute) -> {
            SparkEvaluator.Result r;
            if (reroute) {
              TaskTimes times = new TaskTimes();
              jsc.sc().addSparkListener(times);
              try {
                r = SparkEvaluator.run(jsc, "plan", net, masks, strategy, partitions, times,
                    console, new Stopwatch());
              } finally {
                jsc.sc().removeSparkListener(times);
              }
              routed.add(r);
            } else {
              SparkEvaluator.Result p = last[0];
              r = new SparkEvaluator.Result(p.states(), p.baseline(), jsc.broadcast(net),
                  jsc.broadcast(new ArrayList<>(masks)), p.pairsTotal(), p.pairsRecomputed(),
                  p.stragglerRatio(), p.routeTasks(), p.predictedImbalance());
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
  static Map<String, Dataset<Row>> tables(SparkSession spark, AugmentPlan plan) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put(ReportTables.AUGMENT_PLAN, spark.createDataFrame(plan.rows().stream()
        .map(ReportTables::row).toList(), ReportTables.AUGMENT_PLAN_SCHEMA));
    out.put(ReportTables.AUGMENT_RESIDUAL, spark.createDataFrame(plan.residual().stream()
        .map(ReportTables::row).toList(), ReportTables.AUGMENT_RESIDUAL_SCHEMA));
    return out;
  }

  /**
   * {@code augment_plan.json}, attached to the run: the plan as a change request; with nothing
   * to add, none.
   */
  static Map<String, byte[]> attachments(AugmentPlan plan) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    plan.change().ifPresent(c -> out.put(ReportTables.AUGMENT_PLAN_FILE,
        ChangeWriter.bytes(c)));
    return out;
  }

  /** The plan after the sweep table: links, members, capacity, rounds, the residual. */
  static void print(PrintStream out, AugmentPlan plan) {
    out.printf(Locale.ROOT, "%naugmentation plan (target %.0f %%): %d link%s, %d member%s "
        + "added, %.1f Gbps in total; %d round%s (%d routed again)%n",
        100 * plan.targetUtil(), plan.rows().size(), plan.rows().size() == 1 ? "" : "s",
        plan.membersAdded(), plan.membersAdded() == 1 ? "" : "s", plan.capacityAddedGbps(),
        plan.rounds(), plan.rounds() == 1 ? "" : "s", plan.reswept());
    if (!plan.rows().isEmpty()) {
      out.printf("  %-30s %8s %14s %-21s %-17s  %s%n", "link", "members", "Gbps each",
          "capacity Gbps", "worst util", "driven by");
      for (AugmentRow r : plan.rows().subList(0, Math.min(SHOWN, plan.rows().size()))) {
        out.printf(Locale.ROOT, "  %-30s %+8d %14.1f %-21s %-17s  %s%n", r.linkId(),
            r.membersToAdd(), r.memberCapacityGbps(),
            String.format(Locale.ROOT, "%.1f -> %.1f", r.capacityBeforeGbps(),
                r.capacityAfterGbps()),
            String.format(Locale.ROOT, "%.1f%% -> %.1f%%", 100 * r.worstUtilBefore(),
                100 * r.worstUtilAfter()), r.drivingScenarioId());
      }
      if (plan.rows().size() > SHOWN) {
        out.printf("  ... %d more in augment_plan%n", plan.rows().size() - SHOWN);
      }
    }
    out.printf("residual (still RISK or BLOCK with the plan applied): %d scenario%s%n", plan.residual().size(), plan.residual().size() == 1 ? "" : "s");
    for (ResidualRow r : plan.residual().subList(0, Math.min(SHOWN, plan.residual().size()))) {
      out.printf("  %-34s %-7s %s%n", r.scenarioId(), r.verdict(),
          SummaryPrinter.because(r.verdict(), r.reason()));
    }
    if (plan.residual().size() > SHOWN) {
      out.printf("  ... %d more in augment_residual%n", plan.residual().size() - SHOWN);
    }
  }
}
