package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.testing.ServedRuns;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Growth is not routing, end to end: requests that grow every demand (alone, and beside a
 * drain, a failure and a new circuit) are answered by {@code serve} through the growth
 * shortcut and equal what a cold {@code review} of each publishes, which routes them in full.
 */
class ServeGrowthTest {
  private static final String GROW = "{\"op\": \"scale_demands\", \"factor\": %s}";
  private static final Map<String, String> REQUESTS = Map.of(
      "grow-only.json", "{\"id\": \"GROW-1\", \"ops\": [" + GROW.formatted("1.37") + ", "
          + GROW.formatted("1.09") + "]}",
      "grow-drain.json", "{\"id\": \"GROW-2\", \"ops\": [{\"op\": \"drain_device\", "
          + "\"device\": \"chi-cr2\"}, " + GROW.formatted("1.21") + "]}",
      "grow-fail.json", "{\"id\": \"GROW-3\", \"ops\": [" + GROW.formatted("0.83") + ", "
          + "{\"op\": \"link_down\", \"link\": \"lag-nyc-core\"}]}",
      "grow-site.json", "{\"id\": \"GROW-4\", \"ops\": [{\"op\": \"scale_demands\", "
          + "\"factor\": 1.5, \"src_site\": \"chi\"}]}");

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  @Test
  void growthRequests_servedWithoutRouting_equalAColdReview() throws Exception {
    Path requests = Files.createDirectories(tmp.resolve("requests"));
    Path changes = Files.createDirectories(tmp.resolve("changes"));
    for (Map.Entry<String, String> e : REQUESTS.entrySet()) {
      Files.writeString(requests.resolve(e.getKey()), e.getValue());
      Files.writeString(changes.resolve(e.getKey()), e.getValue());
    }
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = ServeCommandTest.serve(requests, out, "--stop-after",
        String.valueOf(REQUESTS.size()));
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(s.out().contains(REQUESTS.size() + " published"), s.out());
    Path cold = tmp.resolve("cold");
    for (String name : REQUESTS.keySet()) {
      ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
          ServeCommandTest.SNAPSHOT, "--change", changes.resolve(name).toString(), "--out",
          cold.toString(), "--format", "json");
      assertEquals(0, r.code(), r.err());
      String id = ServeCommandTest.JSON.readTree(changes.resolve(name).toFile()).path("id")
          .asText();
      ServedRuns.assertSameReview(cold, id, out, id);
    }
  }
}
