package io.netimpact.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import io.netimpact.report.TerminalText;
import io.netimpact.input.BadInputException;
import io.netimpact.spark.PublishConflictException;

/**
 * How a run that failed for a reason other than bad input is reported: two lines on stderr
 * (what failed, what to do) and the full stack trace in a log file whose path the second line
 * gives. A failure of the environment (a full disk, a directory that cannot be written, a
 * store that cannot be reached) is told apart from an internal error by the I/O exception
 * at the bottom of its causes.
 */
final class FailureReport {
  /** Where the logs go: {@code $NETIMPACT_LOG_DIR}, else the JVM's temporary directory. */
  static Path logDir() {
    String dir = System.getenv("NETIMPACT_LOG_DIR");
    return Path.of(dir != null && !dir.isBlank() ? dir : System.getProperty("java.io.tmpdir"));
  }

  private FailureReport() {}

  /**
   * The bad input behind {@code e}, if that is what it is: {@code e} itself when it is a
   * {@link BadInputException}, an {@link IllegalArgumentException} (a caller's mistake: an
   * option) or a {@link PublishConflictException}; else a {@link BadInputException} among its
   * causes (bad input or a broken store found in a Spark task, which Spark wraps). Exit 2.
   */
  static Optional<Throwable> badInput(Throwable e) {
    if (e instanceof BadInputException || e instanceof IllegalArgumentException
        || e instanceof PublishConflictException) {
      return Optional.of(e);
    }
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof BadInputException) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Prints the two lines, writes the log; returns the exit code ({@link Main#EXIT_INTERNAL}). */
  static int report(Throwable e, PrintStream err) {
    Throwable io = null;
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        io = t;
      }
      root = t;
    }
    String log = writeLog(e);
    String todo;
    String what;
    Throwable env = environmentError(e);
    if (env != null && io == null) {
      what = "netimpact: failed: " + oneLine(env);
      todo = env instanceof OutOfMemoryError
          ? "the JVM ran out of memory: give it more (spark.driver.memory, --driver-memory), "
              + "then re-run"
          : "a native library could not be loaded (is the temporary directory full, read-only "
              + "or under a file size limit?): fix the environment, then re-run";
    } else if (io != null) {
      String text = (io.getClass().getName() + " " + io.getMessage()).toLowerCase(Locale.ROOT);
      String top = oneLine(e);
      what = "netimpact: failed: " + (top.contains(String.valueOf(io.getMessage())) ? top
          : top + " (" + oneLine(io) + ")");
      if (text.contains("no space left") || text.contains("quota")) {
        todo = "the disk is full: free space or give another --out, then re-run";
      } else if (text.contains("file too large")) {
        todo = "a file passed the size limit of this process or file system (ulimit -f): "
            + "raise it or give another --out, then re-run";
      } else if (text.contains("accessdenied") || text.contains("permission denied")
          || text.contains("read-only")) {
        todo = "permission denied: make the path writable (or readable) for this user, then "
            + "re-run";
      } else {
        todo = "an I/O operation failed: check the path and the storage (for s3a://: endpoint, "
            + "credentials, network), then re-run";
      }
    } else {
      what = "netimpact: internal error: " + oneLine(root == e ? e : root);
      todo = "this is a bug; please report it with the log";
    }
    err.println(TerminalText.escape(what));
    err.println(TerminalText.escape("netimpact: " + todo + "; " + log));
    return Main.EXIT_INTERNAL;
  }

  /** An Error that says the environment failed (memory, a native library), if any in the chain. */
  private static Throwable environmentError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VirtualMachineError || t instanceof LinkageError) {
        return t;
      }
    }
    return null;
  }

  private static String oneLine(Throwable t) {
    String s = t.toString().replaceAll("\\s+", " ");
    return s.length() > 400 ? s.substring(0, 397) + "..." : s;
  }

  private static String writeLog(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String name = "netimpact-failure-" + Instant.now().toString().replaceAll("[^0-9]", "")
        .substring(0, 14) + "-" + ProcessHandle.current().pid() + ".log";
    try {
      Path dir = Files.createDirectories(logDir());
      Path file = dir.resolve(name);
      Files.writeString(file, trace.toString());
      return "full trace in " + file.toAbsolutePath();
    } catch (IOException | RuntimeException | Error ex) {
      // Where the log cannot be written (the same full disk or file size limit), the two lines
      // are all there is: a trace on the console helps nobody act.
      return "the log could not be written either (" + oneLine(ex) + ")";
    }
  }
}
