package io.netimpact.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures of the storage under the job that the user can fix, explained in one line. Each is
 * recognised from the exception alone (its causes, suppressed exceptions and the stack traces
 * Spark copies into task-failure messages), so that it works for driver and executor failures.
 */
public final class StorageErrors {
  /** The AWS SDK v1 parser of a CompleteMultipartUpload reply. */
  static final String COMPLETE_MULTIPART = "CompleteMultipartUploadHandler";

  private StorageErrors() {}

  /**
   * One line naming the cause and the fix, or empty when {@code t} is nothing recognised.
   *
   * <p>Recognised: an S3 store (some emulators, moto's server among them) whose reply to
   * CompleteMultipartUpload the AWS SDK cannot read: it fails with a NullPointerException in
   * {@code CompleteMultipartUploadHandler}, after the store answered 200. The S3A magic
   * committer completes a multipart upload for every file it commits, so every write fails;
   * the file committer does not depend on it for files under the multipart threshold.
   */
  public static Optional<String> explain(Throwable t) {
    Deque<Throwable> todo = new ArrayDeque<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    todo.add(t);
    while (!todo.isEmpty()) {
      Throwable x = todo.poll();
      if (seen.put(x, true) != null) {
        continue;
      }
      if (completeMultipartFailed(x)) {
        return Optional.of("the S3 store could not complete a multipart upload (the AWS SDK "
            + "failed reading its CompleteMultipartUpload reply, as against moto's S3 server): "
            + "the S3A magic committer (fs.s3a.committer.name=magic, set by "
            + "conf/spark-defaults.conf) commits every file that way; run with "
            + "--conf spark.hadoop.fs.s3a.committer.name=file");
      }
      if (x.getCause() != null) {
        todo.add(x.getCause());
      }
      for (Throwable s : x.getSuppressed()) {
        todo.add(s);
      }
    }
    return Optional.empty();
  }

  private static boolean completeMultipartFailed(Throwable x) {
    String m = String.valueOf(x.getMessage());
    if (m.contains(COMPLETE_MULTIPART)) {
      return true;
    }
    for (StackTraceElement e : x.getStackTrace()) {
      if (e.getClassName().contains(COMPLETE_MULTIPART)) {
        return true;
      }
    }
    return false;
  }
}
