package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotReaderTest {
  static final String MANIFEST =
      "{\"format\":\"netimpact-snapshot\",\"version\":1,\"snapshot_id\":\"s1\",\"taken_at\":\"2026-11-23T00:00:00Z\"}";
  static final String DEVICES = """
      {"id":"a","site":"s1","role":"core"}
      {"id":"b","site":"s1"}
      {"id":"c","drained":true}
      """;
  static final String LINKS = """
      {"id":"ab","a":"a","b":"b","metric":10,"capacity_gbps":100}
      {"id":"bc","a":"b","b":"c","metric":5,"metric_ba":7,"members":[{"id":"m1","capacity_gbps":40},{"id":"m2","capacity_gbps":40,"up":false}],"min_links":1,"srlgs":["g1"],"latency_ms":1.5}
      """;
  static final String DEMANDS = """
      {"src":"a","dst":"c","gbps":10}
      {"src":"a","dst":"c","gbps":2.5,"class":"gold"}
      """;

  @TempDir
  Path dir;

  static void write(Path dir, String manifest, String devices, String links, String demands)
      throws IOException {
    if (manifest != null) {
      Files.writeString(dir.resolve("manifest.json"), manifest);
    }
    Files.writeString(dir.resolve("devices.jsonl"), devices);
    Files.writeString(dir.resolve("links.jsonl"), links);
    Files.writeString(dir.resolve("demands.jsonl"), demands);
  }

  private SnapshotReader.Loaded read(SnapshotReader.OnBadRecord policy) {
    return new SnapshotReader(new Configuration())
        .read(dir.toString(), policy);
  }

  @Test
  void validSnapshot_readsEveryFieldWithDefaults() throws IOException {
    write(dir, MANIFEST, DEVICES, LINKS, DEMANDS);
    Snapshot s = read(SnapshotReader.OnBadRecord.FAIL).snapshot();
    assertEquals("s1", s.info().snapshotId());
    assertEquals(3, s.devices().size());
    assertTrue(s.devices().get(2).drained());
    assertEquals("ab", s.links().get(0).members().get(0).id(), "implicit member named after link");
    assertEquals(1, s.links().get(0).minLinks());
    assertEquals(7, s.links().get(1).metricBaOrDefault());
    assertEquals(List.of("g1"), s.links().get(1).srlgs());
    assertTrue(!s.links().get(1).members().get(1).up());
    assertEquals("gold", s.demands().get(1).trafficClass());
  }

  static Stream<Arguments> badRecords() {
    return Stream.of(
        // table, the bad line appended, expected line, expected field, message fragment
        Arguments.of("devices", "{\"id\":\"x\",", 4, "", "malformed JSON"),
        Arguments.of("devices", "{\"site\":\"s1\"}", 4, "id", "missing required field"),
        Arguments.of("devices", "{\"id\":42}", 4, "id", "must be a string"),
        Arguments.of("devices", "{\"id\":\"x\",\"drained\":\"yes\"}", 4, "drained", "true or false"),
        Arguments.of("devices", "{\"id\":\"a\"}", 4, "id", "duplicate device id"),
        Arguments.of("links", "{\"id\":\"ab\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"capacity_gbps\":1}",
            3, "id", "duplicate link id"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"zz\",\"metric\":1,\"capacity_gbps\":1}",
            3, "b", "unknown device \"zz\""),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"a\",\"metric\":1,\"capacity_gbps\":1}",
            3, "b", "self-loop"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":0,\"capacity_gbps\":1}",
            3, "metric", "between 1 and 2147483647"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":4294967296,\"capacity_gbps\":1}",
            3, "metric", "between 1 and 2147483647"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1.5,\"capacity_gbps\":1}",
            3, "metric", "must be an integer"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":\"1\",\"capacity_gbps\":1}",
            3, "metric", "must be an integer"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"capacity_gbps\":-1}",
            3, "capacity_gbps", "must be > 0"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"capacity_gbps\":0}",
            3, "capacity_gbps", "must be > 0"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"capacity_gbps\":NaN}",
            3, "capacity_gbps", "finite"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"capacity_gbps\":Infinity}",
            3, "capacity_gbps", "finite"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"members\":[{\"id\":\"m\",\"capacity_gbps\":1}],\"min_links\":2}",
            3, "min_links", "above the member count"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1,\"members\":[{\"id\":\"m\",\"capacity_gbps\":1},{\"id\":\"m\",\"capacity_gbps\":1}]}",
            3, "members[1].id", "duplicate member id"),
        Arguments.of("links", "{\"id\":\"x\",\"a\":\"a\",\"b\":\"c\",\"metric\":1}",
            3, "members", "give members or capacity_gbps"),
        Arguments.of("demands", "{\"src\":\"a\",\"dst\":\"q\",\"gbps\":1}", 3, "dst", "unknown device \"q\""),
        Arguments.of("demands", "{\"src\":\"a\",\"dst\":\"a\",\"gbps\":1}", 3, "dst", "must differ from src"),
        Arguments.of("demands", "{\"src\":\"a\",\"dst\":\"b\",\"gbps\":-3}", 3, "gbps", "must be >= 0"),
        Arguments.of("demands", "{\"src\":\"a\",\"dst\":\"b\",\"gbps\":NaN}", 3, "gbps", "finite"),
        Arguments.of("demands", "{\"src\":\"a\",\"dst\":\"b\",\"gbps\":-Infinity}", 3, "gbps", "finite"),
        Arguments.of("demands", "[1,2]", 3, "", "must be a JSON object"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badRecords")
  void badRecord_isReportedWithFileLineAndField(String table, String bad, int line, String field,
      String fragment) throws IOException {
    write(dir, MANIFEST, DEVICES + (table.equals("devices") ? bad + "\n" : ""),
        LINKS + (table.equals("links") ? bad + "\n" : ""),
        DEMANDS + (table.equals("demands") ? bad + "\n" : ""));
    BadInputException e = assertThrows(BadInputException.class,
        () -> read(SnapshotReader.OnBadRecord.FAIL));
    InputProblem p = e.problems().get(0);
    assertTrue(p.file().endsWith(table + ".jsonl"), p.toString());
    assertEquals("line " + line, p.location(), p.toString());
    assertEquals(field, p.field(), p.toString());
    assertTrue(p.message().contains(fragment), p.toString());
    assertTrue(e.getMessage().contains(table + ".jsonl, line " + line), e.getMessage());
  }

  @Test
  void quarantine_setsBadRecordsAsideWithDependents() throws IOException {
    write(dir, MANIFEST, DEVICES + "{\"id\":\"d\",\"drained\":1}\n",
        LINKS + "{\"id\":\"cd\",\"a\":\"c\",\"b\":\"d\",\"metric\":1,\"capacity_gbps\":1}\n",
        DEMANDS + "{\"src\":\"a\",\"dst\":\"d\",\"gbps\":1}\n");
    SnapshotReader.Loaded l = read(SnapshotReader.OnBadRecord.QUARANTINE);
    assertEquals(3, l.snapshot().devices().size());
    assertEquals(2, l.snapshot().links().size());
    assertEquals(2, l.snapshot().demands().size());
    assertEquals(3, l.rejects().size());
    assertEquals("{\"id\":\"d\",\"drained\":1}", l.rejects().get(0).record());
  }

  @Test
  void missingManifest_isReported() throws IOException {
    write(dir, null, DEVICES, LINKS, DEMANDS);
    var e = assertThrows(BadInputException.class, () -> read(SnapshotReader.OnBadRecord.FAIL));
    assertTrue(e.getMessage().contains("manifest.json") && e.getMessage().contains("missing"));
  }

  @Test
  void wrongFormatVersion_isReported() throws IOException {
    write(dir, MANIFEST.replace("\"version\":1", "\"version\":2"), DEVICES, LINKS, DEMANDS);
    var e = assertThrows(BadInputException.class, () -> read(SnapshotReader.OnBadRecord.FAIL));
    assertEquals("version", e.problems().get(0).field());
  }

  @Test
  void emptyTable_isReported() throws IOException {
    write(dir, MANIFEST, DEVICES, LINKS, "\n");
    var e = assertThrows(BadInputException.class, () -> read(SnapshotReader.OnBadRecord.FAIL));
    assertTrue(e.getMessage().contains("demands") && e.getMessage().contains("no valid records"));
  }

  @Test
  void truncatedLastLine_isReportedOnItsLine() throws IOException {
    write(dir, MANIFEST, DEVICES, LINKS, DEMANDS + "{\"src\":\"a\",\"dst\":\"b\",\"gb");
    var e = assertThrows(BadInputException.class, () -> read(SnapshotReader.OnBadRecord.FAIL));
    assertEquals("line 3", e.problems().get(0).location());
  }

  @Test
  void invalidUtf8_isReportedOnItsLine() throws IOException {
    write(dir, MANIFEST, DEVICES, LINKS, DEMANDS);
    byte[] bad = "{\"id\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("devices.jsonl"), bad, java.nio.file.StandardOpenOption.APPEND);
    var e = assertThrows(BadInputException.class, () -> read(SnapshotReader.OnBadRecord.FAIL));
    assertTrue(e.getMessage().contains("devices.jsonl") && e.getMessage().contains("UTF-8"),
        e.getMessage());
  }
}
