package io.netimpact.job;

import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
import io.netimpact.io.SparkParquetTables;
import io.netimpact.io.TopologyTables;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.topology.Components;
import io.netimpact.topology.SinglePoints;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The topology pipeline: read and compile the snapshot (driver), route the baseline (tasks by
 * destination), connected components (GraphX), bridges and articulation points that carry
 * demand (Tarjan, driver, O(V + E)), then write {@code topology_vertices} and {@code
 * topology_edges} as one run.
 */
public final class TopologyJob {
  private static final int SHOWN = 15;

  private TopologyJob() {}

  /** What to analyse and where to write it. */
  public record Request(String snapshot, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord) {}

  /** The run id, components (ranked: 0 holds most demand), and the single points of failure. */
  public record Outcome(String runId, Components components, List<String> bridges,
      List<String> articulationPoints) {
    public Outcome {
      bridges = List.copyOf(bridges);
      articulationPoints = List.copyOf(articulationPoints);
    }
  }

  public static Outcome run(SparkSession spark, Request req, PrintStream console) {
    Stopwatch sw = new Stopwatch();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    SnapshotReader.Loaded loaded = new SnapshotReader(hadoop, new SparkParquetTables(spark))
        .read(req.snapshot(), req.onBadRecord());
    Network net = NetworkCompiler.compile(loaded.snapshot());
    sw.lap("read+compile");
    String runId = req.runId().orElse(loaded.snapshot().info().snapshotId());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Network> netBc = jsc.broadcast(net);
    double[] load = SparkTopology.baselineLoads(jsc, netBc);
    sw.lap("route");
    Components components = SparkTopology.components(jsc, net);
    sw.lap("components");
    Map<String, Dataset<Row>> tables = SparkTopology.graphTables(spark, runId, net, components,
        load);
    ReportWriter w = new ReportWriter(spark, req.out(), req.format());
    tables.forEach(w::add);
    w.publish(runId);
    sw.lap("write");

    SinglePoints spof = SinglePoints.of(net, load);
    List<String> bridges = new ArrayList<>();
    for (int l = 0; l < net.linkCount(); l++) {
      if (spof.bridge()[l]) {
        bridges.add(net.linkId(l));
      }
    }
    List<String> cuts = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      if (spof.articulationPoint()[v]) {
        cuts.add(net.nodeId(v));
      }
    }
    Components ranked = components.ranked(net);
    int[] size = ranked.sizes();
    console.printf("netimpact topology %s: %d devices, %d links; %d connected component%s "
        + "(the main one: %d devices)%n", loaded.snapshot().info().snapshotId(),
        net.nodeCount(), net.linkCount(), ranked.count(), ranked.count() == 1 ? "" : "s",
        size.length == 0 ? 0 : size[0]);
    console.printf("single points of failure carrying demand: %d bridge link%s, %d "
        + "articulation device%s%n", bridges.size(), bridges.size() == 1 ? "" : "s",
        cuts.size(), cuts.size() == 1 ? "" : "s");
    if (!bridges.isEmpty()) {
      console.printf("  bridges: %s%s%n", String.join(", ",
          bridges.subList(0, Math.min(SHOWN, bridges.size()))),
          bridges.size() > SHOWN ? ", ..." : "");
    }
    if (!cuts.isEmpty()) {
      console.printf("  articulation points: %s%s%n", String.join(", ",
          cuts.subList(0, Math.min(SHOWN, cuts.size()))), cuts.size() > SHOWN ? ", ..." : "");
    }
    console.printf("report: %s (run_id=%s, %s): %s, %s%ntimings: %s%n", req.out(), runId,
        req.format().name().toLowerCase(), TopologyTables.VERTICES, TopologyTables.EDGES, sw);
    return new Outcome(runId, ranked, bridges, cuts);
  }
}
