package io.netimpact.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.testing.JobProcesses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an EMR step sees, on a real YARN: Hadoop's MiniYARNCluster (one ResourceManager, one
 * NodeManager, in this JVM) and {@code spark-submit --master yarn} in a JVM of its own, in both
 * deploy modes, as command-runner.jar runs it. For each review the test asserts spark-submit's
 * exit code (what command-runner hands to the step), YARN's final application status and
 * diagnostics, the number of attempts (a retry would redo the run), and whether the report was
 * published. One cluster serves every case; the two deploy modes run side by side.
 */
@Tag("slow")
class YarnStepOutcomeTest {
  static final String SNAPSHOT = Path.of("src/main/resources/samples/backbone")
      .toAbsolutePath().toString();
  static final String CHANGES = Path.of("src/main/resources/samples/changes")
      .toAbsolutePath().toString();
  static final List<String> MODES = List.of("client", "cluster");
  static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  @TempDir
  static Path tmp;

  static MiniYARNCluster yarn;
  static YarnClient client;
  static Path confDir;
  static Path sparkHome;
  static Path jobJar;

  /** What one spark-submit did: its exit code and output, and YARN's view of the app. */
  record Outcome(String mode, JobProcesses.Result submit, ApplicationReport app, int attempts,
      Path out) {
    String describe() {
      return mode + " mode: exit " + submit.code() + ", YARN " + app.getFinalApplicationStatus()
          + " (" + app.getDiagnostics() + ")\nstdout:\n" + submit.out() + "\nstderr tail:\n"
          + tail(submit.err());
    }

    String summary(String runId) throws IOException {
      // Through the run marker, which names the current version of every attached file.
      return Files.readString(io.netimpact.testing.PublishedRuns.file(out, runId,
          "summary.txt"));
    }

    boolean published(String runId) {
      return Files.exists(out.resolve("_runs").resolve(runId).resolve("_SUCCESS"));
    }
  }

