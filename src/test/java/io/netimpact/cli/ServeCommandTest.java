package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.ServedRuns;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} and {@code submit} end to end in this JVM, on the bundled sample, with the
 * test session: real Spark, real JSON reports, real files.
 */
class ServeCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reviews {@code change} cold on {@code snapshot} into {@code cold} and asserts that the
   * service published the same run under {@code served}; returns the change's id.
   */
  static String assertServedAsAColdReview(Path snapshot, Path change, Path cold, Path served)
      throws Exception {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", snapshot.toString(),
        "--change", change.toString(), "--out", cold.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    String id = JSON.readTree(change.toFile()).path("id").asText();
    ServedRuns.assertSameReview(cold, id, served, id);
    return id;
  }
  static final String SNAPSHOT = ReviewCommandTest.SNAPSHOT;
  static final String CHANGES = ReviewCommandTest.CHANGES;
  static final List<String> SAMPLES = List.of("risk-drain-core.json", "safe-member-down.json",
      "block-srlg-conduit.json", "new-circuit.json");
  static final String BAD = "{\"id\": \"CR-BAD\", \"ops\": [{\"op\": \"drain_device\", "
      + "\"device\": \"no-such-device\"}]}";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  static ReviewCommandTest.Run serve(Path requests, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("serve", "--snapshot", SNAPSHOT,
        "--requests", requests.toString(), "--out", out.toString(), "--format", "json"));
    args.addAll(List.of(more));
    return ReviewCommandTest.run(args.toArray(String[]::new));
  }

  @Test
  void everySampleRequest_answeredInOneBatch_equalsAColdReview() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    for (String c : SAMPLES) {
      Files.copy(Path.of(CHANGES + c), requests.resolve(c));
    }
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = serve(requests, out, "--stop-after", "4");
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(s.out().contains("batch of 4: 4 published"), s.out());
    // Warmed up on made-up changes before it was ready; none of them is published.
    assertTrue(s.out().indexOf("netimpact serve: warmed up on ") >= 0
        && s.out().indexOf("warmed up on ") < s.out().indexOf("ready on snapshot"), s.out());
    try (java.util.stream.Stream<Path> runs = Files.list(out.resolve("_runs"))) {
      assertTrue(runs.noneMatch(r -> r.getFileName().toString().startsWith("warm-up")));
    }
    Path cold = tmp.resolve("cold");
    String snapshotId = null;
    for (String c : SAMPLES) {
      ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
          "--change", CHANGES + c, "--out", cold.toString(), "--format", "json");
      assertEquals(0, r.code(), r.err());
      String id = JSON.readTree(Path.of(CHANGES + c).toFile()).path("id").asText();
      ServedRuns.assertSameReview(cold, id, out, id);
      Map<String, JsonNode> base = ServedRuns.rows(cold, id, ReportTables.LINK_BASELINE,
          Set.of("run_id", "scenario_id"));
      snapshotId = ServedRuns.rows(cold, id, ReportTables.SCENARIO_SUMMARY, Set.of()).values()
          .iterator().next().path("snapshot_id").asText();
      ServedRuns.assertSameRows("link_baseline", base, ServedRuns.rows(out,
          "baseline-" + snapshotId, ReportTables.LINK_BASELINE, Set.of("run_id",
          "scenario_id")));
      assertTrue(Files.exists(requests.resolve("_done").resolve(c)), c + " moved to _done");
      assertFalse(Files.exists(requests.resolve(c)), c + " left the listing");
    }
    JsonNode ready = JSON.readTree(out.resolve("_serve/ready.json").toFile());
    assertEquals(snapshotId, ready.path("snapshot_id").asText());
    Map<String, List<JsonNode>> log = ServedRuns.serveLog(out);
    assertEquals(new java.util.TreeSet<>(SAMPLES), log.keySet());
    for (List<JsonNode> rows : log.values()) {
      assertEquals(1, rows.size(), "one serve_log row per request: " + rows);
      JsonNode row = rows.get(0);
      assertEquals("PUBLISHED", row.path("status").asText());
      assertTrue(row.path("received_at").asText().matches(
          "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), row.toString());
      assertTrue(row.path("latency_ms").asLong() >= 0);
    }
    // A request-file summary.txt as review writes it: the verdict line of its change.
    String summary = Files.readString(io.netimpact.testing.PublishedRuns.file(out, "CR-1001",
        "summary.txt"));
    assertTrue(summary.contains("VERDICT: RISK"), summary);
  }

  @Test
  void badRequest_isRejectedWithReviewsMessage_whileTheRestOfItsBatchPublishes()
      throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Files.copy(Path.of(CHANGES + "risk-drain-core.json"), requests.resolve("a-good.json"));
    Files.writeString(requests.resolve("b-bad.json"), BAD);
    Files.writeString(requests.resolve("c-broken.json"), "{\"id\": \"CR-X\", \"ops\": [");
    Files.copy(Path.of(CHANGES + "safe-member-down.json"), requests.resolve("d-good.json"));
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = serve(requests, out, "--stop-after", "4");
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(s.out().contains("batch of 4: 2 published, 2 rejected"), s.out());
    for (String bad : List.of("b-bad.json", "c-broken.json")) {
      JsonNode rej = JSON.readTree(out.resolve("_rejected").resolve(bad).toFile());
      assertEquals(bad, rej.path("request").asText());
      assertFalse(rej.path("rejected_at").asText().isEmpty());
      // The message review prints (exit 2) for the same file where serve found it.
      ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
          "--change", requests.resolve("_done").resolve(bad).toString(), "--out",
          tmp.resolve("cold").toString());
      assertEquals(2, r.code(), r.err());
      String error = rej.path("error").asText();
      assertTrue(r.err().contains(error.substring(error.indexOf(bad) + bad.length())),
          "review: " + r.err() + "\nserve: " + error);
    }
    Map<String, List<JsonNode>> log = ServedRuns.serveLog(out);
    assertEquals("REJECTED", log.get("b-bad.json").get(0).path("status").asText());
    assertTrue(log.get("b-bad.json").get(0).path("run_id").isNull());
    assertTrue(log.get("b-bad.json").get(0).path("verdict").isNull());
    assertEquals("PUBLISHED", log.get("a-good.json").get(0).path("status").asText());
    assertEquals("CR-1001", log.get("a-good.json").get(0).path("run_id").asText());
    assertEquals("PUBLISHED", log.get("d-good.json").get(0).path("status").asText());
  }

  @Test
  void halfWrittenRequest_isNotRead_untilRenamedIn() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    String partial = Files.readString(Path.of(CHANGES + "risk-drain-core.json"));
    partial = partial.substring(0, partial.length() / 2);
    Files.writeString(requests.resolve(".risk.json.tmp"), partial);
    Files.writeString(requests.resolve("risk.json.part"), partial);
    Files.copy(Path.of(CHANGES + "safe-member-down.json"), requests.resolve("safe.json"));
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = serve(requests, out, "--idle-exit-s", "1");
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(s.out().contains("1 published, 0 rejected"), s.out());
    assertTrue(Files.exists(requests.resolve(".risk.json.tmp")));
    assertTrue(Files.exists(requests.resolve("risk.json.part")));
    assertFalse(Files.exists(out.resolve("_rejected")), "nothing half-written was read");
    // Once whole and renamed in, it is a request like any other.
    Files.copy(Path.of(CHANGES + "risk-drain-core.json"), requests.resolve(".risk.json.tmp"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.move(requests.resolve(".risk.json.tmp"), requests.resolve("risk.json"),
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    s = serve(requests, out, "--stop-after", "1");
    assertEquals(0, s.code(), s.out() + s.err());
    assertEquals("PUBLISHED", ServedRuns.serveLog(out).get("risk.json").get(0).path("status")
        .asText());
  }

  @Test
  void duplicateChangeId_isRejectedNamingTheFirst_andNoRunIsOverwritten() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Path out = tmp.resolve("out");
    // A run of that id from review already under --out: never overwritten by serve.
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", CHANGES + "new-circuit.json", "--out", out.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    String reviewPublish = JSON.readTree(out.resolve("_runs/CR-1004/_SUCCESS").toFile())
        .path("publish_id").asText();
    Files.copy(Path.of(CHANGES + "risk-drain-core.json"), requests.resolve("first.json"));
    // Same id, other content (another title), arriving in the same batch.
    JsonNode second = JSON.readTree(Path.of(CHANGES + "risk-drain-core.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) second).put("title", "not the first");
    Files.writeString(requests.resolve("second.json"), second.toString());
    Files.copy(Path.of(CHANGES + "new-circuit.json"), requests.resolve("third.json"));
    ReviewCommandTest.Run s = serve(requests, out, "--stop-after", "3");
    assertEquals(0, s.code(), s.out() + s.err());
    JsonNode rej = JSON.readTree(out.resolve("_rejected/second.json").toFile());
    assertTrue(rej.path("error").asText().contains("CR-1001")
        && rej.path("error").asText().contains("first.json"), rej.toString());
    JsonNode rej3 = JSON.readTree(out.resolve("_rejected/third.json").toFile());
    assertTrue(rej3.path("error").asText().contains("CR-1004"), rej3.toString());
    assertEquals(reviewPublish, JSON.readTree(out.resolve("_runs/CR-1004/_SUCCESS").toFile())
        .path("publish_id").asText(), "the review's run is untouched");
    String title = ServedRuns.rows(out, "CR-1001", ReportTables.SCENARIO_SUMMARY, Set.of())
        .values().iterator().next().path("title").asText();
    assertFalse(title.equals("not the first"), "the first request's run stands");

    // The same id again later, in a new file: rejected too, naming the first.
    Files.writeString(requests.resolve("fourth.json"), second.toString());
    s = serve(requests, out, "--stop-after", "1");
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(JSON.readTree(out.resolve("_rejected/fourth.json").toFile()).path("error")
        .asText().contains("first.json"));
  }

  @Test
  void submit_printsTheReviewAndExitsAsReviewWould() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Path out = tmp.resolve("out");
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, BAD);
    // No service yet: no outcome within the timeout, exit 4, the request stays placed.
    ReviewCommandTest.Run t = ReviewCommandTest.run("submit", "--requests",
        requests.toString(), "--out", out.toString(), "--change", bad.toString(),
        "--timeout-s", "0.5");
    assertEquals(SubmitCommand.EXIT_TIMEOUT, t.code(), t.out() + t.err());
    // The service answers that one and the three below, then stops.
    CompletableFuture<Integer> service = CompletableFuture.supplyAsync(() -> Main.execute(
        "serve", "--snapshot", SNAPSHOT, "--requests", requests.toString(), "--out",
        out.toString(), "--format", "json", "--stop-after", "4"));
    ReviewCommandTest.Run ok = submit(requests, out, CHANGES + "safe-member-down.json");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("VERDICT: SAFE"), ok.out());
    ReviewCommandTest.Run risk = submit(requests, out, CHANGES + "risk-drain-core.json",
        "--fail-on", "risk");
    assertEquals(Main.EXIT_VERDICT, risk.code(), risk.out() + risk.err());
    assertTrue(risk.out().contains("VERDICT: RISK"), risk.out());
    ReviewCommandTest.Run rejected = submit(requests, out, bad.toString());
    assertEquals(Main.EXIT_BAD_INPUT, rejected.code(), rejected.out() + rejected.err());
    assertTrue(rejected.err().contains("no-such-device"), rejected.err());
    assertEquals(0, service.get(300, java.util.concurrent.TimeUnit.SECONDS));
  }

  private static ReviewCommandTest.Run submit(Path requests, Path out, String change,
      String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("submit", "--requests",
        requests.toString(), "--out", out.toString(), "--change", change, "--timeout-s", "240"));
    args.addAll(List.of(more));
    return ReviewCommandTest.run(args.toArray(String[]::new));
  }
}
