package io.netimpact.cli;

import static io.netimpact.cli.ReviewCommandTest.CHANGES;
import static io.netimpact.cli.ReviewCommandTest.SNAPSHOT;
import static io.netimpact.cli.ReviewCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.ReviewCommandTest.Run;
import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.testing.JobProcesses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults end in one report: two lines on stderr and a log file, exit 2 for bad input and
 * broken stores (also when found inside a Spark task), 1 for the environment (a file size
 * limit, a library that cannot load), never a raw trace; a killed baseline's staging is
 * removed by the next run.
 */
class FailureReportFaultTest {
  @TempDir
  Path tmp;

  private static String[] lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toArray(String[]::new);
  }

  @Test

  @Tag("slow")
  void writeFailureUnderAFileSizeLimit_isTwoLinesAndALogFile() throws Exception {
    Path logs = tmp.resolve("logs");
    List<String> java = new ArrayList<>(List.of(JobProcesses.java(), "-Xmx1g"));
    java.addAll(JobProcesses.OPENS);
    java.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp",
        JobProcesses.testClasspath(), Main.class.getName(), "review", "--snapshot", SNAPSHOT,
        "--change", CHANGES + "safe-member-down.json", "--out", tmp.resolve("out").toString(),
        "--master", "local[1]", "--conf", "spark.ui.enabled=false"));
    // ulimit -f 200: no file of this process may pass 200 KiB (the native libraries that
    // are unpacked into the temporary directory do).
    String cmd = "ulimit -f 200; exec " + String.join(" ", java.stream()
        .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    JobProcesses.Result r = JobProcesses.run(List.of("bash", "-c", cmd),
        Map.of("NETIMPACT_LOG_DIR", logs.toString()), tmp.resolve("job"), 300);
    assertEquals(1, r.code(), r.err());
    String[] err = lines(r.err());
    assertEquals(2, err.length, "two lines: " + r.err());
    assertTrue(err[0].startsWith("netimpact: failed: "), r.err());
    assertFalse(r.err().contains("this is a bug"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace on the console: " + r.err());
    try (Stream<Path> s = Files.list(logs)) {
      Path log = s.findFirst().orElseThrow();
      assertTrue(err[1].contains(log.toString()), r.err());
      assertTrue(Files.readString(log).contains("\tat "), "the trace is in the log");
    }
  }

  @Test
  void anErrorOrABadInputInsideATask_goesThroughTheOneReport() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = FailureReport.report(new Error("wrapped", new IOException("File too large")),
        err);
    assertEquals(Main.EXIT_INTERNAL, code);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(2, lines(text).length, text);
    assertTrue(text.contains("ulimit -f"), text);
    assertFalse(text.contains("this is a bug"), text);
    BadInputException bad = new BadInputException(new InputProblem("store/x", "", "", "cut"));
    assertEquals(bad, FailureReport.badInput(new RuntimeException("Job aborted",
        new RuntimeException("task failed", bad))).orElseThrow());
    assertTrue(FailureReport.badInput(new IllegalStateException("a bug")).isEmpty());
  }

  @Test
  void aLogThatCannotBeWritten_stillGivesTwoLinesAndNoTrace() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "");
    String before = System.getProperty("java.io.tmpdir");
    // NETIMPACT_LOG_DIR is unset in tests: the log goes to java.io.tmpdir, here a file.
    System.setProperty("java.io.tmpdir", file.resolve("sub").toString());
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      FailureReport.report(new IllegalStateException("boom"),
          new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String text = bytes.toString(StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NETIMPACT_LOG_DIR") == null);
      assertEquals(2, lines(text).length, text);
      assertTrue(text.contains("the log could not be written"), text);
      assertFalse(text.contains("\tat "), text);
    } finally {
      System.setProperty("java.io.tmpdir", before);
    }
  }

  @Test
  void baselineStoreWithATruncatedFile_exits2WriteItAgain() throws IOException {
    Path store = tmp.resolve("store");
    Run b = run("baseline", "--snapshot", SNAPSHOT, "--out", store.toString());
    assertEquals(0, b.code(), b.err());
    List<Path> parquet;
    try (Stream<Path> s = Files.walk(store)) {
      parquet = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
    assertFalse(parquet.isEmpty());
    for (Path f : parquet) {
      byte[] bytes = Files.readAllBytes(f);
      Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      // The hidden checksum stays, stale, as a hand truncation leaves it.
    }
    Path snapshot = ReviewCommandTest.copyOfSample(tmp.resolve("snapshot"));
    Run r = run("review", "--snapshot", snapshot.toString(), "--change",
        CHANGES + "safe-member-down.json", "--baseline", store.toString(), "--out",
        tmp.resolve("out").toString());
    assertTrue(r.code() == 2, "exit " + r.code() + ": " + r.err());
    assertFalse(r.err().contains("this is a bug"), r.err());
    assertTrue(r.err().contains("write the store again"), r.err());
  }

  @Test
  void killedBaselinesStaging_isRemovedByTheNextRunALiveOneIsNot() throws Exception {
    Path store = tmp.resolve("store");
    Path dead = tmp.resolve(".store.tmp-" + UUID.randomUUID());
    Path live = tmp.resolve(".store.tmp-" + UUID.randomUUID());
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.createDirectories(dead.resolve("destinations"));
    Files.writeString(dead.resolve("_owner"), owner(gone.pid()));
    Files.createDirectories(live);
    Files.writeString(live.resolve("_owner"), owner(ProcessHandle.current().pid()));
    Run b = run("baseline", "--snapshot", SNAPSHOT, "--out", store.toString());
    assertEquals(0, b.code(), b.err());
    assertFalse(Files.exists(dead), "a dead run's staging is removed: " + b.err());
    assertTrue(b.err().contains("removed the staging directory"), b.err());
    assertTrue(Files.exists(live), "a live run's staging is left alone");
    assertFalse(Files.exists(store.resolve("_owner")), "the store holds no owner file");
  }

  private static String owner(long pid) throws IOException {
    var n = io.netimpact.input.Json.MAPPER.createObjectNode();
    n.put("host", java.net.InetAddress.getLocalHost().getHostName());
    n.put("pid", pid);
    n.put("process_start", ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
        .map(Object::toString).orElse(""));
    n.put("started_at", java.time.Instant.now().toString());
    return n.toString();
  }
}
