package io.netimpact.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Adobe S3Mock in its own JVM ({@code java -jar target/s3mock/s3mock-exec.jar}, copied there by
 * Maven), on free loopback ports, storing under a temp directory, with initial buckets and a
 * KMS key it accepts. Its own process because its Spring Boot dependencies clash with Spark's.
 * {@link #close} kills it and deletes its files.
 */
public final class S3MockServer implements AutoCloseable {
  /** A KMS key ARN the emulator accepts for SSE-KMS (it rejects unknown keys, like S3). */
  public static final String KMS_KEY =
      "arn:aws:kms:us-east-1:111122223333:key/0b9c3f8e-netimpact-test";
  private static final Path JAR = Path.of("target/s3mock/s3mock-exec.jar");

  private final Process process;
  private final Path root;
  private final Path log;
  private final int port;

  private S3MockServer(Process process, Path root, Path log, int port) {
    this.process = process;
    this.root = root;
    this.log = log;
    this.port = port;
  }

  /** Starts the emulator with the given buckets and waits until it answers (~5-10 s). */
  public static S3MockServer start(String... buckets) throws IOException, InterruptedException {
    try {
      return startOnce(buckets);
    } catch (NotReadyException e) {
      // A Spring Boot start that stalls on a loaded machine (seen once in CI: no log line after
      // the profile line for 90 s) is retried once with a fresh process, store and port.
      System.err.println("S3Mock did not start, retrying once: " + e.getMessage().lines()
          .findFirst().orElse(""));
      return startOnce(buckets);
    }
  }

  /** The emulator did not answer in time (it is stopped). */
  private static final class NotReadyException extends IllegalStateException {
    NotReadyException(String message) {
      super(message);
    }
  }

  private static S3MockServer startOnce(String... buckets)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the tests through Maven, whose "
          + "process-test-classes phase copies it");
    }
    Path root = Files.createTempDirectory("s3mock-store");
    Path log = Files.createTempFile("s3mock", ".log");
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-jar", JAR.toString(),
        // server.port is the HTTPS port: 0 lets it pick one, so parallel builds never clash.
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--com.adobe.testing.s3mock.httpPort=" + port,
        "--com.adobe.testing.s3mock.store.root=" + root,
        "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
        "--com.adobe.testing.s3mock.store.validKmsKeys=" + KMS_KEY,
        "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    S3MockServer server = new S3MockServer(p, root, log, port);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n"
            + Files.readString(log));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL()
            .openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new NotReadyException("S3Mock did not answer on " + endpoint() + " in 90 s:\n"
        + Files.readString(log));
  }

  /** A free loopback port. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The S3A settings (without the {@code spark.hadoop.} prefix) that point S3A at this
   * emulator, with the magic committer. The credentials are dummies: the emulator checks none.
   */
  public Map<String, String> s3aSettings() {
    return s3aSettings(endpoint(), "magic");
  }

  /** S3A at any path-style, plain-HTTP S3 endpoint, with dummy keys and this committer. */
  static Map<String, String> s3aSettings(String endpoint, String committer) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fs.s3a.endpoint", endpoint);
    m.put("fs.s3a.endpoint.region", "us-east-1");
    m.put("fs.s3a.path.style.access", "true");
    m.put("fs.s3a.connection.ssl.enabled", "false");
    m.put("fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    m.put("fs.s3a.access.key", "test");
    m.put("fs.s3a.secret.key", "test");
    m.put("fs.s3a.committer.name", committer);
    m.put("fs.s3a.committer.magic.enabled", "true");
    m.put("mapreduce.outputcommitter.factory.scheme.s3a",
        "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory");
    return m;
  }

  /** The Spark SQL settings that route Spark's writers through the S3A committers. */
  public static Map<String, String> committerSqlSettings() {
    return Map.of(
        "spark.sql.sources.commitProtocolClass",
        "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol",
        "spark.sql.parquet.output.committer.class",
        "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
  }

  @Override
  public void close() {
    stop(process);
    deleteTree(root);
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // A log file in the temp directory is harmless.
    }
  }

  /** Stops an emulator process and its children: politely, then by force after 20 s. */
  static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes a directory tree, best effort. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
