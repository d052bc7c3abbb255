package io.netimpact.spark;

import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Server-side encryption of the reports, set for whichever file system serves the output path's
 * scheme, as the cluster configures it: S3A ({@code s3a://} everywhere, and {@code s3://} from
 * EMR 7.10) reads {@code fs.s3a.encryption.*} (and per-bucket overrides of them); EMRFS
 * ({@code s3://} up to EMR 7.9) reads {@code fs.s3.enableServerSideEncryption} and
 * {@code fs.s3.serverSideEncryption.kms.keyId}. Where the asked encryption cannot be guaranteed
 * (another file system, EMRFS client-side encryption, EMRFS SSE-KMS without a key id, which
 * EMRFS would write as SSE-S3) the run is refused before anything is read or written.
 */
public final class Encryption {
  public static final String SSE_ALGORITHM = "fs.s3a.encryption.algorithm";
  public static final String SSE_KEY = "fs.s3a.encryption.key";
  public static final String S3A_FS = "org.apache.hadoop.fs.s3a.S3AFileSystem";
  public static final String EMRFS = "com.amazon.ws.emr.hadoop.fs.EmrFileSystem";
  public static final String EMRFS_SSE = "fs.s3.enableServerSideEncryption";
  public static final String EMRFS_KMS_KEY = "fs.s3.serverSideEncryption.kms.keyId";
  public static final String EMRFS_CSE = "fs.s3.cse.enabled";

  private Encryption() {}

  /**
   * S3 server-side encryption for objects S3A writes, with S3A's name for it (Hadoop 3.3 calls
   * SSE-S3 by its header value, AES256).
   */
  public enum Sse {
    SSE_S3("AES256"), SSE_KMS("SSE-KMS");

    public final String s3a;

    Sse(String s3a) {
      this.s3a = s3a;
    }
  }

  /**
   * Sets {@code sse} for the file system that serves {@code out} (without opening it: the
   * scheme's implementation class as configured), or refuses when it would not hold.
   *
   * @throws IllegalArgumentException when the output's file system cannot be made to write
   *     with the asked encryption
   */
  public static void apply(Configuration hadoop, String out, Sse sse, String kmsKey) {
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

}
