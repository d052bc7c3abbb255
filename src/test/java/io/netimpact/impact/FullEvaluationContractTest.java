package io.netimpact.impact;

import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.verdict.Thresholds;

/** The plain-Java reference: every pair rerouted from scratch. */
class FullEvaluationContractTest extends EvaluationContract {
  @Override
  protected Outcome evaluate(Network base, Snapshot snapshot, Scenario scenario) {
    return Outcome.of(Evaluator.review("r", "s", base, scenario, Evaluator.Strategy.FULL,
        Thresholds.DEFAULT));
  }

  @Override
  protected Outcome evaluateTe(io.netimpact.te.TeOverlay overlay,
      io.netimpact.model.Change change) {
    return Outcome.of(Evaluator.review("r", "s", overlay.network(), teScenario(overlay, change),
        Evaluator.Strategy.FULL, Thresholds.DEFAULT, overlay));
  }
}
