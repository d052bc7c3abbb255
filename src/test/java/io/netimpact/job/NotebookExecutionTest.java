package io.netimpact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.testing.ExternalTools;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notebooks run headless against a real sweep report of the sample (JSON lines), through
 * {@code jupyter nbconvert --execute}: every cell must run and every chart must be drawn.
 * Executed copies are kept in {@code target/notebooks/}, the report in {@code
 * target/notebook-reports/}, to look at.
 */
class NotebookExecutionTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";
  static final Path NOTEBOOKS = Path.of("notebooks");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PACKAGES =
      "jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib";

  static Path reports;

  @BeforeAll
  static void sweepReport() {
    SparkTestSession.get();
    // Kept under target/ (a re-run replaces the run) to open the sweep's summary.html too.
    reports = Path.of("target/notebook-reports").toAbsolutePath();
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        NIGHTLY, "--out", reports.toString(), "--format", "json", "--run-id", "nightly");
    assertEquals(0, r.code(), r.err());
  }

  /** Executes a notebook and returns the executed notebook's JSON. */
  private static JsonNode execute(String name, Map<String, String> env) throws IOException {
    ExternalTools.require(PACKAGES, "jupyter-nbconvert", "--version");
    Path outDir = Path.of("target/notebooks").toAbsolutePath();
    Files.createDirectories(outDir);
    String executed = name.replace(".ipynb", ".executed.ipynb");
    ExternalTools.Result r = ExternalTools.run(Path.of("."), env, 300, "jupyter-nbconvert",
        "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120",
        "--ExecutePreprocessor.kernel_name=python3", "--output-dir", outDir.toString(),
        "--output", executed, NOTEBOOKS.resolve(name).toString());
    assertEquals(0, r.code(), name + " failed to execute:\n" + r.err());
    JsonNode nb = JSON.readTree(outDir.resolve(executed).toFile());
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        assertTrue(!o.path("output_type").asText().equals("error"),
            name + ": a cell failed: " + o);
      }
    }
    return nb;
  }

  private static int images(JsonNode nb) {
    int n = 0;
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        if (o.path("data").has("image/png")) {
          n++;
        }
      }
    }
    return n;
  }

  private static String text(JsonNode nb) {
    StringBuilder b = new StringBuilder();
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        o.path("text").forEach(t -> b.append(t.asText()));
        o.path("data").path("text/plain").forEach(t -> b.append(t.asText()));
        o.path("data").path("text/html").forEach(t -> b.append(t.asText()));
      }
    }
    return b.toString();
  }

  @Test
  void exploreSweep_runsOnTheSampleSweep_andDrawsItsFiveCharts() throws IOException {
    JsonNode nb = execute("explore_sweep.ipynb", Map.of("NETIMPACT_REPORTS",
        reports.toString()));
    assertEquals(5, images(nb), "verdicts, utilisation, overloaded links, region heatmap, "
        + "stranding");
    String text = text(nb);
    assertTrue(text.contains("run nightly:"), text);
    assertTrue(text.contains("site_down:"), "the riskiest table lists site failures: " + text);
  }

  @Test
  void reviewChange_runsOnTheRiskiestScenarioByDefault_andDrawsItsThreeCharts()
      throws IOException {
    JsonNode nb = execute("review_change.ipynb", Map.of("NETIMPACT_REPORTS",
        reports.toString()));
    assertEquals(3, images(nb), "links before/after, lost traffic, latency stretch");
    assertTrue(text(nb).contains("verdict BLOCK"), text(nb));
  }

  @Test
  void reviewChange_takesTheScenarioFromTheEnvironment() throws IOException {
    JsonNode nb = execute("review_change.ipynb", Map.of("NETIMPACT_REPORTS",
        reports.toString(), "NETIMPACT_SCENARIO", "CR-1001"));
    assertEquals(3, images(nb));
    assertTrue(text(nb).contains("CR-1001: 'Drain chi-cr2 for line-card swap'"), text(nb));
  }

  @Test
  void committedNotebooks_haveNoOutputs() throws IOException {
    List<String> dirty = new ArrayList<>();
    try (var files = Files.list(NOTEBOOKS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
        for (JsonNode cell : JSON.readTree(p.toFile()).get("cells")) {
          if (cell.path("outputs").size() > 0 || !cell.path("execution_count").isNull()
              && cell.has("execution_count")) {
            dirty.add(p.getFileName().toString());
          }
        }
      }
    }
    assertTrue(dirty.isEmpty(), "notebooks committed with outputs: " + dirty);
  }
}
