package io.netimpact.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

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
    if (io != null) {
      String text = (io.getClass().getName() + " " + io.getMessage()).toLowerCase(Locale.ROOT);
      String top = oneLine(e);
      what = "netimpact: failed: " + (top.contains(String.valueOf(io.getMessage())) ? top
          : top + " (" + oneLine(io) + ")");
      if (text.contains("no space left") || text.contains("quota")) {
        todo = "the disk is full: free space or give another --out, then re-run";
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
    err.println(what);
    err.println("netimpact: " + todo + "; " + log);
    return Main.EXIT_INTERNAL;
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
    } catch (IOException | RuntimeException ex) {
      // Where even the log cannot be written, the trace is all there is: print it after all.
      return "the log could not be written (" + ex + "), full trace:\n" + trace;
    }
  }
}
