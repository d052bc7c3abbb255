package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.Net;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import io.netimpact.testing.Topologies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deduction against a dense solve (commons-math3's SVD pseudo-inverse of the routing matrix
 * the reference router gives, one pair at a time), and its fit, pinning and findings.
 */
class DeductionTest {

  /** A random network whose traffic runs between a few of its devices (the edge). */
  private static Snapshot truth(long seed, int devices, int links, int edge) {
    Snapshot s = RandomNetworks.snapshot(seed, devices, links, 0);
    Random r = new Random(seed * 7 + 1);
    List<Demand> demands = new ArrayList<>();
    for (int i = 0; i < edge; i++) {
      for (int j = 0; j < edge; j++) {
        if (i != j && r.nextInt(5) != 0) {
          demands.add(Demand.of("n" + i, "n" + j, 1 + r.nextInt(40) / 4.0));
        }
      }
    }
    return new Snapshot(s.info(), s.devices(), s.links(), demands);
  }

  private static Map<String, Double> byPair(List<Demand> demands) {
    Map<String, Double> out = new HashMap<>();
    demands.forEach(d -> out.merge(d.src() + ">" + d.dst(), d.gbps(), Double::sum));
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void tomogravity_equalsTheDenseWeightedLeastSquaresSolution(long seed) {
    Snapshot truth = truth(seed, 9, 15, 5);
    Random r = new Random(seed);
    MeasuredLoads m = Measured.of(truth, arc -> r.nextInt(3) != 0, true);
    Deduction.Result got = Deduction.deduce(truth, m,
        new Deduction.Options(Deduction.Pairs.TOTALS, 2, 1000, 0, 0, 0, line -> { }));

    // The same problem, dense: pairs from a device with entering traffic to one with leaving
    // traffic, gravity prior, rows = measured arcs then (in, out) per device with a total.
    Map<String, double[]> totals = new HashMap<>();
    m.totals().forEach(t -> totals.put(t.device(), new double[] {t.inGbps(), t.outGbps()}));
    List<String[]> pairs = new ArrayList<>();
    double outSum = 0;
    for (Device d : truth.devices()) {
      outSum += totals.get(d.id())[1];
    }
    List<Double> prior = new ArrayList<>();
    for (Device s : truth.devices()) {
      for (Device d : truth.devices()) {
        if (s != d && totals.get(s.id())[0] > 0 && totals.get(d.id())[1] > 0) {
          pairs.add(new String[] {s.id(), d.id()});
          prior.add(totals.get(s.id())[0] * totals.get(d.id())[1] / outSum);
        }
      }
    }
    int p = pairs.size();
    int rows = m.arcs().size() + 2 * truth.devices().size();
    double[][] f = new double[rows][p];
    Network topo = NetworkCompiler.compile(truth);
    for (int k = 0; k < p; k++) {
      Snapshot one = new Snapshot(SnapshotInfo.of("one"), truth.devices(), truth.links(),
          List.of(Demand.of(pairs.get(k)[0], pairs.get(k)[1], 1)));
      double[] column = ReferenceRouter.loads(NetworkCompiler.compile(one), new double[1]);
      for (int i = 0; i < m.arcs().size(); i++) {
        MeasuredLoads.ArcLoad a = m.arcs().get(i);
        int l = topo.link(a.link()).orElseThrow();
        int arc = topo.nodeId(topo.linkA(l)).equals(a.from()) ? 2 * l : 2 * l + 1;
        f[i][k] = column[arc];
      }
      for (int v = 0; v < truth.devices().size(); v++) {
        String id = truth.devices().get(v).id();
        int row = m.arcs().size() + 2 * v;
        f[row][k] = pairs.get(k)[0].equals(id) ? 1 : 0;
        f[row + 1][k] = pairs.get(k)[1].equals(id) ? 1 : 0;
      }
    }
    double[] b = new double[rows];
    for (int i = 0; i < m.arcs().size(); i++) {
      b[i] = m.arcs().get(i).gbps();
    }
    for (int v = 0; v < truth.devices().size(); v++) {
      double[] t = totals.get(truth.devices().get(v).id());
      b[m.arcs().size() + 2 * v] = t[0];
      b[m.arcs().size() + 2 * v + 1] = t[1];
    }
    RealMatrix fm = new Array2DRowRealMatrix(f);
    double[] g = prior.stream().mapToDouble(Double::doubleValue).toArray();
    double[] sqrtW = new double[p];
    for (int k = 0; k < p; k++) {
      sqrtW[k] = g[k];
    }
    RealMatrix scaled = fm.multiply(new org.apache.commons.math3.linear.DiagonalMatrix(sqrtW));
    double[] residual = new ArrayRealVector(b).subtract(fm.operate(new ArrayRealVector(g)))
        .toArray();
    double[] z = new SingularValueDecomposition(scaled).getSolver().getInverse()
        .operate(residual);
    Map<String, Double> got2 = byPair(got.demands());
    double scale = java.util.Arrays.stream(g).max().orElse(1);
    for (int k = 0; k < p; k++) {
      double expected = Math.max(0, g[k] + sqrtW[k] * z[k]);
      double actual = got2.getOrDefault(pairs.get(k)[0] + ">" + pairs.get(k)[1], 0.0);
      assertEquals(expected, actual, 1e-6 * scale, "pair " + pairs.get(k)[0] + ">"
          + pairs.get(k)[1]);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34})
  void deduce_fitsConsistentCountersWithinAPerMille_andItsFitRowsAreTheDeducedLoads(long seed) {
    Snapshot truth = truth(seed, 30, 60, 10);
    MeasuredLoads m = Measured.of(truth);
    Deduction.Result got = Deduction.deduce(truth, m, Deduction.Options.defaults(
        Deduction.Pairs.TOTALS));
    assertTrue(got.fitL2() <= 1e-3, "fit " + got.fitL2());
    assertTrue(got.fitL2() < got.gravityFitL2(), got.fitL2() + " vs " + got.gravityFitL2());
    got.demands().forEach(d -> assertTrue(d.gbps() > 0));
    // The fit's predicted loads are those of the deduced matrix routed independently.
    Snapshot deduced = new Snapshot(truth.info(), truth.devices(), truth.links(), got.demands());
    Network net = NetworkCompiler.compile(deduced);
    Map<String, Double> routed = Net.byArc(net, ReferenceRouter.loads(net, new double[1]));
    for (Deduction.FitRow row : got.fit()) {
      String key = row.link() + ":" + row.from() + ">" + row.to();
      assertEquals(routed.getOrDefault(key, 0.0), row.predictedGbps(), 1e-6, key);
    }
  }

  @Test
  void knownDemands_arePinned() {
    Snapshot truth = Topologies.square().device("e", "").link("de", "d", "e", 1, 100)
        .demand("a", "d", 4).demand("b", "e", 2).demand("a", "e", 3).snapshot();
    MeasuredLoads all = Measured.of(truth);
    MeasuredLoads pinned = new MeasuredLoads(all.arcs(), all.totals(),
        List.of(Demand.of("a", "d", 4)));
    Deduction.Result got = Deduction.deduce(truth, pinned,
        Deduction.Options.defaults(Deduction.Pairs.TOTALS));
    assertEquals(4, byPair(got.demands()).get("a>d"), 1e-12);
  }

  @Test
  void findings_locateUnmeasuredArcs_unbalancedDevices_andCountersNoRoutingMakes() {
    // a-b-c line: a sends 5 to c. Link bc's b->c counter is missing; the a->b counter reads 9
    // (b then takes in 9 and gives out nothing measured... unbalanced only where complete);
    // the c->b counter reads 2 though nothing is routed towards a or b.
    Snapshot truth = Net.create().link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100)
        .demand("a", "c", 5).snapshot();
    MeasuredLoads m = new MeasuredLoads(List.of(
        new MeasuredLoads.ArcLoad("ab", "a", 9, "loads.jsonl"),
        new MeasuredLoads.ArcLoad("ab", "b", 0, "loads.jsonl"),
        new MeasuredLoads.ArcLoad("bc", "c", 2, "loads.jsonl")),
        List.of(new MeasuredLoads.DeviceTotal("a", 5, 0, "totals.jsonl"),
            new MeasuredLoads.DeviceTotal("b", 0, 0, "totals.jsonl"),
            new MeasuredLoads.DeviceTotal("c", 0, 5, "totals.jsonl")),
        List.of());
    Deduction.Result got = Deduction.deduce(truth, m,
        Deduction.Options.defaults(Deduction.Pairs.TOTALS));
    List<Deduction.Finding> unmeasured = got.findings(Deduction.FindingKind.UNMEASURED);
    assertEquals(1, unmeasured.size());
    assertEquals("link bc from b", unmeasured.get(0).location());
    List<Deduction.Finding> unreachable = got.findings(Deduction.FindingKind.UNREACHABLE);
    assertEquals(1, unreachable.size());
    assertEquals("loads.jsonl: link bc from c", unreachable.get(0).location());
    // a: 5 enters the network there, 9 leave on ab, 0 come back: unbalanced.
    List<Deduction.Finding> inconsistent = got.findings(Deduction.FindingKind.INCONSISTENT);
    assertEquals(1, inconsistent.size());
    assertEquals("totals.jsonl: device a", inconsistent.get(0).location());
    assertTrue(got.unexplained() > 0.3, "unexplained " + got.unexplained());
  }

