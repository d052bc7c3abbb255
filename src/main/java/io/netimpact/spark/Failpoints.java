package io.netimpact.spark;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named fault-injection points for crash and concurrency tests, in the manner of TiKV's and
 * etcd's failpoints: business code calls {@link #hit(String)} at a named moment, and only a
 * test that starts the JVM with {@value #PROPERTY} makes anything happen there. This class is
 * the only place that reads the property; unset (production), every point is a no-op costing
 * one map lookup.
 *
 * <p>Syntax: {@code -Dnetimpact.failpoints=NAME=ACTION[;NAME=ACTION...]}, where ACTION is
 * <ul>
 *   <li>{@code halt}: stop the JVM at once with exit code 99, as a killed driver stops (no
 *       shutdown hooks, no finally blocks);</li>
 *   <li>{@code sleep(MS)}: sleep MS milliseconds;</li>
 *   <li>{@code pause(FILE)}: wait until FILE exists (polled every 50 ms, at most 10 minutes),
 *       so that a test can hold a process at a point while it starts another;</li>
 *   <li>{@code fail}: throw an {@link IllegalStateException} naming the point, as a failed
 *       Spark job surfaces on the driver;</li>
 * </ul>
 * optionally followed by {@code @N}: act on the N-th hit of the point only (from 1), not on
 * every hit.
 *
 * <p>Points:
 * <ul>
 *   <li>{@code publish.after-moves}: {@link ReportWriter}, after each report file is moved
 *       into place ({@code halt@2}: die after two moves);</li>
 *   <li>{@code publish.before-marker}: {@link ReportWriter}, every file moved, the marker not
 *       yet switched (the publish lock is held);</li>
 *   <li>{@code serve.after-publish}: the review service, after each request's run is
 *       published and its outcome recorded ({@code pause(FILE)@2}: hold mid-batch for a
 *       kill);</li>
 *   <li>{@code serve.before-record}: the review service, a request's run published, its
 *       outcome not yet recorded;</li>
 *   <li>{@code serve.evaluate-batch}: the review service, before a batch of two or more
 *       requests is evaluated ({@code fail@1}: the first such batch fails);</li>
 *   <li>{@code serve.after-log}: the review service, a batch's {@code serve_log} file in place,
 *       its requests not yet moved out of the listing;</li>
 *   <li>{@code serve.roll-prepared}: the review service, a snapshot prepared (read, routed,
 *       its baseline published), not yet switched to; on the background thread for a newer
 *       snapshot ({@code pause(FILE)}: hold a roll for a kill);</li>
 *   <li>{@code sweep.route-unit}: the sweep's routing, once per work unit on the executor
 *       (meant for {@code sleep(MS)}, to make the routing stage last long enough to kill an
 *       executor during it).</li>
 * </ul>
 */
public final class Failpoints {
  /** The one system property that activates points. */
  public static final String PROPERTY = "netimpact.failpoints";
  /** Exit code of {@code halt}, as a test expects it. */
  public static final int HALT_CODE = 99;

  private static final Map<String, Action> ACTIVE = parse(System.getProperty(PROPERTY, ""));
  private static final Map<String, AtomicLong> HITS = new ConcurrentHashMap<>();

  private Failpoints() {}

  /** What a point does, and on which hit ({@code 0}: every hit). */
  record Action(String kind, String arg, long onHit) {}

  /** Passes the named point: does what the property says for it, or nothing. */
  public static void hit(String point) {
    Action a = ACTIVE.get(point);
    if (a == null) {
      return;
    }
    long n = HITS.computeIfAbsent(point, p -> new AtomicLong()).incrementAndGet();
    if (a.onHit() != 0 && n != a.onHit()) {
      return;
    }
    switch (a.kind()) {
      case "halt" -> Runtime.getRuntime().halt(HALT_CODE);
      case "fail" -> throw new IllegalStateException("failpoint " + point);
      case "sleep" -> sleep(Long.parseLong(a.arg()));
      case "pause" -> {
        java.nio.file.Path file = java.nio.file.Path.of(a.arg());
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
          sleep(50);
        }
      }
      default -> throw new IllegalStateException("unknown failpoint action " + a.kind());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parses the property; a malformed one fails loudly, since a test would silently pass. */
  static Map<String, Action> parse(String spec) {
    Map<String, Action> out = new HashMap<>();
    for (String entry : spec.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      var m = java.util.regex.Pattern
          .compile("\\s*([a-z0-9.-]+)=(halt|fail|sleep|pause)(?:\\(([^)]*)\\))?(?:@([0-9]+))?\\s*")
          .matcher(entry);
      boolean bare = m.matches() && (m.group(2).equals("halt") || m.group(2).equals("fail"));
      if (!m.matches() || bare != (m.group(3) == null)) {
        throw new IllegalArgumentException("-D" + PROPERTY + ": cannot parse \"" + entry
            + "\" (expected NAME=halt, NAME=fail, NAME=sleep(MS) or NAME=pause(FILE), optionally @N)");
      }
      if (m.group(2).equals("sleep")) {
        Long.parseLong(m.group(3));
      }
      out.put(m.group(1), new Action(m.group(2), m.group(3) == null ? "" : m.group(3),
          m.group(4) == null ? 0 : Long.parseLong(m.group(4))));
    }
    return Map.copyOf(out);
  }
}
