package io.netimpact.job;

import io.netimpact.impact.Thresholds;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * Options shared by {@code review} and {@code sweep} that act on the run's configuration:
 * printing it (secrets masked) and server-side encryption of what S3A writes.
 */
public final class RunOptions {
  /** Keys whose values are never printed (matched anywhere in the key, any case). */
  static final Pattern SECRET_KEY =
      Pattern.compile("(?i)secret|password|token|credential|access[.-]?key|signature");
  static final String MASK = "*********(redacted)";
  static final String SSE_ALGORITHM = "fs.s3a.encryption.algorithm";
  static final String SSE_KEY = "fs.s3a.encryption.key";

  /**
   * S3 server-side encryption for objects S3A writes, with S3A's name for it (Hadoop 3.3 calls
   * SSE-S3 by its header value, AES256).
   */
  public enum Sse {
    SSE_S3("AES256"), SSE_KMS("SSE-KMS");

    final String s3a;

    Sse(String s3a) {
      this.s3a = s3a;
    }
  }

  @Option(names = "--print-config",
      description = "Print the effective netimpact, Spark and S3A settings (secrets masked) "
          + "before running.")
  boolean printConfig;

  @Option(names = "--sse", paramLabel = "sse-s3|sse-kms", converter = SseConverter.class,
      description = "Server-side encryption of the reports written to s3a:// (sets "
          + SSE_ALGORITHM + "; default: the bucket's own).")
  Sse sse;

  @Option(names = "--sse-kms-key", paramLabel = "KEY-ARN",
      description = "KMS key id or ARN for --sse sse-kms (sets " + SSE_KEY
          + "; default: the account's aws/s3 key).")
  String sseKmsKey;

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
   * Applies the encryption options to the session's Hadoop configuration, resolves the
   * netimpact settings and prints the configuration when asked.
   *
   * <p>Encryption is set on the live Hadoop configuration rather than as {@code spark.hadoop.*}
   * because those are read only when a SparkContext starts, and the job may be given one that
   * is already running; S3A reads it when it opens a bucket.
   */
  Thresholds prepare(SparkSession session, SparkOptions spark, Double warnUtilFlag,
      PrintStream out) {
    if (sseKmsKey != null && sse != Sse.SSE_KMS) {
      throw new IllegalArgumentException("--sse-kms-key needs --sse sse-kms");
    }
    Configuration hadoop = session.sparkContext().hadoopConfiguration();
    if (sse != null) {
      hadoop.set(SSE_ALGORITHM, sse.s3a);
      if (sseKmsKey != null) {
        hadoop.set(SSE_KEY, sseKmsKey);
      } else {
        // Without this a key from an earlier setting would pair with the wrong algorithm.
        hadoop.unset(SSE_KEY);
      }
    }
    Map<String, String> sparkConf = new TreeMap<>();
    for (Tuple2<String, String> kv : session.sparkContext().getConf().getAll()) {
      sparkConf.put(kv._1(), kv._2());
    }
    JobSettings settings = JobSettings.resolve(spark.confPairs(),
        Optional.ofNullable(spark.propertiesFile), sparkConf, JobSettings.defaultsFile());
    Thresholds th = settings.thresholds(Optional.ofNullable(warnUtilFlag));
    if (printConfig) {
      print(out, settings, warnUtilFlag, sparkConf, hadoop);
    }
    return th;
  }

  private static void print(PrintStream out, JobSettings settings, Double warnUtilFlag,
      Map<String, String> sparkConf, Configuration hadoop) {
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
    out.println("Hadoop S3A and committer settings (set, or differing from Hadoop's defaults):");
    Configuration defaults = new Configuration();
    Map<String, String> s3a = new TreeMap<>();
    for (Map.Entry<String, String> e : hadoop) {
      String k = e.getKey();
      boolean relevant = k.startsWith("fs.s3a.") || k.startsWith("mapreduce.outputcommitter.");
      if (relevant && !e.getValue().equals(defaults.get(k))) {
        s3a.put(k, hadoop.get(k));
      }
    }
    s3a.forEach((k, v) -> out.printf("  %s=%s%n", k, mask(k, v)));
    out.println();
  }

  /** The value, or a mask when the key names a secret. */
  static String mask(String key, String value) {
    return SECRET_KEY.matcher(key).find() ? MASK : value;
  }
}
