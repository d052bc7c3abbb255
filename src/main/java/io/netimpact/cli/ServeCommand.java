package io.netimpact.cli;

import io.netimpact.pipeline.ServePipeline;
import io.netimpact.spark.Cluster;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact serve}: the review service over a request directory. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve reviews: hold the snapshot's base in memory and answer every change "
        + "request (*.json) placed in --requests with a review run under --out, or a "
        + "rejection in --out/_rejected/.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--snapshot", paramLabel = "PATH",
      description = "Snapshot directory (local path, file: or s3a://). Or --snapshots.")
  String snapshot;

  @Option(names = "--snapshots", paramLabel = "PREFIX",
      description = "Instead of --snapshot: serve the newest complete snapshot under PREFIX "
          + "(each a directory with manifest.json and a _SUCCESS marker, ordered by taken_at), "
          + "and roll to a newer one when it appears.")
  String snapshots;

  @Option(names = "--snapshot-poll-s", defaultValue = "10", paramLabel = "S",
      description = "With --snapshots: seconds between two listings of PREFIX (default: "
          + "${DEFAULT-VALUE}).")
  double snapshotPollSeconds;

  @Option(names = "--requests", required = true, paramLabel = "DIR",
      description = "Request directory: each *.json file placed whole (renamed in, or one PUT) "
          + "is a change request; answered ones move to DIR/_done/.")
  String requests;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output prefix: one review run per request, serve_log, _rejected/, "
          + "_serve/.")
  String out;

  @Option(names = "--baseline", paramLabel = "STORE",
      description = "A stored baseline of the snapshot: its DAGs are read instead of routing "
          + "the base.")
  String baseline;

  @Mixin
  SharedOptions.ReportFormat format;

  @Mixin
  SharedOptions.WarnUtil warnUtil;

  @Option(names = "--stop-after", paramLabel = "N",
      description = "Exit 0 after N outcomes.")
  Integer stopAfter;

  @Option(names = "--idle-exit-s", paramLabel = "S",
      description = "Exit 0 after S seconds without a pending request.")
  Double idleExitSeconds;

  @Option(names = "--target-latency-s", defaultValue = "10", paramLabel = "S",
      description = "Latency the slowest request should stay under: the batch size is capped "
          + "so that twice a batch's fitted duration fits in it (default: ${DEFAULT-VALUE}).")
  double targetLatencySeconds;

  @Option(names = "--max-batch", defaultValue = "256", paramLabel = "N",
      description = "Most requests in one batch, whatever the fit says (default: "
          + "${DEFAULT-VALUE}).")
  int maxBatch;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    ServePipeline.Request probe = new ServePipeline.Request(
        Optional.ofNullable(snapshot).orElse(""), requests, out,
        Optional.ofNullable(baseline), format.format(), new io.netimpact.verdict.Thresholds(0.8),
        Optional.ofNullable(stopAfter), Optional.ofNullable(idleExitSeconds),
        targetLatencySeconds, maxBatch, Optional.ofNullable(snapshots), snapshotPollSeconds);
    if (snapshots != null && !spark.settings().conf().containsKey("spark.scheduler.mode")
        && System.getProperty("spark.scheduler.mode") == null) {
      // A snapshot is prepared in the background: its jobs share the executors with the
      // batches' (a pool each) instead of queueing ahead of them.
      spark.conf.add("spark.scheduler.mode=FAIR");
    }
    Cluster cluster = spark.cluster("netimpact serve");
    JobSettings settings = JobSettings.resolve(spark.confPairs(),
        Optional.ofNullable(spark.propertiesFile), cluster.askedSettings(),
        JobSettings.defaultsFile());
    ServePipeline.Request req = new ServePipeline.Request(probe.snapshot(), probe.requests(),
        probe.out(), probe.baseline(), probe.format(),
        settings.thresholds(warnUtil.value()), probe.stopAfter(),
        probe.idleExitSeconds(), probe.targetLatencySeconds(), probe.maxBatch(),
        probe.snapshots(), probe.snapshotPollSeconds());
    ServePipeline.Summary s = ServePipeline.run(cluster, req);
    System.out.printf("netimpact serve: stopped on snapshot %s after %d batches: %d published, "
        + "%d rejected%n", s.snapshotId(), s.batches(), s.published(), s.rejected());
    return Main.EXIT_OK;
  }
}
