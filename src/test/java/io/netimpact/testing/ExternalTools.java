package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the external programs some tests need (jupyter-nbconvert, chromium). When a program is
 * missing, a test is skipped with a message saying what to install, except under CI
 * ({@code CI} set), where a missing tool fails the test: CI installs them ({@code .ci/run}).
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** Exit code and the captured output of a finished process. */
  public record Result(int code, String out, String err) {}

  /**
   * Skips (locally) or fails (under CI) unless {@code probe} runs and exits 0.
   *
   * @param install the Debian packages that provide the tool, for the message
   */
  public static void require(String install, String... probe) {
    String why;
    try {
      Result r = run(Path.of("."), Map.of(), 60, probe);
      if (r.code() == 0) {
        return;
      }
      why = String.join(" ", probe) + " exited " + r.code() + ": " + r.err().strip();
    } catch (IOException e) {
      why = String.join(" ", probe) + ": " + e.getMessage();
    }
    String message = why + " (install: apt-get install -y --no-install-recommends " + install
        + ")";
    if (System.getenv("CI") != null) {
      fail("CI is set, so this tool must be present: " + message);
    }
    Assumptions.abort("skipped, tool missing: " + message);
  }

  /** Runs a command to completion within {@code timeoutSeconds}; output in temp files. */
  public static Result run(Path dir, Map<String, String> env, long timeoutSeconds,
      String... command) throws IOException {
    Path out = Files.createTempFile("netimpact-tool", ".out");
    Path err = Files.createTempFile("netimpact-tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted", e);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
