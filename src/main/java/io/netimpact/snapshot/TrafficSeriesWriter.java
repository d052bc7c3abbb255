package io.netimpact.snapshot;

import io.netimpact.input.Json;
import io.netimpact.input.TrafficSeriesReader;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes a traffic series into a snapshot directory: {@code traffic/index.json} listing the
 * intervals in order, and {@code traffic/<id>.jsonl} per interval with the contract's demand
 * columns. See {@link TrafficSeriesReader} for the layout.
 */
public final class TrafficSeriesWriter {
  private TrafficSeriesWriter() {}

  /** {@link #write(TrafficSeries, String, Configuration)} with storage settings as plain pairs. */
  public static void write(TrafficSeries series, String snapshotDir, Map<String, String> hadoop) {
    write(series, snapshotDir, HadoopSettings.configuration(hadoop));
  }

  public static void write(TrafficSeries series, String snapshotDir, Configuration conf) {
    Configuration hadoop = HadoopSettings.withoutChecksumFiles(conf);
    String dir = new Path(snapshotDir, TrafficSeriesReader.DIR).toString();
    ObjectNode index = Json.MAPPER.createObjectNode();
    ArrayNode list = index.putArray("intervals");
    for (TrafficInterval t : series.intervals()) {
      try (SnapshotWriter.TableWriter w = SnapshotWriter.TableWriter.open(dir, t.id(), hadoop)) {
        t.demands().forEach(w::demand);
      }
      ObjectNode n = list.addObject();
      n.put("id", t.id());
      n.put("start", t.start());
      n.put("minutes", t.minutes());
      n.put("path", TrafficSeriesReader.DIR + "/" + t.id() + ".jsonl");
    }
    Path p = new Path(dir, TrafficSeriesReader.INDEX);
    try (Writer w = SnapshotWriter.open(p, hadoop)) {
      w.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(index));
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
