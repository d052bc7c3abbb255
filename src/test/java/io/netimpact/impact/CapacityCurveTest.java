package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.routing.Network;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each link's heaviest load per capacity over the scenarios, as the plan reads it. */
class CapacityCurveTest {
  @Test
  void curve_isTheHeaviestArcLoadPerCapacity_overTheScenariosWhereTheLinkIsUsable() {
    int points = 0;
    for (long seed = 1; seed <= 30; seed++) {
      RandomSweeps sweep = RandomSweeps.of(seed);
      Network base = sweep.base();
      WorstCase worst = sweep.worst();
      List<ImpactReport> reports = sweep.reports();
      double[] load = sweep.loadBefore();
      for (int l = 0; l < base.linkCount(); l++) {
        // Independently: per scenario, each arc's row if it has one, else its baseline.
        Map<Double, double[]> expected = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
          Map<String, LinkImpact> rows = new HashMap<>();
          reports.get(i).links().forEach(x -> rows.put(x.linkId() + ">" + x.fromDevice(), x));
          for (int a = 2 * l; a <= 2 * l + 1; a++) {
            LinkImpact x = rows.get(base.linkId(l) + ">" + base.nodeId(base.tail(a)));
            double cap = x != null ? x.capacityAfterGbps() : base.arcCapacity(a);
            double ld = x != null ? x.loadAfterGbps() : load[a];
            if (cap <= 0) {
              continue;
            }
            double[] e = expected.get(cap);
            if (e == null || ld > e[0]) {
              expected.put(cap, new double[] {ld, i});
            }
          }
        }
        CapacityCurve.Point[] got = worst.curve().points(l);
        assertEquals(expected.size(), got.length, "seed " + seed + " link " + base.linkId(l));
        for (CapacityCurve.Point p : got) {
          double[] e = expected.get(p.capacityGbps());
          assertEquals(e[0], p.loadGbps(), 1e-9 * Math.max(1, e[0]));
          assertEquals((int) e[1], p.scenario(), "seed " + seed + " link " + base.linkId(l));
          points++;
        }
      }
    }
    assertTrue(points > 300, "points checked: " + points);
  }

  @Test
  void merge_isTheCurveOfTheUnion_tiesToTheFirstScenario() {
    CapacityCurve a = new CapacityCurve(1);
    a.add(0, 3, 50, 100);
    a.add(0, 1, 40, 75);
    CapacityCurve b = new CapacityCurve(1);
    b.add(0, 2, 50, 100);
    b.add(0, 4, 60, 75);
    b.add(0, 5, 10, 200);
    CapacityCurve.Point[] p = a.merge(b).points(0);
    assertEquals(List.of(new CapacityCurve.Point(100, 50, 2), new CapacityCurve.Point(75, 60, 4),
        new CapacityCurve.Point(200, 10, 5)), List.of(p));
  }
}
