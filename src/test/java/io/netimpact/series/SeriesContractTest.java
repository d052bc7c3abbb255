package io.netimpact.series;

import io.netimpact.impact.EvaluationContract;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.Network;
import java.util.List;
import java.util.Optional;

/**
 * The traffic-series evaluator on a one-interval series holding the snapshot's own demands:
 * it must see every part of the change, its demand factors included.
 */
class SeriesContractTest extends EvaluationContract {
  @Override
  protected Outcome evaluate(Network base, Snapshot snapshot, Scenario scenario) {
    TrafficSeries series = new TrafficSeries(List.of(new TrafficInterval("t0",
        "2026-12-01T00:00", 60, snapshot.demands())));
    SeriesReport r = SeriesEvaluator.evaluate(base, SeriesEvaluator.prepare(base, series,
        Thresholds.DEFAULT), scenario.mask());
    IntervalResult i = r.intervals().get(0);
    return new Outcome(i.maxUtilBefore(), i.maxUtilAfter(), i.lostGbpsAfter(),
        i.arcsOverWarnAfter(), i.arcsOverCapacityAfter(), i.worstLinkAfter(), Optional.empty(),
        Optional.empty());
  }
}
