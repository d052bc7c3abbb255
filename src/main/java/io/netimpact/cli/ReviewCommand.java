package io.netimpact.cli;

import io.netimpact.report.SummaryText;
import io.netimpact.verdict.Verdict;
import io.netimpact.pipeline.ReviewPipeline;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.LocalReview;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact review}: one change request against one snapshot. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Review one change request: route the demands before and after, write the "
        + "impact report, print a summary with the verdict.")
public final class ReviewCommand implements Callable<Integer> {
  @Option(names = "--change", required = true, paramLabel = "FILE",
      description = "Change request JSON file.")
  String change;

  @Option(names = "--fail-on", paramLabel = "block|risk|exposed",
      description = "Exit with code 3 when the verdict is this or worse; exposed: when "
          + "--survive finds the change EXPOSED.")
  String failOn;

  @Option(names = "--survive", paramLabel = "KINDS",
      description = "Also review the change against the next failure: a comma list of link, "
          + "srlg, device, site. Each single failure of those kinds is evaluated without and "
          + "after the change (table survival; scenario_summary.survive).")
  String survive;

  @Option(names = "--baseline", paramLabel = "STORE",
      description = "A stored baseline of the snapshot (netimpact baseline, or sweep "
          + "--baseline-out): route only what the change touches. Refused (exit 2) when it "
          + "was written for another snapshot or content, or with traffic engineering.")
  String baseline;

  @Mixin
  SharedOptions.MeasuredLoads loads;

  @Mixin
  ReportOptions report;

  @Mixin
  SparkOptions spark;

  @Mixin
  RunOptions run;

  @Override
  public Integer call() {
    boolean failOnExposed = "exposed".equalsIgnoreCase(failOn);
    Verdict failOnVerdict = failOn == null || failOnExposed ? null : parseFailOn(failOn);
    java.util.List<io.netimpact.model.Sweep.Each> kinds = survive == null ? java.util.List.of()
        : SurviveKinds.parse(survive, "--survive");
    if (failOnExposed && kinds.isEmpty()) {
      throw new IllegalArgumentException("--fail-on exposed needs --survive KINDS");
    }
    // With a local master, evaluated on the driver's threads: Spark starts only if needed.
    Cluster cluster = spark.cluster("netimpact review", true);
    RunOptions.Prepared settings = run.prepare(cluster, spark, report.warnUtil(), System.out);
    if (settings.localReview() == LocalReview.TASKS || report.trafficSeries().isPresent()) {
      // Spark tasks to come: the session starts while the inputs are read.
      cluster.startSession();
    }
    ReviewPipeline.Request req = new ReviewPipeline.Request(report.snapshot(), change, report.out,
        report.runId(), report.format(), report.onBadRecord(), settings.thresholds(),
        report.trafficSeries(), Optional.ofNullable(baseline), settings.localReview(), kinds);
    ReviewPipeline.Outcome outcome = ReviewPipeline.run(cluster, req,
        loads.dir());
    SummaryText.review(System.out, outcome.summary(), Optional.of(outcome.published().located()),
        outcome.timings());
    Verdict v = outcome.report().summary().verdict();
    if (failOnVerdict != null && v.compareTo(failOnVerdict) >= 0) {
      System.out.println("verdict " + v + " is at or above --fail-on " + failOn
          + ": exit code " + Main.EXIT_VERDICT);
      return Main.EXIT_VERDICT;
    }
    if (failOnExposed && outcome.summary().survival().map(x -> x.survive()
        == io.netimpact.survival.Survive.EXPOSED).orElse(false)) {
      System.out.println("the change is EXPOSED to the next failure (--fail-on exposed): exit "
          + "code " + Main.EXIT_VERDICT);
      return Main.EXIT_VERDICT;
    }
    return Main.EXIT_OK;
  }

  private static Verdict parseFailOn(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "block" -> Verdict.BLOCK;
      case "risk" -> Verdict.RISK;
      default -> throw new IllegalArgumentException("--fail-on takes block, risk or exposed, "
          + "not " + s);
    };
  }
}
