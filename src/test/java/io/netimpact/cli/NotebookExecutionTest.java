package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.testing.ExternalTools;
import io.netimpact.testing.JobProcesses;
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
 * The notebooks run headless against real Parquet reports of the sample (the job's default
 * output), a sweep with a plan and a review, through {@code jupyter nbconvert --execute}: every
 * cell must run and every chart must be drawn. Where pandas has no Parquet reader (Debian's
 * packages), the notebooks read the run's CSV export, which they make with the launcher. The
 * executed copies are kept in {@code target/notebooks/}, their figures as PNG files in
 * {@code target/notebooks/figures/}, the reports in {@code target/notebook-reports/}, to look at.
 */
@Tag("slow")
class NotebookExecutionTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";
  static final Path NOTEBOOKS = Path.of("notebooks");
  /** The sample's two classes, both protected, bulk served last. */
  static final String CLASSES = "[{\"class\": \"best-effort\", \"priority\": 0, "
      + "\"protected\": true}, {\"class\": \"bulk\", \"priority\": 1, \"protected\": true}]";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PACKAGES =
      "jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib";

  static Path sweep;
  static Path review;
  /** The job's classes as a jar, for the launcher the notebooks call to export a run. */
  static Path jar;

  @BeforeAll
  static void reports() throws IOException {
    SparkTestSession.get();
    // Kept under target/ (a re-run replaces the run) to open the runs' summary.html too.
    sweep = Path.of("target/notebook-reports/sweep").toAbsolutePath();
    // The sweep's snapshot has classes of service, every class protected: the verdicts are
    // those without classes (an arc newly over capacity newly drops a protected class), and
    // the notebook has class rows to show.
    Path classed = Path.of("target/notebook-reports/classed-backbone").toAbsolutePath();
    deleteTree(classed);
    ReviewCommandTest.classedCopyOfSample(classed, CLASSES);
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", classed.toString(),
        "--sweep", NIGHTLY, "--out", sweep.toString(), "--run-id", "nightly", "--plan");
    assertEquals(0, r.code(), r.err());
    review = review(Path.of("target/notebook-reports/review").toAbsolutePath(),
        "block-srlg-conduit.json", "parquet", "CR-1003");
    Files.createDirectories(Path.of("target/notebooks"));
    jar = JobProcesses.jarOfClasses(Path.of("target/notebooks/netimpact-classes.jar")
        .toAbsolutePath());
  }

  /** The environment of a notebook reading {@code reports}, exporting into a fresh directory. */
  private static Map<String, String> env(Path reports, String exportName, String... more)
      throws IOException {
    Path export = Path.of("target/notebooks/export", exportName).toAbsolutePath();
    deleteTree(export);
    Map<String, String> env = new java.util.HashMap<>(Map.of("NETIMPACT_REPORTS",
        reports.toString(), "NETIMPACT_JAR", jar.toString(), "NETIMPACT_EXPORT",
        export.toString()));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  /** Runs nbconvert on a notebook; the executed copy is {@code target/notebooks/OUTPUT}. */
  private static ExternalTools.Result nbconvert(String name, String output,
      Map<String, String> env, String... extra) throws IOException {
    ExternalTools.require(PACKAGES, "jupyter-nbconvert", "--version");
    Path outDir = Path.of("target/notebooks").toAbsolutePath();
    Files.createDirectories(outDir);
    List<String> cmd = new ArrayList<>(List.of("jupyter-nbconvert",
        "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=300",
        "--ExecutePreprocessor.kernel_name=python3", "--output-dir", outDir.toString(),
        "--output", output));
    cmd.addAll(List.of(extra));
    cmd.add(NOTEBOOKS.resolve(name).toString());
    return ExternalTools.run(Path.of("."), env, 600, cmd.toArray(String[]::new));
  }

  /** Executes a notebook, saves its figures, and returns the executed notebook's JSON. */
  private static JsonNode execute(String name, String executed, Map<String, String> env)
      throws IOException {
    ExternalTools.Result r = nbconvert(name, executed, env);
    assertEquals(0, r.code(), name + " failed to execute:\n" + r.err());
    JsonNode nb = JSON.readTree(Path.of("target/notebooks").toAbsolutePath().resolve(executed)
        .toFile());
    Path figures = Files.createDirectories(Path.of("target/notebooks/figures"));
    int cellNo = 0;
    for (JsonNode cell : nb.get("cells")) {
      cellNo++;
      for (JsonNode o : cell.path("outputs")) {
        assertTrue(!o.path("output_type").asText().equals("error"),
            name + ": a cell failed: " + o);
        if (o.path("data").has("image/png")) {
          Files.write(figures.resolve(executed.replace(".ipynb", "") + "-cell" + cellNo
              + ".png"), java.util.Base64.getMimeDecoder().decode(
                  o.path("data").path("image/png").asText()));
        }
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
  void exploreSweep_runsOnTheParquetSweep_andDrawsItsSevenCharts() throws IOException {
    JsonNode nb = execute("explore_sweep.ipynb", "explore_sweep.executed.ipynb",
        env(sweep, "sweep"));
    assertEquals(7, images(nb), "verdicts, utilisation, overloaded links, region heatmap, "
        + "stranded and own traffic, worst case per arc, the plan");
    String text = text(nb);
    assertTrue(text.contains("run nightly: scenario_summary, link_impact"), text);
    assertTrue(text.contains("93 scenarios"), text);
    assertTrue(text.contains("site_down:"), "the riskiest table lists site failures: " + text);
    assertTrue(text.contains("49.9 % -&gt; 122.7 %") || text.contains("49.9 % -> 122.7 %"),
        "utilisation in %, as on the page: " + text);
    assertTrue(text.matches("(?s).*plan: 5 links, 7 members added, 700.0 Gbps in total; "
        + "residual: 8 scenarios.*"), text);
    assertTrue(text.contains("still BLOCK with the plan: site_down:sfo"), text);
    // Which classes drop where, as the run's page says it.
    String page = Files.readString(io.netimpact.testing.PublishedRuns.page(sweep, "nightly"));
    int at = page.indexOf("<ul id=\"class-drops\"><li>") + "<ul id=\"class-drops\"><li>".length();
    String first = page.substring(at, page.indexOf("</li>", at)).replace("-&gt;", "->");
    assertTrue(first.startsWith("class best-effort drops in "), page);
    assertTrue(text.contains(first), "the notebook's first class line is the page's: " + first
        + "\n" + text);
  }

  @Test
  void reviewChange_runsOnTheParquetReview_andSaysWhatTheChangeDoes() throws IOException {
    JsonNode nb = execute("review_change.ipynb", "review_change.executed.ipynb",
        env(review, "review"));
    assertEquals(2, images(nb), "links before/after, latency stretch");
    String text = text(nb);
    assertTrue(text.contains("BLOCK: lax-cr1->atl-cr1 (lag-atl-lax-cr1) over capacity"), text);
    assertTrue(text.contains("max utilisation 49.9 % -> 122.7 %"), text);
    assertTrue(text.contains("52 demands at risk, 390.9 Gbps in all, the 15 largest:"), text);
    assertTrue(text.contains("no demand made unroutable"), "said, not drawn empty: " + text);
    assertTrue(text.contains("over capacity: lag-atl-lax-cr1 lax-cr1\u2192atl-cr1: 490.8 Gbps "
        + "on 400.0, overflow 90.8 Gbps"), text);
    assertTrue(Files.exists(Path.of("target/notebooks/export/review/run.json")),
        "without pyarrow the notebook reads the run's CSV export (pyarrow present: none made)"
        + " " + pyarrow());
  }

  private static boolean pyarrow() throws IOException {
    return ExternalTools.run(Path.of("."), Map.of(), 60, "python3", "-c", "import pyarrow")
        .code() == 0;
  }

  @Test
  void reviewChange_takesTheScenarioFromTheEnvironment() throws IOException {
    JsonNode nb = execute("review_change.ipynb", "review_change.cr1001.ipynb",
        env(sweep, "sweep-cr1001", "NETIMPACT_SCENARIO", "CR-1001"));
    assertEquals(1, images(nb), "links before/after; the drain moves paths but no latency");
    assertTrue(text(nb).contains("CR-1001: Drain chi-cr2 for line-card swap"), text(nb));
    assertTrue(text(nb).contains("128 rerouted demands: paths changed, latency did not"),
        "said, not drawn as bars at 0: " + text(nb));
  }

  private static Path review(Path out, String change, String format, String runId) {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT, "--change",
        "src/main/resources/samples/changes/" + change, "--out", out.toString(), "--format",
        format, "--run-id", runId);
    assertEquals(0, r.code(), r.err());
    return out;
  }

  @Test
  void reviewChange_takesTheRunPublishedLast_notTheLastRunId_inJsonToo() throws IOException {
    Path out = Path.of("target/notebook-newest").toAbsolutePath();
    review(out, "block-srlg-conduit.json", "json", "zz-published-first");
    review(out, "risk-drain-core.json", "json", "aa-published-last");
    JsonNode nb = execute("review_change.ipynb", "review_change.newest.ipynb",
        env(out, "newest"));
    String text = text(nb);
    assertTrue(text.contains("run aa-published-last: scenario_summary"), text);
    assertTrue(text.contains("RISK: "), "the reason is shown: " + text);
  }

  @Test
  void exportDirectory_isReadAsTheRunItself() throws IOException {
    Path export = Path.of("target/notebooks/export/by-hand").toAbsolutePath();
    deleteTree(export);
    ReviewCommandTest.Run r = ReviewCommandTest.run("show", "--out", review.toString(),
        "--export", export.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode nb = execute("review_change.ipynb", "review_change.export.ipynb",
        Map.of("NETIMPACT_REPORTS", export.toString()));
    assertTrue(text(nb).contains("run CR-1003: scenario_summary"), text(nb));
    assertEquals(2, images(nb));
  }

  @Test
  void parquetRun_withoutPyarrowOrLauncher_stopsWithOneLineSayingWhatToDo() throws IOException {
    ExternalTools.require(PACKAGES, "jupyter-nbconvert", "--version");
    if (pyarrow()) {
      return; // pyarrow reads the run: nothing to say
    }
    Path nowhere = Files.createDirectories(Path.of("target/notebooks/no-launcher")
        .toAbsolutePath());
    Map<String, String> env = Map.of("NETIMPACT_REPORTS", review.toString(), "NETIMPACT_HOME",
        nowhere.toString(), "NETIMPACT_EXPORT", nowhere.resolve("export").toString(),
        "PATH", "/usr/bin:/bin");
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
    assertTrue(line.startsWith("netimpact: run CR-1003 is Parquet and this Python has no "
        + "pyarrow to read it: export it as CSV with `jobs/netimpact show --out " + review
        + " --run CR-1003 --export DIR` and set NETIMPACT_REPORTS=DIR"), line);
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
