package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.publish.StorageErrors;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Recognising a store that cannot complete multipart uploads, however the failure reaches the
 * driver. The end-to-end case against a real moto server is in S3MotoEndToEndTest.
 */
class StorageErrorsTest {
  private static final String HANDLER =
      "com.amazonaws.services.s3.model.transform.XmlResponsesSaxParser$CompleteMultipartUploadHandler";

  @Test
  void sdkNullPointerDeepInTheCauses_isExplainedWithTheFileCommitter() {
    NullPointerException npe = new NullPointerException("Cannot throw exception");
    npe.setStackTrace(new StackTraceElement[] {
        new StackTraceElement(HANDLER, "getAmazonS3Exception", "XmlResponsesSaxParser.java", 1),
        new StackTraceElement("com.amazonaws.services.s3.AmazonS3Client",
            "completeMultipartUpload", "AmazonS3Client.java", 2)});
    Exception wrapped = new RuntimeException("Job aborted.",
        new IOException("Failed to commit upload", npe));
    Optional<String> m = StorageErrors.explain(wrapped);
    assertTrue(m.isPresent());
    assertTrue(m.get().contains("fs.s3a.committer.name=magic")
        && m.get().endsWith("--conf spark.hadoop.fs.s3a.committer.name=file"), m.get());
    assertEquals(1, m.get().lines().count(), "one line");
  }

  @Test
  void executorFailureCopiedIntoAMessage_isExplainedToo() {
    Exception e = new IllegalStateException("Job aborted due to stage failure: Task 0 failed: "
        + "java.lang.NullPointerException: Cannot throw exception because the return value of \""
        + HANDLER + ".getAmazonS3Exception()\" is null");
    assertTrue(StorageErrors.explain(e).isPresent());
  }

  @Test
  void otherFailures_areNotExplained() {
    IOException a = new IOException("Connection refused");
    RuntimeException b = new RuntimeException("outer", a);
    a.initCause(new IllegalStateException("inner"));
    a.addSuppressed(b);  // a cycle through the suppressed exceptions
    assertEquals(Optional.empty(), StorageErrors.explain(b));
  }
}
