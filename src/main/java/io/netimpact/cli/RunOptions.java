package io.netimpact.cli;

import io.netimpact.verdict.Thresholds;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.Encryption.Sse;
import io.netimpact.spark.Encryption;
import io.netimpact.spark.LocalReview;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by {@code review} and {@code sweep} that act on the run's configuration:
 * printing it (secrets masked) and server-side encryption of the reports ({@link Encryption}
 * says how it is applied to each file system, and when it is refused).
 */
public final class RunOptions {
  /** Keys whose values are never printed (matched anywhere in the key, any case). */
  static final Pattern SECRET_KEY =
      Pattern.compile("(?i)secret|password|token|credential|access[.-]?key|signature");
  static final String MASK = "*********(redacted)";
  static final String SSE_ALGORITHM = Encryption.SSE_ALGORITHM;
  static final String SSE_KEY = Encryption.SSE_KEY;
  static final String EMRFS_SSE = Encryption.EMRFS_SSE;
  static final String EMRFS_KMS_KEY = Encryption.EMRFS_KMS_KEY;

  @Option(names = "--print-config",
      description = "Print the effective netimpact, Spark and S3A settings (secrets masked) "
          + "before running.")
  boolean printConfig;

  @Option(names = "--sse", paramLabel = "sse-s3|sse-kms", converter = SseConverter.class,
      description = "Server-side encryption of the reports, set for the file system serving "
          + "--out: S3A (" + SSE_ALGORITHM + ") or EMRFS (" + EMRFS_SSE + "); refuses to run "
          + "where it cannot hold (default: the cluster's or the bucket's own).")
  Sse sse;

  @Option(names = "--sse-kms-key", paramLabel = "KEY-ARN",
      description = "KMS key id or ARN for --sse sse-kms (sets " + SSE_KEY + " or "
          + EMRFS_KMS_KEY + "; S3A's default: the account's aws/s3 key; EMRFS needs one).")
  String sseKmsKey;

  /** The command this is mixed into: its {@code --out} is where the reports go. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Accepts the S3A spellings (SSE-KMS) as well as the enum's (sse_kms). */
  static final class SseConverter implements picocli.CommandLine.ITypeConverter<Sse> {
    @Override
    public Sse convert(String value) {
      for (Sse s : Sse.values()) {
        if (s.s3a.equalsIgnoreCase(value) || s.name().equalsIgnoreCase(value)
            || s.name().replace('_', '-').equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "expected sse-s3 (AES256) or sse-kms, got \"" + value + "\"");
    }
  }

  /**
   * Applies the encryption options to the cluster's storage, resolves the netimpact settings
   * and prints the configuration when asked.
   *
   * <p>Encryption is set on the live Hadoop configuration rather than as {@code spark.hadoop.*}
   * because those are read only when a SparkContext starts, and the job may be given one that
   * is already running; S3A reads it when it opens a bucket.
   */
  /** The resolved settings a run takes: its thresholds and where a local review runs. */
  record Prepared(Thresholds thresholds, LocalReview localReview, LocalReview localSweep) {}

  Prepared prepare(Cluster cluster, SparkOptions spark, Double warnUtilFlag, PrintStream out) {
    if (sseKmsKey != null && sse != Sse.SSE_KMS) {
      throw new IllegalArgumentException("--sse-kms-key needs --sse sse-kms");
    }
    if (sse != null) {
      cluster.encryptReports(outPath(), sse, Optional.ofNullable(sseKmsKey));
    }
    JobSettings settings = JobSettings.resolve(spark.confPairs(),
        Optional.ofNullable(spark.propertiesFile), cluster.askedSettings(),
        JobSettings.defaultsFile());
    Thresholds th = settings.thresholds(Optional.ofNullable(warnUtilFlag));
    LocalReview local = settings.localReview();
    if (printConfig) {
      print(out, settings, warnUtilFlag, cluster.sparkSettings(), cluster.storageSettings());
    }
    return new Prepared(th, local, settings.localSweep());
  }

  /** The command's {@code --out}, or empty when it has none (parsed without a command). */
  private String outPath() {
    OptionSpec out = command == null ? null : command.findOption("--out");
    return out == null || out.getValue() == null ? "" : out.getValue().toString();
  }

  private static void print(PrintStream out, JobSettings settings, Double warnUtilFlag,
      Map<String, String> sparkConf, Map<String, String> storage) {
    out.println("netimpact settings:");
    settings.all().forEach((k, v) -> {
      if (k.equals(JobSettings.WARN_UTIL) && warnUtilFlag != null) {
        out.printf("  %s=%s (--warn-util)%n", k, warnUtilFlag);
      } else {
        out.printf("  %s=%s (%s)%n", k, mask(k, v.value()), v.source());
      }
    });
    out.println("Spark settings:");
    sparkConf.forEach((k, v) -> out.printf("  %s=%s%n", k, mask(k, v)));
    out.println("Hadoop S3A, EMRFS and committer settings (set, or differing from Hadoop's "
        + "defaults):");
    storage.forEach((k, v) -> out.printf("  %s=%s%n", k, mask(k, v)));
    out.println();
  }

  /** The value, or a mask when the key names a secret. */
  static String mask(String key, String value) {
    return SECRET_KEY.matcher(key).find() ? MASK : value;
  }
}
