package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the driver (a real JVM) at several points of publishing a run and checks that a reader
 * following the run marker sees the old run or the new one, never a mix, that other runs are
 * untouched, and that the next publish of the run id cleans up.
 */
@Tag("slow")
class AtomicPublishTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String CHANGES = "src/main/resources/samples/changes/";

  @TempDir
  Path tmp;

  /** A review in a driver JVM of its own, which the halt hook can kill. */
  private JobProcesses.Result review(String change, String runId, List<String> props)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    cmd.addAll(JobProcesses.OPENS);
    cmd.addAll(props);
    cmd.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        JobProcesses.testClasspath(), Main.class.getName(), "review", "--snapshot", SNAPSHOT,
        "--change", CHANGES + change, "--out", tmp.resolve("out").toString(), "--format",
        "json", "--run-id", runId, "--master", "local[1]", "--conf", "spark.ui.enabled=false"));
    return JobProcesses.run(cmd, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), tmp.resolve("logs"),
        300);
  }

  /** The verdicts of a run, read through its marker only. */
  private List<String> verdictsViaMarker(String runId) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Map<String, List<org.apache.hadoop.fs.Path>> files =
        ReportWriter.publishedFiles(fs, tmp.resolve("out").toString(), runId);
    if (files.isEmpty()) {
      return List.of();
    }
    for (List<org.apache.hadoop.fs.Path> table : files.values()) {
      for (org.apache.hadoop.fs.Path f : table) {
        assertTrue(fs.exists(f), "the marker lists only files that exist: " + f);
      }
      Set<String> publishes = table.stream().map(p -> p.getName().substring(0, 23))
          .collect(Collectors.toSet());
      assertEquals(1, publishes.size(), "one version per table: " + table);
    }
    Set<String> publishIds = new HashSet<>();
    files.values().forEach(t -> t.forEach(p -> publishIds.add(p.getName().substring(0, 23))));
    assertEquals(1, publishIds.size(), "all tables of one version: " + publishIds);
    String[] paths = files.get(ReportTables.SCENARIO_SUMMARY).stream()
        .map(Object::toString).toArray(String[]::new);
    return SparkTestSession.get().read().json(paths).collectAsList().stream()
        .map(r -> (String) r.getAs("verdict")).toList();
  }

  private Set<String> filesOf(String runId) throws IOException {
    try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().contains("run_id=" + runId + "/"))
          .map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.startsWith("_"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void killedDuringPublish_readersSeeTheOldRunOrTheNewOneNeverAMix() throws Exception {
    assertEquals(0, review("safe-member-down.json", "other", List.of()).code());
    Set<String> other = filesOf("other");
    JobProcesses.Result first = review("safe-member-down.json", "r", List.of());
    assertEquals(0, first.code(), first.out() + first.err());
    assertEquals(List.of("SAFE"), verdictsViaMarker("r"));

    for (String halt : List.of("publish.after-moves=halt@2", "publish.before-marker=halt")) {
      JobProcesses.Result killed = review("block-srlg-conduit.json", "r",
          List.of("-D" + Failpoints.PROPERTY + "=" + halt));
      assertEquals(99, killed.code(), "halted after " + halt + " moves: " + killed.out() + killed.err());
      assertEquals(List.of("SAFE"), verdictsViaMarker("r"), "old run after halt " + halt);
    }
    assertTrue(filesOf("r").size() > verdictsViaMarker("r").size(),
        "dead publishes leave files that the marker does not list");

    JobProcesses.Result again = review("block-srlg-conduit.json", "r", List.of());
    assertEquals(0, again.code(), again.out() + again.err());
    assertEquals(List.of("BLOCK"), verdictsViaMarker("r"));
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Set<String> listed = new HashSet<>();
    ReportWriter.publishedFiles(fs, tmp.resolve("out").toString(), "r").values()
        .forEach(t -> t.forEach(p -> listed.add(p.getName())));
    assertEquals(listed, filesOf("r"), "the next publish removed every stray file");
    assertEquals(other, filesOf("other"), "another run is never touched");
  }
}
