package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.deduce.Measured;
import io.netimpact.input.SnapshotReader;
import io.netimpact.input.TrafficSeriesReader;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day of counters becomes a day of demands: {@code deduce} over a series of measurements
 * writes one matrix per interval as the snapshot's traffic series, which a review reads with
 * {@code --traffic-series}; measurements given as Parquet directories read as JSON lines do.
 */
class DeduceSeriesTest {
  @TempDir
  Path tmp;

  private static MeasuredLoads scaled(double factor) {
    Snapshot s = DeduceCommandTest.sample();
    Snapshot t = new Snapshot(s.info(), s.devices(), s.links(), s.demands().stream()
        .map(d -> Demand.of(d.src(), d.dst(), factor * d.gbps())).toList());
    Network net = NetworkCompiler.compile(t);
    return Measured.of(t, net, BaselineLoads.of(net).load(), arc -> true, true);
  }

  private static double total(List<Demand> demands) {
    return demands.stream().mapToDouble(Demand::gbps).sum();
  }

  @Test
  void deduceOfASeries_writesOneMatrixPerInterval_asATrafficSeriesAReviewReads()
      throws IOException {
    Path series = Files.createDirectories(tmp.resolve("counters"));
    double[] factors = {0.5, 1.5, 1.0};
    StringBuilder index = new StringBuilder("{\"intervals\": [");
    for (int i = 0; i < factors.length; i++) {
      DeduceCommandTest.write(series.resolve("t" + i), scaled(factors[i]));
      index.append(i == 0 ? "" : ", ").append(String.format("{\"id\": \"t%d\", \"start\": "
          + "\"2026-12-01T0%d:00\", \"minutes\": 60, \"path\": \"t%d\"}", i, i, i));
    }
    Files.writeString(series.resolve("index.json"), index.append("]}").toString());
    Path out = tmp.resolve("deduced");
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--loads", series.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("interval t1: "), r.out());

    Snapshot deduced = new SnapshotReader(new Configuration())
        .read(out.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    Set<String> ids = deduced.devices().stream().map(Device::id).collect(Collectors.toSet());
    TrafficSeries ts = new TrafficSeriesReader(new Configuration()).read(out.toString(), ids);
    assertEquals(List.of("t0", "t1", "t2"), ts.intervals().stream().map(t -> t.id()).toList());
    double base = total(DeduceCommandTest.sample().demands());
    for (int i = 0; i < factors.length; i++) {
      assertEquals(factors[i] * base, total(ts.intervals().get(i).demands()),
          1e-3 * base, "interval t" + i);
    }
    // The snapshot's own demands are the busiest interval's.
    assertEquals(total(ts.intervals().get(1).demands()), total(deduced.demands()), 1e-9);
    assertTrue(deduced.info().notes().contains("interval t1, the busiest"),
        deduced.info().notes());
    // The intervals were deduced together: the method names the series prior.
    assertTrue(deduced.info().notes().contains("series prior"), deduced.info().notes());
    assertTrue(Files.readAllLines(out.resolve("deduce_fit.jsonl")).get(0)
        .contains("\"interval\":\"t0\""));

    ReviewCommandTest.Run review = ReviewCommandTest.run("review", "--snapshot", out.toString(),
        "--change", ReviewCommandTest.CHANGES + "safe-member-down.json", "--out",
        tmp.resolve("reports").toString(), "--format", "json", "--traffic-series");
    assertEquals(0, review.code(), review.err());
  }

  @Test
  void parquetMeasurements_readAsJsonLinesDo() throws IOException {
    MeasuredLoads m = scaled(1.0);
    Path json = DeduceCommandTest.write(tmp.resolve("json"), m);
    Path pq = Files.createDirectories(tmp.resolve("parquet"));
    var spark = SparkTestSession.get();
    StructType arcs = new StructType().add("link", DataTypes.StringType)
        .add("from", DataTypes.StringType).add("gbps", DataTypes.DoubleType);
    List<Row> arcRows = m.arcs().stream().map(a -> RowFactory.create(a.link(), a.from(),
        a.gbps())).toList();
    spark.createDataFrame(arcRows, arcs).coalesce(1).write()
        .parquet(pq.resolve("interface_loads").toString());
    StructType totals = new StructType().add("device", DataTypes.StringType)
        .add("in_gbps", DataTypes.DoubleType).add("out_gbps", DataTypes.DoubleType);
    List<Row> totalRows = m.totals().stream().map(t -> RowFactory.create(t.device(),
        t.inGbps(), t.outGbps())).toList();
    spark.createDataFrame(totalRows, totals).coalesce(1).write()
        .parquet(pq.resolve("device_totals").toString());
    ReviewCommandTest.Run a = ReviewCommandTest.run("deduce", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--loads", json.toString(), "--out",
        tmp.resolve("a").toString());
    ReviewCommandTest.Run b = ReviewCommandTest.run("deduce", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--loads", pq.toString(), "--out",
        tmp.resolve("b").toString());
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertEquals(Files.readAllLines(tmp.resolve("a/demands.jsonl")),
        Files.readAllLines(tmp.resolve("b/demands.jsonl")));
  }
}
