package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.testing.JobProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In driver JVMs of their own: a small sweep on a local master starts no SparkContext (a
 * started one writes an event log), as Spark tasks ({@code netimpact.local-sweep=tasks}) it
 * starts one, and a sweep with {@code --plan} (which the driver's threads do not run) starts
 * one too; each gives the sample's verdicts.
 */
@Tag("slow")
class SweepWithoutSessionTest {
  private static final String SAMPLE = "src/main/resources/samples/backbone";
  private static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";

  @TempDir
  Path tmp;

  private long eventLogs(String name, String... more) throws Exception {
    Path events = Files.createDirectories(tmp.resolve("events-" + name));
    List<String> cmd = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        JobProcesses.testClasspath(), Main.class.getName(), "sweep", "--snapshot", SAMPLE,
        "--sweep", NIGHTLY, "--out", tmp.resolve("out-" + name).toString(), "--format", "json",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf",
        "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri()));
    cmd.addAll(List.of(more));
    JobProcesses.Result r = JobProcesses.run(cmd, Map.of(), tmp.resolve(name), 300);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("verdicts: 9 BLOCK, 11 RISK, 73 SAFE"), r.out());
    try (var logs = Files.list(events)) {
      return logs.count();
    }
  }

  @Test
  void aSmallLocalSweep_onTheDriversThreads_startsNoSparkContext_asSparkTasksItDoes()
      throws Exception {
    assertEquals(0, eventLogs("driver"), "on the driver's threads");
    assertEquals(1, eventLogs("tasks", "--conf", "netimpact.local-sweep=tasks"),
        "as Spark tasks");
    assertEquals(1, eventLogs("plan", "--plan"), "with --plan");
  }
}
