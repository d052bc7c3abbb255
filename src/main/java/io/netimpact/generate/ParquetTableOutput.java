package io.netimpact.generate;

import static io.netimpact.input.SnapshotColumns.A;
import static io.netimpact.input.SnapshotColumns.B;
import static io.netimpact.input.SnapshotColumns.CAPACITY_GBPS;
import static io.netimpact.input.SnapshotColumns.CLASS;
import static io.netimpact.input.SnapshotColumns.DEMANDS;
import static io.netimpact.input.SnapshotColumns.DEVICES;
import static io.netimpact.input.SnapshotColumns.DRAINED;
import static io.netimpact.input.SnapshotColumns.DST;
import static io.netimpact.input.SnapshotColumns.GBPS;
import static io.netimpact.input.SnapshotColumns.ID;
import static io.netimpact.input.SnapshotColumns.LATENCY_MS;
import static io.netimpact.input.SnapshotColumns.LINKS;
import static io.netimpact.input.SnapshotColumns.MEMBERS;
import static io.netimpact.input.SnapshotColumns.METRIC;
import static io.netimpact.input.SnapshotColumns.METRIC_BA;
import static io.netimpact.input.SnapshotColumns.MIN_LINKS;
import static io.netimpact.input.SnapshotColumns.REGION;
import static io.netimpact.input.SnapshotColumns.ROLE;
import static io.netimpact.input.SnapshotColumns.SITE;
import static io.netimpact.input.SnapshotColumns.SRC;
import static io.netimpact.input.SnapshotColumns.SRLGS;
import static io.netimpact.input.SnapshotColumns.UP;

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

  /** The snapshot tables' Parquet schemas, spelled with the names of {@code SnapshotColumns}. */
  static final Map<String, MessageType> SCHEMAS = Map.of(
      DEVICES, MessageTypeParser.parseMessageType("""
          message device {
            required binary %s (STRING);
            optional binary %s (STRING);
            optional binary %s (STRING);
            optional binary %s (STRING);
            required boolean %s;
          }""".formatted(ID, SITE, REGION,
          ROLE, DRAINED)),
      LINKS, MessageTypeParser.parseMessageType("""
          message link {
            required binary %s (STRING);
            required binary %s (STRING);
            required binary %s (STRING);
            required int32 %s;
            optional int32 %s;
            optional group %s (LIST) {
              repeated group list {
                required group element {
                  required binary %s (STRING);
                  required double %s;
                  required boolean %s;
                }
              }
            }
            required int32 %s;
            required boolean %s;
            required double %s;
            optional group %s (LIST) {
              repeated group list {
                required binary element (STRING);
              }
            }
          }""".formatted(ID, A, B,
          METRIC, METRIC_BA, MEMBERS,
          ID, CAPACITY_GBPS, UP,
          MIN_LINKS, UP, LATENCY_MS,
          SRLGS)),
      DEMANDS, MessageTypeParser.parseMessageType("""
          message demand {
            required binary %s (STRING);
            required binary %s (STRING);
            required double %s;
            optional binary %s (STRING);
          }""".formatted(SRC, DST, GBPS,
          CLASS)));

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
    Group g = groups.newGroup().append(ID, d.id());
    optional(g, SITE, d.site());
    optional(g, REGION, d.region());
    optional(g, ROLE, d.role());
    write(g.append(DRAINED, d.drained()));
  }

  @Override
  public void link(Link l) {
    Group g = groups.newGroup().append(ID, l.id()).append(A, l.a()).append(B, l.b())
        .append(METRIC, l.metric());
    l.metricBa().ifPresent(v -> g.append(METRIC_BA, v));
    Group members = g.addGroup(MEMBERS);
    for (Member m : l.members()) {
      members.addGroup("list").addGroup("element").append(ID, m.id())
          .append(CAPACITY_GBPS, m.capacityGbps()).append(UP, m.up());
    }
    g.append(MIN_LINKS, l.minLinks()).append(UP, l.up()).append(LATENCY_MS, l.latencyMs());
    Group srlgs = g.addGroup(SRLGS);
    for (String s : l.srlgs()) {
      srlgs.addGroup("list").append("element", s);
    }
    write(g);
  }

  @Override
  public void demand(Demand d) {
    Group g = groups.newGroup().append(SRC, d.src()).append(DST, d.dst())
        .append(GBPS, d.gbps());
    optional(g, CLASS, d.trafficClass());
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
