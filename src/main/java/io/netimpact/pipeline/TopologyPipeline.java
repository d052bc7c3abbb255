package io.netimpact.pipeline;

import io.netimpact.input.SnapshotReader;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.ReportWriter;
import io.netimpact.spark.SparkTopology;
import io.netimpact.topology.Components;
import io.netimpact.topology.SinglePoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topology pipeline: read and compile the snapshot (driver), route the baseline (tasks by
 * destination), connected components (GraphX), write {@code topology_vertices} and {@code
 * topology_edges} as one run, then find the bridges and articulation points that carry demand
 * (Tarjan, driver, O(V + E)). Prints nothing: the command line prints the outcome.
 */
public final class TopologyPipeline {
  private TopologyPipeline() {}

  /** What to analyse and where to write it. */
  public record Request(String snapshot, String out, Optional<String> runId,
      ReportWriter.Format format, SnapshotReader.OnBadRecord onBadRecord) {}

  /**
   * The run id, the snapshot's size, components (ranked: 0 holds most demand), the single
   * points of failure, and the stage timings.
   */
  public record Outcome(String runId, String snapshotId, int devices, int links,
      Components components, List<String> bridges, List<String> articulationPoints,
      String timings) {
    public Outcome {
      bridges = List.copyOf(bridges);
      articulationPoints = List.copyOf(articulationPoints);
    }
  }

  public static Outcome run(Cluster cluster, Request req) {
    Stopwatch sw = new Stopwatch();
    SnapshotReader.Loaded loaded = cluster.readSnapshot(req.snapshot(), req.onBadRecord());
    Network net = NetworkCompiler.compile(loaded.snapshot());
    sw.lap("read+compile");
    String runId = req.runId().orElse(loaded.snapshot().info().snapshotId());
    double[] load = SparkTopology.baselineLoads(cluster, net);
    sw.lap("route");
    Components components = SparkTopology.components(cluster, net);
    sw.lap("components");
    SparkTopology.publishTopology(cluster, req.out(), req.format(), runId, net, components,
        load);
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
    return new Outcome(runId, loaded.snapshot().info().snapshotId(), net.nodeCount(),
        net.linkCount(), components.ranked(net), bridges, cuts, sw.toString());
  }
}
