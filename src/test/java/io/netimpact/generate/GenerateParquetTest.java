package io.netimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateParquetTest {
  @TempDir
  Path tmp;

  static SparkSession spark() {
    return SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  /** Read back as the same snapshot as JSON lines: {@code input.ParquetRowsTest}. */
  @Test
  void parquetFormat_writesADirectoryOfPartFilesPerTable() {
    Path pq = tmp.resolve("pq");
    SnapshotGenerator.generate(Preset.SMALL, 3, pq.toString(), new Configuration(),
        SnapshotGenerator.Format.PARQUET);
    for (String table : new String[] {"devices", "links", "demands"}) {
      assertTrue(Files.isRegularFile(pq.resolve(table).resolve("part-00000.parquet")), table);
      assertFalse(Files.exists(pq.resolve(table + ".jsonl")), table);
    }
  }

  @Test
  void parquetFiles_areByteIdenticalForTheSameSeed() throws java.io.IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    SnapshotGenerator.generate(Preset.SMALL, 5, a.toString(), new Configuration(),
        SnapshotGenerator.Format.PARQUET);
    SnapshotGenerator.generate(Preset.SMALL, 5, b.toString(), new Configuration(),
        SnapshotGenerator.Format.PARQUET);
    var fa = GenerateSnapshotTest.files(a);
    var fb = GenerateSnapshotTest.files(b);
    assertEquals(fa.keySet(), fb.keySet());
    assertTrue(fa.keySet().contains("links/part-00000.parquet"), fa.keySet().toString());
    for (String f : fa.keySet()) {
      assertTrue(Arrays.equals(fa.get(f), fb.get(f)), f);
    }
  }

  @Test
  void parquetSchema_usesStandardListsAndContractTypes() {
    SparkSession spark = spark();
    Path pq = tmp.resolve("schema");
    SnapshotGenerator.generate(Preset.SMALL, 4, pq.toString(), new Configuration(),
        SnapshotGenerator.Format.PARQUET);
    String links = spark.read().parquet(pq.resolve("links").toString()).schema().simpleString();
    assertTrue(links.contains("metric:int"), links);
    assertTrue(links.contains("metric_ba:int"), links);
    assertTrue(links.contains("members:array<struct<id:string,capacity_gbps:double,up:boolean>>"),
        links);
    assertTrue(links.contains("min_links:int"), links);
    assertTrue(links.contains("srlgs:array<string>"), links);
    String devices = spark.read().parquet(pq.resolve("devices").toString()).schema()
        .simpleString();
    assertTrue(devices.contains("drained:boolean"), devices);
    assertEquals(Arrays.asList("src", "dst", "gbps", "class"), Arrays.asList(
        spark.read().parquet(pq.resolve("demands").toString()).columns()));
  }
}
