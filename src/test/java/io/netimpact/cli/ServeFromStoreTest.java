package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.report.ClassTable;
import io.netimpact.testing.ServedRuns;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --baseline STORE}, the way the service runs under load: a batch of random
 * requests of every op kind the load generator draws (drains, failures, metric and capacity
 * changes, added links between random devices, growth) on a generated network, answered in one
 * batch from the stored DAGs and loads, each equal to what a cold {@code review} of it
 * publishes; and with classes of service, whose per-class base loads the service pushes once
 * along the stored DAGs.
 */
@Tag("slow")
class ServeFromStoreTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /** {@code n} random valid requests over the JSON-lines snapshot {@code snap}, by file name. */
  static Map<String, String> randomRequests(Path snap, int n, long seed) throws IOException {
    List<JsonNode> devices = lines(snap.resolve("devices.jsonl"));
    List<JsonNode> links = lines(snap.resolve("links.jsonl"));
    Random r = new Random(seed);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      List<String> ops = new ArrayList<>();
      int count = 1 + r.nextInt(3);
      for (int k = 0; k < count; k++) {
        JsonNode l = links.get(r.nextInt(links.size()));
        String link = l.path("id").asText();
        ops.add(switch (k == 0 ? i % 7 : r.nextInt(7)) {
          case 0 -> "{\"op\": \"drain_device\", \"device\": \""
              + devices.get(r.nextInt(devices.size())).path("id").asText() + "\"}";
          case 1 -> "{\"op\": \"link_down\", \"link\": \"" + link + "\"}";
          case 2 -> "{\"op\": \"set_metric\", \"link\": \"" + link + "\", \"metric\": "
              + (1 + r.nextInt(200)) + "}";
          case 3 -> "{\"op\": \"set_capacity\", \"link\": \"" + link + "\", \"member\": \""
              + l.path("members").get(0).path("id").asText() + "\", \"capacity_gbps\": 10}";
          case 4, 5 -> {
            String a = devices.get(r.nextInt(devices.size())).path("id").asText();
            String b = devices.get(r.nextInt(devices.size())).path("id").asText();
            yield a.equals(b) ? "{\"op\": \"link_down\", \"link\": \"" + link + "\"}"
                : "{\"op\": \"add_link\", \"link\": {\"id\": \"new-" + i + "-" + k
                    + "\", \"a\": \"" + a + "\", \"b\": \"" + b + "\", \"metric\": "
                    + (5 + r.nextInt(96)) + ", \"latency_ms\": 1.0, \"members\": [{\"id\": "
                    + "\"et-0/0/0\", \"capacity_gbps\": 100}]}}";
          }
          default -> "{\"op\": \"scale_demands\", \"factor\": " + (1.01 + r.nextInt(29) / 100.0)
              + "}";
        });
      }
      out.put(String.format("req-%03d.json", i), "{\"id\": \"REQ-" + i + "\", \"ops\": ["
          + String.join(", ", ops) + "]}");
    }
    return out;
  }

  private static List<JsonNode> lines(Path f) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(f)) {
      if (!line.isBlank()) {
        out.add(ServeCommandTest.JSON.readTree(line));
      }
    }
    return out;
  }

  /** Serves {@code requests} on {@code snapshot} from {@code store}, then checks each. */
  private void servedFromStore_equalColdReviews(Path snapshot, Map<String, String> requests,
      boolean classes) throws Exception {
    Path store = tmp.resolve("store");
    ReviewCommandTest.Run b = ReviewCommandTest.run("baseline", "--snapshot",
        snapshot.toString(), "--out", store.toString());
    assertEquals(0, b.code(), b.err());
    Path inbox = Files.createDirectories(tmp.resolve("requests"));
    Path changes = Files.createDirectories(tmp.resolve("changes"));
    for (Map.Entry<String, String> e : requests.entrySet()) {
      Files.writeString(inbox.resolve(e.getKey()), e.getValue());
      Files.writeString(changes.resolve(e.getKey()), e.getValue());
    }
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = ReviewCommandTest.run("serve", "--snapshot", snapshot.toString(),
        "--baseline", store.toString(), "--requests", inbox.toString(), "--out",
        out.toString(), "--format", "json", "--stop-after", String.valueOf(requests.size()));
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(s.out().contains("batch of " + requests.size() + ": " + requests.size()
        + " published"), s.out());
    Path cold = tmp.resolve("cold");
    int classRows = 0;
    for (String name : requests.keySet()) {
      String id = ServeCommandTest.assertServedAsAColdReview(snapshot, changes.resolve(name),
          cold, out);
      if (classes) {
        classRows += ServedRuns.rows(out, id, ClassTable.CLASS_IMPACT, java.util.Set.of())
            .size();
      }
    }
    assertTrue(!classes || classRows > 0, "class rows were compared");
  }

  @Test
  void randomRequestsOfEveryKind_servedFromAStore_equalColdReviews() throws Exception {
    Path snap = tmp.resolve("small");
    assertEquals(0, Main.execute("generate", "--preset", "small", "--seed", "5", "--out",
        snap.toString(), "--format", "jsonl"));
    servedFromStore_equalColdReviews(snap, randomRequests(snap, 10, 5), false);
  }

  @Test
  void classesOfService_servedFromAStore_equalColdReviews() throws Exception {
    Path snapshot = ReviewCommandTest.classedCopyOfSample(tmp.resolve("classed"), """
        [{"class": "best-effort", "priority": 0, "protected": true},
         {"class": "bulk", "priority": 1}]""");
    Map<String, String> requests = new LinkedHashMap<>();
    for (String c : ServeCommandTest.SAMPLES) {
      requests.put(c, Files.readString(Path.of(ServeCommandTest.CHANGES + c)));
    }
    requests.put("grow.json", "{\"id\": \"GROW-1\", \"ops\": [{\"op\": \"scale_demands\", "
        + "\"factor\": 1.6}]}");
    servedFromStore_equalColdReviews(snapshot, requests, true);
  }
}
