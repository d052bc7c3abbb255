package io.netimpact.job;

import io.netimpact.impact.Thresholds;
import io.netimpact.impact.Verdict;
import io.netimpact.io.ReportWriter;
import io.netimpact.io.SnapshotReader;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact review}: one change request against one snapshot. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Review one change request: route the demands before and after, write the "
        + "impact report, print a summary with the verdict.")
public final class ReviewCommand implements Callable<Integer> {
  @Option(names = "--snapshot", required = true, paramLabel = "PATH",
      description = "Snapshot directory (local path, file: or s3a://).")
  String snapshot;

  @Option(names = "--change", required = true, paramLabel = "FILE",
      description = "Change request JSON file.")
  String change;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix for the report tables.")
  String out;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Run id; re-running an id replaces that run (default: the change's id).")
  String runId;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  ReportWriter.Format format;

  @Option(names = "--fail-on", paramLabel = "block|risk",
      description = "Exit with code 3 when the verdict is this or worse.")
  Verdict failOn;

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
    if (failOn == Verdict.SAFE) {
      throw new IllegalArgumentException("--fail-on takes block or risk, not safe");
    }
    SparkSession session = spark.session("netimpact review");
    Thresholds th = run.prepare(session, spark, warnUtil, System.out);
    ReviewJob.Request req = new ReviewJob.Request(snapshot, change, out,
        Optional.ofNullable(runId), format, onBadRecord, th, Optional.ofNullable(trafficSeries));
    ReviewJob.Outcome outcome = ReviewJob.run(session, req, System.out);
    Verdict v = outcome.report().summary().verdict();
    if (failOn != null && v.compareTo(failOn) >= 0) {
      System.out.println("verdict " + v + " is at or above --fail-on " + failOn
          + ": exit code " + Main.EXIT_VERDICT);
      return Main.EXIT_VERDICT;
    }
    return Main.EXIT_OK;
  }
}
