package io.netimpact.cli;

import io.netimpact.deduce.Deduction;
import io.netimpact.pipeline.DeducePipeline;
import io.netimpact.spark.Cluster;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netimpact deduce}: the demands that best explain measured interface loads and edge
 * totals, written as a snapshot with the same devices and links (contract 7.4). Runs on the
 * driver (no Spark session).
 */
@Command(name = "deduce", mixinStandardHelpOptions = true,
    description = "Deduce the traffic matrix from measured loads (interface counters and edge "
        + "totals) and write it as a snapshot with a deduce_fit table.")
public final class DeduceCommand implements Callable<Integer> {
  /** Findings of each kind printed; the rest are counted. */
  static final int SHOWN = 10;

  @Option(names = "--snapshot", required = true, paramLabel = "PATH",
      description = "Snapshot whose devices and links route the demands (its demands are "
          + "not used).")
  String snapshot;

  @Option(names = "--loads", required = true, paramLabel = "DIR",
      description = "Measured loads: interface_loads (link, from, gbps), optional "
          + "device_totals (device, in_gbps, out_gbps) and known_demands; or a series "
          + "(index.json listing one such directory per interval).")
  String loads;

  @Option(names = "--out", required = true, paramLabel = "SNAPSHOT_OUT",
      description = "Directory to write the deduced snapshot and its deduce_fit table to.")
  String out;

  @Option(names = "--pairs", defaultValue = "totals", paramLabel = "totals|all",
      description = "Pairs that may carry traffic: between devices with non-zero totals "
          + "(default), or every pair of devices.")
  Deduction.Pairs pairs;

  @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|parquet",
      description = "Format of the written tables (default: ${DEFAULT-VALUE}: as the input "
          + "snapshot's demands).")
  DeducePipeline.Format format;

  @Option(names = "--iterations", paramLabel = "N",
      description = "Iteration budget: at most N EM iterations (default 1000) and at most N "
          + "least-squares iterations a round (default 200).")
  Integer iterations;

  @Mixin
  SparkOptions spark;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (iterations != null && iterations < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--iterations must be at least 1, got " + iterations);
    }
    Cluster cluster = spark.cluster("netimpact deduce", true);
    DeducePipeline.Outcome o = DeducePipeline.run(cluster,
        new DeducePipeline.Request(snapshot, loads, out, pairs, format,
            iterations == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(iterations)));
    for (DeducePipeline.Interval i : o.intervals()) {
      Deduction.Result r = i.result();
      String at = i.id().isEmpty() ? "" : "interval " + i.id() + ": ";
      System.out.printf("%s%,d demands, %.6g Gbps; %s%n", at, r.demands().size(),
          r.demands().stream().mapToDouble(d -> d.gbps()).sum(), DeducePipeline.fitLine(r));
      System.out.println(at + DeducePipeline.findingsLine(r));
      for (Deduction.FindingKind kind : List.of(Deduction.FindingKind.UNREACHABLE,
          Deduction.FindingKind.INCONSISTENT, Deduction.FindingKind.UNMEASURED)) {
        List<Deduction.Finding> f = r.findings(kind);
        for (int k = 0; k < Math.min(SHOWN, f.size()); k++) {
          System.out.printf("  %s %s: %s%n", kind.name().toLowerCase(), f.get(k).location(),
              f.get(k).message());
        }
        if (f.size() > SHOWN) {
          System.out.printf("  and %,d more %s%n", f.size() - SHOWN, kind.name().toLowerCase());
        }
      }
    }
    System.out.printf("wrote snapshot %s to %s (%s%s), with %s%n", o.written().snapshotId(),
        out, o.parquet() ? "Parquet" : "JSON lines", o.chosen().isEmpty() ? ""
            : "; demands of interval " + o.chosen() + ", every interval in traffic/",
        "deduce_fit");
    System.out.println("method: " + o.intervals().get(0).result().method());
    System.out.println("timings: " + o.timings());
    return Main.EXIT_OK;
  }
}
