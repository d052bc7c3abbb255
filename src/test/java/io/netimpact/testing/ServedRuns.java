package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.report.ReportTables;
import io.netimpact.spark.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads what a run published in JSON through its marker, and compares two runs' tables row by
 * row: the review service's answer against a cold {@code review} of the same change.
 */
public final class ServedRuns {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Relative tolerance on doubles: partial loads merge in the order tasks finish. */
  static final double TOLERANCE = 1e-9;

  private ServedRuns() {}

  /**
   * The rows of {@code table} in run {@code runId} under {@code out} (JSON format), keyed by
   * their identifying columns, without the columns in {@code drop}.
   */
  public static Map<String, JsonNode> rows(Path out, String runId, String table,
      Set<String> drop) throws IOException {
    Map<String, List<org.apache.hadoop.fs.Path>> files = ReportWriter.publishedFiles(
        FileSystem.getLocal(new Configuration()), out.toString(), runId);
    assertTrue(files.containsKey(table), "run " + runId + " under " + out + " has no " + table
        + " (it has " + files.keySet() + ")");
    Map<String, JsonNode> result = new TreeMap<>();
    for (org.apache.hadoop.fs.Path f : files.get(table)) {
      for (String line : Files.readAllLines(Path.of(f.toUri().getPath()))) {
        if (line.isBlank()) {
          continue;
        }
        ObjectNode n = (ObjectNode) JSON.readTree(line);
        drop.forEach(n::remove);
        String key = n.path("scenario_id").asText() + "|" + n.path("link_id").asText() + "|"
            + n.path("from_device").asText() + "|" + n.path("to_device").asText() + "|"
            + n.path("src").asText() + "|" + n.path("dst").asText() + "|"
            + n.path("class").asText();
        assertTrue(result.put(key, n) == null, "duplicate row " + key + " in " + table);
      }
    }
    return result;
  }

  /**
   * Asserts that run {@code servedId} under {@code served} has the tables and rows of run
   * {@code reviewId} under {@code reviewed}, {@code link_baseline} aside, {@code run_id} aside,
   * doubles to 1e-9 relative.
   */
  public static void assertSameReview(Path reviewed, String reviewId, Path served,
      String servedId) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Set<String> expected = new java.util.TreeSet<>(ReportWriter.publishedFiles(fs,
        reviewed.toString(), reviewId).keySet());
    expected.remove(ReportTables.LINK_BASELINE);
    assertEquals(expected, new java.util.TreeSet<>(ReportWriter.publishedFiles(fs,
        served.toString(), servedId).keySet()), "tables of " + servedId);
    assertTrue(expected.contains(ReportTables.SCENARIO_SUMMARY), "tables of " + reviewId);
    for (String table : expected) {
      assertSameRows(table + " of " + servedId, rows(reviewed, reviewId, table,
          Set.of("run_id")), rows(served, servedId, table, Set.of("run_id")));
    }
  }

  /** Same keys (no row on either side is fine: a change may affect no demand), and every row equal (doubles to 1e-9 relative). */
  public static void assertSameRows(String what, Map<String, JsonNode> a,
      Map<String, JsonNode> b) {
    assertEquals(a.keySet(), b.keySet(), what + ": the same rows");
    for (String key : a.keySet()) {
      JsonNode x = a.get(key);
      JsonNode y = b.get(key);
      assertEquals(names(x), names(y), what + " " + key);
      for (String f : names(x)) {
        JsonNode u = x.get(f);
        JsonNode v = y.get(f);
        if (u.isFloatingPointNumber() || v.isFloatingPointNumber()) {
          assertTrue(Math.abs(u.asDouble() - v.asDouble())
              <= TOLERANCE * Math.max(1, Math.abs(u.asDouble())), what + " " + key + " " + f
              + ": " + u + " vs " + v);
        } else {
          assertEquals(u, v, what + " " + key + " " + f);
        }
      }
    }
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    out.sort(null);
    return out;
  }

  /** The {@code serve_log} rows under {@code out} (JSON format), by request file name. */
  public static Map<String, List<JsonNode>> serveLog(Path out) throws IOException {
    Map<String, List<JsonNode>> byRequest = new TreeMap<>();
    Path dir = out.resolve("serve_log");
    if (!Files.isDirectory(dir)) {
      return byRequest;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            JsonNode n = JSON.readTree(line);
            byRequest.computeIfAbsent(n.path("request").asText(), k -> new ArrayList<>())
                .add(n);
          }
        }
      }
    }
    return byRequest;
  }
}
