package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.routing.Network;
import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.verdict.Thresholds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worst case per arc is the maximum over the scenarios' rows and the unchanged arcs. */
class WorstCaseTest {
  @Test
  void worstCase_agreesWithTheMaximumOverLinkImpactRowsAndTheBaseline_onRandomNetworks() {
    int checked = 0;
    for (long seed = 1; seed <= 40; seed++) {
      RandomSweeps sweep = RandomSweeps.of(seed);
      Network base = sweep.base();
      List<Scenario> scenarios = sweep.scenarios();
      WorstCase worst = sweep.worst();
      List<ImpactReport> reports = sweep.reports();
      double[] load = sweep.loadBefore();
      List<LinkWorstCase> rows = worst.rows("r", base, load, scenarios);
      assertEquals(base.arcCount(), rows.size());
      for (int a = 0; a < base.arcCount(); a++) {
        String key = base.linkId(a >> 1) + ">" + base.nodeId(base.tail(a));
        // Independently: per scenario the arc's row if it has one, else its baseline.
        double best = -1;
        String bestId = null;
        long warn = 0;
        long over = 0;
        for (ImpactReport r : reports) {
          Map<String, LinkImpact> byArc = new HashMap<>();
          r.links().forEach(l -> byArc.put(l.linkId() + ">" + l.fromDevice(), l));
          LinkImpact l = byArc.get(key);
          double cap = l != null ? l.capacityAfterGbps() : base.arcCapacity(a);
          double ld = l != null ? l.loadAfterGbps() : load[a];
          ArcStatus st = l != null ? l.statusAfter() : ArcStatus.of(cap, ld, Thresholds.DEFAULT);
          if (cap <= 0) {
            continue;
          }
          if (ld / cap > best) {
            best = ld / cap;
            bestId = r.summary().scenarioId();
          }
          warn += st == ArcStatus.WARN || st == ArcStatus.OVER ? 1 : 0;
          over += st == ArcStatus.OVER ? 1 : 0;
        }
        LinkWorstCase w = rows.get(a);
        String what = "seed " + seed + " arc " + key;
        if (bestId == null) {
          assertEquals(java.util.Optional.empty(), w.worstScenarioId(), what);
        } else {
          assertEquals(best, w.worstUtil(), 1e-9 * Math.max(1, best), what);
          assertEquals(bestId, w.worstScenarioId().orElseThrow(), what);
          checked++;
        }
        assertEquals(warn, w.scenariosOverWarn(), what);
        assertEquals(over, w.scenariosOverCapacity(), what);
        assertEquals(load[a], w.loadBeforeGbps(), 1e-9 * Math.max(1, load[a]), what);
      }
    }
    assertEquals(true, checked > 500, "arcs checked: " + checked);
  }

  @Test
  void utilisationsEqualWithinRounding_nameTheEarlierScenario_inAnyFoldOrder() {
    Network base = io.netimpact.testing.Topologies.square().compile();
    List<Scenario> scenarios = List.of(new Scenario("first", "", null),
        new Scenario("second", "", null), new Scenario("third", "", null));
    WorstCase oneTask = new WorstCase(base.arcCount());
    oneTask.add(1, 0, 50.0, 100, ArcStatus.OK);
    oneTask.add(0, 0, 50.0 * (1 - 1e-13), 100, ArcStatus.OK);
    oneTask.add(2, 0, 49.0, 100, ArcStatus.OK);
    WorstCase a = new WorstCase(base.arcCount());
    a.add(1, 0, 50.0, 100, ArcStatus.OK);
    WorstCase b = new WorstCase(base.arcCount());
    b.add(0, 0, 50.0 * (1 - 1e-13), 100, ArcStatus.OK);
    double[] before = new double[base.arcCount()];
    for (WorstCase w : List.of(oneTask, a.merge(b))) {
      assertEquals(java.util.Optional.of("first"),
          w.rows("r", base, before, scenarios).get(0).worstScenarioId());
    }
    WorstCase c = new WorstCase(base.arcCount());
    c.add(0, 0, 49.0, 100, ArcStatus.OK);
    c.add(2, 0, 50.0, 100, ArcStatus.OK);
    assertEquals(java.util.Optional.of("third"),
        c.rows("r", base, before, scenarios).get(0).worstScenarioId(),
        "a real difference still decides");
  }
}
