package io.netimpact.spark;

import io.netimpact.report.ReportTables;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.Network;
import io.netimpact.series.SeriesEvaluator;
import io.netimpact.series.SeriesReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * {@code --traffic-series}: every scenario evaluated against every interval of a measured
 * traffic series. The before side is routed once on the driver and broadcast; scenarios are
 * spread over tasks, each routing its scenario's network once for all intervals.
 * O(S (D E log V + T V E)) in all for S scenarios and T intervals.
 */
public final class SeriesRun {
  private SeriesRun() {}

  /** Per scenario (in order), its series report. */
  public static List<SeriesReport> evaluate(Cluster cluster, Network base,
      List<Scenario> scenarios, TrafficSeries series, Thresholds th, int partitions) {
    JavaSparkContext jsc = cluster.jsc();
    SeriesEvaluator.Prepared prepared = SeriesEvaluator.prepare(base, series, th);
    if (scenarios.size() == 1) {
      return List.of(SeriesEvaluator.evaluate(base, prepared, scenarios.get(0).mask()));
    }
    Broadcast<Network> baseBc = jsc.broadcast(base);
    Broadcast<SeriesEvaluator.Prepared> prepBc = jsc.broadcast(prepared);
    Broadcast<ArrayList<Scenario>> scenariosBc = jsc.broadcast(new ArrayList<>(scenarios));
    List<Tuple2<Integer, SeriesReport>> out = jsc.parallelize(
        IntStream.range(0, scenarios.size()).boxed().toList(),
        Math.max(1, Math.min(partitions, scenarios.size())))
        .mapToPair(i -> new Tuple2<>(i, SeriesEvaluator.evaluate(baseBc.value(),
            prepBc.value(), scenariosBc.value().get(i).mask())))
        .sortByKey().collect();
    return out.stream().map(Tuple2::_2).toList();
  }

  /** The {@code scenario_series} table, one row per scenario (in order). */
  public static Map<String, ReportWriter.Rows> table(String runId, List<Scenario> scenarios,
      List<SeriesReport> reports) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      rows.add(ReportTables.seriesRow(runId, scenarios.get(i).id(), reports.get(i)));
    }
    return Map.of(ReportTables.SCENARIO_SERIES,
        new ReportWriter.Rows(ReportTables.SCENARIO_SERIES_SCHEMA, rows));
  }

}
