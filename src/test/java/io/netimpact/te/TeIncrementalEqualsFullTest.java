package io.netimpact.te;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.RandomTe;
import io.netimpact.testing.ReportAssertions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With TE tables, the incremental evaluation and --strategy full give identical reports. */
class TeIncrementalEqualsFullTest {

  private static List<ImpactReport> evaluate(Snapshot s, List<Change> changes,
      Evaluator.Strategy strategy) {
    TeOverlay ov = TeOverlay.of(s, strategy == Evaluator.Strategy.INCREMENTAL);
    List<Scenario> sc = new ArrayList<>();
    for (Change c : changes) {
      sc.add(ov.scenario(c, ScenarioMask.of(ov.network(), c)));
    }
    return Evaluator.evaluate("r", "s", ov.network(), sc, strategy, Thresholds.DEFAULT, null,
        ov);
  }

  @Test
  void incrementalEqualsFull_onRandomTeNetworksWithEveryOpKind() {
    int cases = 0;
    int withLspRows = 0;
    int withPolicyRows = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Snapshot s = RandomTe.withTe(seed, RandomNetworks.snapshot(seed, 6 + (int) (seed % 12),
          10 + (int) (seed % 20), 40));
      List<Change> changes = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        Change c = RandomTe.change(seed * 100 + k, s);
        try {
          TeOverlay.of(s, false).scenario(c, ScenarioMask.of(TeOverlay.of(s, false).network(),
              c));
          changes.add(c);
        } catch (IllegalArgumentException e) {
          // A random TE op that is invalid here (an added policy steering a row twice).
        }
      }
      // Single-element failures as a sweep generates them.
      s.links().forEach(l -> changes.add(new Change("down:" + l.id(), "", List.of(
          new io.netimpact.model.ChangeOp.SetLinkUp(l.id(), false)))));
      List<ImpactReport> full = evaluate(s, changes, Evaluator.Strategy.FULL);
      List<ImpactReport> inc = evaluate(s, changes, Evaluator.Strategy.INCREMENTAL);
      for (int i = 0; i < changes.size(); i++) {
        String what = "seed " + seed + " " + changes.get(i);
        ReportAssertions.assertSameReport(full.get(i), inc.get(i), what);
        assertEquals(full.get(i).lsps(), inc.get(i).lsps(), what);
        assertEquals(full.get(i).policies(), inc.get(i).policies(), what);
        withLspRows += full.get(i).lsps().isEmpty() ? 0 : 1;
        withPolicyRows += full.get(i).policies().isEmpty() ? 0 : 1;
        cases++;
      }
    }
    assertTrue(cases > 1000, "cases " + cases);
    assertTrue(withLspRows > 50, "scenarios that move LSPs: " + withLspRows);
    assertTrue(withPolicyRows > 20, "scenarios that move policies: " + withPolicyRows);
  }
}
