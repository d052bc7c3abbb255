package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The differential tests' reader and comparator read what the writer wrote, and can fail. */
class ReportTablesDiffTest {
  @TempDir
  Path tmp;

  @Test
  void rowsOfEveryDataFile_withTheUnionOfFields_andOmittedNullsAsNull() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("out/link_impact/run_id=r1"));
    Files.writeString(run.resolve("part-00000-a.json"),
        "{\"link_id\":\"l1\",\"util_after\":0.5,\"flows\":3}\n"
        + "{\"link_id\":\"l2\",\"util_after\":1.25,\"flows\":4,\"worst\":\"s9\"}\n");
    Files.writeString(run.resolve("part-00001-b.json"), "{\"link_id\":\"l3\",\"flows\":0}\n");
    Files.writeString(run.resolve(".part-00000-a.json.crc"), "not a row");
    Files.writeString(tmp.resolve("out/link_impact/_SUCCESS"), "{\"not\":\"a row\"}");

    Map<String, Row> rows = ReportTablesDiff.rows(tmp.resolve("out"), "link_impact", "link_id");
    assertEquals(List.of("l1|", "l2|", "l3|"), List.copyOf(rows.keySet()));
    Row l3 = rows.get("l3|");
    assertEquals(4, l3.schema().fieldNames().length);
    assertNull(l3.getAs("util_after"));
    assertNull(l3.getAs("worst"));
    assertEquals(0L, (long) l3.getAs("flows"));
    assertEquals(1.25, (double) rows.get("l2|").getAs("util_after"));
  }

  @Test
  void aColumnThatDiffers_failsTheComparison_andRunIdIsIgnored() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a/t/run_id=x"));
    Path b = Files.createDirectories(tmp.resolve("b/t/run_id=y"));
    Files.writeString(a.resolve("p.json"), "{\"k\":\"1\",\"run_id\":\"x\",\"v\":1.0}\n");
    Files.writeString(b.resolve("p.json"), "{\"k\":\"1\",\"run_id\":\"y\",\"v\":1.0}\n");
    Map<String, Row> ra = ReportTablesDiff.rows(tmp.resolve("a"), "t", "k");
    ReportTablesDiff.assertSameRows(ra, ReportTablesDiff.rows(tmp.resolve("b"), "t", "k"),
        k -> true, "same");
    Files.writeString(b.resolve("p.json"), "{\"k\":\"1\",\"run_id\":\"y\",\"v\":1.001}\n");
    assertThrows(AssertionError.class, () -> ReportTablesDiff.assertSameRows(ra,
        ReportTablesDiff.rows(tmp.resolve("b"), "t", "k"), k -> true, "differs"));
  }
}
