package io.netimpact.te;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LspImpact;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import io.netimpact.input.ChangeReader;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.ScenarioMask;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The bundled sample samples/backbone-te and its two TE sample changes. */
class SampleBackboneTeTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone-te";
  static final String CHANGES = "src/main/resources/samples/backbone-te/changes/";

  private static ImpactReport review(String change) {
    Snapshot s = new SnapshotReader(new Configuration())
        .read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL).snapshot();
    Change c = ChangeReader.read(CHANGES + change, new Configuration());
    TeOverlay ov = TeOverlay.of(s, true);
    ImpactReport r = Evaluator.review("r", "s", ov.network(),
        ov.scenario(c, ScenarioMask.of(ov.network(), c)), Evaluator.Strategy.INCREMENTAL,
        Thresholds.DEFAULT, ov);
    System.out.println(change + ": " + r.summary().verdict() + " " + r.summary().reason());
    TeSummary.lines(r).forEach(System.out::println);
    return r;
  }

  @Test
  void uplinkReplacement_leavesTheReplicationLspWithoutAPath_andBlocks() {
    ImpactReport r = review("te-lsp-cannot-replace.json");
    assertEquals(Verdict.BLOCK, r.summary().verdict());
    assertTrue(r.summary().maxUtilBefore() < 0.8, "the sample's base runs below warn");
    LspImpact l = r.lsps().stream().filter(x -> x.lspId().equals("lsp-chi-den-replication"))
        .findFirst().orElseThrow();
    assertEquals(LspImpact.LspState.UP, l.stateBefore());
    assertEquals(LspImpact.LspState.DOWN, l.stateAfter());
  }

  @Test
  void oneSfoLaxCircuitOut_theSouthernPolicySurvives() {
    ImpactReport r = review("te-policy-survives.json");
    assertTrue(r.policies().isEmpty(), "the policy keeps its candidate path: " + r.policies());
    assertTrue(r.summary().verdict() != Verdict.BLOCK, r.summary().reason());
  }
}
