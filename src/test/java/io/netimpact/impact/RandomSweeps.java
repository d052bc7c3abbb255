package io.netimpact.impact;

import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;

/** A small random sweep evaluated in plain Java, with its worst case folded: shared fixture. */
public record RandomSweeps(Network base, List<Scenario> scenarios, WorstCase worst,
    List<ImpactReport> reports, double[] loadBefore) {

  /** Six random changes of every op kind on random network {@code seed}. */
  public static RandomSweeps of(long seed) {
    Snapshot s = RandomNetworks.snapshot(seed, 6 + (int) (seed % 10), 10 + (int) (seed % 15),
        30);
    Network base = NetworkCompiler.compile(s);
    List<Scenario> scenarios = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      Change c = RandomNetworks.change(seed * 100 + k, s);
      scenarios.add(new Scenario("s" + k, "", ScenarioMask.of(base, c)));
    }
    WorstCase worst = new WorstCase(base.arcCount());
    List<ImpactReport> reports = Evaluator.evaluate("r", "snap", base, scenarios,
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT, worst);
    return new RandomSweeps(base, scenarios, worst, reports, BaselineLoads.of(base).load());
  }
}
