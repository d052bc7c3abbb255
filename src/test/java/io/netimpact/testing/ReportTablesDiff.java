package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netimpact.report.StoredTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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
    for (Row r : jsonRows(dir)) {
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
   * Every row of the JSON-lines files under {@code dir} (data files only: names that start with
   * {@code _} or {@code .} are markers and checksums), read on the driver without a Spark job
   * by {@link StoredTable}, which gives the cells Spark's JSON reader would: one schema, the
   * union of the rows' fields, a field a row lacks null.
   */
  static List<Row> jsonRows(Path dir) {
    List<org.apache.hadoop.fs.Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString();
        return !n.startsWith("_") && !n.startsWith(".") && n.endsWith(".json");
      }).sorted().map(f -> new org.apache.hadoop.fs.Path(f.toUri())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StoredTable t = StoredTable.read(new Configuration(), files, false, Optional.empty());
    StructType schema = new StructType(t.columns().stream()
        .map(c -> new StructField(c, DataTypes.StringType, true, Metadata.empty()))
        .toArray(StructField[]::new));
    return t.rows().stream().map(r -> (Row) new GenericRowWithSchema(r.toArray(), schema))
        .toList();
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
