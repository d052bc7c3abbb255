package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.impact.EvaluationContract;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Spark sweep: the scenario among more copies than the fused plan takes, so the cached
 * baseline, the survey, the cost-based units and the reduce by scenario all run.
 */
class SparkSweepContractTest extends EvaluationContract {
  @Override
  protected Outcome evaluate(Network base, Snapshot snapshot, Scenario scenario) {
    return sweep(base, new ArrayList<>(Collections.nCopies(SparkEvaluator.FUSED_SCENARIOS + 2,
        scenario)), io.netimpact.impact.Overlay.NONE);
  }

  @Override
  protected Outcome evaluateTe(io.netimpact.te.TeOverlay overlay,
      io.netimpact.model.Change change) {
    List<Scenario> many = new ArrayList<>();
    for (int i = 0; i < SparkEvaluator.FUSED_SCENARIOS + 2; i++) {
      many.add(teScenario(overlay, change));
    }
    return sweep(overlay.network(), many, overlay);
  }

  private Outcome sweep(Network base, List<Scenario> many, io.netimpact.impact.Overlay ov) {
    SparkEvaluator.Result r = SparkEvaluator.run(SparkTestSession.cluster(), "sweep", base, many,
        Evaluator.Strategy.INCREMENTAL, 3, lap -> { }).with(ov);
    var assembled = SparkEvaluator.assemble(SparkTestSession.jsc(), r, "r", "s",
        Thresholds.DEFAULT, (b, sc, view) -> 0);
    List<ImpactReport> reports = assembled.scenarios().map(scala.Tuple2::_1).collect();
    assembled.release();
    r.release();
    assertEquals(many.size(), reports.size());
    for (ImpactReport other : reports) {
      ReportAssertions.assertSameReport(reports.get(0), other, "every copy the same");
    }
    return Outcome.of(reports.get(0));
  }
}
