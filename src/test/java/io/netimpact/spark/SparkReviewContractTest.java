package io.netimpact.spark;

import io.netimpact.impact.EvaluationContract;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.testing.SparkTestSession;

/**
 * The Spark review: one scenario, the fused plan, assembled on the driver; on this local master
 * evaluated on the driver's threads ({@link LocalReview#DRIVER}, the default).
 */
class SparkReviewContractTest extends EvaluationContract {
  @Override
  protected Outcome evaluate(Network base, Snapshot snapshot, Scenario scenario) {
    return Outcome.of(SparkEvaluator.review(SparkTestSession.cluster(), "r", "s", base, scenario,
        Thresholds.DEFAULT, lap -> { }, io.netimpact.impact.Overlay.NONE,
        java.util.Optional.empty(), LocalReview.DRIVER).report());
  }

  @Override
  protected Outcome evaluateTe(io.netimpact.te.TeOverlay overlay,
      io.netimpact.model.Change change) {
    return Outcome.of(SparkEvaluator.review(SparkTestSession.cluster(), "r", "s",
        overlay.network(), teScenario(overlay, change), Thresholds.DEFAULT, lap -> { }, overlay,
        java.util.Optional.empty(), LocalReview.DRIVER).report());
  }
}
