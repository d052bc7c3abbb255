package io.netimpact.cli;

import io.netimpact.report.SummaryText;
import io.netimpact.verdict.Thresholds;
import io.netimpact.pipeline.SweepPipeline;
import io.netimpact.spark.Cluster;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code netimpact sweep}: every scenario of a sweep file against one snapshot. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a what-if sweep: explicit changes and generated failures (each device, "
        + "link, SRLG, site), ranked riskiest first, written as one run.")
public final class SweepCommand implements Callable<Integer> {
  @Option(names = "--sweep", required = true, paramLabel = "FILE", description = "Sweep JSON file.")
  String sweep;

  @Option(names = "--strategy", defaultValue = "incremental", paramLabel = "incremental|full",
      description = "incremental recomputes only what a change touches; full recomputes "
          + "everything per scenario (the reference). Default: ${DEFAULT-VALUE}.")
  io.netimpact.impact.Evaluator.Strategy strategy;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "Routing tasks (default 0: eight per core).")
  int partitions;

  @Option(names = "--plan", description = "After the sweep, plan the LAG members to add so that "
      + "no arc exceeds --target-util in the base or any scenario (tables augment_plan, "
      + "augment_residual; augment_plan.json).")
  boolean plan;

  @Option(names = "--target-util", paramLabel = "U",
      description = "With --plan: the utilisation to stay at or below, in (0, 1] (default: "
          + "the warn utilisation).")
  Double targetUtil;

  @Option(names = "--baseline-out", paramLabel = "STORE",
      description = "Also write the stored baseline of the snapshot (as netimpact baseline "
          + "does) from the sweep's own routing of the base, for review --baseline: empty "
          + "or new; a store of the same snapshot and content is left as it is.")
  String baselineOut;

  @Mixin
  SharedOptions.MeasuredLoads loads;

  @Option(names = "--all-rows", description = "Also list the SAFE pairs of failures of a pair "
      + "generator in scenario_summary (and their link_impact and demand_impact rows); by "
      + "default only the pairs that are not SAFE are listed.")
  boolean allRows;

  @Option(names = "--failure-model", paramLabel = "FILE",
      description = "Failure probabilities per link, SRLG, device and site (JSON): also "
          + "evaluate the base, every single failure and every pair, weighed by probability, "
          + "and write demand_availability (docs/availability.md). The sweep file may then "
          + "list nothing.")
  String failureModel;

  @Option(names = "--prob-cutoff", paramLabel = "P", defaultValue = "0",
      description = "With --failure-model: pairs of failures less probable than P are not "
          + "evaluated; their probability is reported as uncovered. Default: ${DEFAULT-VALUE}.")
  double probCutoff;

  @Mixin
  ReportOptions report;

  @Mixin
  SparkOptions spark;

  @Mixin
  RunOptions run;

  @Override
  public Integer call() {
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
    }
    if (targetUtil != null && !plan) {
      throw new IllegalArgumentException("--target-util needs --plan");
    }
    if (targetUtil != null && !(targetUtil > 0 && targetUtil <= 1)) {
      throw new IllegalArgumentException("--target-util must be in (0, 1], got " + targetUtil);
    }
    if (!(probCutoff >= 0 && probCutoff < 1)) {
      throw new IllegalArgumentException("--prob-cutoff must be in [0, 1), got " + probCutoff);
    }
    if (probCutoff > 0 && failureModel == null) {
      throw new IllegalArgumentException("--prob-cutoff needs --failure-model");
    }
    // On a local master the session starts only when the sweep needs one (SweepPipeline).
    Cluster cluster = spark.cluster("netimpact sweep", true);
    RunOptions.Prepared prepared = run.prepare(cluster, spark, report.warnUtil(), System.out);
    Thresholds th = prepared.thresholds();
    SweepPipeline.Outcome outcome = SweepPipeline.run(cluster, new SweepPipeline.Request(
        report.snapshot(), sweep, report.out, report.runId(), report.format(), report.onBadRecord(),
        th, strategy, partitions, report.trafficSeries(), plan
            ? Optional.of(targetUtil != null ? targetUtil : th.warnUtil()) : Optional.empty(),
        Optional.ofNullable(baselineOut), allRows, prepared.localSweep()), loads.dir(),
        Optional.ofNullable(failureModel).map(f -> new SweepPipeline.Failures(f, probCutoff)));
    SummaryText.sweep(System.out, outcome.summary(), Optional.of(outcome.published().located()),
        outcome.timings());
    return Main.EXIT_OK;
  }
}
