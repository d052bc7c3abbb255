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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve --snapshots} process killed (SIGKILL) in the middle of a roll, the newer
 * snapshot prepared but not yet switched to, then started again: every request has exactly one
 * outcome, and the restarted service serves the newer snapshot.
 */
@Tag("slow")
class ServeRollRestartTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> SOURCES = List.of("risk-drain-core.json", "safe-member-down.json",
      "block-srlg-conduit.json", "new-circuit.json");

  @TempDir
  Path tmp;

  private List<String> serveCommand(Path prefix, Path requests, Path out, String failpoints,
      String... more) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(JobProcesses.java());
    cmd.add("-Xmx1g");
    cmd.addAll(JobProcesses.OPENS);
    if (!failpoints.isEmpty()) {
      cmd.add("-D" + Failpoints.PROPERTY + "=" + failpoints);
    }
    cmd.addAll(List.of("-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties")
        .toAbsolutePath(), "-cp", JobProcesses.testClasspath(), Main.class.getName(), "serve",
        "--snapshots", prefix.toString(), "--snapshot-poll-s", "0", "--requests",
        requests.toString(), "--out", out.toString(), "--format", "json", "--master",
        "local[2]", "--conf", "spark.ui.enabled=false", "--conf",
        "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1"));
    cmd.addAll(List.of(more));
    return cmd;
  }

  private static void place(Path requests, int i) throws Exception {
    ServeRollTest.place(requests, "r" + i + ".json", SOURCES.get(i % SOURCES.size()),
        "CR-K" + i, Optional.empty());
  }

  private static void awaitWhileAlive(Process p, ServeRollTest.Check c, String what,
      Path logs) throws Exception {
    ServeRollTest.await(() -> {
      assertTrue(p.isAlive(), "serve died while waiting for " + what + ": "
          + Files.readString(logs.resolve("stderr.txt")) + Files.readString(
          logs.resolve("stdout.txt")));
      return c.ok();
    }, what);
  }

  @Test
  void killMinus9_midRoll_thenRestart_everyRequestExactlyOnce_onTheNewerSnapshot()
      throws Exception {
    Path prefix = Files.createDirectories(tmp.resolve("snapshots"));
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Path out = tmp.resolve("out");
    ServeRollTest.snapshot(prefix, "1", "s1", "2026-12-01T02:00:00Z", 1.0, true);
    for (int i = 1; i <= 4; i++) {
      place(requests, i);
    }
    // The first hit is the start's own snapshot, the second the roll's: held there.
    Path never = tmp.resolve("never");
    Path logs = tmp.resolve("logs1");
    Process p = JobProcesses.start(serveCommand(prefix, requests, out,
        "serve.roll-prepared=pause(" + never + ")@2"), Map.of(), logs);
    try {
      for (int i = 1; i <= 4; i++) {
        Path o = out.resolve("_serve/outcomes/r" + i + ".json");
        awaitWhileAlive(p, () -> Files.exists(o), "r" + i + " answered", logs);
      }
      ServeRollTest.snapshot(prefix, "2", "s2", "2026-12-02T02:00:00Z", 1.5, true);
      awaitWhileAlive(p, () -> Files.exists(out.resolve("_runs/baseline-s2/_SUCCESS")),
          "s2 prepared", logs);
      // Prepared, held before the switch: requests go on being answered on s1.
      place(requests, 5);
      place(requests, 6);
      for (int i = 5; i <= 6; i++) {
        Path o = out.resolve("_serve/outcomes/r" + i + ".json");
        awaitWhileAlive(p, () -> Files.exists(o), "r" + i + " answered", logs);
      }
      place(requests, 7);
      place(requests, 8);
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
    assertEquals("s1", JSON.readTree(out.resolve("_serve/ready.json").toFile())
        .path("snapshot_id").asText(), "killed before the switch");

    JobProcesses.Result r = JobProcesses.run(serveCommand(prefix, requests, out, "",
        "--idle-exit-s", "2"), Map.of(), tmp.resolve("logs2"), 300);
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals("s2", JSON.readTree(out.resolve("_serve/ready.json").toFile())
        .path("snapshot_id").asText(), "the restart starts on the newest snapshot");
    Map<String, List<JsonNode>> log = ServedRuns.serveLog(out);
    assertEquals(8, log.size(), log.keySet().toString());
    for (int i = 1; i <= 8; i++) {
      String req = "r" + i + ".json";
      assertEquals(1, log.get(req).size(), req + ": one serve_log row: " + log.get(req));
      JsonNode row = log.get(req).get(0);
      assertEquals("PUBLISHED", row.path("status").asText(), req);
      if (i <= 6) {
        assertEquals("s1", row.path("snapshot_id").asText(), req);
      }
      assertTrue(Files.exists(requests.resolve("_done").resolve(req)), req + " in _done");
      assertFalse(Files.exists(requests.resolve(req)), req + " left the listing");
    }
    assertFalse(Files.exists(out.resolve("_rejected")), "nothing rejected");
  }
}
