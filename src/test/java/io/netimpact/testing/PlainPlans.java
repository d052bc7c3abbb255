package io.netimpact.testing;

import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.impact.WorstCase;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.CapacityPlanner;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import java.util.List;

/**
 * The augmentation plan with the plain-Java evaluator standing for the Spark one: it routes
 * every round again, whatever the planner says it may reuse (the reference for the Spark path,
 * which reuses the routing where usability did not change).
 */
public final class PlainPlans {
  private PlainPlans() {}

  /** One plain-Java evaluation of a round. */
  public static CapacityPlanner.Evaluated evaluate(Network base, List<Scenario> scenarios,
      Thresholds th) {
    WorstCase worst = new WorstCase(base.arcCount());
    List<ImpactReport> reports = Evaluator.evaluate("r", "snap", base, scenarios,
        Evaluator.Strategy.INCREMENTAL, th, worst);
    return new CapacityPlanner.Evaluated(BaselineLoads.of(base).load(), worst,
        reports.stream().map(ImpactReport::summary).toList());
  }

  /** Plans {@code changes} on {@code s}; {@code reroutes} gets each later round's flag. */
  public static AugmentPlan plan(String runId, String sweepId, Snapshot s, List<Change> changes,
      double target, Thresholds th, List<Boolean> reroutes) {
    Network base = NetworkCompiler.compile(s);
    List<Scenario> scenarios = changes.stream()
        .map(c -> new Scenario(c.id(), c.title(), ScenarioMask.of(base, c))).toList();
    return CapacityPlanner.plan(new CapacityPlanner.Request(runId, sweepId, s, changes, target),
        base, scenarios, evaluate(base, scenarios, th), (net, masks, reroute) -> {
          reroutes.add(reroute);
          return evaluate(net, masks, th);
        });
  }
}