  @BeforeAll
  static void startYarn() throws Exception {
    YarnConfiguration conf = new YarnConfiguration();
    // Small containers: an AM or executor of 512 MB heap asks for 896 MB with overhead.
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    conf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
    conf.setInt(YarnConfiguration.NM_VCORES, 8);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.0f);
    // One queue holding the whole cluster (the shaded minicluster ships no
    // capacity-scheduler.xml); AMs may use all of it, as two run side by side here.
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.user-limit-factor", "1");
    conf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
    conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
    conf.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
    conf.set("yarn.scheduler.capacity.node-locality-delay", "-1");
    conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    // Allocation happens on NodeManager heartbeats: faster ones keep each case short.
    conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 200);
    // YARN's own default, stated: without spark.yarn.maxAppAttempts=1 a failed run is retried.
    conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2);
    // The job's jar is built while YARN starts.
    CompletableFuture<Path> jar = CompletableFuture.supplyAsync(() -> {
      try {
        return JobProcesses.jarOfClasses(tmp.resolve("netimpact.jar"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    yarn = new MiniYARNCluster("netimpact-steps", 1, 1, 1);
    yarn.init(conf);
    yarn.start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
      assertTrue(System.currentTimeMillis() < deadline, "ResourceManager address not bound");
      Thread.sleep(100);
    }
    confDir = Files.createDirectories(tmp.resolve("hadoop-conf"));
    try (OutputStream o = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
      yarn.getConfig().writeXml(o);
    }
    Files.writeString(confDir.resolve("core-site.xml"), "<configuration/>\n");
    client = YarnClient.createYarnClient();
    client.init(new Configuration(yarn.getConfig()));
    client.start();
    sparkHome = JobProcesses.fakeSparkHome(tmp.resolve("spark-home"));
    jobJar = jar.join();
  }

  @AfterAll
  static void stopYarn() {
    if (client != null) {
      client.stop();
    }
    if (yarn != null) {
      yarn.stop();
    }
  }

  @Test
  void safeReview_succeedsInBothDeployModes_inOneAttempt() throws Exception {
    for (Outcome o : reviewInBothModes("safe", CHANGES + "/safe-member-down.json",
        "--fail-on", "block")) {
      assertEquals(Main.EXIT_OK, o.submit().code(), o.describe());
      assertEquals(FinalApplicationStatus.SUCCEEDED, o.app().getFinalApplicationStatus(),
          o.describe());
      assertEquals(1, o.attempts(), o.describe());
      assertTrue(o.published("safe-" + o.mode()), "report published: " + o.describe());
      // In cluster mode the driver's stdout is a container log; the summary is beside the report.
      assertTrue(o.summary("safe-" + o.mode()).contains("VERDICT: SAFE"), o.describe());
    }
  }

  @Test
  void blockReviewWithFailOnBlock_failsWithCode3_once_afterPublishingItsReport()
      throws Exception {
    for (Outcome o : reviewInBothModes("block", CHANGES + "/block-srlg-conduit.json",
        "--fail-on", "block")) {
      assertEquals(FinalApplicationStatus.FAILED, o.app().getFinalApplicationStatus(),
          o.describe());
      assertEquals(1, o.attempts(), "not retried: " + o.describe());
      assertTrue(o.published("block-" + o.mode()), "the verdict's report is published: "
          + o.describe());
      assertTrue(o.summary("block-" + o.mode()).contains("VERDICT: BLOCK"), o.describe());
      if (o.mode().equals("client")) {
        assertEquals(Main.EXIT_VERDICT, o.submit().code(), o.describe());
      } else {
        // Cluster mode: spark-submit only knows FAILED (exit 1); the code is in YARN's record.
        assertTrue(o.submit().code() != 0, o.describe());
        assertTrue(o.app().getDiagnostics().contains("User application exited with status "
            + Main.EXIT_VERDICT), o.describe());
      }
    }
  }

  @Test
  void badInput_failsWithCode2_once_andPublishesNothing() throws Exception {
    Path bad = tmp.resolve("not-json.json");
    Files.writeString(bad, "{\"id\": \"CR-BAD\", \"ops\": [\n");
    for (Outcome o : reviewInBothModes("bad", bad.toString())) {
      assertEquals(FinalApplicationStatus.FAILED, o.app().getFinalApplicationStatus(),
          o.describe());
      assertEquals(1, o.attempts(), o.describe());
      assertFalse(o.published("bad-" + o.mode()), o.describe());
      if (o.mode().equals("client")) {
        assertEquals(Main.EXIT_BAD_INPUT, o.submit().code(), o.describe());
      } else {
        assertTrue(o.submit().code() != 0, o.describe());
        assertTrue(o.app().getDiagnostics().contains("User application exited with status "
            + Main.EXIT_BAD_INPUT), o.describe());
      }
    }
  }

  /** Submits the same review in client and cluster mode at once; run ids are NAME-MODE. */
  private static List<Outcome> reviewInBothModes(String name, String change, String... extra)
      throws Exception {
    Map<String, Outcome> done = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (String mode : MODES) {
      runs.add(CompletableFuture.runAsync(() -> {
        try {
          done.put(mode, submit(name, mode, change, extra));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
    return MODES.stream().map(done::get).toList();
  }

  private static Outcome submit(String name, String mode, String change, String... extra)
      throws Exception {
    String runId = name + "-" + mode;
    String tag = "netimpact-test-" + runId;
    Path out = tmp.resolve("out-" + runId);
    String javaHome = System.getProperty("java.home");
    List<String> cmd = new ArrayList<>();
    cmd.add(JobProcesses.java());
    cmd.add("-Xmx768m");
    cmd.addAll(List.of(FAST_START.split(" ")));
    cmd.addAll(JobProcesses.OPENS);
    cmd.add("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath());
    cmd.addAll(List.of("-cp", confDir + java.io.File.pathSeparator
        + JobProcesses.testClasspath(), "org.apache.spark.deploy.SparkSubmit",
        "--master", "yarn", "--deploy-mode", mode, "--class", Main.class.getName()));
    for (String kv : List.of(
        "spark.yarn.maxAppAttempts=1",
        "spark.yarn.tags=" + tag,
        "spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*",
        "spark.yarn.stagingDir=" + tmp.resolve("staging"),
        "spark.driver.memory=512m",
        "spark.yarn.am.memory=256m",
        "spark.executor.memory=512m",
        "spark.executor.instances=1",
        "spark.executor.cores=1",
        "spark.ui.enabled=false",
        "spark.yarn.scheduler.heartbeat.interval-ms=500",
        // Start-up only: the driver goes on while its executor starts instead of waiting for
        // it (a review's first job waits for it anyway), and spark-submit polls YARN's report
        // of the application more often than once a second.
        "spark.scheduler.minRegisteredResourcesRatio=0",
        "spark.yarn.report.interval=250ms",
        "spark.sql.shuffle.partitions=2",
        "spark.default.parallelism=2",
        // Short-lived JVMs: C1 only and the serial collector start faster on two cores.
        "spark.driver.extraJavaOptions=" + FAST_START,
        "spark.yarn.am.extraJavaOptions=" + FAST_START,
        "spark.executor.extraJavaOptions=" + FAST_START,
        "spark.driver.host=127.0.0.1",
        "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
        "spark.executorEnv.JAVA_HOME=" + javaHome,
        "spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
        "spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1")) {
      cmd.addAll(List.of("--conf", kv));
    }
    cmd.add(jobJar.toString());
    cmd.addAll(List.of("review", "--snapshot", SNAPSHOT, "--change", change, "--out",
        out.toString(), "--run-id", runId, "--format", "json", "--master", "yarn"));
    cmd.addAll(List.of(extra));
    JobProcesses.Result r = JobProcesses.run(cmd, Map.of("SPARK_HOME", sparkHome.toString(),
        "SPARK_SCALA_VERSION", "2.12", "HADOOP_CONF_DIR", confDir.toString()),
        tmp.resolve("logs-" + runId), 300);
    ApplicationReport app = finalReport(tag, r);
    int attempts = client.getApplicationAttempts(app.getApplicationId()).size();
    return new Outcome(mode, r, app, attempts, out);
  }

  /** The tagged application once YARN has finished it (a client-mode AM stops just after). */
  private static ApplicationReport finalReport(String tag, JobProcesses.Result submit)
      throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      for (ApplicationReport a : client.getApplications()) {
        YarnApplicationState s = a.getYarnApplicationState();
        boolean over = s == YarnApplicationState.FINISHED || s == YarnApplicationState.FAILED
            || s == YarnApplicationState.KILLED;
        if (a.getApplicationTags().contains(tag) && over) {
          return a;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no finished YARN application tagged " + tag + "; exit "
            + submit.code() + "\n" + tail(submit.err()));
      }
      Thread.sleep(250);
    }
  }

  static String tail(String s) {
    return s.length() <= 6000 ? s : s.substring(s.length() - 6000);
  }

}
