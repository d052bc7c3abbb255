package io.netimpact.job;

import io.netimpact.impact.Thresholds;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * Options shared by {@code review} and {@code sweep} that act on the run's configuration:
 * printing it (secrets masked) and server-side encryption of the reports.
 *
 * <p>{@code --sse} is applied to whichever file system serves the output path's scheme, as the
 * cluster configures it: S3A ({@code s3a://} everywhere, and {@code s3://} from EMR 7.10) reads
 * {@code fs.s3a.encryption.*} (and per-bucket overrides of them); EMRFS ({@code s3://} up to EMR
 * 7.9) reads {@code fs.s3.enableServerSideEncryption} and
 * {@code fs.s3.serverSideEncryption.kms.keyId}. Where the asked encryption cannot be guaranteed
 * (another file system, EMRFS client-side encryption, EMRFS SSE-KMS without a key id, which
 * EMRFS would write as SSE-S3) the run is refused before anything is read or written.
 */
public final class RunOptions {
  /** Keys whose values are never printed (matched anywhere in the key, any case). */
  static final Pattern SECRET_KEY =
      Pattern.compile("(?i)secret|password|token|credential|access[.-]?key|signature");
  static final String MASK = "*********(redacted)";
  static final String SSE_ALGORITHM = "fs.s3a.encryption.algorithm";
  static final String SSE_KEY = "fs.s3a.encryption.key";
  static final String S3A_FS = "org.apache.hadoop.fs.s3a.S3AFileSystem";
  static final String EMRFS = "com.amazon.ws.emr.hadoop.fs.EmrFileSystem";
  static final String EMRFS_SSE = "fs.s3.enableServerSideEncryption";
  static final String EMRFS_KMS_KEY = "fs.s3.serverSideEncryption.kms.keyId";
  static final String EMRFS_CSE = "fs.s3.cse.enabled";

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
      applySse(hadoop, outPath(), sse, sseKmsKey);
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

  /** The command's {@code --out}, or empty when it has none (parsed without a command). */
  private String outPath() {
    OptionSpec out = command == null ? null : command.findOption("--out");
    return out == null || out.getValue() == null ? "" : out.getValue().toString();
  }

  /**
   * Sets {@code sse} for the file system that serves {@code out} (without opening it: the
   * scheme's implementation class as configured), or refuses when it would not hold.
   *
   * @throws IllegalArgumentException when the output's file system cannot be made to write
   *     with the asked encryption
   */
  static void applySse(Configuration hadoop, String out, Sse sse, String kmsKey) {
    URI uri = new Path(out.isEmpty() ? "." : out).toUri();
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
    // By name, as configured (EMRFS is only on EMR's classpath), else Hadoop's service list.
    String impl = hadoop.getTrimmed("fs." + scheme + ".impl");
    if (impl == null) {
      try {
        impl = FileSystem.getFileSystemClass(scheme, hadoop).getName();
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("--sse: no file system for " + scheme + ":// ("
            + e.getMessage() + ")");
      }
    }
    if (impl.equals(S3A_FS)) {
      setS3a(hadoop, "fs.s3a.", sse, kmsKey);
      // Per-bucket settings win over the global ones in S3A: override any for this bucket.
      String bucket = "fs.s3a.bucket." + uri.getHost() + ".";
      for (String k : List.of("encryption.algorithm", "server-side-encryption-algorithm",
          "encryption.key", "server-side-encryption.key")) {
        if (uri.getHost() != null && hadoop.get(bucket + k) != null) {
          setS3a(hadoop, bucket, sse, kmsKey);
          hadoop.unset(bucket + "server-side-encryption-algorithm");
          hadoop.unset(bucket + "server-side-encryption.key");
          break;
        }
      }
    } else if (impl.equals(EMRFS)) {
      if (hadoop.getBoolean(EMRFS_CSE, false)) {
        throw new IllegalArgumentException("--sse " + sse.name().toLowerCase().replace('_', '-')
            + ": " + out + " is written by EMRFS with client-side encryption (" + EMRFS_CSE
            + "=true); remove one of the two");
      }
      if (sse == Sse.SSE_KMS && kmsKey == null && hadoop.get(EMRFS_KMS_KEY) == null) {
        throw new IllegalArgumentException("--sse sse-kms: EMRFS (" + scheme + "://) needs "
            + "--sse-kms-key or " + EMRFS_KMS_KEY + ", or it would write SSE-S3");
      }
      hadoop.setBoolean(EMRFS_SSE, true);
      if (kmsKey != null) {
        hadoop.set(EMRFS_KMS_KEY, kmsKey);
      }
    } else {
      throw new IllegalArgumentException("--sse applies to S3 output written by S3A or EMRFS; "
          + (out.isEmpty() ? "this command has no --out" : out + " is written by " + impl));
    }
  }

  private static void setS3a(Configuration hadoop, String prefix, Sse sse, String kmsKey) {
    hadoop.set(prefix + "encryption.algorithm", sse.s3a);
    if (kmsKey != null) {
      hadoop.set(prefix + "encryption.key", kmsKey);
    } else {
      // Without this a key from an earlier setting would pair with the wrong algorithm.
      hadoop.unset(prefix + "encryption.key");
    }
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
    out.println("Hadoop S3A, EMRFS and committer settings (set, or differing from Hadoop's "
        + "defaults):");
    Configuration defaults = new Configuration();
    Map<String, String> s3a = new TreeMap<>();
    for (Map.Entry<String, String> e : hadoop) {
      String k = e.getKey();
      boolean relevant = k.startsWith("fs.s3a.") || k.startsWith("mapreduce.outputcommitter.")
          || k.startsWith("fs.s3.");
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
