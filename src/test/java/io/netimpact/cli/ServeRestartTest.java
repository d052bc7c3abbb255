package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.spark.Failpoints;
import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.ServedRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve} process killed mid-batch (SIGKILL, or a halt that skips every finally
 * block), then started again: every request has exactly one outcome, none duplicated in
 * {@code serve_log}, none lost, and a run published before the kill is not published again.
 */
@Tag("slow")
class ServeRestartTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> GOOD = List.of("a-risk.json", "b-safe.json", "c-block.json",
      "d-new.json");
  static final List<String> SOURCES = List.of("risk-drain-core.json", "safe-member-down.json",
      "block-srlg-conduit.json", "new-circuit.json");

  @TempDir
  Path tmp;

  private Path requests() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    for (int i = 0; i < GOOD.size(); i++) {
      Files.copy(Path.of(ReviewCommandTest.CHANGES + SOURCES.get(i)),
          requests.resolve(GOOD.get(i)));
    }
    Files.writeString(requests.resolve("e-bad.json"), ServeCommandTest.BAD);
    return requests;
  }

  private List<String> serveCommand(Path requests, Path out, String failpoints, String... more)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(JobProcesses.java());
    cmd.add("-Xmx1g");
    cmd.addAll(JobProcesses.OPENS);
    if (!failpoints.isEmpty()) {
      cmd.add("-D" + Failpoints.PROPERTY + "=" + failpoints);
    }
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties")
        .toAbsolutePath(), "-cp", JobProcesses.testClasspath(), Main.class.getName(), "serve",
        "--snapshot", ReviewCommandTest.SNAPSHOT, "--requests", requests.toString(), "--out",
        out.toString(), "--format", "json", "--master", "local[2]",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1"));
    cmd.addAll(List.of(more));
    return cmd;
  }

  private static long outcomes(Path out) throws Exception {
    Path dir = out.resolve("_serve/outcomes");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }

  @Test
  void killMinus9_afterTwoPublishesOfABatch_thenRestart_everyRequestExactlyOnce()
      throws Exception {
    Path requests = requests();
    Path out = tmp.resolve("out");
    Path never = tmp.resolve("never");
    Process p = JobProcesses.start(serveCommand(requests, out,
        "serve.after-publish=pause(" + never + ")@2", "--stop-after", "5"), Map.of(),
        tmp.resolve("logs1"));
    long heldAt;
    try {
      // The batch of five: one rejected while read, then the runs published (on one thread
      // per core), the second publish held at the point; the kill comes once nothing moves.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      long seen = -1;
      long stableSince = System.nanoTime();
      while (System.nanoTime() < deadline && p.isAlive()) {
        long now = outcomes(out);
        if (now != seen) {
          seen = now;
          stableSince = System.nanoTime();
        } else if (now >= 3 && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
          break;
        }
        Thread.sleep(100);
      }
      assertTrue(p.isAlive(), "serve died before the kill: "
          + Files.readString(tmp.resolve("logs1/stderr.txt")));
      heldAt = outcomes(out);
      assertTrue(heldAt >= 3, "held mid-batch after the rejection and two publishes: " + heldAt);
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
    for (String r : GOOD) {
      assertTrue(Files.exists(requests.resolve(r)), r + " still pending after the kill");
    }
    assertTrue(ServedRuns.serveLog(out).isEmpty(), "killed before the batch's log");
    // Runs whose outcome was recorded before the kill; a run published a moment before the
    // kill without its outcome recorded yet is answered again (a replay) after the restart.
    Map<String, String> publishedBefore = publishIds(out);
    Map<String, String> recordedBefore = new TreeMap<>();
    try (Stream<Path> s = Files.list(out.resolve("_serve/outcomes"))) {
      for (Path f : s.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        JsonNode o = JSON.readTree(f.toFile());
        if (o.path("status").asText().equals("PUBLISHED")) {
          String run = o.path("run_id").asText();
          recordedBefore.put(run, publishedBefore.get(run));
        }
      }
    }
    assertEquals(heldAt - 1, recordedBefore.size(), "every recorded run published");
    assertTrue(publishedBefore.keySet().containsAll(recordedBefore.keySet()));

    JobProcesses.Result r = JobProcesses.run(serveCommand(requests, out, "", "--stop-after",
        "5"), Map.of(), tmp.resolve("logs2"), 300);
    assertEquals(0, r.code(), r.out() + r.err());
    assertExactlyOnce(requests, out);
    Map<String, String> after = publishIds(out);
    recordedBefore.forEach((run, id) -> assertEquals(id, after.get(run),
        run + " was published once, before the kill, and not again"));
    assertEquals(4, after.size());
  }

  @Test
  void batchWhoseEvaluationFails_isAnsweredInHalves_everyRequestExactlyOnce() throws Exception {
    Path requests = requests();
    Path out = tmp.resolve("out");
    JobProcesses.Result r = JobProcesses.run(serveCommand(requests, out,
        "serve.evaluate-batch=fail@1", "--stop-after", "5"), Map.of(), tmp.resolve("logs"), 300);
    assertEquals(0, r.code(), r.out() + r.err());
    String all = r.out() + r.err();
    assertTrue(all.contains("of 4 failed (java.lang.IllegalStateException: failpoint "
        + "serve.evaluate-batch); answering it as 2 and 2"), all);
    assertExactlyOnce(requests, out);
    assertEquals(4, publishIds(out).size());
  }

  @Test
  void haltAfterAPublish_beforeItsOutcome_thenRestart_replaysThatRequestUnderItsClaim()
      throws Exception {
    Path requests = requests();
    Path out = tmp.resolve("out");
    JobProcesses.Result first = JobProcesses.run(serveCommand(requests, out,
        "serve.before-record=halt@1", "--stop-after", "5"), Map.of(), tmp.resolve("logs1"),
        300);
    assertEquals(Failpoints.HALT_CODE, first.code(), first.out() + first.err());
    Map<String, String> before = publishIds(out);
    assertTrue(!before.isEmpty(), "a run published before the halt");
    assertEquals(1, outcomes(out), "only the rejection recorded");
    JobProcesses.Result r = JobProcesses.run(serveCommand(requests, out, "", "--stop-after",
        "5"), Map.of(), tmp.resolve("logs2"), 300);
    assertEquals(0, r.code(), r.out() + r.err());
    // Not rejected as a duplicate of itself: the same request, answered again under its claim.
    assertExactlyOnce(requests, out);
    Map<String, String> after = publishIds(out);
    before.forEach((run, id) -> assertTrue(!id.equals(after.get(run)),
        run + " published again on the replay"));
  }

  @Test
  void haltAfterTheLog_beforeTheMoves_thenRestart_logsNoRowTwice() throws Exception {
    Path requests = requests();
    Path out = tmp.resolve("out");
    JobProcesses.Result first = JobProcesses.run(serveCommand(requests, out,
        "serve.after-log=halt", "--stop-after", "5"), Map.of(), tmp.resolve("logs1"), 300);
    assertEquals(Failpoints.HALT_CODE, first.code(), first.out() + first.err());
    assertEquals(5, ServedRuns.serveLog(out).size(), "logged before the halt");
    for (String r : GOOD) {
      assertTrue(Files.exists(requests.resolve(r)), r + " still pending after the halt");
    }
    JobProcesses.Result r = JobProcesses.run(serveCommand(requests, out, "", "--stop-after",
        "5"), Map.of(), tmp.resolve("logs2"), 300);
    assertEquals(0, r.code(), r.out() + r.err());
    assertExactlyOnce(requests, out);
  }

  private static void assertExactlyOnce(Path requests, Path out) throws Exception {
    Map<String, List<JsonNode>> log = ServedRuns.serveLog(out);
    List<String> all = new ArrayList<>(GOOD);
    all.add("e-bad.json");
    assertEquals(new java.util.TreeSet<>(all), log.keySet());
    for (String req : all) {
      assertEquals(1, log.get(req).size(), req + ": one serve_log row: " + log.get(req));
      assertTrue(Files.exists(requests.resolve("_done").resolve(req)), req + " in _done");
      assertFalse(Files.exists(requests.resolve(req)), req + " left the listing");
      String status = log.get(req).get(0).path("status").asText();
      assertEquals(req.equals("e-bad.json") ? "REJECTED" : "PUBLISHED", status, req);
    }
    assertTrue(Files.exists(out.resolve("_rejected/e-bad.json")));
    try (Stream<Path> s = Files.list(out.resolve("_rejected"))) {
      assertEquals(1, s.filter(f -> !f.getFileName().toString().startsWith(".")).count());
    }
  }

  /** Run id to publish id, for every published change run (the baseline run aside). */
  private static Map<String, String> publishIds(Path out) throws Exception {
    Map<String, String> ids = new TreeMap<>();
    Path runs = out.resolve("_runs");
    if (!Files.isDirectory(runs)) {
      return ids;
    }
    try (Stream<Path> s = Files.list(runs)) {
      for (Path run : s.toList()) {
        Path marker = run.resolve("_SUCCESS");
        if (Files.exists(marker) && !run.getFileName().toString().startsWith("baseline-")) {
          ids.put(run.getFileName().toString(),
              JSON.readTree(marker.toFile()).path("publish_id").asText());
        }
      }
    }
    return ids;
  }
}
