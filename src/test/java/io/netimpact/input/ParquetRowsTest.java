package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.model.Snapshot;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver-side Parquet reader against the Spark path it replaced: rows as the nodes of
 * Spark's {@code toJSON}, and records and rejects as those of the same rows given as JSON
 * lines.
 */
class ParquetRowsTest {
  private static final StructType MEMBER = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("capacity_gbps", DataTypes.DoubleType, true),
      DataTypes.createStructField("up", DataTypes.BooleanType, true)));
  /** A links table as Spark writes it, with nulls, lists and three extra columns. */
  private static final StructType LINKS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("note", DataTypes.StringType, true),
      DataTypes.createStructField("a", DataTypes.StringType, true),
      DataTypes.createStructField("b", DataTypes.StringType, true),
      DataTypes.createStructField("metric", DataTypes.IntegerType, true),
      DataTypes.createStructField("metric_ba", DataTypes.LongType, true),
      DataTypes.createStructField("members", DataTypes.createArrayType(MEMBER, true), true),
      DataTypes.createStructField("capacity_gbps", DataTypes.DoubleType, true),
      DataTypes.createStructField("seen", DataTypes.TimestampType, true),
      DataTypes.createStructField("up", DataTypes.BooleanType, true),
      DataTypes.createStructField("latency_ms", DataTypes.FloatType, true),
      DataTypes.createStructField("srlgs", DataTypes.createArrayType(DataTypes.StringType, true),
          true),
      DataTypes.createStructField("tags", DataTypes.createMapType(DataTypes.StringType,
          DataTypes.StringType), true)));

  @TempDir
  Path tmp;

  private static Row link(String id, String a, String b, Integer metric, Long metricBa,
      List<Row> members, Double capacity, Boolean up, Float latency, List<String> srlgs) {
    return RowFactory.create(id, "extra " + id, a, b, metric, metricBa, members, capacity,
        new Timestamp(1_700_000_000_000L), up, latency, srlgs, Map.of("k", id));
  }

  private static Row member(String id, Double capacity, Boolean up) {
    return RowFactory.create(id, capacity, up);
  }

  /** Good and bad links between the devices a, b and c of {@link SnapshotReaderTest}. */
  private static List<Row> links() {
    return List.of(
        link("ab", "a", "b", 10, null, null, 100.0, null, null, null),
        link("bc", "b", "c", 5, 7L, List.of(member("m1", 40.0, null), member("m2", 40.0, false)),
            null, true, 1.5f, Arrays.asList("g1", "g2")),
        link("ca", "c", "a", 3, null, List.of(), 10.0, null, 0.1f, List.of()),
        link("ac", "a", "c", 1, null, null, 1e10, false, 1.0e7f, Arrays.asList("g1", null)),
        link("nan", "a", "b", 2, null, null, Double.NaN, null, Float.POSITIVE_INFINITY, null),
        link("neg", "c", "b", 4, 3_000_000_000L, null, -100.0, null, null, null),
        link("nul", "c", "b", 4, null, Arrays.asList((Row) null), null, null, null, null),
        link("mem", "c", "b", null, 0L, List.of(member(null, 0.0, null)), null, null, null,
            null),
        link("cb", "c", "b", 4, null, null, 2.5, null, 2.25f, null));
  }

  /** Spark's {@code df.write().parquet}: snappy part files, {@code _SUCCESS}, checksums. */
  private Path sparkLinks(Path dir) {
    Dataset<Row> df = SparkTestSession.get().createDataFrame(links(), LINKS);
    df.coalesce(1).write().parquet(dir.toString());
    return dir;
  }

  /** Spark's {@code toJSON} of the table, of the columns in {@code columns} only. */
  private static List<String> sparkJson(Path table, List<String> columns) {
    Dataset<Row> df = SparkTestSession.get().read().parquet(table.toString());
    String[] keep = Arrays.stream(df.columns()).filter(columns::contains).toArray(String[]::new);
    return df.selectExpr(keep).toJSON().collectAsList();
  }

  private static List<JsonNode> rows(Path table, List<String> required, List<String> columns) {
    List<JsonNode> out = new ArrayList<>();
    ParquetRows.read(new Configuration(), new org.apache.hadoop.fs.Path(table.toString()),
        required, columns, out::add);
    return out;
  }

  private static void assertRowsAreSparkToJson(Path table, List<String> columns)
      throws IOException {
    List<String> spark = sparkJson(table, columns);
    List<JsonNode> ours = rows(table, List.of(), columns);
    List<JsonNode> expected = new ArrayList<>();
    for (String line : spark) {
      expected.add(Json.MAPPER.readTree(line));
    }
    assertEquals(expected, ours);
    assertEquals(spark, ours.stream().map(ParquetRows::sparkJson).toList(), "reject texts");
  }

  /** A snapshot of {@link SnapshotReaderTest}'s devices and demands, its links left out. */
  private Path snapshot(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("manifest.json"), SnapshotReaderTest.MANIFEST);
    Files.writeString(dir.resolve("devices.jsonl"), SnapshotReaderTest.DEVICES);
    Files.writeString(dir.resolve("demands.jsonl"), SnapshotReaderTest.DEMANDS);
    return dir;
  }

  private static SnapshotReader.Loaded read(Path dir) {
    return new SnapshotReader(new Configuration()).read(dir.toString(),
        SnapshotReader.OnBadRecord.QUARANTINE);
  }

  /** A reject with its file made relative and its location a row number. */
  private static List<String> rejects(SnapshotReader.Loaded loaded, Path dir) {
    return loaded.rejects().stream().map(r -> new InputProblem(
        r.problem().file().replace(dir.toString(), "").replace(".jsonl", ""),
        r.problem().location().replace("line ", "record "), r.problem().field(),
        r.problem().message()) + " <- " + r.record()).toList();
  }

  private static void assertSameSnapshot(Snapshot expected, Snapshot actual) {
    assertEquals(expected.info(), actual.info());
    assertEquals(expected.devices(), actual.devices());
    assertEquals(expected.links(), actual.links());
    assertEquals(expected.demands(), actual.demands());
    assertEquals(expected.te(), actual.te());
  }

  /** {@code generate --preset small --seed 3} in {@code format}. */
  private Path generated(SnapshotGenerator.Format format) {
    Path dir = tmp.resolve(format.name());
    SnapshotGenerator.generate(Preset.SMALL, 3, dir.toString(), new Configuration(), format);
    return dir;
  }

  @Test
  void generatedSnapshot_readsAsTheSameRecordsAsItsJsonLines() {
    Path pq = generated(SnapshotGenerator.Format.PARQUET);
    Path js = generated(SnapshotGenerator.Format.JSONL);
    SnapshotReader reader = new SnapshotReader(new Configuration());
    Snapshot fromParquet = reader.read(pq.toString(), SnapshotReader.OnBadRecord.FAIL)
        .snapshot();
    Snapshot fromJson = reader.read(js.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    assertTrue(fromParquet.links().stream().anyMatch(l -> l.metricBa().isPresent()));
    assertTrue(fromParquet.links().stream().anyMatch(l -> !l.srlgs().isEmpty()));
    assertSameSnapshot(fromJson, fromParquet);
  }

  @Test
  void generatedTables_giveTheRowsOfSparkToJson() throws IOException {
    Path pq = generated(SnapshotGenerator.Format.PARQUET);
    assertRowsAreSparkToJson(pq.resolve("devices"), SnapshotRecords.DEVICE_COLUMNS);
    assertRowsAreSparkToJson(pq.resolve("links"), SnapshotRecords.LINK_COLUMNS);
    assertRowsAreSparkToJson(pq.resolve("demands"), SnapshotRecords.DEMAND_COLUMNS);
  }

  @Test
  void sparkWrittenTable_givesTheRowsOfSparkToJson_withoutTheExtraColumns() throws IOException {
    Path table = sparkLinks(tmp.resolve("links"));
    assertTrue(Files.exists(table.resolve("_SUCCESS")));
    try (Stream<Path> files = Files.list(table)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".snappy.parquet")));
    }
    assertRowsAreSparkToJson(table, SnapshotRecords.LINK_COLUMNS);
    JsonNode first = rows(table, List.of(), SnapshotRecords.LINK_COLUMNS).get(0);
    assertEquals(List.of("id", "a", "b", "metric", "capacity_gbps"),
        iterable(first.fieldNames()), "nulls left out, extra columns (INT96, map) not read");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void sparkWrittenLinks_giveTheRecordsAndRejectsOfTheSameRowsAsJsonLines() throws IOException {
    Path pq = snapshot("pq");
    Path js = snapshot("js");
    sparkLinks(pq.resolve("links"));
    Files.write(js.resolve("links.jsonl"), sparkJson(pq.resolve("links"),
        SnapshotRecords.LINK_COLUMNS));
    SnapshotReader.Loaded fromParquet = read(pq);
    SnapshotReader.Loaded fromJson = read(js);
    assertSameSnapshot(fromJson.snapshot(), fromParquet.snapshot());
    assertEquals(3, fromParquet.snapshot().links().size());
    assertEquals(rejects(fromJson, js), rejects(fromParquet, pq));
    assertEquals(6, fromParquet.rejects().size(), rejects(fromParquet, pq).toString());
  }

  @Test
  void legacyTwoLevelListsAndBareRepeatedFields_readAsSparkReadsThem() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("""
        message legacy {
          required binary id (STRING);
          optional group srlgs (LIST) { repeated binary array (STRING); }
          optional group members (LIST) {
            repeated group members_tuple { required binary id (STRING); optional float gbps; }
          }
          optional group paths (LIST) {
            repeated group list {
              optional group element (LIST) { repeated group list { optional int64 element; } }
            }
          }
          repeated int32 ports;
          optional group where { optional binary site (STRING); optional int32 rack (UINT_8); }
        }""");
    Path table = tmp.resolve("legacy");
    SimpleGroupFactory f = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(
        new org.apache.hadoop.fs.Path(table.resolve("part-00000.parquet").toString()))
        .withType(schema).build()) {
      Group g = f.newGroup().append("id", "x");
      g.addGroup("srlgs").append("array", "g1").append("array", "g2");
      g.addGroup("members").addGroup("members_tuple").append("id", "m").append("gbps", 2.5f);
      Group paths = g.addGroup("paths");
      Group inner = paths.addGroup("list").addGroup("element");
      inner.addGroup("list").append("element", 5_000_000_000L);
      inner.addGroup("list");
      paths.addGroup("list");
      g.append("ports", 1).append("ports", 2);
      g.addGroup("where").append("rack", 200);
      w.write(g);
      Group empty = f.newGroup().append("id", "y");
      empty.addGroup("srlgs");
      w.write(empty);
    }
    List<String> all = List.of("id", "srlgs", "members", "paths", "ports", "where");
    assertRowsAreSparkToJson(table, all);
    assertEquals("{\"id\":\"y\",\"srlgs\":[],\"ports\":[]}",
        ParquetRows.sparkJson(rows(table, List.of(), all).get(1)));
  }

  @Test
  void filesAreReadInNameOrder_skippingUnderscoreAndDotFiles() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(
        "message t { required binary id (STRING); }");
    Path table = tmp.resolve("t");
    for (String[] file : new String[][] {{"part-00001.parquet", "c", "d"},
        {"part-00000.parquet", "a", "b"}, {"_ignored.parquet", "x"}, {".hidden.parquet", "y"}}) {
      try (ParquetWriter<Group> w = ExampleParquetWriter.builder(
          new org.apache.hadoop.fs.Path(table.resolve(file[0]).toString())).withType(schema)
          .build()) {
        for (int i = 1; i < file.length; i++) {
          w.write(new SimpleGroupFactory(schema).newGroup().append("id", file[i]));
        }
      }
    }
    Files.writeString(table.resolve("_SUCCESS"), "");
    assertEquals(List.of("a", "b", "c", "d"), rows(table, List.of("id"), List.of("id"))
        .stream().map(n -> n.get("id").textValue()).toList());
  }

  @Test
  void missingRequiredColumn_isNamedWithTheColumnsFound() {
    Path table = tmp.resolve("devices");
    SparkTestSession.get().createDataFrame(List.of(RowFactory.create("a", 1)),
        DataTypes.createStructType(List.of(
            DataTypes.createStructField("name", DataTypes.StringType, false),
            DataTypes.createStructField("rack", DataTypes.IntegerType, false))))
        .write().parquet(table.toString());
    BadInputException e = assertThrows(BadInputException.class,
        () -> rows(table, List.of("id"), SnapshotRecords.DEVICE_COLUMNS));
    assertEquals(List.of(new InputProblem(table.toString(), "", "id",
        "the Parquet schema lacks this column (found: name, rack)")), e.problems());
  }

  @Test
  void stringWhereANumberIsRequired_isTheProblemJsonLinesGive() throws IOException {
    Path pq = snapshot("pq");
    Path js = snapshot("js");
    Files.delete(pq.resolve("demands.jsonl"));
    Files.delete(js.resolve("demands.jsonl"));
    Files.writeString(pq.resolve("links.jsonl"), SnapshotReaderTest.LINKS);
    Files.writeString(js.resolve("links.jsonl"), SnapshotReaderTest.LINKS);
    List<Row> demands = List.of(RowFactory.create("a", "c", "10"),
        RowFactory.create("a", "b", "2.5"));
    SparkTestSession.get().createDataFrame(demands, DataTypes.createStructType(List.of(
        DataTypes.createStructField("src", DataTypes.StringType, false),
        DataTypes.createStructField("dst", DataTypes.StringType, false),
        DataTypes.createStructField("gbps", DataTypes.StringType, false))))
        .coalesce(1).write().parquet(pq.resolve("demands").toString());
    Files.writeString(js.resolve("demands.jsonl"),
        "{\"src\":\"a\",\"dst\":\"c\",\"gbps\":\"10\"}\n{\"src\":\"a\",\"dst\":\"b\",\"gbps\":\"2.5\"}\n");
    BadInputException fromParquet = assertThrows(BadInputException.class,
        () -> new SnapshotReader(new Configuration()).read(pq.toString(),
            SnapshotReader.OnBadRecord.FAIL));
    BadInputException fromJson = assertThrows(BadInputException.class,
        () -> new SnapshotReader(new Configuration()).read(js.toString(),
            SnapshotReader.OnBadRecord.FAIL));
    assertEquals(new InputProblem(pq.resolve("demands").toString(), "record 1", "gbps",
        "must be a number, got string \"10\""), fromParquet.problems().get(0));
    assertEquals(fromJson.problems().stream().map(p -> p.message() + " " + p.field()).toList(),
        fromParquet.problems().stream().map(p -> p.message() + " " + p.field()).toList());
  }

  @Test
  void unsupportedTypeOfAColumnRead_namesTheFileAndColumn() throws IOException {
    Path table = tmp.resolve("demands");
    SparkTestSession.get().createDataFrame(List.of(RowFactory.create("a", "c",
        new java.math.BigDecimal("10.50"))), DataTypes.createStructType(List.of(
            DataTypes.createStructField("src", DataTypes.StringType, false),
            DataTypes.createStructField("dst", DataTypes.StringType, false),
            DataTypes.createStructField("gbps", DataTypes.createDecimalType(10, 2), false))))
        .coalesce(1).write().parquet(table.toString());
    Path file;
    try (Stream<Path> files = Files.list(table)) {
      file = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
          .orElseThrow();
    }
    BadInputException e = assertThrows(BadInputException.class,
        () -> rows(table, List.of(), SnapshotRecords.DEMAND_COLUMNS));
    InputProblem p = e.problems().get(0);
    assertEquals(file.toString(), p.file());
    assertEquals("gbps", p.field());
    assertTrue(p.message().startsWith("unsupported Parquet type int64 (DECIMAL(10,2))"),
        p.message());
  }

  @Test
  void corruptFile_isUnreadableNamingTheFile() throws IOException {
    Path table = tmp.resolve("devices");
    Files.createDirectories(table);
    Files.writeString(table.resolve("part-00000.parquet"), "not a Parquet file at all");
    BadInputException e = assertThrows(BadInputException.class,
        () -> rows(table, List.of("id"), SnapshotRecords.DEVICE_COLUMNS));
    InputProblem p = e.problems().get(0);
    assertTrue(p.file().endsWith("devices/part-00000.parquet"), p.file());
    assertTrue(p.message().startsWith("cannot read the Parquet table: "), p.message());
  }
}
