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
}
