package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.PublishedRuns;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real driver JVMs publishing one run id at once, or killed while publishing: the page
 * follows the marker like the tables, a second writer is refused while the first publishes,
 * and what dead publishes leave (staging, lock) is cleaned up by later runs, which say so.
 */
@Tag("slow")
class PublishConcurrencyTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String CHANGES = "src/main/resources/samples/changes/";

  @TempDir
  Path tmp;

  private Path out() {
    return tmp.resolve("out");
  }

  private List<String> review(String change, String runId, String failpoints) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    cmd.addAll(JobProcesses.OPENS);
    if (!failpoints.isEmpty()) {
      cmd.add("-D" + Failpoints.PROPERTY + "=" + failpoints);
    }
    cmd.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        JobProcesses.testClasspath(), Main.class.getName(), "review", "--snapshot", SNAPSHOT,
        "--change", CHANGES + change, "--out", out().toString(), "--format", "json",
        "--run-id", runId, "--master", "local[1]", "--conf", "spark.ui.enabled=false"));
    return cmd;
  }

  private JobProcesses.Result run(List<String> cmd, String logs) throws Exception {
    return JobProcesses.run(cmd, Map.of(), tmp.resolve(logs), 300);
  }

  /** The run's verdict and its page, both read through the marker only. */
  private String verdictViaMarker(String runId) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    var files = ReportWriter.publishedFiles(fs, out().toString(), runId);
    String[] paths = files.get(ReportTables.SCENARIO_SUMMARY).stream().map(Object::toString)
        .toArray(String[]::new);
    return SparkTestSession.get().read().json(paths).first().getAs("verdict");
  }

  private String pageVerdict(String runId) throws IOException {
    String html = Files.readString(PublishedRuns.page(out(), runId));
    int at = html.indexOf("id=\"verdict\">");
    return html.substring(at + 13, html.indexOf('<', at));
  }

  private List<Path> stagingDirs() throws IOException {
    Path staging = out().resolve("_staging");
    if (!Files.exists(staging)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(staging)) {
      return s.toList();
    }
  }

  @Test
  void twoWritersOfOneRunId_theSecondIsRefusedWhileTheFirstPublishes() throws Exception {
    Path go = tmp.resolve("go");
    Process first = JobProcesses.start(review("block-srlg-conduit.json", "r",
        "publish.before-marker=pause(" + go + ")"), Map.of(), tmp.resolve("first"));
    try {
      Path lock = out().resolve("_runs/r/" + ReportWriter.LOCK);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!Files.exists(lock) && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(lock), "the first writer holds the publish lock: "
          + Files.readString(tmp.resolve("first/stderr.txt")));

      JobProcesses.Result second = run(review("safe-member-down.json", "r", ""), "second");
      assertEquals(2, second.code(), second.out() + second.err());
      assertTrue(second.err().contains("run r is being published by process " + first.pid()),
          second.err());
      assertTrue(second.err().contains("nothing was written by this run"), second.err());

      Files.createFile(go);
      assertTrue(first.waitFor(300, TimeUnit.SECONDS));
      assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first/stderr.txt")));
    } finally {
      if (first.isAlive()) {
        first.descendants().forEach(ProcessHandle::destroyForcibly);
        first.destroyForcibly();
      }
    }
    assertEquals("BLOCK", verdictViaMarker("r"), "the first writer's tables");
    assertEquals("BLOCK", pageVerdict("r"), "and its page");
    assertFalse(Files.exists(out().resolve("_runs/r/" + ReportWriter.LOCK)), "lock released");
    assertEquals(List.of(), stagingDirs(), "no staging left");

    JobProcesses.Result later = run(review("safe-member-down.json", "r", ""), "later");
    assertEquals(0, later.code(), later.err());
    assertEquals("SAFE", verdictViaMarker("r"), "a writer that does not overlap wins");
    assertEquals("SAFE", pageVerdict("r"));
  }

  @Test
  void killedAfterMovingThePage_readersKeepTheOldPage_andLaterRunsCleanUpAndSaySo()
      throws Exception {
    assertEquals(0, run(review("safe-member-down.json", "r", ""), "safe").code());
    JobProcesses.Result killed = run(review("block-srlg-conduit.json", "r",
        "publish.before-marker=halt"), "killed");
    assertEquals(Failpoints.HALT_CODE, killed.code(), killed.err());
    assertEquals("SAFE", verdictViaMarker("r"));
    assertEquals("SAFE", pageVerdict("r"), "the new page is moved but not visible");
    try (Stream<Path> s = Files.list(out().resolve("_runs/r"))) {
      assertEquals(2, s.filter(p -> p.getFileName().toString().endsWith("-summary.html"))
          .count(), "the dead publish's page sits beside the old one, unlisted");
    }
    assertEquals(1, stagingDirs().size(), "the dead publish left its staging");
    assertTrue(Files.exists(out().resolve("_runs/r/" + ReportWriter.LOCK)), "and its lock");

    JobProcesses.Result other = run(review("safe-member-down.json", "other", ""), "other");
    assertEquals(0, other.code(), other.err());
    assertTrue(other.err().contains("removed the staging directory"), other.err());
    assertTrue(other.err().contains("is gone"), other.err());
    assertEquals(List.of(), stagingDirs(), "a run of another id removed the dead staging");

    JobProcesses.Result again = run(review("block-srlg-conduit.json", "r", ""), "again");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("took over the publish lock of process " + "")
        && again.err().contains("is gone"), again.err());
    assertEquals("BLOCK", verdictViaMarker("r"));
    assertEquals("BLOCK", pageVerdict("r"));
    try (Stream<Path> s = Files.list(out().resolve("_runs/r"))) {
      assertEquals(List.of(PublishedRuns.page(out(), "r").getFileName().toString(),
          PublishedRuns.file(out(), "r", "summary.txt").getFileName().toString(),
          ReportWriter.MARKER), s.map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith(".")).sorted().toList(),
          "one page and one summary.txt, the marker, no lock, no stray page");
    }
  }
}
