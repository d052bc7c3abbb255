package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.cli.ReviewCommandTest;
import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.ServedRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on {@code local-cluster[2,1,1024]}: the resident base's DAGs are cached in two
 * executor JVMs and a batch's pairs are routed there, the network and the scenarios crossing
 * process boundaries through Kryo. Its answers must equal a cold review in this JVM.
 */
@Tag("slow")
class ServeOnExecutorsTest {
  @TempDir
  Path tmp;

  @Test
  void serve_onTwoExecutorJvms_answersAsAColdReview() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    List<String> changes = List.of("risk-drain-core.json", "block-srlg-conduit.json",
        "new-circuit.json");
    for (String c : changes) {
      Files.copy(Path.of(ReviewCommandTest.CHANGES + c), requests.resolve(c));
    }
    Path out = tmp.resolve("served");
    Path home = JobProcesses.fakeSparkHome(tmp.resolve("spark-home"));
    List<String> cmd = new ArrayList<>();
    cmd.add(JobProcesses.java());
    cmd.add("-Xmx1g");
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties")
        .toAbsolutePath(), "-cp", JobProcesses.testClasspath(), Main.class.getName(),
        "serve", "--snapshot", ReviewCommandTest.SNAPSHOT, "--requests", requests.toString(),
        "--out", out.toString(), "--format", "json", "--stop-after", "3",
        "--master", "local-cluster[2,1,1024]",
        "--conf", "spark.executor.extraClassPath=" + JobProcesses.executorClasspath(),
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1"));
    JobProcesses.Result r = JobProcesses.run(cmd, Map.of("SPARK_HOME", home.toString(),
        "SPARK_SCALA_VERSION", "2.12"), tmp.resolve("logs"), 300);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("3 published, 0 rejected"), r.out());
    try (Stream<Path> dirs = Files.walk(home.resolve("work"), 2)) {
      long executors = dirs.filter(p -> p.getParent() != null
          && p.getParent().getFileName().toString().startsWith("app-")).count();
      assertEquals(2, executors, "executor JVMs started");
    }
    Path cold = tmp.resolve("cold");
    for (String c : changes) {
      ReviewCommandTest.Run review = ReviewCommandTest.run("review", "--snapshot",
          ReviewCommandTest.SNAPSHOT, "--change", ReviewCommandTest.CHANGES + c, "--out",
          cold.toString(), "--format", "json");
      assertEquals(0, review.code(), review.err());
      String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          Path.of(ReviewCommandTest.CHANGES + c).toFile()).path("id").asText();
      ServedRuns.assertSameReview(cold, id, out, id);
    }
  }
}
