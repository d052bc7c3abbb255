package io.netimpact.series;

import io.netimpact.testing.After;
import io.netimpact.routing.MaskedView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.Thresholds;
import io.netimpact.importer.ImportOptions;
import io.netimpact.importer.ImportSource;
import io.netimpact.importer.Importers;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesEvaluatorTest {

  private static TrafficInterval fiveMin(String id, String start, Demand... demands) {
    return new TrafficInterval(id, start, 5, List.of(demands));
  }

  private static Change linkDown(String link) {
    return new Change("CR", "", List.of(new ChangeOp.SetLinkUp(link, false)));
  }

  @Test
  void linkDownOnTheSquare_pushesTheBusyIntervalOverCapacity() {
    Network before = Topologies.square().compile();
    MaskedView after = After.of(before, linkDown("ab"));
    TrafficSeries series = new TrafficSeries(List.of(
        fiveMin("t0", "2004-03-01T00:00", Demand.of("a", "d", 60)),
        fiveMin("t1", "2004-03-01T00:05", Demand.of("a", "d", 180))));
    SeriesReport r = SeriesEvaluator.evaluate(before, after, series, Thresholds.DEFAULT);

    IntervalResult quiet = r.intervals().get(0);
    assertEquals(0.3, quiet.maxUtilBefore(), 1e-12); // 60 split over two 100 Gbps paths
    assertEquals(0.6, quiet.maxUtilAfter(), 1e-12);
    assertFalse(quiet.atRiskAfter());

    IntervalResult busy = r.intervals().get(1);
    assertEquals(0.9, busy.maxUtilBefore(), 1e-12);
    assertEquals(1.8, busy.maxUtilAfter(), 1e-12);
    assertEquals(4, busy.arcsOverWarnBefore()); // a->b, b->d, a->c, c->d at 90 %
    assertEquals(2, busy.arcsOverCapacityAfter()); // a->c and c->d carry 180
    assertEquals("ac", busy.worstLinkAfter());

    assertEquals("t1", r.worstInterval().id());
    assertEquals(5 / 60.0, r.hoursAtRiskBefore(), 1e-12);
    assertEquals(5 / 60.0, r.hoursAtRiskAfter(), 1e-12);
    assertEquals(5 / 60.0, r.hoursOverCapacityAfter(), 1e-12);
    assertEquals(10 / 60.0, r.totalHours(), 1e-12);
  }

  @Test
  void drainedTransitDevice_sendsTheIntervalOverTheDetour() {
    Network before = Topologies.transit().compile();
    MaskedView after = After.of(before,
        new Change("CR", "", List.of(new ChangeOp.SetDrained("t", true))));
    TrafficSeries series = new TrafficSeries(List.of(
        fiveMin("t0", "2004-03-01T00:00", Demand.of("a", "b", 50), Demand.of("t", "b", 10))));
    IntervalResult r = SeriesEvaluator.evaluate(before, after, series, Thresholds.DEFAULT)
        .intervals().get(0);
    assertEquals(0.6, r.maxUtilBefore(), 1e-12); // t->b carries 50 + 10
    assertEquals(0.5, r.maxUtilAfter(), 1e-12); // a->x->b carries 50; t still sends its own 10
    assertEquals(0, r.lostGbpsAfter(), 0);
  }

  @Test
  void removedDevice_makesItsTrafficUnroutableAndTheIntervalAtRisk() {
    Network before = Topologies.transit().compile();
    MaskedView after = After.of(before,
        new Change("CR", "", List.of(new ChangeOp.RemoveDevice("b"))));
    TrafficSeries series = new TrafficSeries(List.of(
        new TrafficInterval("d1", "2005-02-01T00:00", 1440, List.of(Demand.of("a", "b", 7)))));
    SeriesReport r = SeriesEvaluator.evaluate(before, after, series, Thresholds.DEFAULT);
    assertEquals(7, r.intervals().get(0).lostGbpsAfter(), 1e-12);
    assertEquals(24, r.hoursAtRiskAfter(), 1e-12);
    assertEquals(0, r.hoursAtRiskBefore(), 1e-12);
  }

  @Test
  void oneIntervalWithTheSnapshotDemands_agreesWithBaselineLoadsOnARealNetwork() {
    Path g = io.netimpact.importer.RealData.of("repetita/rocketfuel/rf1755_real_hard.graph");
    Snapshot s = Importers.read(ImportSource.REPETITA,
        List.of(g, g.resolveSibling("rf1755_real_hard.0000.demands")), ImportOptions.DEFAULTS)
        .toSnapshot("rf1755", "");
    Network before = NetworkCompiler.compile(s);
    MaskedView after = After.of(before, linkDown(s.links().get(3).id()));
    TrafficSeries series = new TrafficSeries(List.of(
        new TrafficInterval("all", "2016-01-01T00:00", 60, s.demands())));
    IntervalResult r = SeriesEvaluator.evaluate(before, after, series, Thresholds.DEFAULT)
        .intervals().get(0);
    assertEquals(BaselineLoads.of(before).maxUtilisation(before), r.maxUtilBefore(), 1e-9);
    assertEquals(BaselineLoads.of(after).maxUtilisation(after), r.maxUtilAfter(), 1e-9);
    // the README's independent estimate for this instance
    assertEquals(1.77, r.maxUtilBefore(), 0.01);
  }

  @Test
  void demandForAnUnknownDevice_isRefusedWithItsName() {
    Network net = Topologies.square().compile();
    TrafficSeries series = new TrafficSeries(List.of(
        fiveMin("t0", "2004-03-01T00:00", Demand.of("a", "zz", 1))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SeriesEvaluator.evaluate(net, net, series, Thresholds.DEFAULT));
    assertTrue(e.getMessage().contains("zz"));
  }

  @Test
  void demandScalingOfTheChange_appliesToEveryInterval() {
    // A link down plus 50 % growth from site s1: the growth must reach every interval, not
    // only the snapshot's own matrix.
    Network before = Net.create().device("a", "s1").device("d", "s2")
        .link("ab", "a", "b", 1, 100).link("bd", "b", "d", 1, 100)
        .link("ac", "a", "c", 1, 100).link("cd", "c", "d", 1, 100).compile();
    MaskedView after = After.of(before, new ChangeOp.SetLinkUp("ab", false),
        new ChangeOp.ScaleDemands(1.5, java.util.Optional.of("s1"), java.util.Optional.empty()));
    TrafficSeries series = new TrafficSeries(List.of(
        fiveMin("t0", "2004-03-01T00:00", Demand.of("a", "d", 40), Demand.of("d", "a", 40)),
        fiveMin("t1", "2004-03-01T00:05", Demand.of("a", "d", 60))));
    SeriesReport r = SeriesEvaluator.evaluate(before, after, series, Thresholds.DEFAULT);
    assertEquals(0.6, r.intervals().get(0).maxUtilAfter(), 1e-12); // 40 x 1.5 on a->c
    assertEquals(0.9, r.intervals().get(1).maxUtilAfter(), 1e-12); // 60 x 1.5: above warn
    assertTrue(r.intervals().get(1).atRiskAfter());
    assertEquals(0.2, r.intervals().get(0).maxUtilBefore(), 1e-12); // before: no growth
    assertEquals(5 / 60.0, r.hoursAtRiskAfter(), 1e-12);
  }
}
