package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assembler looks only at the arcs a scenario changes and those not OK before; its summary
 * must be what one pass over every arc in arc order gives (the reference below), ties and all.
 */
class AssemblerTest {

  @Test
  void summaryFigures_equalThoseOfAPassOverEveryArc() {
    int scenarios = 0;
    int withWorstLink = 0;
    for (long seed = 1; seed <= 60; seed++) {
      RandomSweeps sweep = RandomSweeps.of(seed);
      Network base = sweep.base();
      for (int i = 0; i < sweep.reports().size(); i++) {
        ImpactReport r = sweep.reports().get(i);
        MaskedView after = MaskedView.of(base, sweep.scenarios().get(i).mask());
        Map<Integer, LinkImpact> rows = new HashMap<>();
        for (LinkImpact li : r.links()) {
          for (int a = 0; a < after.arcCount(); a++) {
            if (after.linkId(Network.linkOf(a)).equals(li.linkId())
                && after.nodeId(after.tail(a)).equals(li.fromDevice())) {
              rows.put(a, li);
            }
          }
        }
        double maxBefore = 0;
        double maxAfter = 0;
        int worst = -1;
        long warn = 0;
        long over = 0;
        double overflow = 0;
        for (int a = 0; a < after.arcCount(); a++) {
          double capB = a < base.arcCount() ? base.arcCapacity(a) : 0;
          double loadB = a < base.arcCount() ? sweep.loadBefore()[a] : 0;
          double capA = after.arcCapacity(a);
          double loadA = rows.containsKey(a) ? rows.get(a).loadAfterGbps() : loadB;
          maxBefore = Math.max(maxBefore, Assembler.util(loadB, capB));
          double u = Assembler.util(loadA, capA);
          if (u > maxAfter) {
            maxAfter = u;
            worst = a;
          }
          ArcStatus s = ArcStatus.of(capA, loadA, Thresholds.DEFAULT);
          if (s == ArcStatus.OVER) {
            over++;
            overflow += Math.max(0, loadA - capA);
          }
          if (s == ArcStatus.OVER || s == ArcStatus.WARN) {
            warn++;
          }
        }
        ScenarioSummary sum = r.summary();
        String what = "seed " + seed + " scenario " + i;
        assertEquals(maxBefore, sum.maxUtilBefore(), 1e-12, what);
        assertEquals(maxAfter, sum.maxUtilAfter(), 1e-12, what);
        assertEquals(worst < 0 ? "" : after.linkId(Network.linkOf(worst)), sum.worstLinkId(),
            what);
        assertEquals(warn, sum.linksOverWarnAfter(), what);
        assertEquals(over, sum.linksOverCapacityAfter(), what);
        assertEquals(overflow, sum.overflowGbpsAfter(), 1e-9, what);
        scenarios++;
        withWorstLink += worst >= 0 ? 1 : 0;
      }
    }
    assertTrue(scenarios >= 300 && withWorstLink > scenarios / 2,
        scenarios + " scenarios, " + withWorstLink + " with a worst link");
  }
}
