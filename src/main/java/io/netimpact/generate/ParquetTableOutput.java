package io.netimpact.generate;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A snapshot table as a Parquet directory of {@code part-NNNNN.parquet} files, written with
 * parquet-hadoop's example writer (no Spark job). Column names and types are the contract's;
 * lists use the standard three-level LIST layout that Spark and other readers expect.
 * Absent optional values are left null. Files are cut every {@link #ROWS_PER_FILE} rows so a
 * reader can split a large table; the bytes depend only on the records (no timestamps or
 * random file names), so a seed gives identical files.
 */
final class ParquetTableOutput implements TableOutput {
  static final long ROWS_PER_FILE = 2_000_000;

  static final Map<String, MessageType> SCHEMAS = Map.of(
      "devices", MessageTypeParser.parseMessageType("""
          message device {
            required binary id (STRING);
            optional binary site (STRING);
            optional binary region (STRING);
            optional binary role (STRING);
            required boolean drained;
          }"""),
      "links", MessageTypeParser.parseMessageType("""
          message link {
            required binary id (STRING);
            required binary a (STRING);
            required binary b (STRING);
            required int32 metric;
            optional int32 metric_ba;
            optional group members (LIST) {
              repeated group list {
                required group element {
                  required binary id (STRING);
                  required double capacity_gbps;
                  required boolean up;
                }
              }
            }
            required int32 min_links;
            required boolean up;
            required double latency_ms;
            optional group srlgs (LIST) {
              repeated group list {
                required binary element (STRING);
              }
            }
          }"""),
      "demands", MessageTypeParser.parseMessageType("""
          message demand {
            required binary src (STRING);
            required binary dst (STRING);
            required double gbps;
            optional binary class (STRING);
          }"""));

  private final Path dir;
  private final Configuration hadoop;
  private final MessageType schema;
  private final SimpleGroupFactory groups;
  private ParquetWriter<Group> writer;
  private int files;
  private long count;

  ParquetTableOutput(Path dir, String table, Configuration hadoop) {
    this.dir = dir;
    this.hadoop = hadoop;
    this.schema = SCHEMAS.get(table);
    if (schema == null) {
      throw new IllegalArgumentException("no Parquet schema for table " + table);
    }
    this.groups = new SimpleGroupFactory(schema);
  }

  @Override
  public void device(Device d) {
    Group g = groups.newGroup().append("id", d.id());
    optional(g, "site", d.site());
    optional(g, "region", d.region());
    optional(g, "role", d.role());
    write(g.append("drained", d.drained()));
  }

  @Override
  public void link(Link l) {
    Group g = groups.newGroup().append("id", l.id()).append("a", l.a()).append("b", l.b())
        .append("metric", l.metric());
    l.metricBa().ifPresent(v -> g.append("metric_ba", v));
    Group members = g.addGroup("members");
    for (Member m : l.members()) {
      members.addGroup("list").addGroup("element").append("id", m.id())
          .append("capacity_gbps", m.capacityGbps()).append("up", m.up());
    }
    g.append("min_links", l.minLinks()).append("up", l.up()).append("latency_ms", l.latencyMs());
    Group srlgs = g.addGroup("srlgs");
    for (String s : l.srlgs()) {
      srlgs.addGroup("list").append("element", s);
    }
    write(g);
  }

  @Override
  public void demand(Demand d) {
    Group g = groups.newGroup().append("src", d.src()).append("dst", d.dst())
        .append("gbps", d.gbps());
    optional(g, "class", d.trafficClass());
    write(g);
  }

  private static void optional(Group g, String field, String value) {
    if (!value.isEmpty()) {
      g.append(field, value);
    }
  }

  private void write(Group g) {
    try {
      if (writer == null || count % ROWS_PER_FILE == 0 && count > 0) {
        roll();
      }
      writer.write(g);
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir, e);
    }
  }

  private void roll() throws IOException {
    if (writer != null) {
      writer.close();
    }
    Path file = new Path(dir, String.format("part-%05d.parquet", files++));
    writer = ExampleParquetWriter.builder(file).withConf(hadoop).withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public void close() {
    try {
      if (writer == null) {
        roll();
      }
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir, e);
    }
  }
}
