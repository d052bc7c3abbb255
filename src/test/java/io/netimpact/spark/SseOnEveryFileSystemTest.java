package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.spark.Encryption.Sse;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * {@code --sse} lands in the settings of the file system that will write the reports, as EMR
 * configures each release: EMRFS behind {@code s3://} up to 7.9, S3A behind it from 7.10, S3A
 * behind {@code s3a://} always; and the run is refused where the asked encryption cannot hold.
 */
class SseOnEveryFileSystemTest {
  static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/netimpact";

  private static Configuration emr79() {
    Configuration c = new Configuration(false);
    c.set("fs.s3.impl", Encryption.EMRFS);
    return c;
  }

  private static Configuration emr710() {
    Configuration c = new Configuration(false);
    c.set("fs.s3.impl", Encryption.S3A_FS);
    return c;
  }

  @Test
  void s3OnEmr79_setsEmrfsKeys_notOnlyS3a() {
    Configuration c = emr79();
    Encryption.apply(c, "s3://b/reports/", Sse.SSE_KMS, KEY);
    assertEquals("true", c.get(Encryption.EMRFS_SSE));
    assertEquals(KEY, c.get(Encryption.EMRFS_KMS_KEY));
  }

  @Test
  void s3OnEmr79_sseKmsWithoutAKey_isRefused_ratherThanWrittenAsSseS3() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Encryption.apply(emr79(), "s3://b/reports/", Sse.SSE_KMS, null));
    assertTrue(e.getMessage().contains(Encryption.EMRFS_KMS_KEY), e.getMessage());
  }

  @Test
  void s3OnEmr79_withClientSideEncryption_isRefused() {
    Configuration c = emr79();
    c.setBoolean(Encryption.EMRFS_CSE, true);
    assertThrows(IllegalArgumentException.class,
        () -> Encryption.apply(c, "s3://b/reports/", Sse.SSE_S3, null));
  }

  @Test
  void s3OnEmr710_setsS3aKeys() {
    Configuration c = emr710();
    Encryption.apply(c, "s3://b/reports/", Sse.SSE_KMS, KEY);
    assertEquals("SSE-KMS", c.get("fs.s3a.encryption.algorithm"));
    assertEquals(KEY, c.get("fs.s3a.encryption.key"));
    assertNull(c.get(Encryption.EMRFS_SSE));
  }

  @Test
  void s3a_overridesAWeakerPerBucketSetting_whichS3aWouldOtherwisePrefer() {
    Configuration c = new Configuration(); // core-default.xml maps s3a:// to S3A
    c.set("fs.s3a.bucket.b.encryption.algorithm", "AES256");
    c.set("fs.s3a.bucket.other.encryption.algorithm", "AES256");
    Encryption.apply(c, "s3a://b/reports/", Sse.SSE_KMS, KEY);
    assertEquals("SSE-KMS", c.get("fs.s3a.bucket.b.encryption.algorithm"));
    assertEquals(KEY, c.get("fs.s3a.bucket.b.encryption.key"));
    assertEquals("SSE-KMS", c.get("fs.s3a.encryption.algorithm"));
    assertEquals("AES256", c.get("fs.s3a.bucket.other.encryption.algorithm"), "other buckets");
  }

  @Test
  void aLocalOutput_isRefused_becauseNothingWouldEncryptIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Encryption.apply(new Configuration(false), "/tmp/reports", Sse.SSE_S3, null));
    assertTrue(e.getMessage().contains("LocalFileSystem"), e.getMessage());
  }
}
