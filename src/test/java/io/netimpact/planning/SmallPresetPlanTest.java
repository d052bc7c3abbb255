package io.netimpact.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.PlainPlans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small preset's N-1 link sweep (the benchmark's shape at small scale) gets a plan. */
class SmallPresetPlanTest {
  @TempDir
  Path tmp;

  @Test
  void smallPresetN1LinkSweep_producesAPlan_afterWhichOnlyTheResidualIsUnsafe() {
    Configuration conf = new Configuration();
    SnapshotGenerator.generate(Preset.SMALL, 1, tmp.toString(), conf);
    Snapshot s = new SnapshotReader(conf)
        .read(tmp.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    List<Change> changes = s.links().stream().map(l -> new Change("link_down:" + l.id(), "",
        List.of(new ChangeOp.SetLinkUp(l.id(), false)))).toList();
    AugmentPlan plan = PlainPlans.plan("r", "n1", s, changes, 0.8, Thresholds.DEFAULT,
        new ArrayList<>());
    assertFalse(plan.rows().isEmpty(), "the generator calibrates its busiest arc near 60 %: "
        + "some single failure pushes a parallel link above 80 %");
    for (AugmentRow r : plan.rows()) {
      assertTrue(r.worstUtilBefore() > 0.8 && r.worstUtilAfter() <= 0.8 + 1e-9, r.toString());
      assertEquals(r.capacityBeforeGbps() + r.membersToAdd() * r.memberCapacityGbps(),
          r.capacityAfterGbps(), 1e-9, r.toString());
    }
    // Independently of the planner's rounds: the sweep on the snapshot with the plan's change
    // applied, each scenario combined with it, is SAFE outside the residual.
    Network base = NetworkCompiler.compile(s);
    Change add = plan.change().orElseThrow();
    List<Scenario> combined = changes.stream().map(c -> {
      List<ChangeOp> ops = new ArrayList<>(add.ops());
      ops.addAll(c.ops());
      return new Scenario(c.id(), "", ScenarioMask.of(base, new Change(c.id(), "", ops)));
    }).toList();
    Map<String, Verdict> residual = plan.residual().stream()
        .collect(Collectors.toMap(ResidualRow::scenarioId, ResidualRow::verdict));
    for (ScenarioSummary r : PlainPlans.evaluate(base, combined, Thresholds.DEFAULT)
        .summaries()) {
      assertEquals(residual.getOrDefault(r.scenarioId(), Verdict.SAFE), r.verdict(),
          r.scenarioId());
    }
  }
}
