package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.testing.FaultyProxy;
import io.netimpact.testing.S3MockServer;
import io.netimpact.testing.SparkTestSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * S3 faults through a failing loopback proxy in front of a real S3 emulator: repeated short
 * outages (open connections cut, new ones refused) are carried through by S3A's retries and
 * give the same report; a permanent outage ends the run with an error and publishes nothing.
 */
@Tag("slow")
class S3FaultTest {
  static final String FLAKY = "flaky";
  static final String DEAD = "dead";
  static final String CHANGE = ReviewCommandTest.CHANGES + "block-srlg-conduit.json";

  static S3MockServer s3;
  static FaultyProxy flaky;
  static FaultyProxy dead;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3MockServer.start(FLAKY, DEAD);
    int backend = URI.create(s3.endpoint()).getPort();
    flaky = new FaultyProxy(backend);
    dead = new FaultyProxy(backend);
    Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
    s3.s3aSettings().forEach(hadoop::set);
    // Per-bucket settings: each bucket reaches the emulator through its own proxy.
    hadoop.set("fs.s3a.bucket." + FLAKY + ".endpoint", "http://127.0.0.1:" + flaky.port());
    hadoop.set("fs.s3a.bucket." + DEAD + ".endpoint", "http://127.0.0.1:" + dead.port());
    // S3A's back-off before retrying a failed call starts at its retry interval and doubles
    // (500 ms by default: 1 s, 2 s, 4 s, ...), time the flaky run spends asleep. At 100 ms the
    // same retries (same limit, same exponential policy) still outlast each 400 ms outage.
    hadoop.set("fs.s3a.bucket." + FLAKY + ".retry.interval", "100ms");
    hadoop.set("fs.s3a.bucket." + DEAD + ".attempts.maximum", "1");
    hadoop.set("fs.s3a.bucket." + DEAD + ".retry.limit", "1");
    hadoop.set("fs.s3a.bucket." + DEAD + ".retry.interval", "100ms");
    hadoop.set("fs.s3a.bucket." + DEAD + ".connection.establish.timeout", "1000");
    for (String bucket : List.of(FLAKY, DEAD)) {
      String snap = "s3a://" + bucket + "/snapshots/backbone";
      FileSystem.get(URI.create(snap), hadoop).copyFromLocalFile(new org.apache.hadoop.fs.Path(
          Path.of(ReviewCommandTest.SNAPSHOT).toAbsolutePath().toUri()),
          new org.apache.hadoop.fs.Path(snap));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
    s3.s3aSettings().keySet().forEach(hadoop::unset);
    for (String k : List.of("endpoint", "attempts.maximum", "retry.limit", "retry.interval",
        "connection.establish.timeout")) {
      hadoop.unset("fs.s3a.bucket." + FLAKY + "." + k);
      hadoop.unset("fs.s3a.bucket." + DEAD + "." + k);
    }
    FileSystem.closeAllForUGI(org.apache.hadoop.security.UserGroupInformation.getCurrentUser());
    flaky.close();
    dead.close();
    s3.close();
  }

  private static ReviewCommandTest.Run review(String bucket, String runId) {
    return ReviewCommandTest.run("review", "--snapshot", "s3a://" + bucket
        + "/snapshots/backbone", "--change", CHANGE, "--out", "s3a://" + bucket + "/reports",
        "--format", "json", "--run-id", runId);
  }

  private static List<Row> summary(String bucket, String runId) {
    return SparkTestSession.get().read().json("s3a://" + bucket + "/reports/"
        + ReportTables.SCENARIO_SUMMARY + "/run_id=" + runId).collectAsList();
  }

  @Test
  void repeatedShortOutages_areRetriedThrough_andGiveTheSameReport() throws Exception {
    ReviewCommandTest.Run calm = review(FLAKY, "calm");
    assertEquals(0, calm.code(), calm.err());
    // Ten outages of 400 ms, 700 ms apart, from the run's start: enough for the run to meet
    // several, and a storm that ends, so that the run's length does not grow with the back-offs
    // its own retries add.
    Thread outages = new Thread(() -> {
      try {
        for (int i = 0; i < 10 && !Thread.currentThread().isInterrupted(); i++) {
          Thread.sleep(700);
          flaky.setDown(true);
          Thread.sleep(400);
          flaky.setDown(false);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    int before = flaky.faults();
    outages.start();
    ReviewCommandTest.Run stormy;
    try {
      stormy = review(FLAKY, "stormy");
    } finally {
      outages.interrupt();
      outages.join();
      flaky.setDown(false);
    }
    assertEquals(0, stormy.code(), stormy.err());
    assertTrue(flaky.faults() > before, "the run met faults: " + (flaky.faults() - before));
    Row a = summary(FLAKY, "calm").get(0);
    Row b = summary(FLAKY, "stormy").get(0);
    for (String col : List.of("verdict", "max_util_after", "overflow_gbps_after",
        "affected_demands", "worst_link_id")) {
      assertEquals(a.<Object>getAs(col), b.<Object>getAs(col), col);
    }
  }

  @Test
  void aPermanentOutage_endsWithAnErrorAndPublishesNothing() throws Exception {
    ReviewCommandTest.Run first = review(DEAD, "r");
    assertEquals(0, first.code(), first.err());
    dead.setDown(true);
    try {
      ReviewCommandTest.Run broken = review(DEAD, "r2");
      assertNotEquals(0, broken.code(), "a run against an unreachable S3 cannot succeed");
      assertTrue(broken.err().contains("s3a://" + DEAD), "the error names the S3 path: "
          + broken.err().lines().limit(3).toList());
    } finally {
      dead.setDown(false);
    }
    FileSystem fs = FileSystem.get(URI.create("s3a://" + DEAD + "/"),
        SparkTestSession.get().sparkContext().hadoopConfiguration());
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path("s3a://" + DEAD
        + "/reports/_runs/r2/_SUCCESS")), "no run published");
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path("s3a://" + DEAD
        + "/reports/scenario_summary/run_id=r2")), "no table of the run");
    assertEquals("BLOCK", summary(DEAD, "r").get(0).getAs("verdict"), "the earlier run intact");
  }
}
