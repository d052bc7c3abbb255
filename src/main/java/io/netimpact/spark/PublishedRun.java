package io.netimpact.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.input.Json;
import io.netimpact.input.Locations;
import io.netimpact.report.SummaryText;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A published run as its marker {@code OUT/_runs/RUN/_SUCCESS} describes it: when it was
 * published, in which format, and the files of each table. Readers that follow the marker see
 * one complete version of the run, never a publish in progress (see {@link ReportWriter}).
 *
 * @param publishedAt the marker's {@code published_at}; the newest run is the one published last
 * @param tables      table name to its files, in the marker's order
 * @param page        the run's {@code summary.html}, absolute for a local output
 */
public record PublishedRun(String out, String runId, String publishId, Instant publishedAt,
    ReportWriter.Format format, Map<String, List<Path>> tables, String page) {
  public PublishedRun {
    tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /** Where the run is, as the summary's "report:" and "page:" lines name it. */
  public SummaryText.Published located() {
    return new SummaryText.Published(out, runId, format.name().toLowerCase(), tableNames(),
        page);
  }

  /** The table names, in the marker's order. */
  public List<String> tableNames() {
    return List.copyOf(tables.keySet());
  }

  /**
   * Reads the marker of {@code runId} under {@code out} (local or any Hadoop file system).
   *
   * @throws IllegalArgumentException when the run has no marker (never published, or the
   *                                  output is elsewhere), naming the path looked at and the
   *                                  runs that are there
   */
  public static PublishedRun read(Configuration conf, String out, String runId) {
    Path root = new Path(out);
    Path marker = new Path(root, "_runs/" + runId + "/" + ReportWriter.MARKER);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(marker)) {
        List<String> runs = runIds(fs, root);
        throw new IllegalArgumentException("no published run " + runId + ": "
            + Locations.qualified(fs, marker) + " does not exist"
            + (runs.isEmpty() ? " (no run under " + Locations.qualified(fs, root) + ")"
                : " (runs there: " + String.join(", ", runs) + ")"));
      }
      JsonNode node;
      try (InputStream in = fs.open(marker)) {
        node = Json.MAPPER.readTree(in);
      }
      Map<String, List<Path>> tables = new LinkedHashMap<>();
      var it = node.path("tables").fields();
      while (it.hasNext()) {
        var e = it.next();
        Path dir = new Path(root, e.getKey() + "/run_id=" + runId);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        e.getValue().forEach(f -> names.add(f.asText()));
        tables.put(e.getKey(), names.stream().map(n -> new Path(dir, n)).toList());
      }
      return new PublishedRun(out, node.path("run_id").asText(runId),
          node.path("publish_id").asText(""), instant(node.path("published_at").asText("")),
          ReportWriter.Format.valueOf(node.path("format").asText("parquet").toUpperCase()),
          tables, ReportWriter.publishedAttachment(fs, out, runId, "summary.html")
              .map(p -> Locations.qualified(fs, p)).orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run marker " + marker + ": " + e, e);
    }
  }

  /** Every published run under {@code out}, newest first by {@code published_at}. */
  public static List<PublishedRun> all(Configuration conf, String out) {
    Path root = new Path(out);
    List<String> ids;
    try {
      FileSystem fs = root.getFileSystem(conf);
      ids = runIds(fs, root);
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("no published run under " + Locations.qualified(fs, root)
            + " (looked for " + Locations.qualified(fs, new Path(root, "_runs")) + "/*/"
            + ReportWriter.MARKER + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the runs under " + out + ": " + e, e);
    }
    List<PublishedRun> runs = new ArrayList<>();
    ids.forEach(id -> runs.add(read(conf, out, id)));
    runs.sort(Comparator.comparing(PublishedRun::publishedAt).reversed()
        .thenComparing(PublishedRun::runId));
    return runs;
  }

  private static List<String> runIds(FileSystem fs, Path root) throws IOException {
    Path runs = new Path(root, "_runs");
    List<String> ids = new ArrayList<>();
    FileStatus[] listed;
    try {
      listed = fs.listStatus(runs);
    } catch (FileNotFoundException e) {
      return ids;
    }
    for (FileStatus s : listed) {
      if (s.isDirectory() && fs.exists(new Path(s.getPath(), ReportWriter.MARKER))) {
        ids.add(s.getPath().getName());
      }
    }
    ids.sort(null);
    return ids;
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
