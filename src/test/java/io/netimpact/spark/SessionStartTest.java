package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.testing.JobProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session starts on a thread of its own while the driver reads its inputs (Cluster#start):
 * in driver JVMs of their own, a Spark that cannot start still fails the run with Spark's
 * reason and writes nothing, bad input found while Spark is starting is still exit 2, and a
 * review whose Spark starts late gives the same verdict as ever.
 */
@Tag("slow")
class SessionStartTest {
  private static final String SAMPLE = "src/main/resources/samples/backbone";
  private static final String CHANGES = "src/main/resources/samples/changes/";

  @TempDir
  Path tmp;

  private JobProcesses.Result review(String change, String master, String logs,
      String... more) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        JobProcesses.testClasspath(), Main.class.getName(), "review", "--snapshot", SAMPLE,
        "--change", change, "--out", tmp.resolve("out").toString(), "--format", "json",
        "--master", master, "--conf", "spark.ui.enabled=false"));
    cmd.addAll(List.of(more));
    return JobProcesses.run(cmd, Map.of(), tmp.resolve(logs), 300);
  }

  @Test
  void localMasters_runTheirTasksInTheDriversJvm_noOtherMasterDoes() {
    assertEquals(OptionalInt.of(1), Cluster.localThreads("local"));
    assertEquals(OptionalInt.of(3), Cluster.localThreads("local[3]"));
    assertEquals(OptionalInt.of(4), Cluster.localThreads(" local[4,2] "));
    assertEquals(OptionalInt.of(Runtime.getRuntime().availableProcessors()),
        Cluster.localThreads("local[*]"));
    for (String other : List.of("local-cluster[2,1,1024]", "yarn", "spark://h:7077", "",
        "local[x]", "localhost")) {
      assertEquals(OptionalInt.empty(), Cluster.localThreads(other), other);
    }
  }

  /**
   * A started SparkContext writes an event log (spark.eventLog.*): on the driver's threads a
   * local review starts none, as Spark tasks it does, and both give the same verdict.
   */
  @Test
  void aLocalReviewOnTheDriversThreads_startsNoSparkContext_asSparkTasksItDoes()
      throws Exception {
    for (String where : List.of("driver", "tasks")) {
      Path events = Files.createDirectories(tmp.resolve("events-" + where));
      JobProcesses.Result r = review(CHANGES + "block-srlg-conduit.json", "local[2]", where,
          "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir="
              + events.toUri(), "--conf", "netimpact.local-review=" + where);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());
      try (var logs = Files.list(events)) {
        assertEquals(where.equals("driver") ? 0 : 1, logs.count(), where + ": event logs");
      }
    }
  }

  @Test
  void aSparkThatCannotStart_failsTheRunWithSparksReason_andWritesNothing() throws Exception {
    JobProcesses.Result r = review(CHANGES + "block-srlg-conduit.json", "nonsense://x", "bad");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("Master URL"), r.err());
    assertFalse(Files.exists(tmp.resolve("out/scenario_summary")), "no report table written");
  }

  @Test
  void badInputFoundWhileSparkStarts_isStillExitTwo_andTheJvmEndsCleanly() throws Exception {
    Path change = tmp.resolve("bad-change.json");
    Files.writeString(change, "{\"id\": \"c\", \"ops\": [{\"op\": \"drain_device\"}]}");
    JobProcesses.Result r = review(change.toString(), "local[2]", "input");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(change.getFileName().toString()), r.err());
    assertFalse(r.err().contains("Exception in thread"), r.err());
    assertFalse(Files.exists(tmp.resolve("out/scenario_summary")), "no report table written");
  }

  @Test
  void aReviewWhoseSparkStartsWhileItReads_givesItsVerdict() throws Exception {
    JobProcesses.Result r = review(CHANGES + "block-srlg-conduit.json", "local[2]", "ok");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());
  }
}
