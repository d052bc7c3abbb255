package io.netimpact.cli;

import io.netimpact.input.SnapshotReader;
import io.netimpact.spark.ReportWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options several commands take with the same meaning, each declared once as a picocli
 * mixin ({@code @Mixin SharedOptions.Snapshot snapshot;}). Options that share a name but not a
 * meaning ({@code --out} is a report prefix, a store or a snapshot to write, depending on the
 * command) stay with their commands. The {@code spark-submit} options are {@link SparkOptions}.
 */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code --snapshot}: the snapshot a command reads (review, sweep, baseline, serve, ...). */
  static final class Snapshot {
    @Option(names = "--snapshot", required = true, paramLabel = "PATH",
        description = "Snapshot directory (local path, file: or s3a://).")
    String path;

    String path() {
      return path;
    }
  }

  /** {@code --on-bad-record}: what reading the snapshot does with an invalid record. */
  static final class OnBadRecord {
    @Option(names = "--on-bad-record", defaultValue = "fail", paramLabel = "fail|quarantine",
        description = "What to do with invalid snapshot records (default: ${DEFAULT-VALUE}).")
    SnapshotReader.OnBadRecord policy;

    SnapshotReader.OnBadRecord policy() {
      return policy;
    }
  }

  /** {@code --format}: the format of a review's report tables (review, sweep, serve). */
  static final class ReportFormat {
    @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
        description = "Report format (default: ${DEFAULT-VALUE}).")
    ReportWriter.Format format;

    ReportWriter.Format format() {
      return format;
    }
  }

  /** {@code --warn-util}: the WARN threshold of a review (review, sweep, serve). */
  static final class WarnUtil {
    @Option(names = "--warn-util", paramLabel = "X",
        description = "Utilisation above which an arc is WARN (default: setting "
            + "netimpact.warn-util, else 0.8).")
    Double warnUtil;

    /** The flag, or empty for the setting's value. */
    Optional<Double> value() {
      return Optional.ofNullable(warnUtil);
    }
  }

  /** {@code --loads}: measured loads to compare the base loads with (review, sweep). */
  static final class MeasuredLoads {
    @Option(names = "--loads", paramLabel = "DIR",
        description = "Measured loads (interface_loads, optional device_totals): compare the "
            + "base loads with them and write the drift table (arcs off by more than 10 %% and "
            + "0.01 Gbps).")
    String dir;

    Optional<String> dir() {
      return Optional.ofNullable(dir);
    }
  }
}
