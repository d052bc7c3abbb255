package io.netimpact.job;

import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
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
  @Option(names = "--snapshot", required = true, paramLabel = "PATH",
      description = "Snapshot directory (local path, file: or s3a://).")
  String snapshot;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix for the tables.")
  String out;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id; re-running an id replaces that run (default: the snapshot's id).")
  String runId;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ReportWriter.Format format;

  @Option(names = "--on-bad-record", defaultValue = "fail", paramLabel = "fail|quarantine",
      description = "What to do with invalid snapshot records (default: ${DEFAULT-VALUE}).")
  SnapshotReader.OnBadRecord onBadRecord;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    TopologyJob.run(spark.session("netimpact topology"), new TopologyJob.Request(snapshot, out,
        Optional.ofNullable(runId), format, onBadRecord), System.out);
    return Main.EXIT_OK;
  }
}
