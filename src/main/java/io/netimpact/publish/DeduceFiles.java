package io.netimpact.publish;

import io.netimpact.deduce.Deduction;
import io.netimpact.generate.TableOutput;
import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.input.Json;
import io.netimpact.input.Locations;
import io.netimpact.input.MeasuredLoadsReader;
import io.netimpact.input.SnapshotColumns;
import io.netimpact.model.MeasuredInterval;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficSeries;
import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.snapshot.TrafficSeriesWriter;
import io.netimpact.spark.Cluster;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
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
 * The files of {@code deduce} and of {@code --loads}, through the cluster's storage settings
 * (no Spark session): measured loads in, a snapshot of deduced demands and its {@code
 * deduce_fit} table out, as JSON lines or Parquet. Nothing Hadoop-typed crosses its methods.
 */
public final class DeduceFiles {
  /** The fit table written beside the deduced snapshot's tables. */
  public static final String DEDUCE_FIT = "deduce_fit";

  private static final MessageType FIT_SCHEMA = MessageTypeParser.parseMessageType("""
      message deduce_fit {
        required binary link (STRING);
        required binary from (STRING);
        optional double measured_gbps;
        required double predicted_gbps;
        optional double residual_gbps;
        optional binary interval (STRING);
      }""");

  private DeduceFiles() {}

  /** Whether {@code dir} holds a series of measurements (an {@code index.json}). */
  public static boolean isSeries(Cluster cluster, String dir) {
    return new MeasuredLoadsReader(cluster.hadoop()).isSeries(dir);
  }

  /** The measurements of {@code dir}, checked against {@code s} (exit 2 when bad). */
  public static MeasuredLoads read(Cluster cluster, String dir, Snapshot s) {
    return new MeasuredLoadsReader(cluster.hadoop()).read(dir, s);
  }

  /** The measurements of {@code dir}, checked against the devices and links of {@code net}. */
  public static MeasuredLoads read(Cluster cluster, String dir, io.netimpact.routing.Network net) {
    java.util.Set<String> devices = new java.util.HashSet<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      devices.add(net.nodeId(v));
    }
    java.util.Map<String, String[]> ends = new java.util.HashMap<>();
    for (int l = 0; l < net.linkCount(); l++) {
      ends.put(net.linkId(l), new String[] {net.nodeId(net.linkA(l)), net.nodeId(net.linkB(l))});
    }
    return new MeasuredLoadsReader(cluster.hadoop()).read(dir, devices, ends);
  }

  /** The intervals of the series of measurements in {@code dir}. */
  public static List<MeasuredInterval> readSeries(Cluster cluster, String dir, Snapshot s) {
    return new MeasuredLoadsReader(cluster.hadoop()).readSeries(dir, s);
  }

  /** Whether the snapshot directory gives its demands as a Parquet directory. */
  public static boolean hasParquetDemands(Cluster cluster, String snapshotDir) {
    Path p = new Path(snapshotDir, SnapshotColumns.DEMANDS);
    try {
      return p.getFileSystem(cluster.hadoop()).isDirectory(p);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Refuses to write the deduced snapshot over the snapshot it is deduced from, or over the
   * measurements (exit 2, nothing written).
   */
  public static void checkOutput(Cluster cluster, String out, String snapshot, String loads) {
    String o = Locations.qualified(cluster.hadoop(), new Path(out));
    for (String in : List.of(snapshot, loads)) {
      if (o.equals(Locations.qualified(cluster.hadoop(), new Path(in)))) {
        throw new BadInputException(new InputProblem(out, "", "", "is where the inputs are "
            + "read from (" + in + "): write the deduced snapshot to another directory"));
      }
    }
  }

  /**
   * Writes {@code s} (its manifest, devices, links and demands) to {@code out}, then its
   * {@code deduce_fit} table and, when given, the series of deduced matrices. {@code parquet}
   * picks the tables' format (the manifest and the series are JSON either way).
   */
  public static void write(Cluster cluster, String out, Snapshot s, boolean parquet,
      List<FitLine> fit, Optional<TrafficSeries> series) {
    Configuration hadoop = cluster.hadoop();
    SnapshotWriter.writeManifest(s.info(), out, hadoop);
    try (TableOutput w = TableOutput.open(out, SnapshotColumns.DEVICES, parquet, hadoop)) {
      s.devices().forEach(w::device);
    }
    try (TableOutput w = TableOutput.open(out, SnapshotColumns.LINKS, parquet, hadoop)) {
      s.links().forEach(w::link);
    }
    try (TableOutput w = TableOutput.open(out, SnapshotColumns.DEMANDS, parquet, hadoop)) {
      s.demands().forEach(w::demand);
    }
    writeFit(hadoop, out, parquet, fit);
    series.ifPresent(ts -> TrafficSeriesWriter.write(ts, out, hadoop));
  }

  /** One {@code deduce_fit} row: an arc's fit, and its interval in a series (else ""). */
  public record FitLine(Deduction.FitRow row, String interval) {}

  private static void writeFit(Configuration hadoop, String out, boolean parquet,
      List<FitLine> rows) {
    Path jsonl = new Path(out, DEDUCE_FIT + ".jsonl");
    Path dir = new Path(out, DEDUCE_FIT);
    try {
      FileSystem fs = jsonl.getFileSystem(hadoop);
      fs.delete(jsonl, false);
      fs.delete(dir, true);
      if (parquet) {
        SimpleGroupFactory groups = new SimpleGroupFactory(FIT_SCHEMA);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new Path(dir,
                "part-00000.parquet")).withConf(hadoop).withType(FIT_SCHEMA)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
          for (FitLine line : rows) {
            Deduction.FitRow r = line.row();
            Group g = groups.newGroup().append("link", r.link()).append("from", r.from());
            r.measuredGbps().ifPresent(v -> g.append("measured_gbps", v));
            g.append("predicted_gbps", r.predictedGbps());
            r.residualGbps().ifPresent(v -> g.append("residual_gbps", v));
            if (!line.interval().isEmpty()) {
              g.append("interval", line.interval());
            }
            w.write(g);
          }
        }
      } else {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(jsonl, true),
            StandardCharsets.UTF_8), 1 << 16)) {
          for (FitLine line : rows) {
            Deduction.FitRow r = line.row();
            var n = Json.MAPPER.createObjectNode();
            n.put("link", r.link());
            n.put("from", r.from());
            if (r.measuredGbps().isPresent()) {
              n.put("measured_gbps", r.measuredGbps().getAsDouble());
            } else {
              n.putNull("measured_gbps");
            }
            n.put("predicted_gbps", r.predictedGbps());
            if (r.residualGbps().isPresent()) {
              n.put("residual_gbps", r.residualGbps().getAsDouble());
            } else {
              n.putNull("residual_gbps");
            }
            if (!line.interval().isEmpty()) {
              n.put("interval", line.interval());
            }
            w.write(Json.MAPPER.writeValueAsString(n));
            w.write('\n');
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + (parquet ? dir : jsonl), e);
    }
  }
}
