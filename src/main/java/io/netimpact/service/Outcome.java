package io.netimpact.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one outcome of one request: a row of {@code serve_log}. A published request has its run
 * id and verdict; a rejected one has the located error instead. {@code batch} names the batch
 * that answered it (the {@code serve_log} file its row went to).
 *
 * @param request the request's file name
 * @param sha256 hex SHA-256 of the request file's bytes: a replay is the same bytes
 */
public record Outcome(String request, String sha256, Optional<String> runId, String snapshotId,
    Status status, Optional<String> verdict, Optional<String> error, Instant receivedAt,
    Instant publishedAt, String batch) {
  /** What became of a request. */
  public enum Status { PUBLISHED, REJECTED }

  public Outcome {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(batch, "batch");
    if ((status == Status.PUBLISHED) != (runId.isPresent() && verdict.isPresent())) {
      throw new IllegalArgumentException("a published outcome has a run id and a verdict, a "
          + "rejected one neither: " + status + " " + runId + " " + verdict);
    }
    if ((status == Status.REJECTED) != error.isPresent()) {
      throw new IllegalArgumentException("a rejected outcome has an error, a published one "
          + "none: " + status + " " + error);
    }
    if (publishedAt.isBefore(receivedAt)) {
      throw new IllegalArgumentException("published at " + publishedAt + " before received at "
          + receivedAt);
    }
  }

  /** A run published for the request. */
  public static Outcome published(String request, String sha256, String runId, String snapshotId,
      String verdict, Instant receivedAt, Instant publishedAt, String batch) {
    return new Outcome(request, sha256, Optional.of(runId), snapshotId, Status.PUBLISHED,
        Optional.of(verdict), Optional.empty(), receivedAt, publishedAt, batch);
  }

  /** The request rejected with {@code error}, the message {@code review} prints for it. */
  public static Outcome rejected(String request, String sha256, String snapshotId, String error,
      Instant receivedAt, Instant rejectedAt, String batch) {
    return new Outcome(request, sha256, Optional.empty(), snapshotId, Status.REJECTED,
        Optional.empty(), Optional.of(error), receivedAt, rejectedAt, batch);
  }

  /** From the service first listing the request to its outcome, in milliseconds. */
  public long latencyMs() {
    return publishedAt.toEpochMilli() - receivedAt.toEpochMilli();
  }
}
