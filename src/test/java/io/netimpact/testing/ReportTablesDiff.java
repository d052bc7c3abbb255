package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.input.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
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
   * {@code _} or {@code .} are markers and checksums), as Spark's JSON reader would give them:
   * one schema, the union of the rows' fields, a field a row lacks (a null the writer left out)
   * null; whole numbers as {@code Long}, others as {@code Double}. Read with Jackson on this
   * thread, without a Spark job: the differential tests read many small tables.
   */
  static List<Row> jsonRows(Path dir) {
    List<Map<String, Object>> records = new ArrayList<>();
    Map<String, DataType> fields = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString();
        return !n.startsWith("_") && !n.startsWith(".") && n.endsWith(".json");
      }).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) {
            continue;
          }
          Map<String, Object> values = new LinkedHashMap<>();
          Iterator<Map.Entry<String, JsonNode>> it = Json.MAPPER.readTree(line).fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Object v = value(e.getValue());
            values.put(e.getKey(), v);
            fields.merge(e.getKey(), type(v), (a, b) -> a.equals(DataTypes.NullType) ? b : a);
          }
          records.add(values);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StructType schema = new StructType(fields.entrySet().stream()
        .map(e -> new StructField(e.getKey(), e.getValue(), true,
            org.apache.spark.sql.types.Metadata.empty()))
        .toArray(StructField[]::new));
    List<Row> rows = new ArrayList<>(records.size());
    for (Map<String, Object> r : records) {
      Object[] v = new Object[fields.size()];
      int i = 0;
      for (String f : fields.keySet()) {
        v[i++] = r.get(f);
      }
      rows.add(new GenericRowWithSchema(v, schema));
    }
    return rows;
  }

  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(value(x)));
      return l;
    }
    Map<String, Object> m = new TreeMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
    return m;
  }

  private static DataType type(Object v) {
    return v == null ? DataTypes.NullType : v instanceof Long ? DataTypes.LongType
        : v instanceof Double ? DataTypes.DoubleType : v instanceof Boolean
        ? DataTypes.BooleanType : DataTypes.StringType;
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
