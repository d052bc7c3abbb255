package io.netimpact.cli;

import io.netimpact.report.TopologyTables;
import io.netimpact.pipeline.TopologyPipeline;
import io.netimpact.spark.ReportWriter;
import io.netimpact.topology.Components;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact topology}: components and single points of failure of a snapshot. */
@Command(name = "topology", mixinStandardHelpOptions = true,
    description = "Analyse a snapshot's topology: connected components (GraphX), bridges and "
        + "articulation points that carry demand; write topology_vertices and topology_edges "
        + "in GraphFrames layout.")
public final class TopologyCommand implements Callable<Integer> {
  private static final int SHOWN = 15;

  @Mixin
  SharedOptions.Snapshot snapshot;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix for the tables.")
  String out;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id; re-running an id replaces that run (default: the snapshot's id).")
  String runId;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ReportWriter.Format format;

  @Mixin
  SharedOptions.OnBadRecord onBadRecord;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    TopologyPipeline.Outcome o = TopologyPipeline.run(spark.cluster("netimpact topology"),
        new TopologyPipeline.Request(snapshot.path(), out, Optional.ofNullable(runId), format,
            onBadRecord.policy()));
    print(System.out, o);
    return Main.EXIT_OK;
  }

  private void print(PrintStream console, TopologyPipeline.Outcome o) {
    Components ranked = o.components();
    int[] size = ranked.sizes();
    List<String> bridges = o.bridges();
    List<String> cuts = o.articulationPoints();
    console.printf("netimpact topology %s: %d devices, %d links; %d connected component%s "
        + "(the main one: %d devices)%n", o.snapshotId(), o.devices(), o.links(),
        ranked.count(), ranked.count() == 1 ? "" : "s", size.length == 0 ? 0 : size[0]);
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
    console.printf("report: %s (run_id=%s, %s): %s, %s%ntimings: %s%n", out, o.runId(),
        format.name().toLowerCase(), TopologyTables.VERTICES, TopologyTables.EDGES,
        o.timings());
  }
}
