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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session starts on a thread of its own while the driver reads its inputs (Cluster#start):
 * in driver JVMs of their own, a Spark that cannot start still fails the run with Spark's
 * reason and writes nothing, bad input found while Spark is starting is still exit 2, and a
 * review whose Spark starts late gives the same verdict as ever.
 */
class SessionStartTest {
  private static final String SAMPLE = "src/main/resources/samples/backbone";
  private static final String CHANGES = "src/main/resources/samples/changes/";

  @TempDir
  Path tmp;

  private JobProcesses.Result review(String change, String master, String logs)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        JobProcesses.testClasspath(), Main.class.getName(), "review", "--snapshot", SAMPLE,
        "--change", change, "--out", tmp.resolve("out").toString(), "--format", "json",
        "--master", master, "--conf", "spark.ui.enabled=false"));
    return JobProcesses.run(cmd, Map.of(), tmp.resolve(logs), 300);
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
