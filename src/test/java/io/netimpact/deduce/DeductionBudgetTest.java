package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Demand;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.testing.Net;
import io.netimpact.testing.RandomNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How many iterations a deduction spends: the iteration budget bounds them, EM stops once its
 * fit has settled when the counters cannot be fit, and the least-squares rounds stop at the
 * target fit.
 */
class DeductionBudgetTest {

  private static final Pattern EM = Pattern.compile("(\\d+) EM iteration\\(s\\)");
  private static final Pattern ALL = Pattern.compile("(\\d+) iteration\\(s\\) in all");

  private static int count(Pattern p, String method) {
    Matcher m = p.matcher(method);
    assertTrue(m.find(), method);
    return Integer.parseInt(m.group(1));
  }

  /** Traffic between the first {@code edge} devices of a random network. */
  private static Snapshot truth(long seed, int devices, int links, int edge) {
    Snapshot s = RandomNetworks.snapshot(seed, devices, links, 0);
    Random r = new Random(seed);
    List<Demand> demands = new ArrayList<>();
    for (int i = 0; i < edge; i++) {
      for (int j = 0; j < edge; j++) {
        if (i != j && r.nextInt(4) != 0) {
          demands.add(Demand.of("n" + i, "n" + j, 1 + r.nextInt(20)));
        }
      }
    }
    return new Snapshot(s.info(), s.devices(), s.links(), demands);
  }

  @Test
  void iterationBudget_boundsEmAndEachLeastSquaresRound() {
    Snapshot truth = truth(41, 30, 60, 10);
    MeasuredLoads m = Measured.of(truth);
    Deduction.Options o = Deduction.Options.defaults(Deduction.Pairs.TOTALS).withIterations(3);
    assertEquals(3, o.emIterations());
    assertEquals(3, o.maxIterations());
    Deduction.Result got = Deduction.deduce(truth, m, o);
    assertTrue(count(EM, got.method()) <= 3, got.method());
    // EM's iterations, then at most 3 per round, with at most rounds + 1 rounds.
    assertTrue(got.iterations() <= 3 + 3 * (o.rounds() + 1), got.method());
    Deduction.Result free = Deduction.deduce(truth, m,
        Deduction.Options.defaults(Deduction.Pairs.TOTALS));
    assertTrue(free.fitL2() <= 1e-3, "fit " + free.fitL2());
    assertTrue(count(ALL, free.method()) > count(ALL, got.method()), free.method());
  }

  @Test
  void em_stopsOnceItsFitSettles_whenTheCountersCannotBeFit() {
    // a-b-c line, a sends to c: the a->b counter says 9, the b->c counter 5 and the totals 5.
    // No matrix fits both; EM settles between them long before its 1,000 iterations.
    Snapshot truth = Net.create().link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100)
        .demand("a", "c", 5).snapshot();
    MeasuredLoads m = new MeasuredLoads(List.of(
        new MeasuredLoads.ArcLoad("ab", "a", 9, "loads.jsonl"),
        new MeasuredLoads.ArcLoad("bc", "b", 5, "loads.jsonl")),
        List.of(new MeasuredLoads.DeviceTotal("a", 5, 0, "totals.jsonl"),
            new MeasuredLoads.DeviceTotal("c", 0, 5, "totals.jsonl")),
        List.of());
    Deduction.Result got = Deduction.deduce(truth, m,
        Deduction.Options.defaults(Deduction.Pairs.TOTALS));
    int em = count(EM, got.method());
    assertTrue(em >= Deduction.EM_WINDOW && em < 100, got.method());
    assertTrue(got.fitL2() > 0.1, "fit " + got.fitL2());
  }

  @Test
  void leastSquares_stopsAtTheTargetFit_notAtConvergence() {
    Snapshot truth = truth(43, 40, 80, 12);
    MeasuredLoads m = Measured.of(truth);
    Deduction.Options noEm = new Deduction.Options(Deduction.Pairs.TOTALS, 2, 1000, 20, 1e-3,
        0, line -> { });
    Deduction.Result coarse = Deduction.deduce(truth, m, noEm);
    Deduction.Result fine = Deduction.deduce(truth, m, new Deduction.Options(
        Deduction.Pairs.TOTALS, 2, 1000, 20, 1e-9, 0, line -> { }));
    assertTrue(coarse.fitL2() <= 1e-3, "fit " + coarse.fitL2());
    assertTrue(fine.fitL2() <= coarse.fitL2(), fine.fitL2() + " vs " + coarse.fitL2());
    assertTrue(coarse.iterations() < fine.iterations(), coarse.method() + " / "
        + fine.method());
  }
}
