package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * Report tables written as JSON lines, read back keyed by their natural key and compared
 * column by column (numbers to 1e-9 relative), {@code run_id} aside: the differential tests of
 * pairs of failures and of survival compare runs that must give the same rows.
 */
public final class ReportTablesDiff {
  private ReportTablesDiff() {}

  /** The rows of {@code table} under {@code out} (every run), by the values of {@code key}. */
  public static Map<String, Row> rows(Path out, String table, String... key) {
    Path dir = out.resolve(table);
    Map<String, Row> byKey = new TreeMap<>();
    if (!Files.exists(dir)) {
      return byKey;
    }
    List<Row> rows = SparkTestSession.get().read().json(dir.toString()).collectAsList();
    for (Row r : rows) {
      StringBuilder k = new StringBuilder();
      for (String c : key) {
        k.append(String.valueOf((Object) r.getAs(c))).append('|');
      }
      if (byKey.put(k.toString(), r) != null) {
        fail(table + ": two rows with key " + k);
      }
    }
    return byKey;
  }

  /**
   * Asserts that {@code actual} has exactly the rows of {@code expected} whose key {@code keep}
   * accepts, each equal column by column but {@code run_id}.
   */
  public static void assertSameRows(Map<String, Row> expected, Map<String, Row> actual,
      Predicate<String> keep, String what) {
    Map<String, Row> kept = new TreeMap<>();
    expected.forEach((k, v) -> {
      if (keep.test(k)) {
        kept.put(k, v);
      }
    });
    assertEquals(kept.keySet(), actual.keySet(), what + ": the same rows");
    kept.forEach((k, e) -> assertSameRow(e, actual.get(k), what + " " + k));
  }

  /** Column by column, numbers to 1e-9 relative, {@code run_id} aside. */
  public static void assertSameRow(Row e, Row a, String what) {
    for (String c : e.schema().fieldNames()) {
      if (c.equals("run_id")) {
        continue;
      }
      Object x = e.getAs(c);
      Object y = a.getAs(c);
      if (x instanceof Number nx && y instanceof Number ny) {
        double dx = nx.doubleValue();
        double dy = ny.doubleValue();
        assertTrue(Math.abs(dx - dy) <= 1e-9 * Math.max(1, Math.max(Math.abs(dx),
            Math.abs(dy))), what + " column " + c + ": " + dx + " vs " + dy);
      } else {
        assertEquals(x, y, what + " column " + c);
      }
    }
  }
}
