package io.netimpact.cli;

import io.netimpact.report.RunIds;
import io.netimpact.input.SnapshotReader;
import io.netimpact.spark.ReportWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code review} and {@code sweep} share: input snapshot, report, thresholds. */
public final class ReportOptions {
  @Option(names = "--snapshot", required = true, paramLabel = "PATH",
      description = "Snapshot directory (local path, file: or s3a://).")
  String snapshot;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix for the report tables.")
  String out;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id; re-running an id replaces that run (default: the change's or the "
          + "sweep's id).")
  String runId;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  ReportWriter.Format format;

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

  /** The flag, checked: a run id becomes directory names under {@code --out}. */
  Optional<String> runId() {
    return Optional.ofNullable(runId).map(id -> RunIds.require(id, "--run-id"));
  }

  Optional<String> trafficSeries() {
    return Optional.ofNullable(trafficSeries);
  }
}
