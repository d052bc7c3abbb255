package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.cli.Main;
import io.netimpact.cli.ReviewCommandTest;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.JobProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor JVM killed in the middle of a sweep's routing stage: the job still finishes, and
 * its reports equal those of an undisturbed run (lost tasks and cached partitions are
 * recomputed from deterministic lineage).
 *
 * <p>Every routing unit waits at a failpoint until the test has killed an executor, so the
 * kill always lands on running tasks and the stage then ends as fast as it can; the undisturbed
 * run goes on in this JVM meanwhile.
 */
@Tag("slow")
class ExecutorLossTest {
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";

  @TempDir
  Path tmp;


  @Test
  void sweep_survivesTheLossOfAnExecutor_withIdenticalReports() throws Exception {
    Path home = JobProcesses.fakeSparkHome(tmp.resolve("spark-home"));
    Path out = tmp.resolve("cluster");
    Path stdout = tmp.resolve("stdout.txt");
    Path killed = tmp.resolve("executor-killed");
    Process driver = onTwoExecutors(home, stdout, tmp.resolve("stderr.txt"),
        List.of("--conf", "spark.executor.extraJavaOptions=-D" + Failpoints.PROPERTY + "="
            + SparkEvaluator.ROUTE_UNIT_POINT + "=pause(" + killed + ")"),
        "sweep", "--snapshot", ReviewCommandTest.SNAPSHOT, "--sweep", NIGHTLY,
        "--out", out.toString(), "--format", "json", "--partitions", "16");
    Path local = tmp.resolve("local");
    CompletableFuture<ReviewCommandTest.Run> undisturbed = CompletableFuture.supplyAsync(
        () -> ReviewCommandTest.run("sweep", "--snapshot", ReviewCommandTest.SNAPSHOT,
            "--sweep", NIGHTLY, "--out", local.toString(), "--format", "json"));
    try {
      // The progress line is printed only while the routing stage runs (every 5 s).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!Files.readString(stdout).contains("sweep: ")) {
        assertTrue(driver.isAlive(), "driver ended early: " + Files.readString(stdout)
            + Files.readString(tmp.resolve("stderr.txt")));
        assertTrue(System.nanoTime() < deadline, () -> "the routing stage never started: "
            + read(stdout) + read(tmp.resolve("stderr.txt")));
        Thread.sleep(100);
      }
      List<ProcessHandle> executors = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")
              && c.contains(home.toString())).orElse(false))
          .toList();
      assertEquals(2, executors.size(), "two executor JVMs running");
      assertTrue(executors.get(0).destroyForcibly(), "executor killed");
      executors.get(0).onExit().get(30, TimeUnit.SECONDS);
      assertTrue(!executors.get(0).isAlive(), "the killed executor JVM is gone");
      Files.createFile(killed);
      assertTrue(driver.waitFor(240, TimeUnit.SECONDS), "the sweep finished");
      assertEquals(0, driver.exitValue(), Files.readString(stdout)
          + Files.readString(tmp.resolve("stderr.txt")));
    } finally {
      driver.destroyForcibly();
      ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
          .map(c -> c.contains(home.toString())).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
    }
    // The worker replaced the lost executor: the application has run three executor JVMs.
    try (Stream<Path> dirs = Files.walk(home.resolve("work"), 2)) {
      long executorDirs = dirs.filter(p -> p.getParent() != null
          && p.getParent().getFileName().toString().startsWith("app-")).count();
      assertEquals(3, executorDirs, "two executors, then a replacement for the killed one");
    }

    ReviewCommandTest.Run r = undisturbed.get(240, TimeUnit.SECONDS);
    assertEquals(0, r.code(), r.err());
    assertSameReports(local, out, List.of(ReportTables.SCENARIO_SUMMARY,
        ReportTables.LINK_IMPACT, ReportTables.DEMAND_IMPACT));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * Starts the job's command {@code args} as a driver JVM on a standalone cluster of two
   * executor JVMs ({@code local-cluster}, Spark home {@code home}), with {@code conf} added.
   */
  static Process onTwoExecutors(Path home, Path stdout, Path stderr, List<String> conf,
      String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties")
        .toAbsolutePath(), "-cp", JobProcesses.testClasspath(), Main.class.getName()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--master", "local-cluster[2,1,1024]",
        "--conf", "spark.executor.extraClassPath=" + JobProcesses.executorClasspath(),
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1"));
    cmd.addAll(conf);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    pb.environment().putAll(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION",
        "2.12", "SPARK_LOCAL_IP", "127.0.0.1"));
    return pb.start();
  }

  /**
   * The tables of two JSON reports hold the same rows (keyed by their non-numeric columns),
   * numbers within 1e-9 relative.
   */
  static void assertSameReports(Path expected, Path actual, List<String> tables)
      throws IOException {
    for (String table : tables) {
      Map<String, JsonNode> a = rows(expected.resolve(table));
      Map<String, JsonNode> b = rows(actual.resolve(table));
      assertTrue(!a.isEmpty(), table);
      assertEquals(a.keySet(), b.keySet(), table + ": the same rows");
      for (String k : a.keySet()) {
        JsonNode x = a.get(k);
        JsonNode y = b.get(k);
        x.fieldNames().forEachRemaining(f -> {
          if (x.get(f).isNumber()) {
            assertEquals(x.get(f).asDouble(), y.get(f).asDouble(),
                1e-9 * Math.max(1, Math.abs(x.get(f).asDouble())), table + " " + k + " " + f);
          } else {
            assertEquals(x.get(f), y.get(f), table + " " + k + " " + f);
          }
        });
      }
    }
  }

  /** Rows keyed by their identifying (non-numeric) columns. */
  private static Map<String, JsonNode> rows(Path dir) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")
          && !p.getFileName().toString().startsWith(".")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode n = json.readTree(line);
          StringBuilder key = new StringBuilder();
          n.fieldNames().forEachRemaining(k -> {
            if (!n.get(k).isNumber() && !k.startsWith("status") && !k.equals("verdict")
                && !k.equals("worst_link_id")) {
              key.append(k).append('=').append(n.get(k).asText()).append(';');
            }
          });
          out.put(key.toString(), n);
        }
      }
    }
    return out;
  }
}
