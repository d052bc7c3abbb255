package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.ReviewCommandTest;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.JobProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm review whose network comes from the store runs on real executor JVMs: the network
 * is broadcast as the store's bytes ({@link ShippedNetwork}) and decoded there, and the
 * report equals a cold review's.
 */
@Tag("slow")
class WarmReviewOnExecutorsTest {
  static final String CHANGE = "src/main/resources/samples/changes/block-srlg-conduit.json";

  @TempDir
  Path tmp;

  @Test
  void warmReviewOnTwoExecutors_decodesTheStoredNetwork_andReportsAsACold() throws Exception {
    Path store = tmp.resolve("store");
    ReviewCommandTest.Run b = ReviewCommandTest.run("baseline", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--out", store.toString());
    assertEquals(0, b.code(), b.err());
    Path home = JobProcesses.fakeSparkHome(tmp.resolve("spark-home"));
    Path out = tmp.resolve("cluster");
    Path stdout = tmp.resolve("stdout.txt");
    Path stderr = tmp.resolve("stderr.txt");
    Process driver = ExecutorLossTest.onTwoExecutors(home, stdout, stderr, List.of(),
        "review", "--snapshot", ReviewCommandTest.SNAPSHOT, "--change", CHANGE,
        "--out", out.toString(), "--format", "json", "--baseline", store.toString());
    try {
      assertTrue(driver.waitFor(240, TimeUnit.SECONDS), "the review finished");
    } finally {
      driver.destroyForcibly();
      ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
          .map(c -> c.contains(home.toString())).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
    }
    String log = Files.readString(stdout) + Files.readString(stderr);
    assertEquals(0, driver.exitValue(), log);
    assertTrue(log.contains("read network"), "the network came from the store: " + log);

    Path cold = tmp.resolve("cold");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change", CHANGE, "--out", cold.toString(), "--format",
        "json");
    assertEquals(0, r.code(), r.err());
    ExecutorLossTest.assertSameReports(cold, out, List.of(ReportTables.SCENARIO_SUMMARY,
        ReportTables.LINK_IMPACT, ReportTables.DEMAND_IMPACT, ReportTables.LINK_BASELINE));
  }
}
