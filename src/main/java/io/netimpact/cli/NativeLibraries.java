package io.netimpact.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Loads the native compression library every Parquet write uses (snappy-java) before a
 * command computes anything, so that an environment that cannot load it (a temporary
 * directory that is full, read-only or under a file size limit: the library is unpacked
 * there) fails at once, in the two lines of the failure report, rather than after the whole
 * computation. The library prints its own stack trace when it cannot unpack itself; that
 * trace is kept out of the console (the failure report's log has the error).
 */
final class NativeLibraries {
  private static volatile boolean loaded;

  private NativeLibraries() {}

  /**
   * Loads the library, once per JVM.
   *
   * @throws LinkageError when it cannot be loaded (an environment failure)
   */
  static void load() {
    if (loaded) {
      return;
    }
    synchronized (NativeLibraries.class) {
      if (loaded) {
        return;
      }
      PrintStream err = System.err;
      ByteArrayOutputStream swallowed = new ByteArrayOutputStream();
      System.setErr(new PrintStream(swallowed, true, StandardCharsets.UTF_8));
      try {
        org.xerial.snappy.Snappy.maxCompressedLength(1);
        loaded = true;
      } catch (Error e) {
        String said = swallowed.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        LinkageError why = new LinkageError("cannot load the native library of snappy-java"
            + (said.isEmpty() ? "" : " (" + said + ")"), e);
        throw why;
      } finally {
        System.setErr(err);
      }
    }
  }
}
