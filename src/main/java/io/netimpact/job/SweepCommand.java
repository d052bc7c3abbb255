package io.netimpact.job;

import io.netimpact.impact.Thresholds;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact sweep}: every scenario of a sweep file against one snapshot. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a what-if sweep: explicit changes and generated failures (each device, "
        + "link, SRLG, site), ranked riskiest first, written as one run.")
public final class SweepCommand implements Callable<Integer> {
  @Option(names = "--snapshot", required = true, paramLabel = "PATH",
      description = "Snapshot directory (local path, file: or s3a://).")
  String snapshot;

  @Option(names = "--sweep", required = true, paramLabel = "FILE", description = "Sweep JSON file.")
  String sweep;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix for the report tables.")
  String out;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id; re-running an id replaces that run (default: the sweep's id).")
  String runId;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  ReportWriter.Format format;

  @Option(names = "--strategy", defaultValue = "incremental", paramLabel = "incremental|full",
      description = "incremental recomputes only what a change touches; full recomputes "
          + "everything per scenario (the reference). Default: ${DEFAULT-VALUE}.")
  SparkSweep.Strategy strategy;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "Routing tasks (default 0: four per core).")
  int partitions;

  @Option(names = "--on-bad-record", defaultValue = "fail", paramLabel = "fail|quarantine",
      description = "What to do with invalid snapshot records (default: ${DEFAULT-VALUE}).")
  SnapshotReader.OnBadRecord onBadRecord;

  @Option(names = "--warn-util", paramLabel = "X",
      description = "Utilisation above which an arc is WARN (default: setting "
          + "netimpact.warn-util, else 0.8).")
  Double warnUtil;

  @Option(names = "--traffic-series", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
      description = "Also evaluate against every interval of a traffic series: DIR/traffic/"
          + "index.json (default DIR: the snapshot). Writes scenario_series.")
  String trafficSeries;

  @Mixin
  SparkOptions spark;

  @Mixin
  RunOptions run;

  @Override
  public Integer call() {
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
    }
    SparkSession session = spark.session("netimpact sweep");
    Thresholds th = run.prepare(session, spark, warnUtil, System.out);
    SweepJob.run(session, new SweepJob.Request(snapshot, sweep, out,
        Optional.ofNullable(runId), format, onBadRecord, th, strategy,
        partitions, Optional.ofNullable(trafficSeries)), System.out);
    return Main.EXIT_OK;
  }
}
