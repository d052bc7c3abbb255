package io.netimpact.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.input.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The process that owns a publish lock or a staging directory: host, pid and the process's
 * start time (so that a reused pid is not mistaken for the owner).
 *
 * @param startedAt when the owner took the lock or made the directory
 */
record ProcessOwner(String host, long pid, String processStart, Instant startedAt) {
  /** Owners older than this are taken as dead even when that cannot be proven (other hosts). */
  static final Duration STALE_AFTER = Duration.ofHours(6);

  static ProcessOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new ProcessOwner(hostName(), self.pid(), start(self), Instant.now());
  }

  private static String start(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toString).orElse("");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  ObjectNode json() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("host", host);
    n.put("pid", pid);
    n.put("process_start", processStart);
    n.put("started_at", startedAt.toString());
    return n;
  }

  /** The owner described by {@code node}, or empty for anything else (a half-written file). */
  static Optional<ProcessOwner> parse(JsonNode node) {
    try {
      return Optional.of(new ProcessOwner(node.get("host").asText(), node.get("pid").asLong(),
          node.get("process_start").asText(), Instant.parse(node.get("started_at").asText())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Why this owner is known to be gone, or empty while it may be alive: on this host, its pid
   * is not running or is another process; anywhere, it started more than {@link #STALE_AFTER}
   * ago.
   */
  Optional<String> gone(Instant now) {
    if (host.equals(hostName())) {
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isEmpty() || !p.get().isAlive()) {
        return Optional.of("process " + pid + " on " + host + " is gone");
      }
      if (!processStart.isEmpty() && !start(p.get()).isEmpty()
          && !start(p.get()).equals(processStart)) {
        return Optional.of("process " + pid + " on " + host + " is gone (pid reused)");
      }
    }
    if (startedAt.plus(STALE_AFTER).isBefore(now)) {
      return Optional.of("it started at " + startedAt + ", more than " + STALE_AFTER.toHours()
          + " h ago");
    }
    return Optional.empty();
  }

  /** The owner recorded in the file {@code p}, or empty when it is missing or unreadable. */
  static Optional<ProcessOwner> read(FileSystem fs, Path p) {
    // A few bytes another process may be removing: read past the local checksum layer, whose
    // side file can vanish between its check and its open (a warning per staging directory).
    FileSystem raw = fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c
        ? c.getRawFileSystem() : fs;
    try (InputStream in = raw.open(p)) {
      return parse(Json.MAPPER.readTree(in.readNBytes(1 << 16)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Why the staging directory {@code dir}, whose owner is recorded in its file {@code
   * ownerFile}, is known to be dead ({@link #gone}; without a readable owner, when it is older
   * than {@link #STALE_AFTER}), or empty while its run may be alive. The one rule for every
   * kind of staging (a publish's, a baseline store's).
   */
  static Optional<String> deadStaging(FileSystem fs, FileStatus dir, String ownerFile,
      Instant now) {
    Optional<ProcessOwner> owner = read(fs, new Path(dir.getPath(), ownerFile));
    if (owner.isPresent()) {
      return owner.get().gone(now);
    }
    return Instant.ofEpochMilli(dir.getModificationTime()).plus(STALE_AFTER).isBefore(now)
        ? Optional.of("it has no owner and is older than " + STALE_AFTER.toHours() + " h")
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "process " + pid + " on " + host + " since " + startedAt;
  }
}
