package io.netimpact.spark;

import io.netimpact.impact.EvaluationContract;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.testing.SparkTestSession;
import java.util.Optional;

/**
 * The Spark review run as Spark tasks on the local master ({@link LocalReview#TASKS}, as on a
 * cluster): the contract {@link SparkReviewContractTest} checks on the driver's threads.
 */
class SparkReviewOnTasksContractTest extends EvaluationContract {
  @Override
  protected Outcome evaluate(Network base, Snapshot snapshot, Scenario scenario) {
    return Outcome.of(SparkEvaluator.review(SparkTestSession.cluster(), "r", "s", base, scenario,
        Thresholds.DEFAULT, lap -> { }, Overlay.NONE, Optional.empty(), LocalReview.TASKS)
        .report());
  }

  @Override
  protected Outcome evaluateTe(io.netimpact.te.TeOverlay overlay,
      io.netimpact.model.Change change) {
    return Outcome.of(SparkEvaluator.review(SparkTestSession.cluster(), "r", "s",
        overlay.network(), teScenario(overlay, change), Thresholds.DEFAULT, lap -> { }, overlay,
        Optional.empty(), LocalReview.TASKS).report());
  }
}
