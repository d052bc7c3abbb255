package io.netimpact.pipeline;

import io.netimpact.impact.ClassInput;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.input.BadInputException;
import io.netimpact.input.ClassesReader;
import io.netimpact.input.InputProblem;
import io.netimpact.model.ServiceClasses;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.spark.SparkEvaluator;
import java.util.List;
import java.util.Optional;

/**
 * A review of a snapshot with {@code classes.json} (docs/classes.md): the one evaluator on the
 * driver, with per-class loads from the same evaluation and strict-priority service at
 * assembly. A review without classes takes the usual path, unchanged.
 */
final class ClassReview {
  private ClassReview() {}

  /** The review's report and baseline with classes; refused with traffic engineering. */
  static SparkEvaluator.Review review(String runId, String snapshotId, Network before,
      Scenario scenario, Thresholds th, ServiceClasses classes, Snapshot snapshot,
      boolean withTe, String snapshotDir) {
    if (withTe) {
      throw new BadInputException(new InputProblem(snapshotDir + "/" + ClassesReader.FILE, "",
          "", "classes of service are not modelled together with traffic engineering (SR-TE "
          + "policies, RSVP-TE LSPs or TE ops in the change): remove one of the two"));
    }
    Evaluator.Evaluated e = Evaluator.evaluated(runId, snapshotId, before, List.of(scenario),
        Evaluator.Strategy.INCREMENTAL, th, null, io.netimpact.impact.Overlay.NONE,
        Optional.of(ClassInput.of(classes, before, snapshot.demands())),
        io.netimpact.impact.PairComposition.none());
    return new SparkEvaluator.Review(e.reports().get(0), e.baseline());
  }
}
