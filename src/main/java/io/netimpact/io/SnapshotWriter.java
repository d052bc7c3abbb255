package io.netimpact.io;

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
  public static void write(Snapshot s, String dir, Configuration hadoop) {
    writeManifest(s.info(), dir, hadoop);
    try (TableWriter w = TableWriter.open(dir, "devices", hadoop)) {
      s.devices().forEach(w::device);
    }
    try (TableWriter w = TableWriter.open(dir, "links", hadoop)) {
      s.links().forEach(w::link);
    }
    try (TableWriter w = TableWriter.open(dir, "demands", hadoop)) {
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
    n.put("id", d.id());
    putIfSet(n, "site", d.site());
    putIfSet(n, "region", d.region());
    putIfSet(n, "role", d.role());
    if (d.drained()) {
      n.put("drained", true);
    }
    return n;
  }

  public static ObjectNode json(Link l) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", l.id());
    n.put("a", l.a());
    n.put("b", l.b());
    n.put("metric", l.metric());
    l.metricBa().ifPresent(v -> n.put("metric_ba", v));
    ArrayNode ms = n.putArray("members");
    for (Member m : l.members()) {
      ObjectNode mn = ms.addObject();
      mn.put("id", m.id());
      mn.put("capacity_gbps", m.capacityGbps());
      if (!m.up()) {
        mn.put("up", false);
      }
    }
    if (l.minLinks() != 1) {
      n.put("min_links", l.minLinks());
    }
    if (!l.up()) {
      n.put("up", false);
    }
    if (l.latencyMs() != 0) {
      n.put("latency_ms", l.latencyMs());
    }
    if (!l.srlgs().isEmpty()) {
      ArrayNode s = n.putArray("srlgs");
      l.srlgs().forEach(s::add);
    }
    return n;
  }

  public static ObjectNode json(Demand d) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("src", d.src());
    n.put("dst", d.dst());
    n.put("gbps", d.gbps());
    putIfSet(n, "class", d.trafficClass());
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
