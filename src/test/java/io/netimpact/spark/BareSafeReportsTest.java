package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import io.netimpact.verdict.Verdict;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scenarios assembled bare when SAFE (a sweep's pairs of failures, listed only when not SAFE)
 * keep the summary the full report has, and the worst case per arc they fold is the same; a
 * SAFE one carries no rows, any other its full report.
 */
class BareSafeReportsTest {

  @Test
  void safeScenariosAssembledBare_keepTheirSummaryAndWorstCase_andDropOnlyTheirRows() {
    int safeWithRows = 0;
    int notSafe = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 14, 26, 60);
      Network base = NetworkCompiler.compile(s);
      List<Scenario> scenarios = new ArrayList<>();
      for (Change c : Sweep.failures(List.of(Sweep.Each.LINK, Sweep.Each.DEVICE),
          Optional.empty(), Optional.empty(), Optional.empty(), s)) {
        scenarios.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
      }
      // A warn utilisation low enough that some scenarios are RISK, some SAFE.
      Thresholds th = new Thresholds(0.5);
      var cluster = SparkTestSession.cluster();
      SparkEvaluator.Result r = SparkEvaluator.run(cluster, "sweep", base, scenarios,
          Evaluator.Strategy.INCREMENTAL, 3, lap -> { });
      try {
        BitSet every = new BitSet();
        every.set(0, scenarios.size());
        SparkEvaluator.Assembly<Integer> full = SparkEvaluator.assemble(cluster.jsc(), r, "r",
            "s", th, (b, sc, view) -> 0);
        SparkEvaluator.Assembly<Integer> bare = SparkEvaluator.assemble(cluster.jsc(), r, "r",
            "s", th, (b, sc, view) -> 0, every);
        Map<String, ImpactReport> f = byId(full);
        Map<String, ImpactReport> b = byId(bare);
        assertEquals(f.keySet(), b.keySet());
        for (String id : f.keySet()) {
          ImpactReport x = f.get(id);
          ImpactReport y = b.get(id);
          assertEquals(x.summary(), y.summary(), id);
          if (x.summary().verdict() == Verdict.SAFE) {
            assertTrue(y.links().isEmpty() && y.demands().isEmpty(), id);
            safeWithRows += x.links().isEmpty() && x.demands().isEmpty() ? 0 : 1;
          } else {
            assertEquals(x, y, id);
            notSafe++;
          }
        }
        double[] load = r.baseline().load();
        assertEquals(full.worstCase().rows("r", base, load, scenarios),
            bare.worstCase().rows("r", base, load, scenarios));
        full.release();
        bare.release();
      } finally {
        r.release();
      }
    }
    assertTrue(safeWithRows > 10 && notSafe > 10,
        "SAFE scenarios with rows " + safeWithRows + ", others " + notSafe);
  }

  private static Map<String, ImpactReport> byId(SparkEvaluator.Assembly<Integer> a) {
    Map<String, ImpactReport> m = new TreeMap<>();
    for (scala.Tuple2<ImpactReport, Integer> t : a.scenarios().collect()) {
      m.put(t._1().summary().scenarioId(), t._1());
    }
    return m;
  }
}
