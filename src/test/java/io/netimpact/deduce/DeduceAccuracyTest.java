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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy on measured days (SNDlib dynamic matrices, skipped with one line when the shared
 * data is absent): each interval's true matrix is routed by the contract's rules on the
 * network's topology (hop count, as imported), deduction is given the resulting arc loads and
 * the edge totals, and the deduced matrix is compared with the true one (relative L2 over all
 * pairs) next to plain gravity from the same totals, and the mean error's ratio to gravity's is
 * held to what the method reaches. Every {@code netimpact.accuracy.every}-th
 * interval is taken (default 12; {@code bench/deduce-accuracy.sh} takes every one).
 */
class DeduceAccuracyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // The bound is what the method reaches (ratio over the whole day: 0.532 and 0.735),
      // with a margin for the sampled intervals; the target of 0.5 is not reached yet.
      "abilene, sndlib/native/abilene.txt, sndlib/dynamic/abilene-5min-20040301, 0.58",
      "geant, sndlib/native/geant.txt, sndlib/dynamic/geant-15min-20050505, 0.76",
  })
  void deduction_beatsGravity_andFitsTheLoadsWithinOnePercent(String name,
      String network, String day, double bound) {
    Imported im = Importers.read(ImportSource.SNDLIB, List.of(RealData.of(network)),
        ImportOptions.DEFAULTS);
    Set<String> ids = im.devices().stream().map(Device::id).collect(Collectors.toSet());
    List<TrafficInterval> intervals = SndlibTraffic.read(List.of(RealData.of(day)), ids)
        .series().intervals();
    int every = Integer.getInteger("netimpact.accuracy.every", 12);
    double sumDeduced = 0;
    double sumGravity = 0;
    double worstFit = 0;
    double worstRatio = 0;
    int count = 0;
    for (int i = 0; i < intervals.size(); i += every) {
      TrafficInterval t = intervals.get(i);
      Snapshot truth = im.withDemands(t.demands(), "interval " + t.id())
          .toSnapshot(name + "-" + t.id(), t.start());
      Network net = NetworkCompiler.compile(truth);
      double[] x = new double[net.demandCount()];
      for (int k = 0; k < x.length; k++) {
        x[k] = net.demandGbps(k);
      }
      double[] loads = new double[net.arcCount()];
      new RoutingOperator(net, 1).apply(x, loads);
      MeasuredLoads m = Measured.of(truth, net, loads, arc -> true, true);
      Deduction.Result deduced = Deduction.deduce(truth, m,
          Deduction.Options.defaults(Deduction.Pairs.TOTALS));
      Deduction.Result gravity = Deduction.gravity(truth, m, Deduction.Pairs.TOTALS);
      double eDeduced = error(deduced.demands(), t.demands());
      double eGravity = error(gravity.demands(), t.demands());
      sumDeduced += eDeduced;
      sumGravity += eGravity;
      worstFit = Math.max(worstFit, deduced.fitL2());
      worstRatio = Math.max(worstRatio, eDeduced / eGravity);
      count++;
    }
    double ratio = sumDeduced / sumGravity;
    String line = String.format("accuracy %s: %d intervals, mean relative L2 error deduced %.4f,"
        + " gravity %.4f, ratio %.3f (worst interval %.3f); worst fit %.2e", name, count,
        sumDeduced / count, sumGravity / count, ratio, worstRatio, worstFit);
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
