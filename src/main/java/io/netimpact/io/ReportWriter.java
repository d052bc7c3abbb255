package io.netimpact.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a run's report tables under an output prefix as
 * {@code OUT/TABLE/run_id=RUN/<publish>-part-*}, every file keeping the {@code run_id} column.
 *
 * <p>Publishing is atomic for readers that follow the run marker, and idempotent:
 * <ol>
 *   <li>every table is written in full under {@code OUT/_staging/RUN-<publish>/TABLE};</li>
 *   <li>its files are moved into {@code OUT/TABLE/run_id=RUN/}, each name prefixed with the
 *       publish id, next to the files of the run's previous version (if any);</li>
 *   <li>the marker {@code OUT/_runs/RUN/_SUCCESS} is replaced in one atomic step (rename with
 *       overwrite; a single PUT on S3). It is JSON listing the publish id and, per table, the
 *       files of this version: the switch from the old version to the new one;</li>
 *   <li>files of the run not listed in the marker (the previous version, leftovers of a
 *       publish that died) are deleted, as are tables the new version does not have.</li>
 * </ol>
 * A driver that dies before step 3 leaves the old marker, so a reader following it sees the
 * old run; after step 3 it sees the new one. A reader that lists the directories instead sees
 * a clean run after step 4 completes, and may see both versions only while a publish runs or
 * after one died, until the next publish of that run id cleans up. Other runs are never
 * touched.
 *
 * <p>Attached files (the run's {@code summary.html}) are staged with the tables and moved to
 * {@code OUT/_runs/RUN/NAME} just before the marker switch.
 */
public final class ReportWriter {
  /** Output format of the report tables. */
  public enum Format { PARQUET, JSON }

  /** Name of the run marker under {@code OUT/_runs/RUN/}. */
  public static final String MARKER = "_SUCCESS";

  /**
   * Test hook: halt the JVM (as a killed driver would stop) after this many files were moved
   * into place, or with {@code -1} just before the marker switch. Unset in production.
   */
  static final String HALT_PROPERTY = "netimpact.test.haltAfterMoves";

  private final SparkSession spark;
  private final String out;
  private final Format format;
  private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
  private final Map<String, byte[]> attachments = new LinkedHashMap<>();

  public ReportWriter(SparkSession spark, String out, Format format) {
    this.spark = spark;
    this.out = out;
    this.format = format;
  }

  /** Adds a table to the run; nothing is written until {@link #publish}. */
  public ReportWriter add(String table, Dataset<Row> rows) {
    tables.put(table, rows);
    return this;
  }

  /** Adds a file published with the run as {@code OUT/_runs/RUN/NAME}. */
  public ReportWriter attach(String name, byte[] content) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.equals(MARKER)) {
      throw new IllegalArgumentException("attachment name must be a plain file name, not \""
          + name + "\"");
    }
    attachments.put(name, content.clone());
    return this;
  }

  public String out() {
    return out;
  }

  /** Writes every added table and publishes them as run {@code runId}. */
  public void publish(String runId) {
    Path root = new Path(out);
    String publishId = Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    Path staging = new Path(root, "_staging/" + runId + "-" + publishId);
    FileSystem fs;
    try {
      fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new IllegalStateException("cannot open output " + out + ": " + e.getMessage(), e);
    }
    try {
      for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
        var w = t.getValue().write().mode(SaveMode.ErrorIfExists);
        if (format == Format.JSON) {
          w.option("ignoreNullFields", "false").json(new Path(staging, t.getKey()).toString());
        } else {
          w.parquet(new Path(staging, t.getKey()).toString());
        }
      }
      for (Map.Entry<String, byte[]> f : attachments.entrySet()) {
        try (OutputStream o = fs.create(new Path(staging, "_files/" + f.getKey()), false)) {
          o.write(f.getValue());
        }
      }
      int halt = Integer.getInteger(HALT_PROPERTY, Integer.MIN_VALUE);
      int moved = 0;
      ObjectNode marker = Json.MAPPER.createObjectNode();
      marker.put("run_id", runId);
      marker.put("publish_id", publishId);
      marker.put("published_at", Instant.now().toString());
      marker.put("format", format.name().toLowerCase());
      ObjectNode listed = marker.putObject("tables");
      for (String table : tables.keySet()) {
        Path target = runDir(root, table, runId);
        fs.mkdirs(target);
        ArrayNode files = listed.putArray(table);
        for (FileStatus f : fs.listStatus(new Path(staging, table))) {
          String name = f.getPath().getName();
          if (name.equals(MARKER)) {
            // The committer's own summary (which committer, which files): kept for operators
            // as the table's _SUCCESS, which Spark readers skip like every _ file.
            Path committed = new Path(target, MARKER);
            fs.delete(committed, false);
            fs.rename(f.getPath(), committed);
            continue;
          }
          if (name.startsWith("_") || name.startsWith(".")) {
            continue;
          }
          String published = publishId + "-" + name;
          if (!fs.rename(f.getPath(), new Path(target, published))) {
            throw new IOException("cannot move " + f.getPath() + " into " + target);
          }
          files.add(published);
          if (++moved == halt) {
            Runtime.getRuntime().halt(99);
          }
        }
      }
      if (halt == -1) {
        Runtime.getRuntime().halt(99);
      }
      for (String name : attachments.keySet()) {
        Path target = new Path(root, "_runs/" + runId + "/" + name);
        fs.mkdirs(target.getParent());
        if (fs.exists(target) && !fs.delete(target, false)) {
          throw new IOException("cannot replace " + target);
        }
        if (!fs.rename(new Path(staging, "_files/" + name), target)) {
          throw new IOException("cannot move attachment " + name + " to " + target);
        }
      }
      switchMarker(fs, new Path(root, "_runs/" + runId + "/" + MARKER),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
      cleanUp(fs, root, runId, tables.keySet(), publishId);
    } catch (IOException e) {
      throw new IllegalStateException("writing the report to " + out + " failed: " + e, e);
    } finally {
      try {
        fs.delete(staging, true);
        Path parent = staging.getParent();
        if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
          fs.delete(parent, false);
        }
      } catch (IOException ignored) {
        // A leftover staging directory is never read, and the next publish ignores it.
      }
    }
  }

  static Path runDir(Path root, String table, String runId) {
    return new Path(root, table + "/run_id=" + runId);
  }

  /** Replaces the marker in one step: a rename with overwrite, or one PUT on object stores. */
  private void switchMarker(FileSystem fs, Path marker, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String scheme = fs.getUri().getScheme();
    if ("s3a".equals(scheme) || "s3".equals(scheme)) {
      try (OutputStream o = fs.create(marker, true)) {
        o.write(bytes);
      }
      return;
    }
    Path tmp = new Path(marker.getParent(), "." + MARKER + "-" + UUID.randomUUID());
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(bytes);
    }
    FileContext fc = FileContext.getFileContext(fs.getUri(), fs.getConf());
    fc.rename(tmp, marker, Options.Rename.OVERWRITE);
  }

  /** Deletes this run's files that the new marker does not list. Other runs are untouched. */
  private void cleanUp(FileSystem fs, Path root, String runId, Set<String> current,
      String publishId) throws IOException {
    for (FileStatus t : fs.listStatus(root)) {
      String name = t.getPath().getName();
      if (!t.isDirectory() || name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      Path dir = runDir(root, name, runId);
      if (!fs.exists(dir)) {
        continue;
      }
      if (!current.contains(name)) {
        fs.delete(dir, true);
        continue;
      }
      for (FileStatus f : fs.listStatus(dir)) {
        String file = f.getPath().getName();
        if (!file.startsWith(publishId + "-") && !file.equals(MARKER)) {
          fs.delete(f.getPath(), true);
        }
      }
    }
  }

  /**
   * The files of a run's current version, per table, as its marker lists them; empty when the
   * run has no marker (never published, or its first publish died before the switch).
   */
  public static Map<String, List<Path>> publishedFiles(FileSystem fs, String out, String runId)
      throws IOException {
    Path root = new Path(out);
    Path marker = new Path(root, "_runs/" + runId + "/" + MARKER);
    Map<String, List<Path>> result = new LinkedHashMap<>();
    if (!fs.exists(marker)) {
      return result;
    }
    var node = Json.MAPPER.readTree(fs.open(marker));
    var it = node.get("tables").fields();
    while (it.hasNext()) {
      var e = it.next();
      List<Path> files = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (var f : e.getValue()) {
        if (seen.add(f.asText())) {
          files.add(new Path(runDir(root, e.getKey(), runId), f.asText()));
        }
      }
      result.put(e.getKey(), files);
    }
    return result;
  }
}
