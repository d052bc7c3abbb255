package io.netimpact.spark;

/**
 * Another live process is publishing the same run id: this publish is refused before it
 * writes anything, and the other one completes untouched. The CLI turns it into exit code 2.
 */
public final class PublishConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PublishConflictException(String runId, String holder, String lock) {
    super("run " + runId + " is being published by " + holder + "; nothing was written by "
        + "this run. Re-run when that publish has finished (if that process is gone for good, "
        + "delete " + lock + ")", null, false, false);
  }
}
