package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that were misread (a byte order mark, a symlink loop, two copies of a table, a
 * generator that matches nothing) and environments that failed late and long (an --out that
 * is a file or cannot be written, a write that fails during publishing, a mistyped secret
 * --conf).
 */
class InputAndEnvironmentTest {
  static final Path BASE = Path.of("src/test/resources/bad-input/base");
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private Path base() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("snap"));
    try (Stream<Path> files = Files.list(BASE)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private ReviewCommandTest.Run review(Path snap, Path change, Path out) {
    return ReviewCommandTest.run("review", "--snapshot", snap.toString(), "--change",
        change.toString(), "--out", out.toString(), "--format", "json");
  }

  private static void prependBom(Path f) throws IOException {
    byte[] text = Files.readAllBytes(f);
    byte[] with = new byte[text.length + 3];
    System.arraycopy(BOM, 0, with, 0, 3);
    System.arraycopy(text, 0, with, 3, text.length);
    Files.write(f, with);
  }

  @Test
  void byteOrderMark_isAcceptedInJsonLinesAsInTheChangeFile() throws IOException {
    Path snap = base();
    for (String f : List.of("devices.jsonl", "links.jsonl", "demands.jsonl", "change.json")) {
      prependBom(snap.resolve(f));
    }
    ReviewCommandTest.Run r = review(snap, snap.resolve("change.json"), tmp.resolve("out"));
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void symlinkLoop_isReportedAsALoopNotAsMissing() throws IOException {
    Path snap = base();
    Path a = tmp.resolve("loop-a.json");
    Path b = tmp.resolve("loop-b.json");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    ReviewCommandTest.Run r = review(snap, a, tmp.resolve("out"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("loop-a.json: a symbolic link loop"), r.err());
    assertFalse(r.err().contains("missing"), r.err());

    Files.delete(snap.resolve("devices.jsonl"));
    Files.createSymbolicLink(snap.resolve("devices.jsonl"), snap.resolve("devices.jsonl"));
    r = review(snap, snap.resolve("change.json"), tmp.resolve("out"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("devices.jsonl: a symbolic link loop"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void jsonLinesAndParquetCopiesOfOneTable_areBadInputNamingBoth() throws IOException {
    Path snap = base();
    SparkTestSession.get().read().json(snap.resolve("devices.jsonl").toString()).coalesce(1)
        .write().parquet(snap.resolve("devices").toString());
    ReviewCommandTest.Run r = review(snap, snap.resolve("change.json"), tmp.resolve("out"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("devices.jsonl and "), r.err());
    assertTrue(r.err().contains("/devices: both exist"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void generatorMatchingNothing_isNamedWhileTheOthersRun() throws IOException {
    Path snap = base();
    Path sweep = Files.writeString(tmp.resolve("sw.json"), "{\"id\": \"s\", \"generators\": "
        + "[{\"each\": \"link\"}, {\"each\": \"device\", \"role\": \"nonexistent-role\"}]}");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", snap.toString(),
        "--sweep", sweep.toString(), "--out", tmp.resolve("out").toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("warning: " + sweep + ", generators[1] (each device, role "
        + "\"nonexistent-role\") matches no device of the snapshot"), r.out());
  }

  @Test
  void outThatIsAFile_isRefusedBeforeComputing() throws IOException {
    Path snap = base();
    Path file = Files.writeString(tmp.resolve("file"), "x");
    ReviewCommandTest.Run r = review(snap, snap.resolve("change.json"), file);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--out " + file + " is an existing file"), r.err());
    assertFalse(r.out().contains("VERDICT"), "nothing computed: " + r.out());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void outThatCannotBeWritten_isRefusedBeforeComputing() throws IOException {
    // /proc takes no new files, even for root (the tests may run as root, where chmod fails).
    Path snap = base();
    ReviewCommandTest.Run r = review(snap, snap.resolve("change.json"),
        Path.of("/proc/netimpact-test/out"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--out /proc/netimpact-test/out: cannot write in /proc"),
        r.err());
    assertFalse(r.out().contains("VERDICT"), r.out());
  }

  @Test
  void writeFailureWhilePublishing_printsTwoLinesAndTheTraceInALog() throws IOException {
    Path snap = base();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("_staging"), "in the way");
    ReviewCommandTest.Run r = review(snap, snap.resolve("change.json"), out);
    assertEquals(1, r.code(), r.err());
    List<String> ours = r.err().lines().filter(l -> l.startsWith("netimpact:")).toList();
    assertEquals(2, ours.size(), r.err());
    assertTrue(ours.get(0).startsWith("netimpact: failed: "), ours.get(0));
    assertTrue(ours.get(1).contains("check the path and the storage"), ours.get(1));
    assertFalse(r.err().contains("\tat io.netimpact"), "no stack trace on the console");
    Matcher m = Pattern.compile("full trace in (\\S+)").matcher(ours.get(1));
    assertTrue(m.find(), ours.get(1));
    String log = Files.readString(Path.of(m.group(1)));
    assertTrue(log.contains("at io.netimpact.spark.ReportWriter.publish"), log);
    Files.delete(Path.of(m.group(1)));
  }

  @Test
  @Tag("slow")
  void launcher_refusesAConfWithoutEquals_withoutEchoingTheSecret() throws Exception {
    String secret = "launcher-secret-5e1f";
    JobProcesses.Result r = JobProcesses.run(List.of("bash", "jobs/netimpact", "review",
        "--snapshot", "x", "--change", "y", "--out", tmp.resolve("o").toString(), "--conf",
        "spark.hadoop.fs.s3a.secret.key:" + secret), Map.of("NETIMPACT_JAR", "/nonexistent"),
        tmp.resolve("logs"), 60);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--conf takes KEY=VALUE, got \"spark.hadoop.fs.s3a.secret.key:"
        + RunOptions.MASK + "\""), r.err());
    assertFalse((r.out() + r.err()).contains(secret), "the secret is echoed: " + r.err());
    JobProcesses.Result plain = JobProcesses.run(List.of("bash", "jobs/netimpact", "review",
        "--conf", "spark.ui.enabled"), Map.of("NETIMPACT_JAR", "/nonexistent"),
        tmp.resolve("logs2"), 60);
    assertEquals(2, plain.code());
    assertTrue(plain.err().contains("got \"spark.ui.enabled\""), plain.err());
  }

  /**
   * The driver's collector: on a heap above 8 GB G1 for a review (shorter pauses), the
   * throughput collector for a sweep (a batch); NETIMPACT_GC overrides either.
   */
  @Test
  @Tag("slow")
  void launcher_picksTheThroughputCollectorForASweep_andG1ForABigReview() throws Exception {
    Path jar = JobProcesses.jarOfClasses(tmp.resolve("gc.jar"));
    java.util.function.BiFunction<String, String, String> flags = (command, gc) -> {
      Map<String, String> env = new java.util.HashMap<>(Map.of("NETIMPACT_JAR", jar.toString(),
          "NETIMPACT_DRIVER_MEMORY", "10g", "JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags"));
      if (!gc.isEmpty()) {
        env.put("NETIMPACT_GC", gc);
      }
      try {
        JobProcesses.Result r = JobProcesses.run(List.of("bash", "jobs/netimpact", command,
            "--help"), env, tmp.resolve("gc-" + command + gc), 60);
        assertEquals(0, r.code(), r.out() + r.err());
        return r.out();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    assertTrue(flags.apply("sweep", "").contains("-XX:+UseParallelGC"), "sweep");
    assertTrue(flags.apply("review", "").contains("-XX:+UseG1GC"), "review");
    assertTrue(flags.apply("sweep", "g1").contains("-XX:+UseG1GC"), "sweep with g1");
  }

  /**
   * With a local master the launcher starts the job's main itself, the lines of
   * conf/spark-defaults.conf made system properties as spark-submit would make them; with
   * NETIMPACT_SPARK_SUBMIT=1 it goes through SparkSubmit. The same settings reach Spark and the
   * same verdict comes out either way.
   */
  @Test
  @Tag("slow")
  void launcher_startsTheJobDirectlyOnALocalMaster_withTheSameSettingsAsSparkSubmit()
      throws Exception {
    Path jar = JobProcesses.jarOfClasses(tmp.resolve("netimpact.jar"));
    List<Map<String, String>> printed = new java.util.ArrayList<>();
    for (String submit : List.of("0", "1")) {
      JobProcesses.Result r = JobProcesses.run(List.of("bash", "jobs/netimpact", "review",
          "--snapshot", "src/main/resources/samples/backbone", "--change",
          "src/main/resources/samples/changes/block-srlg-conduit.json", "--out",
          tmp.resolve("out-" + submit).toString(), "--format", "json", "--print-config"),
          Map.of("NETIMPACT_JAR", jar.toString(), "NETIMPACT_DRIVER_MEMORY", "1g",
              "NETIMPACT_SPARK_SUBMIT", submit), tmp.resolve("launch-" + submit), 240);
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());
      assertEquals(submit.equals("1"), r.out().contains("spark.submit.deployMode=client"),
          "through SparkSubmit: " + submit + "\n" + r.out());
      // The settings of the defaults file (and Spark's own of those families), as printed.
      Map<String, String> mine = new java.util.TreeMap<>();
      Matcher m = Pattern.compile("(?m)^  (spark\\.(ui\\.|sql\\.|serializer|kryo|driver\\.bind"
          + "|hadoop\\.)[^=]*)=(.*)$").matcher(r.out());
      while (m.find()) {
        mine.put(m.group(1), m.group(3));
      }
      printed.add(mine);
    }
    assertEquals(printed.get(1), printed.get(0), "direct against SparkSubmit");
    Map<String, String> settings = printed.get(0);
    assertEquals("false", settings.get("spark.ui.enabled"), settings.toString());
    assertEquals("snappy", settings.get("spark.sql.parquet.compression.codec"),
        settings.toString());
    assertEquals("org.apache.spark.internal.io.cloud.PathOutputCommitProtocol",
        settings.get("spark.sql.sources.commitProtocolClass"), settings.toString());
  }
}
