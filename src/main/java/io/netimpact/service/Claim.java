package io.netimpact.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which request holds a change id: the first request carrying an id claims it before its run
 * is published under that id, so that no later request can overwrite that run.
 *
 * @param request the file name of the request holding the id
 * @param sha256 hex SHA-256 of that request's bytes
 * @param receivedAt when the service first listed it
 */
public record Claim(String changeId, String request, String sha256, Instant receivedAt) {
  public Claim {
    Objects.requireNonNull(changeId, "changeId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** What a request carrying a change id may do, given the id's claim (if any). */
  public enum Decision {
    /** Nobody holds the id: claim it and answer. */
    NEW,
    /** This very request (same file name, same bytes) holds it: answered again after a crash. */
    REPLAY,
    /** Another request holds it: rejected, naming that one. */
    DUPLICATE
  }

  /** The decision for request {@code request} with bytes {@code sha256} against {@code held}. */
  public static Decision decide(Optional<Claim> held, String request, String sha256) {
    if (held.isEmpty()) {
      return Decision.NEW;
    }
    Claim c = held.get();
    return c.request().equals(request) && c.sha256().equals(sha256) ? Decision.REPLAY
        : Decision.DUPLICATE;
  }

  /** The rejection of a duplicate: names the request that holds the id. */
  public String duplicateError() {
    return "change id \"" + changeId + "\" is already held by request "
        + request + " (first listed " + receivedAt + "); a change id is answered once and its "
        + "run is never overwritten: give this change another id";
  }
}
