package io.netimpact.cli;

import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netimpact generate}: a synthetic snapshot for a preset and seed. Runs on the driver
 * alone (no Spark session): the generator streams its output and needs no cluster. Like every
 * subcommand it takes {@code --conf} and {@code --properties-file}; their
 * {@code spark.hadoop.*} settings (an S3A endpoint, say) configure the output file system.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate a realistic synthetic snapshot (deterministic for a seed), with "
        + "suggested change requests under OUT/changes/.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--preset", required = true, paramLabel = "small|medium|large|xl",
      description = "Size: small (~300 devices, JSON lines), medium (~10k, JSON lines), "
          + "large (~100k, Parquet), xl (~1M, Parquet).")
  Preset preset;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}); the same seed gives the same files.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Snapshot directory to write (local path, file: or s3a://).")
  String out;

  @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|parquet",
      description = "Table format (default: ${DEFAULT-VALUE}: JSON lines for small and medium, "
          + "Parquet for large and xl).")
  SnapshotGenerator.Format format;

  @Option(names = "--te", description = "Also write a TE overlay: RSVP-TE LSPs between the "
      + "PoPs of a region and SR-TE policies on the long-haul links (lsps.jsonl, "
      + "sr_policies.jsonl).")
  boolean te;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    SnapshotGenerator.Result r = SnapshotGenerator.generate(preset, seed, out,
        spark.settings().hadoop(), format, te);
    System.out.printf("generated %s: %,d devices, %,d links, %,d demands between %,d endpoints"
            + " in %s%n", r.snapshotId(), r.devices(), r.links(), r.demands(), r.endpoints(), out);
    System.out.printf("busiest arc at %.1f %% (demands scaled x%.4g; calibrated on %,d devices"
            + " in %d chunk(s))%n", 100 * r.maxUtilisation(), r.scale(), r.routedDevices(),
        r.calibrationChunks());
    StringBuilder t = new StringBuilder("timings:");
    r.seconds().forEach((k, v) -> t.append(String.format(" %s %.2f s,", k, v)));
    System.out.println(t.substring(0, t.length() - 1));
    return Main.EXIT_OK;
  }
}
