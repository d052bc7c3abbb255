package io.netimpact.cli;

import io.netimpact.store.BaselineFiles;
import io.netimpact.store.BaselineManifest;
import io.netimpact.pipeline.BaselinePipeline;
import io.netimpact.spark.Cluster;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact baseline}: route a snapshot's base once and store it for warm reviews. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Route a snapshot's base network once (every destination) and store what "
        + "any review of that snapshot needs to route only what a change touches, for "
        + "review --baseline: the base arc loads and each destination's shortest-path DAG, "
        + "keyed by snapshot id and content hash. --out must be empty or new; a store of the "
        + "same snapshot and hash already there is left as it is (exit 0).")
public final class BaselineCommand implements Callable<Integer> {
  @Mixin
  SharedOptions.Snapshot snapshot;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Store directory (local path, file: or s3a://): empty or new.")
  String out;

  @Mixin
  SharedOptions.OnBadRecord onBadRecord;

  @Option(names = "--survive", paramLabel = "KINDS",
      description = "Also store the N-1 results (every single failure of these kinds, a "
          + "comma list of link, srlg, device, site, evaluated without any change) for "
          + "review --baseline STORE --survive.")
  String survive;

  @Option(names = "--warn-util", paramLabel = "X",
      description = "With --survive: the warn utilisation the stored severities use (default "
          + "0.8); a review with another one evaluates the failures again.")
  Double warnUtil;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    Cluster cluster = spark.cluster("netimpact baseline");
    BaselinePipeline.Outcome o = BaselinePipeline.run(cluster,
        new BaselinePipeline.Request(snapshot.path(), out, onBadRecord.policy(), survive == null
            ? java.util.List.of() : SurviveKinds.parse(survive, "--survive"),
            warnUtil == null ? io.netimpact.verdict.Thresholds.DEFAULT
                : new io.netimpact.verdict.Thresholds(warnUtil)));
    BaselineManifest m = o.manifest();
    System.out.printf("netimpact baseline: snapshot %s: %d devices, %d links, %d demand pairs, "
        + "%d destinations%n", io.netimpact.report.TerminalText.escape(m.snapshotId()), m.nodes(), o.links(), m.demands(),
        m.destinations());
    if (o.rejects() > 0) {
      System.out.printf("QUARANTINED: %d input records (the store is of the snapshot without "
          + "them)%n", o.rejects());
    }
    System.out.printf("%s %s (content hash %s, %d buckets): %s, %s, %s%s%n",
        o.alreadyThere() ? "already there, left as it is:" : "store:", out, m.contentHash(),
        m.buckets(), BaselineManifest.FILE, BaselineFiles.ARC_LOAD, BaselineFiles.DESTINATIONS,
        m.compiled().map(c -> ", " + BaselineFiles.NETWORK + " (" + c.networkBytes()
            + " bytes; snapshot digest " + c.snapshotDigest() + ")").orElse(""));
    System.out.println("timings: " + o.timings());
    return Main.EXIT_OK;
  }
}
