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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review on {@code local-cluster[2,1,1024]}: two executor JVMs, so the broadcast networks,
 * the closures and the task results really cross process boundaries through Kryo and the
 * executors load the job's classes from their own classpath. Its report must equal the one
 * written by this JVM's local session. The cluster runs in a child JVM because this one already
 * has a local SparkContext and a JVM holds one.
 */
@Tag("slow")
class LocalClusterReviewTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final double TOLERANCE = 1e-9;

  @TempDir
  Path tmp;


  @Test
  void review_onTwoExecutorJvms_writesTheSameReportAsLocal() throws Exception {
    String change = ReviewCommandTest.CHANGES + "risk-drain-core.json";
    Path clusterOut = tmp.resolve("cluster");
    Path home = JobProcesses.fakeSparkHome(tmp.resolve("spark-home"));
    String executorCp = JobProcesses.executorClasspath();
    List<String> cmd = new ArrayList<>();
    cmd.add(JobProcesses.java());
    cmd.add("-Xmx1g");
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties")
        .toAbsolutePath(), "-cp", JobProcesses.testClasspath(), Main.class.getName(),
        "review", "--snapshot", ReviewCommandTest.SNAPSHOT, "--change", change,
        "--out", clusterOut.toString(), "--format", "json",
        "--master", "local-cluster[2,1,1024]",
        "--conf", "spark.executor.extraClassPath=" + executorCp,
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1"));
    JobProcesses.Result r = JobProcesses.run(cmd, Map.of("SPARK_HOME", home.toString(),
        "SPARK_SCALA_VERSION", "2.12"), tmp.resolve("logs"), 240);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("VERDICT: RISK"), r.out());
    // Each executor of a local-cluster worker runs in SPARK_HOME/work/APP/EXECUTOR.
    try (Stream<Path> dirs = Files.walk(home.resolve("work"), 2)) {
      long executors = dirs.filter(p -> p.getParent() != null
          && p.getParent().getFileName().toString().startsWith("app-")).count();
      assertEquals(2, executors, "executor JVMs started");
    }

    Path localOut = tmp.resolve("local");
    ReviewCommandTest.Run local = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change", change, "--out", localOut.toString(),
        "--format", "json");
    assertEquals(0, local.code(), local.err());
    for (String table : List.of(ReportTables.SCENARIO_SUMMARY, ReportTables.LINK_IMPACT,
        ReportTables.DEMAND_IMPACT, ReportTables.LINK_BASELINE)) {
      Map<String, JsonNode> a = rows(localOut.resolve(table));
      Map<String, JsonNode> b = rows(clusterOut.resolve(table));
      assertTrue(!a.isEmpty(), table + " is empty");
      assertEquals(a.keySet(), b.keySet(), table + ": the same rows");
      for (String key : a.keySet()) {
        assertSameRow(table + " " + key, a.get(key), b.get(key));
      }
    }
  }

  /**
   * A table's rows keyed by their identifying columns. Rows carry no order: partial loads are
   * merged in the order tasks finish, so only the set of rows is the report.
   */
  private static Map<String, JsonNode> rows(Path tableDir) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(tableDir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          String key = n.path("scenario_id").asText() + "|" + n.path("link_id").asText()
              + "|" + n.path("from_device").asText() + "|" + n.path("to_device").asText()
              + "|" + n.path("src").asText() + "|" + n.path("dst").asText();
          assertTrue(out.put(key, n) == null, "duplicate row " + key + " in " + tableDir);
        }
      }
    }
    return out;
  }

  /** Equal, doubles to 1e-9 relative: the order of merging partial loads may differ. */
  private static void assertSameRow(String where, JsonNode a, JsonNode b) {
    assertEquals(fieldNames(a), fieldNames(b), where);
    for (String f : fieldNames(a)) {
      JsonNode x = a.get(f);
      JsonNode y = b.get(f);
      if (x.isFloatingPointNumber() || y.isFloatingPointNumber()) {
        double dx = x.asDouble();
        double dy = y.asDouble();
        assertTrue(Math.abs(dx - dy) <= TOLERANCE * Math.max(1, Math.abs(dx)),
            where + " " + f + ": " + dx + " vs " + dy);
      } else {
        assertEquals(x, y, where + " " + f);
      }
    }
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.sort(null);
    return names;
  }
}
