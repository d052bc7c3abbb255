package io.netimpact.report;

import io.netimpact.input.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table the driver writes reads back, with Spark, exactly as the one Spark's writer wrote. */
class DriverTablesTest {
  @TempDir
  Path tmp;

  /** Rows of every flat type, a third of the nullable cells null. */
  private static List<Row> rows(StructType schema, long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object[] cells = new Object[schema.size()];
      for (int c = 0; c < cells.length; c++) {
        if (rnd.nextInt(3) == 0 && schema.fields()[c].nullable()) {
          continue;
        }
        var t = schema.fields()[c].dataType();
        cells[c] = t.equals(DataTypes.StringType) ? "s\"," + rnd.nextInt(1000) + "\u00e9"
            : t.equals(DataTypes.DoubleType) ? rnd.nextDouble() * 1e3 - 1e-7
            : t.equals(DataTypes.LongType) ? rnd.nextLong()
            : t.equals(DataTypes.IntegerType) ? (Object) rnd.nextInt()
            : (Object) rnd.nextBoolean();
      }
      out.add(RowFactory.create(cells));
    }
    return out;
  }

  private static List<String> read(SparkSession spark, String dir, boolean parquet,
      StructType schema) {
    Dataset<Row> df = parquet ? spark.read().parquet(dir) : spark.read().schema(schema).json(dir);
    assertEquals(Arrays.asList(schema.fieldNames()), Arrays.asList(df.columns()));
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test

  @Tag("slow")
  void everyReportTable_readsBackAsSparksOwnWrite_inParquetAndJson() throws Exception {
    SparkSession spark = SparkTestSession.get();
    FileSystem fs = FileSystem.getLocal(new Configuration());
    List<StructType> schemas = List.of(ReportTables.SCENARIO_SUMMARY_SCHEMA,
        ReportTables.LINK_IMPACT_SCHEMA, ReportTables.DEMAND_IMPACT_SCHEMA,
        ReportTables.LINK_BASELINE_SCHEMA, ReportTables.LINK_WORST_CASE_SCHEMA,
        new StructType(new StructField[] {DataTypes.createStructField("i",
            DataTypes.IntegerType, true)}));
    int k = 0;
    for (StructType schema : schemas) {
      for (boolean parquet : new boolean[] {true, false}) {
        List<Row> rows = rows(schema, ++k, 40);
        String mine = tmp.resolve("driver-" + k).toString();
        String theirs = tmp.resolve("spark-" + k).toString();
        DriverTables.write(fs, new Configuration(), new org.apache.hadoop.fs.Path(mine),
            parquet, schema, rows);
        var w = spark.createDataFrame(rows, schema).coalesce(1).write();
        if (parquet) {
          w.parquet(theirs);
        } else {
          w.option("ignoreNullFields", "false").json(theirs);
        }
        assertEquals(read(spark, theirs, parquet, schema), read(spark, mine, parquet, schema),
            schema.simpleString() + (parquet ? " parquet" : " json"));
        if (parquet) {
          assertEquals(spark.read().parquet(theirs).schema(), spark.read().parquet(mine)
              .schema(), "the same Spark schema from the footer");
        }
      }
    }
  }

  @Test
  void jsonLines_areEachRowsTextAsAnObjectNode_nanAndNullsIncluded() throws Exception {
    StructType schema = ReportTables.DEMAND_IMPACT_SCHEMA;
    List<Row> rows = new ArrayList<>(rows(schema, 99, 200));
    Object[] odd = new Object[schema.size()];
    for (int c = 0; c < odd.length; c++) {
      var t = schema.fields()[c].dataType();
      odd[c] = t.equals(DataTypes.DoubleType) ? (Object) (c % 2 == 0 ? Double.NaN
          : Double.NEGATIVE_INFINITY) : t.equals(DataTypes.StringType) ? "tab\t\u2028" : null;
    }
    rows.add(RowFactory.create(odd));
    FileSystem fs = FileSystem.getLocal(new Configuration());
    java.nio.file.Path dir = tmp.resolve("lines");
    DriverTables.write(fs, new Configuration(), new org.apache.hadoop.fs.Path(dir.toString()),
        false, schema, rows);
    java.nio.file.Path file;
    try (var files = java.nio.file.Files.list(dir)) {
      file = files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst()
          .orElseThrow();
    }
    List<String> lines = java.nio.file.Files.readAllLines(file);
    assertEquals(rows.size(), lines.size());
    for (int i = 0; i < rows.size(); i++) {
      var n = Json.MAPPER.createObjectNode();
      for (int c = 0; c < schema.size(); c++) {
        Object v = rows.get(i).get(c);
        String f = schema.fields()[c].name();
        if (v == null) {
          n.putNull(f);
        } else if (v instanceof String x) {
          n.put(f, x);
        } else if (v instanceof Double x) {
          n.put(f, x);
        } else if (v instanceof Long x) {
          n.put(f, x);
        } else if (v instanceof Integer x) {
          n.put(f, x);
        } else {
          n.put(f, (Boolean) v);
        }
      }
      assertEquals(Json.MAPPER.writeValueAsString(n), lines.get(i), "row " + i);
    }
  }

  @Test
  @Tag("slow")
  void aLargeTable_isWrittenAsSeveralParts_thatReadBackInRowOrder() throws Exception {
    SparkSession spark = SparkTestSession.get();
    FileSystem fs = FileSystem.getLocal(new Configuration());
    StructType schema = ReportTables.LINK_BASELINE_SCHEMA;
    List<Row> rows = rows(schema, 7, 1001);
    for (boolean parquet : new boolean[] {true, false}) {
      java.nio.file.Path dir = tmp.resolve("parts-" + parquet);
      DriverTables.write(fs, new Configuration(), new org.apache.hadoop.fs.Path(dir.toString()),
          parquet, schema, rows, 300, 3);
      List<java.nio.file.Path> parts;
      try (var files = java.nio.file.Files.list(dir)) {
        parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted()
            .toList();
      }
      assertEquals(3, parts.size(), "three threads: three parts " + parts);
      for (int i = 0; i < parts.size(); i++) {
        String name = parts.get(i).getFileName().toString();
        assertEquals(String.format("part-%05d", i), name.substring(0, 10));
        assertEquals(parts.get(0).getFileName().toString().substring(10), name.substring(10),
            "one job id for every part, as Spark names them");
      }
      // Part by part, in name order, the rows come back in the order they were given.
      List<String> back = new ArrayList<>();
      for (java.nio.file.Path part : parts) {
        Dataset<Row> df = parquet ? spark.read().parquet(part.toString())
            : spark.read().schema(schema).json(part.toString());
        df.collectAsList().forEach(r -> back.add(r.toString()));
      }
      List<String> expected = new ArrayList<>();
      Dataset<Row> theirs = spark.createDataFrame(rows, schema);
      theirs.collectAsList().forEach(r -> expected.add(r.toString()));
      assertEquals(expected, back, parquet ? "parquet" : "json");
    }
  }
}
