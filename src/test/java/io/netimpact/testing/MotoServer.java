package io.netimpact.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * moto's S3 server ({@code moto_server}, Python) in its own process on a free loopback port: a
 * second S3 implementation next to {@link S3MockServer}, one that many people use as their
 * local S3. moto is on PyPI only (no Debian package), so where it is not installed the test
 * is skipped with one line saying so, under CI too. Found as {@code $NETIMPACT_MOTO_SERVER},
 * on the PATH, or in {@code ~/.pyenv/shims}. {@link #close} kills it; it keeps everything in
 * memory.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private MotoServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The moto_server executable, or the test is skipped with one line. */
  static String executable() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("NETIMPACT_MOTO_SERVER");
    if (env != null && !env.isEmpty()) {
      candidates.add(Path.of(env));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "moto_server"));
      }
    }
    candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server"));
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        return c.toString();
      }
    }
    String line = "skipped: moto_server not found (NETIMPACT_MOTO_SERVER, PATH, ~/.pyenv/shims);"
        + " it comes from PyPI (pip install 'moto[server]'), Debian has no package";
    System.err.println("netimpact tests: " + line);
    Assumptions.abort(line);
    throw new AssertionError("unreachable");
  }

  /** Starts moto's server, waits until it answers and creates the buckets. */
  public static MotoServer start(String... buckets) throws IOException, InterruptedException {
    String exe = executable();
    Path log = Files.createTempFile("moto", ".log");
    int port = S3MockServer.freePort();
    Process p = new ProcessBuilder(exe, "-H", "127.0.0.1", "-p", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    MotoServer server = new MotoServer(p, log, port);
    try {
      server.awaitReady();
      for (String b : buckets) {
        server.request("PUT", "/" + b);
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private int request(String method, String path) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + path).toURL()
        .openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(1000);
    c.setReadTimeout(10_000);
    int code = c.getResponseCode();
    if (code >= 300) {
      throw new IOException(method + " " + path + " on moto: HTTP " + code);
    }
    return code;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue() + ":\n"
            + Files.readString(log));
      }
      try {
        request("GET", "/");
        return;
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("moto_server did not answer on " + endpoint() + " in 60 s:\n"
        + Files.readString(log));
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The S3A settings (without {@code spark.hadoop.}) that point S3A at this server, with the
   * given committer ({@code magic} fails here: see {@code StorageErrors}).
   */
  public Map<String, String> s3aSettings(String committer) {
    return S3MockServer.s3aSettings(endpoint(), committer);
  }

  @Override
  public void close() {
    S3MockServer.stop(process);
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // A log file in the temp directory is harmless.
    }
  }
}