  @Test
  void pairsByTotals_withoutTotals_isRefused() {
    Snapshot truth = Topologies.square().demand("a", "d", 4).snapshot();
    MeasuredLoads m = Measured.of(truth, arc -> true, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Deduction.deduce(truth, m, Deduction.Options.defaults(Deduction.Pairs.TOTALS)));
    assertTrue(e.getMessage().contains("--pairs all"), e.getMessage());
    Deduction.Result all = Deduction.deduce(truth, m,
        Deduction.Options.defaults(Deduction.Pairs.ALL));
    assertTrue(all.fitL2() <= 1e-3, "fit " + all.fitL2());
  }
  @Test
  void deduction_saysHowFarItIs_aLinePerLeastSquaresRound_andPerIntervalOfASeries() {
    Snapshot truth = truth(3, 9, 15, 5);
    MeasuredLoads m = Measured.of(truth);
    List<String> lines = new ArrayList<>();
    Deduction.Options o = Deduction.Options.defaults(Deduction.Pairs.TOTALS)
        .withProgress(lines::add);
    Deduction.deduce(truth, m, o);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("deduce: least-squares round 1, ")),
        lines.toString());

    lines.clear();
    Deduction.deduceSeries(truth, List.of(m, m), o);
    assertTrue(lines.contains("deduce: interval 2 of 2, from gravity"), lines.toString());
    assertTrue(lines.contains("deduce: interval 1 of 2, series round "
        + Deduction.SERIES_ROUNDS + " of " + Deduction.SERIES_ROUNDS), lines.toString());
  }
}
