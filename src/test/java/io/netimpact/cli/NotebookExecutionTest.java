package io.netimpact.cli;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The notebooks run headless against a real sweep report of the sample (JSON lines), through
 * {@code jupyter nbconvert --execute}: every cell must run and every chart must be drawn.
 * Executed copies are kept in {@code target/notebooks/}, the report in {@code
 * target/notebook-reports/}, to look at.
 */
@Tag("slow")
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
        NIGHTLY, "--out", reports.toString(), "--format", "json", "--run-id", "nightly",
        "--plan");
    assertEquals(0, r.code(), r.err());
  }

  /** Runs nbconvert on a notebook; the executed copy is {@code target/notebooks/OUTPUT}. */
  private static ExternalTools.Result nbconvert(String name, String output,
      Map<String, String> env, String... extra) throws IOException {
    ExternalTools.require(PACKAGES, "jupyter-nbconvert", "--version");
    Path outDir = Path.of("target/notebooks").toAbsolutePath();
    Files.createDirectories(outDir);
    List<String> cmd = new ArrayList<>(List.of("jupyter-nbconvert",
        "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120",
        "--ExecutePreprocessor.kernel_name=python3", "--output-dir", outDir.toString(),
        "--output", output));
    cmd.addAll(List.of(extra));
    cmd.add(NOTEBOOKS.resolve(name).toString());
    return ExternalTools.run(Path.of("."), env, 300, cmd.toArray(String[]::new));
  }

  /** Executes a notebook and returns the executed notebook's JSON. */
  private static JsonNode execute(String name, Map<String, String> env) throws IOException {
    return execute(name, name.replace(".ipynb", ".executed.ipynb"), env);
  }

  private static JsonNode execute(String name, String executed, Map<String, String> env)
      throws IOException {
    ExternalTools.Result r = nbconvert(name, executed, env);
    assertEquals(0, r.code(), name + " failed to execute:\n" + r.err());
    JsonNode nb = JSON.readTree(Path.of("target/notebooks").toAbsolutePath().resolve(executed)
        .toFile());
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
  void exploreSweep_runsOnTheSampleSweep_andDrawsItsSevenCharts() throws IOException {
    JsonNode nb = execute("explore_sweep.ipynb", Map.of("NETIMPACT_REPORTS",
        reports.toString()));
    assertEquals(7, images(nb), "verdicts, utilisation, overloaded links, region heatmap, "
        + "stranding, worst case per arc, the plan");
    String text = text(nb);
    assertTrue(text.contains("run nightly:"), text);
    assertTrue(text.contains("site_down:"), "the riskiest table lists site failures: " + text);
    // The SRLG cut puts lag-atl-lax-cr1 at 122.7 %: over capacity, and three members of 100
    // Gbps bring it to 490.8 / 700 = 70.1 % (sized by hand in SweepPlanTest).
    assertTrue(text.matches("(?s).*worst case: \\d+ arcs cross the warn level in some "
        + "scenario, [1-9]\\d* go over capacity.*"), text);
    assertTrue(text.contains("srlg_down:conduit-i80"), "the driving scenario: " + text);
    assertTrue(text.matches("(?s).*plan: \\d+ links, \\d+ members added, .*residual: 8 "
        + "scenarios.*"), text);
    assertTrue(text.contains("residual site_down:sfo BLOCK"), text);
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

  private static Path review(Path out, String change, String format, String runId) {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT, "--change",
        "src/main/resources/samples/changes/" + change, "--out", out.toString(), "--format",
        format, "--run-id", runId);
    assertEquals(0, r.code(), r.err());
    return out;
  }

  @Test
  void reviewChange_takesTheRunPublishedLast_notTheLastRunId() throws IOException {
    Path out = Path.of("target/notebook-newest").toAbsolutePath();
    review(out, "block-srlg-conduit.json", "json", "zz-published-first");
    review(out, "risk-drain-core.json", "json", "aa-published-last");
    JsonNode nb = execute("review_change.ipynb", "review_change.newest.ipynb",
        Map.of("NETIMPACT_REPORTS", out.toString()));
    String text = text(nb);
    assertTrue(text.contains("run aa-published-last (json, published "), text);
    assertTrue(text.contains("verdict RISK"), text);
    assertTrue(text.contains("RISK: "), "the reason is shown: " + text);
  }

  @Test
  void parquetRun_isReadWithPyarrow_orStopsWithOneLineSayingWhatToDo() throws IOException {
    Path out = review(Path.of("target/notebook-parquet").toAbsolutePath(),
        "block-srlg-conduit.json", "parquet", "CR-1003");
    Map<String, String> env = Map.of("NETIMPACT_REPORTS", out.toString());
    ExternalTools.require(PACKAGES, "jupyter-nbconvert", "--version");
    boolean pyarrow = ExternalTools.run(Path.of("."), Map.of(), 60, "python3", "-c",
        "import pyarrow").code() == 0;
    if (pyarrow) {
      JsonNode nb = execute("review_change.ipynb", "review_change.parquet.ipynb", env);
      assertEquals(3, images(nb));
      assertTrue(text(nb).contains("verdict BLOCK"), text(nb));
      return;
    }
    // --allow-errors keeps the executed copy, to see what the reader of the notebook sees.
    ExternalTools.Result r = nbconvert("review_change.ipynb", "review_change.parquet.ipynb",
        env, "--allow-errors");
    assertEquals(0, r.code(), r.err());
    JsonNode nb = JSON.readTree(Path.of("target/notebooks/review_change.parquet.ipynb")
        .toFile());
    List<JsonNode> errors = new ArrayList<>();
    nb.get("cells").forEach(c -> c.path("outputs").forEach(o -> {
      if (o.path("output_type").asText().equals("error")) {
        errors.add(o);
      }
    }));
    JsonNode first = errors.get(0);
    assertEquals("ReportsUnreadable", first.path("ename").asText(), first.toString());
    assertEquals(1, first.path("traceback").size(), "one line, no traceback: " + first);
    String line = first.path("traceback").get(0).asText();
    assertTrue(line.startsWith("netimpact: run CR-1003 is Parquet and pandas needs pyarrow to "
        + "read it: install pyarrow"), line);
    assertTrue(line.contains("`jobs/netimpact show --out " + out + " --run CR-1003 --table "
        + "TABLE --format json`"), line);
    assertTrue(!nb.toString().contains("UnicodeDecodeError"), nb.toString());
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
