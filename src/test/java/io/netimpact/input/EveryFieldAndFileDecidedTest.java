package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.ChangeOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers decide about every key and every file: a misspelt op field is refused with the
 * closest name, a line past the limit is refused where it passes it (a stream that never ends
 * a line is not read forever), a table's sub-directories are listed, a stale checksum file is
 * not read.
 */
class EveryFieldAndFileDecidedTest {
  @TempDir
  Path tmp;

  private static JsonNode json(String s) throws IOException {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void misspeltOptionalOpField_isRefusedWithTheClosestName() throws IOException {
    FieldException e = assertThrows(FieldException.class, () -> ChangeReader.op(new Fields(
        json("{\"op\":\"scale_demands\",\"factor\":3,\"src_sites\":\"nyc\"}"), "")));
    assertEquals("src_sites", e.field());
    assertTrue(e.getMessage().contains("did you mean \"src_site\""), e.getMessage());
    FieldException d = assertThrows(FieldException.class, () -> ChangeReader.op(new Fields(
        json("{\"op\":\"set_metric\",\"link\":\"l\",\"metric\":5,\"directon\":\"ab\"}"), "")));
    assertEquals("directon", d.field());
    assertTrue(d.getMessage().contains("did you mean \"direction\""), d.getMessage());
  }

  @Test
  void opWithOnlyItsOwnFields_isRead() throws IOException {
    ChangeOp op = ChangeReader.op(new Fields(json(
        "{\"op\":\"scale_demands\",\"factor\":3,\"src_site\":\"nyc\"}"), ""));
    assertEquals(new ChangeOp.ScaleDemands(3, Optional.of("nyc"), Optional.empty()), op);
    ChangeOp metric = ChangeReader.op(new Fields(json(
        "{\"op\":\"set_metric\",\"link\":\"l\",\"metric\":5,\"direction\":\"ab\"}"), ""));
    assertEquals(new ChangeOp.SetMetric("l", 5, ChangeOp.Direction.AB), metric);
  }

  @Test
  void nestedObjectsOfAnOp_areReadInFull() throws IOException {
    FieldException link = assertThrows(FieldException.class, () -> ChangeReader.op(new Fields(
        json("{\"op\":\"add_link\",\"link\":{\"id\":\"x\",\"a\":\"a\",\"b\":\"b\",\"metric\":1,"
            + "\"members\":[{\"id\":\"m\",\"capacity_gbps\":1,\"upp\":false}]}}"), "")));
    assertEquals("link.members[0].upp", link.field());
    FieldException lsp = assertThrows(FieldException.class, () -> ChangeReader.op(new Fields(
        json("{\"op\":\"add_lsp\",\"lsp\":{\"id\":\"x\",\"head\":\"a\",\"tail\":\"b\","
            + "\"bandwidth_gbps\":1,\"setup_priorty\":3}}"), "")));
    assertEquals("lsp.setup_priorty", lsp.field());
    assertTrue(lsp.getMessage().contains("did you mean \"setup_priority\""), lsp.getMessage());
  }

  @Test
  void segmentOfAnAddedPolicy_isReadInFull() throws IOException {
    FieldException e = assertThrows(FieldException.class, () -> ChangeReader.op(new Fields(
        json("{\"op\":\"add_policy\",\"policy\":{\"id\":\"p\",\"head\":\"a\","
            + "\"endpoint\":\"b\",\"candidate_paths\":[[{\"node\":\"c\",\"weigth\":2}]]}}"),
        "")));
    assertEquals("policy.candidate_paths[0][0].weigth", e.field());
  }

  @Test
  void tinyCapacityInAnOp_isRefusedWhereSet() throws IOException {
    FieldException e = assertThrows(FieldException.class, () -> ChangeReader.op(new Fields(
        json("{\"op\":\"set_capacity\",\"link\":\"l\",\"member\":\"m\","
            + "\"capacity_gbps\":1e-310}"), "")));
    assertEquals("capacity_gbps", e.field());
    assertTrue(e.getMessage().contains("at least 1.0E-9 Gbps"), e.getMessage());
  }

  /** An input stream of one byte, forever: /dev/zero, or a FIFO that is never ended. */
  private static InputStream endless() {
    return new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };
  }

  @Test
  void aLineThatNeverEnds_isRefusedWhenItPassesTheLimit() throws IOException {
    try (BoundedLineReader r = new BoundedLineReader(new java.io.SequenceInputStream(
        new ByteArrayInputStream("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)), endless()),
        1000)) {
      assertEquals("{\"a\":1}", r.next());
      BoundedLineReader.LineException e =
          assertThrows(BoundedLineReader.LineException.class, r::next);
      assertEquals(2, e.line);
      assertTrue(e.fatal, "reading cannot go on after a line that is not read to its end");
      assertTrue(e.getMessage().contains("longer than 1000"), e.getMessage());
    }
  }

  @Test
  void aLineAtTheLimit_isRead() throws IOException {
    String line = "y".repeat(1000);
    try (BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(
        (line + "\n").getBytes(StandardCharsets.UTF_8)), 1000)) {
      assertEquals(line, r.next());
    }
  }

  @Test
  void tableFiles_includeSubDirectoriesButNotHiddenOnes() throws IOException {
    Path table = Files.createDirectories(tmp.resolve("links"));
    Files.writeString(table.resolve("part-0.parquet"), "x");
    Files.createDirectories(table.resolve("batch=2"));
    Files.writeString(table.resolve("batch=2/part-1.parquet"), "x");
    Files.createDirectories(table.resolve("_temporary/0"));
    Files.writeString(table.resolve("_temporary/0/part-9.parquet"), "x");
    Files.writeString(table.resolve(".part-0.parquet.crc"), "x");
    FileSystem fs = FileSystem.getLocal(new Configuration());
    assertEquals(List.of("batch=2/part-1.parquet", "part-0.parquet"), List.copyOf(
        InputFiles.tableFiles(fs, new org.apache.hadoop.fs.Path(table.toString()),
            List.of("id", "a", "b")).keySet()));
  }

  @Test
  void partitionOnASnapshotColumn_isRefusedNamingTheDirectory() throws IOException {
    Path table = Files.createDirectories(tmp.resolve("devices/site=s1"));
    Files.writeString(table.resolve("part-0.parquet"), "x");
    FileSystem fs = FileSystem.getLocal(new Configuration());
    BadInputException e = assertThrows(BadInputException.class, () -> InputFiles.tableFiles(fs,
        new org.apache.hadoop.fs.Path(tmp.resolve("devices").toString()),
        SnapshotRecords.DEVICE_COLUMNS));
    assertTrue(e.getMessage().contains("site=s1"), e.getMessage());
    assertTrue(e.getMessage().contains("field site"), e.getMessage());
  }

  @Test
  void staleChecksumFile_isNotReadWithTheInput() throws IOException {
    Configuration conf = new Configuration();
    FileSystem local = FileSystem.getLocal(conf);
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(tmp.resolve("change.json")
        .toString());
    try (var out = local.create(p, true)) {
      out.write("{\"id\":\"c\",\"ops\":[{\"op\":\"link_down\",\"link\":\"ab\"}]}"
          .getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(Files.exists(tmp.resolve(".change.json.crc")), "Hadoop wrote a checksum file");
    // A hand edit: one space more, the checksum file now stale.
    Files.writeString(tmp.resolve("change.json"), "{\"id\":\"c\", \"ops\":[{\"op\":"
        + "\"link_down\",\"link\":\"ab\"}]}");
    assertEquals("c", ChangeReader.read(p.toString(), conf).id());
  }
}
