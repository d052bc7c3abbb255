package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (src/test/resources/bad-input/cases.json, plus binary cases made here):
 * every case exits 2 with one message naming the file, the line / record / op and the field,
 * and leaves no report behind.
 */
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/bad-input");

  @TempDir
  Path tmp;

  /** A fresh copy of the base snapshot and its change and sweep files. */
  private Path base(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(CORPUS.resolve("base"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private ReviewCommandTest.Run run(String command, Path dir) {
    Path out = dir.resolve("out");
    return command.equals("sweep")
        ? ReviewCommandTest.run("sweep", "--snapshot", dir.toString(), "--sweep",
            dir.resolve("sweep.json").toString(), "--out", out.toString(), "--format", "json")
        : ReviewCommandTest.run("review", "--snapshot", dir.toString(), "--change",
            dir.resolve("change.json").toString(), "--out", out.toString(), "--format", "json");
  }

  private static void assertRejected(ReviewCommandTest.Run r, Path dir, String file,
      String location, String field, String message) {
    String err = r.err();
    assertEquals(2, r.code(), "exit code; stderr: " + err + "\nstdout: " + r.out());
    String where = file + (location.isEmpty() ? "" : ", " + location)
        + (field.isEmpty() ? "" : ", field " + field);
    assertTrue(err.contains(where), "names '" + where + "': " + err);
    assertTrue(err.contains(message), "says '" + message + "': " + err);
    assertFalse(Files.exists(dir.resolve("out")), "no report left behind");
  }

  @Test
  void theBaseIsValid() throws IOException {
    Path dir = base("valid");
    assertEquals(0, run("review", dir).code());
    assertEquals(0, run("sweep", dir).code());
  }

  @TestFactory
  List<DynamicTest> everyCorpusCase_exits2NamingFileLocationAndField() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(CORPUS.resolve("cases.json").toFile())
        .get("cases");
    assertTrue(cases.size() >= 25, "at least 25 kinds: " + cases.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
        Path dir = base(c.get("name").asText());
        for (String op : List.of("set", "append")) {
          Iterator<Map.Entry<String, JsonNode>> it = c.has(op) ? c.get(op).fields()
              : java.util.Collections.emptyIterator();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (op.equals("set")) {
              Files.writeString(dir.resolve(e.getKey()), e.getValue().asText());
            } else {
              Files.writeString(dir.resolve(e.getKey()), e.getValue().asText(),
                  StandardOpenOption.APPEND);
            }
          }
        }
        if (c.has("delete")) {
          for (JsonNode f : c.get("delete")) {
            Files.delete(dir.resolve(f.asText()));
          }
        }
        assertRejected(run(c.has("command") ? c.get("command").asText() : "review", dir), dir,
            c.get("file").asText(), c.get("location").asText(), c.get("field").asText(),
            c.get("message").asText());
      }));
    }
    return tests;
  }

  @Test
  void nonUtf8Bytes_areReportedOnTheirLine() throws IOException {
    Path dir = base("latin1");
    Files.write(dir.resolve("devices.jsonl"),
        "{\"id\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1),
        StandardOpenOption.APPEND);
    assertRejected(run("review", dir), dir, "devices.jsonl", "line 4", "", "not valid UTF-8");
  }

  @Test
  void aHundredMegabyteLine_isRejectedWithoutReadingItIntoMemory() throws IOException {
    Path dir = base("huge-line");
    try (OutputStream o = Files.newOutputStream(dir.resolve("demands.jsonl"),
        StandardOpenOption.APPEND)) {
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      o.write("{\"src\":\"a\",\"dst\":\"b\",\"class\":\"".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 100; i++) {
        o.write(chunk);
      }
      o.write("\",\"gbps\":1}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertRejected(run("review", dir), dir, "demands.jsonl", "line 3", "", "longer than");
  }

  @Test
  void parquetTableWithTheWrongSchema_namesTheMissingColumn() throws IOException {
    Path dir = base("parquet-schema");
    Files.delete(dir.resolve("devices.jsonl"));
    var spark = SparkTestSession.get();
    spark.createDataFrame(List.of(RowFactory.create("a"), RowFactory.create("b"),
        RowFactory.create("c")), DataTypes.createStructType(List.of(
            DataTypes.createStructField("name", DataTypes.StringType, false))))
        .coalesce(1).write().parquet(dir.resolve("devices").toString());
    assertRejected(run("review", dir), dir, "devices", "", "id",
        "the Parquet schema lacks this column (found: name)");
  }

  @Test
  void truncatedParquetFile_isReportedAsUnreadable() throws IOException {
    Path dir = base("parquet-truncated");
    Files.delete(dir.resolve("demands.jsonl"));
    var spark = SparkTestSession.get();
    List<Row> rows = List.of(RowFactory.create("a", "c", 10.0), RowFactory.create("c", "a", 5.0));
    spark.createDataFrame(rows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("src", DataTypes.StringType, false),
        DataTypes.createStructField("dst", DataTypes.StringType, false),
        DataTypes.createStructField("gbps", DataTypes.DoubleType, false))))
        .coalesce(1).write().parquet(dir.resolve("demands").toString());
    try (Stream<Path> files = Files.list(dir.resolve("demands"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.deleteIfExists(f.resolveSibling("." + f.getFileName() + ".crc"));
      }
    }
    assertRejected(run("review", dir), dir, "demands", "", "", "cannot read the Parquet table");
  }

  /** Links in Spark's partitionBy layout: ab at the top level, bc under batch=2/. */
  private static void partitionedLinks(Path dir, String partitionColumn) {
    var spark = SparkTestSession.get();
    var schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("a", DataTypes.StringType, false),
        DataTypes.createStructField("b", DataTypes.StringType, false),
        DataTypes.createStructField("metric", DataTypes.IntegerType, false),
        DataTypes.createStructField("capacity_gbps", DataTypes.DoubleType, false),
        DataTypes.createStructField("batch", DataTypes.IntegerType, false)));
    spark.createDataFrame(List.of(RowFactory.create("ab", "a", "b", 10, 100.0, 1),
        RowFactory.create("bc", "b", "c", 10, 100.0, 2)), schema).coalesce(1).write()
        .partitionBy(partitionColumn).parquet(dir.resolve("links").toString());
  }

  @Test
  void parquetTableInSubDirectories_isReadWhole() throws IOException {
    Path dir = base("parquet-partitioned");
    Files.delete(dir.resolve("links.jsonl"));
    partitionedLinks(dir, "batch");
    Files.writeString(dir.resolve("change.json"),
        "{\"id\": \"CR-OK\", \"ops\": [{\"op\": \"set_metric\", \"link\": \"ab\", "
            + "\"metric\": 20}]}");
    ReviewCommandTest.Run r = run("review", dir);
    assertEquals(0, r.code(), r.err());
    // Both links: the one under batch=2/ too (a top-level read finds one link, and the
    // demands to c no path).
    assertTrue(r.out().contains("3 devices, 2 links"), r.out());
  }

  @Test
  void parquetPartitionOnASnapshotColumn_isRefusedNamingTheDirectory() throws IOException {
    Path dir = base("parquet-partitioned-by-column");
    Files.delete(dir.resolve("links.jsonl"));
    partitionedLinks(dir, "a");
    ReviewCommandTest.Run r = run("review", dir);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("links/a=a, field a"), r.err());
    assertFalse(Files.exists(dir.resolve("out")), "no report left behind");
  }

  @Test
  void aTableThatNeverEndsALine_isRefusedAtTheLimit() throws IOException {
    Path dir = base("dev-zero");
    Files.delete(dir.resolve("demands.jsonl"));
    Files.createSymbolicLink(dir.resolve("demands.jsonl"), Path.of("/dev/zero"));
    ReviewCommandTest.Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofMinutes(3), () -> run("review", dir),
        "read forever: the limit is checked only where a line ends");
    assertRejected(r, dir, "demands.jsonl", "line 1", "", "longer than");
  }

  @Test
  void handEditedFileWithAStaleChecksumFile_isRead() throws IOException {
    Path dir = base("stale-crc");
    org.apache.hadoop.fs.FileSystem local =
        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
    org.apache.hadoop.fs.Path devices =
        new org.apache.hadoop.fs.Path(dir.resolve("devices.jsonl").toString());
    byte[] text = Files.readAllBytes(dir.resolve("devices.jsonl"));
    try (OutputStream o = local.create(devices, true)) {
      o.write(text);
    }
    assertTrue(Files.exists(dir.resolve(".devices.jsonl.crc")));
    Files.writeString(dir.resolve("devices.jsonl"), " ", StandardOpenOption.APPEND);
    ReviewCommandTest.Run r = run("review", dir);
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void misspeltNetimpactSetting_isRefusedWithTheClosestName() throws IOException {
    Path dir = base("conf-typo");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", dir.toString(),
        "--change", dir.resolve("change.json").toString(), "--out",
        dir.resolve("out").toString(), "--conf", "netimpact.warn_util=0.5");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("unknown setting netimpact.warn_util (did you mean "
        + "\"netimpact.warn-util\"?)"), r.err());
    assertFalse(Files.exists(dir.resolve("out")), "no report left behind");
  }

  @Test
  void danglingSymbolicLinkAsOut_isRefusedBeforeComputing() throws IOException {
    Path dir = base("dangling-out");
    Path link = tmp.resolve("out-link");
    Files.createSymbolicLink(link, tmp.resolve("nowhere/at-all"));
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", dir.toString(),
        "--change", dir.resolve("change.json").toString(), "--out", link.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("symbolic link that cannot be followed"), r.err());
    assertFalse(r.out().contains("VERDICT"), "refused before the review: " + r.out());
  }

  @Test
  void controlCharactersInTitlesAndIds_areEscapedOnTheConsoleAndInTheSummary()
      throws IOException {
    Path dir = base("control-chars");
    Files.writeString(dir.resolve("change.json"), "{\"id\": \"CR-\\u0007bell\", \"title\": "
        + "\"\\u001b[2Jcleared\\r\", \"ops\": [{\"op\": \"link_down\", \"link\": \"ab\"}]}");
    Path out = dir.resolve("out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", dir.toString(),
        "--change", dir.resolve("change.json").toString(), "--out", out.toString(),
        "--run-id", "r1");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007")
        || r.out().contains("\r"), "no raw control character: " + r.out());
    assertTrue(r.out().contains("\\u001B[2Jcleared\\u000D"), r.out());
    assertTrue(r.out().contains("CR-\\u0007bell"), r.out());
    Path summary = io.netimpact.testing.PublishedRuns.file(out, "r1",
        io.netimpact.report.SummaryText.FILE);
    String text = Files.readString(summary);
    assertFalse(text.contains("\u001b"), text);
    assertTrue(text.contains("\\u001B[2Jcleared"), text);
  }
}
