package io.netimpact.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.input.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A published table read whole on the driver, without Spark: the reverse of
 * {@link DriverTables}, through the Hadoop file system of its files (local, {@code s3a://}).
 * Cells are what Spark's reader would give for the same files: {@code String}, {@code Double},
 * {@code Long}, {@code Integer} (Parquet int32), {@code Boolean}, or null. Columns come in the
 * table's schema order when it is one netimpact writes, the others after them (in file order
 * for Parquet, by name for JSON lines, as Spark infers them). O(rows x columns).
 *
 * @param columns the column names
 * @param rows    the rows, each a list of cells in column order
 */
public record StoredTable(List<String> columns, List<List<Object>> rows) {
  public StoredTable {
    columns = List.copyOf(columns);
    rows = Collections.unmodifiableList(new ArrayList<>(rows));
  }

  /** A table this reader does not take (a nested or unusual column type): read it with Spark. */
  public static final class UnsupportedTableException extends RuntimeException {
    UnsupportedTableException(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code files} (Parquet, or JSON lines when {@code parquet} is false), in the given
   * order. {@code known} is the table's schema when netimpact writes it: it orders the columns
   * and types JSON numbers.
   *
   * @throws UnsupportedTableException for a column that is not a flat string, number or boolean
   * @throws UncheckedIOException when a file cannot be read
   */
  public static StoredTable read(Configuration hadoop, List<Path> files, boolean parquet,
      Optional<StructType> known) {
    List<Map<String, Object>> maps = new ArrayList<>();
    LinkedHashSet<String> found = new LinkedHashSet<>();
    for (Path f : files) {
      try {
        if (parquet) {
          readParquet(hadoop, f, found, maps);
        } else {
          readJson(hadoop, f, found, maps, known);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    List<String> columns = new ArrayList<>();
    known.ifPresent(k -> {
      for (String n : k.fieldNames()) {
        if (found.contains(n)) {
          columns.add(n);
        }
      }
    });
    Iterable<String> rest = parquet ? found : new TreeSet<>(found);
    for (String n : rest) {
      if (!columns.contains(n)) {
        columns.add(n);
      }
    }
    List<List<Object>> rows = new ArrayList<>(maps.size());
    for (Map<String, Object> m : maps) {
      List<Object> cells = new ArrayList<>(columns.size());
      for (String c : columns) {
        cells.add(m.get(c));
      }
      rows.add(Collections.unmodifiableList(cells));
    }
    return new StoredTable(columns, rows);
  }

  private static void readParquet(Configuration hadoop, Path file, LinkedHashSet<String> found,
      List<Map<String, Object>> out) throws IOException {
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), file)
        .withConf(hadoop).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        List<Type> fields = g.getType().getFields();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
          Type t = fields.get(i);
          found.add(t.getName());
          if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            throw new UnsupportedTableException(file + ": column " + t.getName()
                + " is not a flat value");
          }
          row.put(t.getName(), g.getFieldRepetitionCount(i) == 0 ? null
              : cell(g, i, t.asPrimitiveType(), file));
        }
        out.add(row);
      }
    }
  }

  private static Object cell(Group g, int i, PrimitiveType t, Path file) {
    return switch (t.getPrimitiveTypeName()) {
      case BINARY -> {
        if (!(t.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
          throw new UnsupportedTableException(file + ": column " + t.getName()
              + " is binary, not a string");
        }
        yield g.getString(i, 0);
      }
      case DOUBLE -> g.getDouble(i, 0);
      case FLOAT -> (double) g.getFloat(i, 0);
      case INT64 -> g.getLong(i, 0);
      case INT32 -> {
        if (t.getLogicalTypeAnnotation() != null) {
          throw new UnsupportedTableException(file + ": column " + t.getName() + " is "
              + t.getLogicalTypeAnnotation());
        }
        yield g.getInteger(i, 0);
      }
      case BOOLEAN -> g.getBoolean(i, 0);
      default -> throw new UnsupportedTableException(file + ": column " + t.getName()
          + " is " + t.getPrimitiveTypeName());
    };
  }

  private static void readJson(Configuration hadoop, Path file, LinkedHashSet<String> found,
      List<Map<String, Object>> out, Optional<StructType> known) throws IOException {
    Map<String, DataType> types = new LinkedHashMap<>();
    known.ifPresent(k -> {
      for (StructField f : k.fields()) {
        types.put(f.name(), f.dataType());
      }
    });
    FileSystem fs = file.getFileSystem(hadoop);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file),
        StandardCharsets.UTF_8))) {
      int line = 0;
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        JsonNode n = Json.MAPPER.readTree(s);
        if (!n.isObject()) {
          throw new IOException("line " + line + " is not a JSON object");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          found.add(e.getKey());
          row.put(e.getKey(), value(e.getValue(), types.get(e.getKey()), file, e.getKey()));
        }
        out.add(row);
      }
    }
  }

  /** A JSON value as Spark reads it: typed by the known schema, else as Spark infers it. */
  private static Object value(JsonNode v, DataType type, Path file, String column) {
    if (v.isNull()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw new UnsupportedTableException(file + ": column " + column + " is not a flat value");
    }
    if (type != null) {
      if (type.equals(DataTypes.DoubleType) && v.isNumber()) {
        return v.doubleValue();
      }
      if (type.equals(DataTypes.LongType) && v.isIntegralNumber()) {
        return v.longValue();
      }
      if (type.equals(DataTypes.IntegerType) && v.isIntegralNumber()) {
        return v.longValue();
      }
    }
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v.asText();
  }
}
