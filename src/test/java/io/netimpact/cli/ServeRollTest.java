package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.testing.ServedRuns;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --snapshots PREFIX}: the service rolls to a newer snapshot while requests flow,
 * in this JVM on copies of the bundled sample (real Spark, real JSON reports, real files). No
 * timing is asserted: the test waits for the service's own files (outcomes, ready.json).
 */
class ServeRollTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CHANGES = ReviewCommandTest.CHANGES;
  static final long WAIT_S = 240;

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /**
   * A copy of the sample as snapshot {@code id} taken at {@code takenAt}, its demands scaled by
   * {@code factor} (so that its loads differ), the {@code _SUCCESS} marker written last unless
   * {@code complete} is false.
   */
  static Path snapshot(Path prefix, String dir, String id, String takenAt, double factor,
      boolean complete) throws Exception {
    Path d = ReviewCommandTest.copyOfSample(prefix.resolve(dir));
    ObjectNode m = (ObjectNode) JSON.readTree(d.resolve("manifest.json").toFile());
    m.put("snapshot_id", id);
    m.put("taken_at", takenAt);
    Files.writeString(d.resolve("manifest.json"), m.toString());
    Matcher g = Pattern.compile("\"gbps\":([0-9.]+)").matcher(Files.readString(
        d.resolve("demands.jsonl")));
    StringBuilder sb = new StringBuilder();
    while (g.find()) {
      g.appendReplacement(sb, "\"gbps\":" + Double.parseDouble(g.group(1)) * factor);
    }
    g.appendTail(sb);
    Files.writeString(d.resolve("demands.jsonl"), sb.toString());
    if (complete) {
      Files.writeString(d.resolve("_SUCCESS"), "");
    }
    return d;
  }

  /** Places a request as a client does (a dot-name renamed in): sample {@code sample} as id. */
  static void place(Path requests, String name, String sample, String id, Optional<String> pin)
      throws Exception {
    ObjectNode c = (ObjectNode) JSON.readTree(Path.of(CHANGES + sample).toFile());
    c.put("id", id);
    pin.ifPresent(p -> c.put("snapshot_id", p));
    Path t = requests.resolve("." + name + ".tmp");
    Files.writeString(t, c.toString());
    Files.move(t, requests.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  static JsonNode awaitOutcome(Path out, String request) throws Exception {
    Path f = out.resolve("_serve/outcomes").resolve(request);
    await(() -> Files.exists(f), "the outcome of " + request);
    return JSON.readTree(f.toFile());
  }

  static void awaitReady(Path out, String snapshotId) throws Exception {
    Path f = out.resolve("_serve/ready.json");
    await(() -> Files.exists(f) && JSON.readTree(f.toFile()).path("snapshot_id").asText()
        .equals(snapshotId), "ready on " + snapshotId);
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void await(Check c, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!c.ok()) {
      assertTrue(System.nanoTime() < deadline, "waited " + WAIT_S + " s for " + what);
      Thread.sleep(50);
    }
  }

  static CompletableFuture<ReviewCommandTest.Run> serve(Path prefix, Path requests, Path out,
      int stopAfter) {
    return CompletableFuture.supplyAsync(() -> ReviewCommandTest.run("serve", "--snapshots",
        prefix.toString(), "--requests", requests.toString(), "--out", out.toString(),
        "--format", "json", "--snapshot-poll-s", "0", "--stop-after",
        String.valueOf(stopAfter)));
  }

  @Test
  @Tag("slow")
  void roll_whileRequestsFlow_answersBeforeOnTheOldAfterOnTheNew_andPinsWhileResident()
      throws Exception {
    Path prefix = Files.createDirectories(tmp.resolve("snapshots"));
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Path out = tmp.resolve("out");
    snapshot(prefix, "2026-12-01", "s1", "2026-12-01T02:00:00Z", 1.0, true);
    CompletableFuture<ReviewCommandTest.Run> service = serve(prefix, requests, out, 7);

    place(requests, "r1.json", "risk-drain-core.json", "CR-R1", Optional.empty());
    assertEquals("s1", awaitOutcome(out, "r1.json").path("snapshot_id").asText());
    // A newer snapshot appears; a request placed at once is answered on whichever snapshot is
    // current when its batch starts, and on that one entirely.
    snapshot(prefix, "2026-12-02", "s2", "2026-12-02T02:00:00Z", 1.5, true);
    place(requests, "r2.json", "safe-member-down.json", "CR-R2", Optional.empty());
    awaitReady(out, "s2");
    place(requests, "r3.json", "block-srlg-conduit.json", "CR-R3", Optional.empty());
    place(requests, "r4.json", "risk-drain-core.json", "CR-R4", Optional.of("s1"));
    place(requests, "r0.json", "new-circuit.json", "CR-R0", Optional.of("s0"));
    assertEquals("s2", awaitOutcome(out, "r3.json").path("snapshot_id").asText());
    awaitOutcome(out, "r4.json");
    awaitOutcome(out, "r0.json");
    // A third: preparing it releases s1, the one switched from; s2 stays for its pins.
    snapshot(prefix, "2026-12-03", "s3", "2026-12-03T02:00:00Z", 0.5, true);
    awaitReady(out, "s3");
    place(requests, "r5.json", "safe-member-down.json", "CR-R5", Optional.of("s1"));
    place(requests, "r6.json", "new-circuit.json", "CR-R6", Optional.of("s2"));
    ReviewCommandTest.Run s = service.get(WAIT_S, TimeUnit.SECONDS);
    assertEquals(0, s.code(), s.out() + s.err());

    Map<String, List<JsonNode>> log = ServedRuns.serveLog(out);
    assertEquals(new java.util.TreeSet<>(List.of("r0.json", "r1.json", "r2.json", "r3.json",
        "r4.json", "r5.json", "r6.json")), log.keySet());
    for (Map.Entry<String, List<JsonNode>> e : log.entrySet()) {
      assertEquals(1, e.getValue().size(), "one outcome for " + e.getKey());
      assertFalse(Files.exists(requests.resolve(e.getKey())), e.getKey() + " left the listing");
    }
    assertEquals("s1", log.get("r1.json").get(0).path("snapshot_id").asText());
    assertEquals("s2", log.get("r3.json").get(0).path("snapshot_id").asText());
    assertEquals("s1", log.get("r4.json").get(0).path("snapshot_id").asText(),
        "pinned to the snapshot switched from, still resident");
    assertEquals("s2", log.get("r6.json").get(0).path("snapshot_id").asText());
    for (String rejected : List.of("r0.json", "r5.json")) {
      assertEquals("REJECTED", log.get(rejected).get(0).path("status").asText(), rejected);
      String error = JSON.readTree(out.resolve("_rejected").resolve(rejected).toFile())
          .path("error").asText();
      String pin = rejected.equals("r0.json") ? "s0" : "s1";
      assertTrue(error.contains(rejected) && error.contains("snapshot_id")
          && error.contains("\"" + pin + "\""), error);
    }
    // Every published run is the review of its change on the snapshot that answered it.
    Map<String, String> changeOf = Map.of("r1.json", "risk-drain-core.json", "r2.json",
        "safe-member-down.json", "r3.json", "block-srlg-conduit.json", "r4.json",
        "risk-drain-core.json", "r6.json", "new-circuit.json");
    Map<String, String> dirOf = Map.of("s1", "2026-12-01", "s2", "2026-12-02", "s3",
        "2026-12-03");
    for (Map.Entry<String, String> e : changeOf.entrySet()) {
      JsonNode row = log.get(e.getKey()).get(0);
      assertEquals("PUBLISHED", row.path("status").asText(), e.getKey());
      String id = row.path("run_id").asText();
      String snap = row.path("snapshot_id").asText();
      Path change = tmp.resolve(id + ".json");
      ObjectNode c = (ObjectNode) JSON.readTree(Path.of(CHANGES + e.getValue()).toFile());
      c.put("id", id);
      Files.writeString(change, c.toString());
      Path cold = tmp.resolve("cold-" + snap);
      ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
          prefix.resolve(dirOf.get(snap)).toString(), "--change", change.toString(), "--out",
          cold.toString(), "--format", "json");
      assertEquals(0, r.code(), r.err());
      ServedRuns.assertSameReview(cold, id, out, id);
    }
    for (String snap : List.of("s1", "s2", "s3")) {
      assertTrue(Files.exists(out.resolve("_runs/baseline-" + snap + "/_SUCCESS")),
          "link_baseline of " + snap + " published once it was prepared");
    }
    // s2's loads are s1's scaled: the roll changed the numbers, not only the id.
    assertFalse(ServedRuns.rows(out, "baseline-s1", "link_baseline", java.util.Set.of(
        "run_id", "scenario_id")).equals(ServedRuns.rows(out, "baseline-s2", "link_baseline",
        java.util.Set.of("run_id", "scenario_id"))));
  }

  @Test
  @Tag("slow")
  void halfWrittenSnapshot_isNotPicked_badOneIsRefusedOnce_andServingGoesOn() throws Exception {
    Path prefix = Files.createDirectories(tmp.resolve("snapshots"));
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Path out = tmp.resolve("out");
    snapshot(prefix, "a", "s1", "2026-12-01T02:00:00Z", 1.0, true);
    CompletableFuture<ReviewCommandTest.Run> service = serve(prefix, requests, out, 3);
    place(requests, "r1.json", "risk-drain-core.json", "CR-H1", Optional.empty());
    assertEquals("s1", awaitOutcome(out, "r1.json").path("snapshot_id").asText());

    // The newest, every file valid but no marker yet: still being written.
    Path half = snapshot(prefix, "d-half", "s-half", "2026-12-04T02:00:00Z", 2.0, false);
    // Newer than s2 and complete, but a link names an unknown device.
    Path bad = snapshot(prefix, "c-bad", "s-bad", "2026-12-03T02:00:00Z", 1.0, false);
    List<String> links = Files.readAllLines(bad.resolve("links.jsonl"));
    links.set(2, links.get(2).replaceFirst("\"b\":\"[^\"]+\"", "\"b\":\"no-such-router\""));
    Files.write(bad.resolve("links.jsonl"), links);
    Files.writeString(bad.resolve("_SUCCESS"), "");
    snapshot(prefix, "b", "s2", "2026-12-02T02:00:00Z", 1.5, true);
    awaitReady(out, "s2");
    place(requests, "r2.json", "safe-member-down.json", "CR-H2", Optional.empty());
    assertEquals("s2", awaitOutcome(out, "r2.json").path("snapshot_id").asText());

    // Once its marker is written, the half-written one is whole and the newest: served next.
    Files.writeString(half.resolve("_SUCCESS"), "");
    awaitReady(out, "s-half");
    place(requests, "r3.json", "new-circuit.json", "CR-H3", Optional.empty());
    ReviewCommandTest.Run s = service.get(WAIT_S, TimeUnit.SECONDS);
    assertEquals(0, s.code(), s.out() + s.err());
    assertEquals("s-half", ServedRuns.serveLog(out).get("r3.json").get(0).path("snapshot_id")
        .asText());

    List<String> refusals = s.out().lines().filter(l -> l.contains("refused")).toList();
    assertEquals(1, refusals.size(), "the bad snapshot is read once, not on every poll: "
        + s.out());
    assertTrue(refusals.get(0).contains("c-bad") && refusals.get(0).contains("links.jsonl")
        && refusals.get(0).contains("line 3") && refusals.get(0).contains("no-such-router"),
        refusals.get(0));
    int switchedToS2 = s.out().indexOf("switched to snapshot s2 ");
    assertTrue(switchedToS2 >= 0 && s.out().indexOf("preparing snapshot s-half") > switchedToS2,
        "the half-written snapshot was not picked before it was whole: " + s.out());
    assertFalse(Files.exists(out.resolve("_runs/baseline-s-bad")), "nothing of the bad one");
  }

  @Test
  void snapshotAndSnapshots_together_orNeither_areRefused() {
    ReviewCommandTest.Run both = ReviewCommandTest.run("serve", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--snapshots", tmp.toString(), "--requests",
        tmp.resolve("r").toString(), "--out", tmp.resolve("o").toString());
    assertEquals(Main.EXIT_BAD_INPUT, both.code(), both.out() + both.err());
    assertTrue(both.err().contains("not both"), both.err());
    ReviewCommandTest.Run neither = ReviewCommandTest.run("serve", "--requests",
        tmp.resolve("r").toString(), "--out", tmp.resolve("o").toString());
    assertEquals(Main.EXIT_BAD_INPUT, neither.code(), neither.out() + neither.err());
    assertTrue(neither.err().contains("not neither"), neither.err());
  }
}
