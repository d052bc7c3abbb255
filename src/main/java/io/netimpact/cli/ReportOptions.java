package io.netimpact.cli;

import io.netimpact.report.RunIds;
import io.netimpact.input.SnapshotReader;
import io.netimpact.spark.ReportWriter;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code review} and {@code sweep} share: input snapshot, report, thresholds. */
public final class ReportOptions {
  @Mixin
  SharedOptions.Snapshot snapshot;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix for the report tables.")
  String out;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id; re-running an id replaces that run (default: the change's or the "
          + "sweep's id).")
  String runId;

  @Mixin
  SharedOptions.ReportFormat format;

  @Mixin
  SharedOptions.OnBadRecord onBadRecord;

  @Mixin
  SharedOptions.WarnUtil warnUtil;

  @Option(names = "--traffic-series", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
      description = "Also evaluate against every interval of a traffic series: DIR/traffic/"
          + "index.json (default DIR: the snapshot). Writes scenario_series.")
  String trafficSeries;

  String snapshot() {
    return snapshot.path();
  }

  ReportWriter.Format format() {
    return format.format();
  }

  SnapshotReader.OnBadRecord onBadRecord() {
    return onBadRecord.policy();
  }

  /** {@code --warn-util}, or null for the setting's value. */
  Double warnUtil() {
    return warnUtil.value().orElse(null);
  }

  /** The flag, checked: a run id becomes directory names under {@code --out}. */
  Optional<String> runId() {
    return Optional.ofNullable(runId).map(id -> RunIds.require(id, "--run-id"));
  }

  Optional<String> trafficSeries() {
    return Optional.ofNullable(trafficSeries);
  }
}
