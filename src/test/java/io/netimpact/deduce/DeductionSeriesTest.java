package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Demand;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.testing.RandomNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A series of measurements deduced together ({@link Deduction#deduceSeries}): on networks whose
 * sources keep how they divide their traffic (their fanouts) while their volumes change, the
 * series recovers the matrices better than deducing each interval alone (a tenth less error at
 * least), and fits each interval's counters as closely.
 */
class DeductionSeriesTest {
  private static final int EDGE = 6;
  private static final int INTERVALS = 12;

  /** Fanouts per source, far from gravity's: each source favours a few destinations. */
  private static double[][] fanouts(Random r) {
    double[][] f = new double[EDGE][EDGE];
    for (int s = 0; s < EDGE; s++) {
      double sum = 0;
      for (int d = 0; d < EDGE; d++) {
        if (s != d) {
          f[s][d] = r.nextInt(3) == 0 ? 0.05 : Math.pow(r.nextDouble(), 3) + 0.02;
          sum += f[s][d];
        }
      }
      for (int d = 0; d < EDGE; d++) {
        f[s][d] /= sum;
      }
    }
    return f;
  }

  /** Interval t's matrix: each source's volume (changing over time) times its fanouts. */
  private static List<List<Demand>> matrices(double[][] f, Random r) {
    List<List<Demand>> out = new ArrayList<>();
    double[] base = new double[EDGE];
    for (int s = 0; s < EDGE; s++) {
      base[s] = 5 + 20 * r.nextDouble();
    }
    for (int t = 0; t < INTERVALS; t++) {
      List<Demand> demands = new ArrayList<>();
      for (int s = 0; s < EDGE; s++) {
        double volume = base[s] * (0.2 + 2 * r.nextDouble());
        for (int d = 0; d < EDGE; d++) {
          if (f[s][d] > 0) {
            demands.add(Demand.of("n" + s, "n" + d, volume * f[s][d]));
          }
        }
      }
      out.add(demands);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void constantFanouts_seriesRecoversTheMatricesBetterThanEachIntervalAlone(long seed) {
    Snapshot topology = RandomNetworks.snapshot(seed, 12, 18, 0);
    Random r = new Random(seed);
    List<List<Demand>> truth = matrices(fanouts(r), r);
    List<MeasuredLoads> measured = new ArrayList<>();
    for (List<Demand> t : truth) {
      measured.add(Measured.of(new Snapshot(topology.info(), topology.devices(),
          topology.links(), t)));
    }
    Deduction.Options o = Deduction.Options.defaults(Deduction.Pairs.TOTALS);
    List<Deduction.Result> series = Deduction.deduceSeries(topology, measured, o);
    assertEquals(INTERVALS, series.size());
    double seriesError = 0;
    double aloneError = 0;
    for (int t = 0; t < INTERVALS; t++) {
      Deduction.Result alone = Deduction.deduce(topology, measured.get(t), o);
      seriesError += DeduceAccuracyTest.error(series.get(t).demands(), truth.get(t));
      aloneError += DeduceAccuracyTest.error(alone.demands(), truth.get(t));
      assertTrue(series.get(t).fitL2() <= 1e-3, "interval " + t + " fit "
          + series.get(t).fitL2());
      assertTrue(series.get(t).method().contains("series prior"), series.get(t).method());
    }
    assertTrue(seriesError < 0.9 * aloneError,
        "series error " + seriesError / INTERVALS + ", alone " + aloneError / INTERVALS);
  }

  @Test
  void aSeriesOfOneInterval_isTheIntervalDeducedAlone() {
    Snapshot topology = RandomNetworks.snapshot(4, 12, 18, 0);
    Random r = new Random(4);
    List<Demand> t = matrices(fanouts(r), r).get(0);
    MeasuredLoads m = Measured.of(new Snapshot(topology.info(), topology.devices(),
        topology.links(), t));
    Deduction.Options o = Deduction.Options.defaults(Deduction.Pairs.TOTALS);
    assertEquals(Deduction.deduce(topology, m, o).demands(),
        Deduction.deduceSeries(topology, List.of(m), o).get(0).demands());
  }

  @Test
  void knownDemands_stayPinnedThroughTheSeries() {
    Snapshot topology = RandomNetworks.snapshot(5, 12, 18, 0);
    Random r = new Random(5);
    List<MeasuredLoads> measured = new ArrayList<>();
    for (List<Demand> t : matrices(fanouts(r), r).subList(0, 4)) {
      MeasuredLoads all = Measured.of(new Snapshot(topology.info(), topology.devices(),
          topology.links(), t));
      Demand known = t.get(0);
      measured.add(new MeasuredLoads(all.arcs(), all.totals(), List.of(known)));
    }
    List<Deduction.Result> series = Deduction.deduceSeries(topology, measured,
        Deduction.Options.defaults(Deduction.Pairs.TOTALS));
    for (int t = 0; t < measured.size(); t++) {
      Demand known = measured.get(t).known().get(0);
      double got = series.get(t).demands().stream()
          .filter(d -> d.src().equals(known.src()) && d.dst().equals(known.dst()))
          .mapToDouble(Demand::gbps).sum();
      assertEquals(known.gbps(), got, 1e-12, "interval " + t);
    }
  }

  @Test
  void aSourceSilentInTheNeighbours_startsFromGravity_andItsTrafficIsStillFit() {
    Snapshot topology = RandomNetworks.snapshot(6, 12, 18, 0);
    Random r = new Random(6);
    List<List<Demand>> matrices = matrices(fanouts(r), r);
    // n0 sends nothing in the first interval, and sends in the second as before.
    List<Demand> silent = matrices.get(0).stream().filter(d -> !d.src().equals("n0")).toList();
    List<MeasuredLoads> measured = new ArrayList<>();
    for (List<Demand> t : List.of(silent, matrices.get(1))) {
      measured.add(Measured.of(new Snapshot(topology.info(), topology.devices(),
          topology.links(), t)));
    }
    List<Deduction.Result> series = Deduction.deduceSeries(topology, measured,
        Deduction.Options.defaults(Deduction.Pairs.TOTALS));
    double sent = matrices.get(1).stream().filter(d -> d.src().equals("n0"))
        .mapToDouble(Demand::gbps).sum();
    double deduced = series.get(1).demands().stream().filter(d -> d.src().equals("n0"))
        .mapToDouble(Demand::gbps).sum();
    assertEquals(sent, deduced, 1e-3 * sent);
    assertTrue(series.get(0).demands().stream().noneMatch(d -> d.src().equals("n0")));
    for (Deduction.Result res : series) {
      assertTrue(res.fitL2() <= 1e-3, "fit " + res.fitL2());
    }
  }
}
