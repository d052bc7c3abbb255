package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.importer.ImportOptions;
import io.netimpact.importer.ImportSource;
import io.netimpact.importer.Imported;
import io.netimpact.importer.Importers;
import io.netimpact.importer.RealData;
import io.netimpact.importer.SndlibTraffic;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficInterval;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy on measured days (SNDlib dynamic matrices, skipped with one line when the shared
 * data is absent): each interval's true matrix is routed by the contract's rules on the
 * network's topology (hop count, as imported), deduction is given the resulting arc loads and
 * the edge totals, and the deduced matrix is compared with the true one (relative L2 over all
 * pairs) next to plain gravity from the same totals. The day is deduced as a series, the way
 * {@code deduce} takes a day of counters ({@link Deduction#deduceSeries}), and every interval
 * also on its own ({@link Deduction#deduce}, what {@code deduce} does with one set of
 * counters); the series' ratio of mean errors to gravity's is held to the target of 0.5 on
 * Abilene and to what the method reaches on GEANT, and every fit to 1 %. The suite takes the
 * first {@link #WINDOW} intervals of each day; the bench the whole days (window 0).
 */
@Tag("slow")
class DeduceAccuracyTest {
  /** Intervals the suite deduces as a series: the first 4 hours of Abilene, 12 of GEANT. */
  static final int WINDOW = 48;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // Bounds: Abilene the target (the series reaches 0.49); GEANT what the method
      // reaches (0.73), with a small margin.
      "abilene, sndlib/native/abilene.txt, sndlib/dynamic/abilene-5min-20040301, 0.50",
      "geant, sndlib/native/geant.txt, sndlib/dynamic/geant-15min-20050505, 0.75",
  })
  void deduction_beatsGravity_andFitsTheLoadsWithinOnePercent(String name,
      String network, String day, double bound) {
    Imported im = Importers.read(ImportSource.SNDLIB, List.of(RealData.of(network)),
        ImportOptions.DEFAULTS);
    Set<String> ids = im.devices().stream().map(Device::id).collect(Collectors.toSet());
    List<TrafficInterval> day1 = SndlibTraffic.read(List.of(RealData.of(day)), ids)
        .series().intervals();
    // The first WINDOW intervals (the suite), or the whole day (0: bench/deduce-accuracy.sh).
    int window = Integer.getInteger("netimpact.accuracy.window", WINDOW);
    List<TrafficInterval> intervals = window > 0 && window < day1.size()
        ? day1.subList(0, window) : day1;
    List<MeasuredLoads> measured = new ArrayList<>();
    Snapshot topology = null;
    for (TrafficInterval t : intervals) {
      Snapshot truth = im.withDemands(t.demands(), "interval " + t.id())
          .toSnapshot(name + "-" + t.id(), t.start());
      topology = truth;
      Network net = NetworkCompiler.compile(truth);
      double[] x = new double[net.demandCount()];
      for (int k = 0; k < x.length; k++) {
        x[k] = net.demandGbps(k);
      }
      double[] loads = new double[net.arcCount()];
      new RoutingOperator(net, 1).apply(x, loads);
      measured.add(Measured.of(truth, net, loads, arc -> true, true));
    }
    Deduction.Options options = Deduction.Options.defaults(Deduction.Pairs.TOTALS);
    List<Deduction.Result> series = Deduction.deduceSeries(topology, measured, options);
    double sumSeries = 0;
    double sumSingle = 0;
    double sumGravity = 0;
    double worstFit = 0;
    double worstRatio = 0;
    double sumRatios = 0;
    int count = intervals.size();
    for (int i = 0; i < count; i++) {
      List<Demand> truth = intervals.get(i).demands();
      Deduction.Result single = Deduction.deduce(topology, measured.get(i), options);
      Deduction.Result gravity = Deduction.gravity(topology, measured.get(i),
          Deduction.Pairs.TOTALS);
      double eSeries = error(series.get(i).demands(), truth);
      double eGravity = error(gravity.demands(), truth);
      sumSeries += eSeries;
      sumSingle += error(single.demands(), truth);
      sumGravity += eGravity;
      sumRatios += eSeries / eGravity;
      worstFit = Math.max(worstFit, Math.max(series.get(i).fitL2(), single.fitL2()));
      worstRatio = Math.max(worstRatio, eSeries / eGravity);
    }
    double ratio = sumSeries / sumGravity;
    String line = String.format("accuracy %s: %d intervals, mean relative L2 error: series "
        + "%.4f, each interval alone %.4f, gravity %.4f; ratio to gravity's: series %.3f "
        + "(mean of the intervals' ratios %.3f, worst interval %.3f), each interval alone "
        + "%.3f; worst fit %.2e", name, count, sumSeries / count, sumSingle / count,
        sumGravity / count, ratio, sumRatios / count, worstRatio, sumSingle / sumGravity,
        worstFit);
    System.out.println(line);
    assertTrue(ratio <= bound, line);
    assertTrue(worstFit <= 0.01, line);
  }

  /** ||estimate - truth|| / ||truth|| over every pair. */
  static double error(List<Demand> estimate, List<Demand> truth) {
    Map<String, Double> diff = new HashMap<>();
    double norm = 0;
    Map<String, Double> t = new HashMap<>();
    truth.forEach(d -> t.merge(d.src() + ">" + d.dst(), d.gbps(), Double::sum));
    for (double v : t.values()) {
      norm += v * v;
    }
    t.forEach((k, v) -> diff.merge(k, -v, Double::sum));
    estimate.forEach(d -> diff.merge(d.src() + ">" + d.dst(), d.gbps(), Double::sum));
    double sum = 0;
    for (double v : diff.values()) {
      sum += v * v;
    }
    return Math.sqrt(sum / norm);
  }
}
