package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.spark.ReportWriter;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run ids become directory names under --out: one that names a parent or a nested directory
 * must be refused where it is read (the flag, or the change's or sweep's id), and the publish
 * code must refuse on its own anything outside --out. Each case here wrote or deleted other
 * runs' files, or files outside --out, before.
 */
class RunIdContainmentTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String SAFE = "src/main/resources/samples/changes/safe-member-down.json";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private ReviewCommandTest.Run review(String change, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("review", "--snapshot", SNAPSHOT,
        "--change", change, "--out", tmp.resolve("work/out").toString(), "--format", "json"));
    args.addAll(List.of(extra));
    return ReviewCommandTest.run(args.toArray(String[]::new));
  }

  /** Every file under tmp, relative to it. */
  private Set<String> allFiles() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private void assertRunIntact(String runId) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    var files = ReportWriter.publishedFiles(fs, tmp.resolve("work/out").toString(), runId);
    assertFalse(files.isEmpty(), "run " + runId + " still has its marker");
    for (var table : files.values()) {
      for (var f : table) {
        assertTrue(fs.exists(f), "run " + runId + " still has " + f);
      }
    }
    assertFalse(files.get(ReportTables.SCENARIO_SUMMARY).isEmpty());
  }

  @Test
  void runIdNamingItsParent_isRefusedNamingTheFlag_andTheOtherRunSurvives() throws IOException {
    assertEquals(0, review(SAFE, "--run-id", "runA").code());
    Set<String> before = allFiles();
    ReviewCommandTest.Run r = review(SAFE, "--run-id", "a/..");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--run-id: \"a/..\" cannot be a run id"), r.err());
    assertEquals(before, allFiles(), "nothing written, nothing deleted");
    assertRunIntact("runA");
  }

  @Test
  void nestedRunId_isRefused_soThatItsParentRunCannotDeleteIt() throws IOException {
    ReviewCommandTest.Run nested = review(SAFE, "--run-id", "a/b");
    assertEquals(2, nested.code(), nested.err());
    assertTrue(nested.err().contains("--run-id"), nested.err());
    assertFalse(Files.exists(tmp.resolve("work/out")), "nothing written for a/b");
    assertEquals(0, review(SAFE, "--run-id", "a").code());
    assertRunIntact("a");
  }

  @Test
  void runIdClimbingOutOfOut_writesNothingAnywhere() throws IOException {
    ReviewCommandTest.Run r = review(SAFE, "--run-id", "../../escaped");
    assertEquals(2, r.code(), r.err());
    assertEquals(Set.of(), allFiles(), "no marker or page above --out, nothing at all");
  }

  @Test
  void changeIdClimbingOutOfOut_isBadInputNamingTheFileAndField() throws IOException {
    Path change = Files.writeString(tmp.resolve("chg.json"), "{\"id\": \"../../chg-escape\", "
        + "\"ops\": [{\"op\": \"drain_device\", \"device\": \"chi-cr2\"}]}");
    ReviewCommandTest.Run r = review(change.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("chg.json, field id: \"../../chg-escape\" cannot be a run id"),
        r.err());
    assertEquals(Set.of("chg.json"), allFiles(), "nothing written");
    assertEquals(0, review(change.toString(), "--run-id", "chg-escape").code(),
        "the same change under a valid --run-id runs: the id is fine as a scenario id");
  }

  @Test
  void sweepIdWithASlash_isBadInputNamingTheSweepFile() throws IOException {
    Path sweep = Files.writeString(tmp.resolve("sw.json"),
        "{\"id\": \"nightly/../../x\", \"generators\": [{\"each\": \"srlg\"}]}");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        sweep.toString(), "--out", tmp.resolve("work/out").toString(), "--format", "json");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("sw.json, field id: \"nightly/../../x\" cannot be a run id"),
        r.err());
    assertEquals(Set.of("sw.json"), allFiles());
  }

  @Test
  void publishItself_refusesARunIdOrTargetOutsideOut() {
    ReportWriter w = new ReportWriter(SparkTestSession.get(), tmp.resolve("out").toString(),
        ReportWriter.Format.JSON);
    for (String bad : List.of("a/..", "../x", "a/b", "..", ".", "", "s3a:x")) {
      assertThrows(IllegalArgumentException.class, () -> w.publish(bad), bad);
    }
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
  }
}
