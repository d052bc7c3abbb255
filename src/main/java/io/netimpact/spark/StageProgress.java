package io.netimpact.spark;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A sign of life for Spark work that can take minutes: while an action runs, a daemon thread
 * prints every few seconds the tasks done of the running stages, with rate and ETA, read from
 * Spark's status tracker; between stages (the driver writing files, committing, listing) it
 * prints the seconds so far, so that no stage longer than the interval is silent. Nothing is
 * printed for work that ends before the first interval.
 */
final class StageProgress {
  static final long INTERVAL_MS = 5000;

  private StageProgress() {}

  /** Runs {@code action}, printing "WHAT: d/n tasks (p %), r tasks/s, ETA s" every 5 s. */
  static <T> T during(JavaSparkContext jsc, Consumer<String> console, String what,
      Supplier<T> action) {
    return during(jsc, console, what, INTERVAL_MS, action);
  }

  /** {@link #during(JavaSparkContext, Consumer, String, Supplier)} for work with no result. */
  static void during(JavaSparkContext jsc, Consumer<String> console, String what, Runnable action) {
    during(jsc, console, what, INTERVAL_MS, () -> {
      action.run();
      return null;
    });
  }

  static <T> T during(JavaSparkContext jsc, Consumer<String> console, String what, long intervalMs,
      Supplier<T> action) {
    return every(console, intervalMs, seconds -> {
      int done = 0;
      int total = 0;
      for (int id : jsc.statusTracker().getActiveStageIds()) {
        SparkStageInfo s = jsc.statusTracker().getStageInfo(id);
        if (s != null) {
          done += s.numCompletedTasks();
          total += s.numTasks();
        }
      }
      return java.util.Optional.of(total > 0 ? line(what, done, total, seconds)
          : driverLine(what, seconds));
    }, action);
  }

  /**
   * Runs {@code action} while a daemon thread prints, every {@code intervalMs}, the line that
   * {@code line} makes from the seconds elapsed (nothing when it gives none): the one progress
   * loop, for stage counts here and for the evaluator's cost-weighted routing progress.
   */
  static <T> T every(Consumer<String> console, long intervalMs,
      java.util.function.DoubleFunction<java.util.Optional<String>> line, Supplier<T> action) {
    long start = System.nanoTime();
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(intervalMs);
          line.apply((System.nanoTime() - start) / 1e9).ifPresent(console);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "netimpact-stage-progress");
    t.setDaemon(true);
    t.start();
    try {
      return action.get();
    } finally {
      t.interrupt();
    }
  }

  /** The line for work with no Spark stage running (the driver writing, committing, listing). */
  static String driverLine(String what, double seconds) {
    return String.format(Locale.ROOT, "%s: %.0f s so far", what, seconds);
  }

  /** The progress line; the ETA assumes the rate so far holds. */
  static String line(String what, int done, int total, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    return String.format(Locale.ROOT, "%s: %d/%d tasks (%.0f %%), %.1f tasks/s, ETA %s", what,
        done, total, 100.0 * done / total, rate,
        rate > 0 ? String.format(Locale.ROOT, "%.0f s", (total - done) / rate) : "unknown");
  }
}
