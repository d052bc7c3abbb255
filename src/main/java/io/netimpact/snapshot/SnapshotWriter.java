package io.netimpact.snapshot;

import io.netimpact.input.Json;
import io.netimpact.input.SnapshotColumns;

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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes snapshots in the contract's JSON-lines layout, local or on any Hadoop file system.
 * Records are written one at a time ({@link TableWriter}), so a generator can stream a
 * snapshot larger than memory. Output is byte-for-byte deterministic for the same records.
 */
public final class SnapshotWriter {
  private SnapshotWriter() {}

  /** Writes a whole in-memory snapshot to {@code dir} (created; existing files replaced). */
  /** {@link #write(Snapshot, String, Configuration)} with storage settings as plain pairs. */
  public static void write(Snapshot s, String dir, Map<String, String> hadoop) {
    write(s, dir, HadoopSettings.configuration(hadoop));
  }

  public static void write(Snapshot s, String dir, Configuration conf) {
    Configuration hadoop = HadoopSettings.withoutChecksumFiles(conf);
    writeManifest(s.info(), dir, hadoop);
    try (TableWriter w = TableWriter.open(dir, DEVICES, hadoop)) {
      s.devices().forEach(w::device);
    }
    try (TableWriter w = TableWriter.open(dir, LINKS, hadoop)) {
      s.links().forEach(w::link);
    }
    try (TableWriter w = TableWriter.open(dir, DEMANDS, hadoop)) {
      s.demands().forEach(w::demand);
    }
  }

  public static void writeManifest(SnapshotInfo info, String dir, Configuration hadoop) {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("format", "netimpact-snapshot");
    m.put("version", 1);
    m.put("snapshot_id", info.snapshotId());
    m.put("taken_at", info.takenAt());
    if (!info.source().isEmpty()) {
      m.put("source", info.source());
    }
    if (!info.notes().isEmpty()) {
      m.put("notes", info.notes());
    }
    try (Writer w = open(new Path(dir, "manifest.json"), hadoop)) {
      w.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + "/manifest.json", e);
    }
  }

  static Writer open(Path p, Configuration hadoop) throws IOException {
    FileSystem fs = p.getFileSystem(hadoop);
    return new BufferedWriter(new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8),
        1 << 16);
  }

  public static ObjectNode json(Device d) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put(ID, d.id());
    putIfSet(n, SITE, d.site());
    putIfSet(n, REGION, d.region());
    putIfSet(n, ROLE, d.role());
    if (d.drained()) {
      n.put(DRAINED, true);
    }
    return n;
  }

  public static ObjectNode json(Link l) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put(ID, l.id());
    n.put(A, l.a());
    n.put(B, l.b());
    n.put(METRIC, l.metric());
    l.metricBa().ifPresent(v -> n.put(METRIC_BA, v));
    ArrayNode ms = n.putArray(MEMBERS);
    for (Member m : l.members()) {
      ObjectNode mn = ms.addObject();
      mn.put(ID, m.id());
      mn.put(CAPACITY_GBPS, m.capacityGbps());
      if (!m.up()) {
        mn.put(UP, false);
      }
    }
    if (l.minLinks() != 1) {
      n.put(MIN_LINKS, l.minLinks());
    }
    if (!l.up()) {
      n.put(UP, false);
    }
    if (l.latencyMs() != 0) {
      n.put(LATENCY_MS, l.latencyMs());
    }
    if (!l.srlgs().isEmpty()) {
      ArrayNode s = n.putArray(SRLGS);
      l.srlgs().forEach(s::add);
    }
    return n;
  }

  public static ObjectNode json(Demand d) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put(SRC, d.src());
    n.put(DST, d.dst());
    n.put(GBPS, d.gbps());
    putIfSet(n, CLASS, d.trafficClass());
    return n;
  }

  private static void putIfSet(ObjectNode n, String field, String value) {
    if (!value.isEmpty()) {
      n.put(field, value);
    }
  }

  /** Streams the records of one table to {@code DIR/TABLE.jsonl}. */
  public static final class TableWriter implements AutoCloseable {
    private final Writer out;
    private final String name;
    private long count;

    private TableWriter(Writer out, String name) {
      this.out = out;
      this.name = name;
    }

    public static TableWriter open(String dir, String table, Configuration hadoop) {
      Path p = new Path(dir, table + ".jsonl");
      try {
        return new TableWriter(SnapshotWriter.open(p, hadoop), p.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + p, e);
      }
    }

    public void device(Device d) {
      line(json(d));
    }

    public void link(Link l) {
      line(json(l));
    }

    public void demand(Demand d) {
      line(json(d));
    }

    private void line(ObjectNode n) {
      try {
        out.write(Json.MAPPER.writeValueAsString(n));
        out.write('\n');
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + name, e);
      }
    }

    public long count() {
      return count;
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + name, e);
      }
    }
  }
}
