package io.netimpact.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a run's report tables under an output prefix as
 * {@code OUT/TABLE/run_id=RUN/part-*}, every file keeping the {@code run_id} column.
 *
 * <p>Publishing: every table is first written in full under
 * {@code OUT/_staging/RUN-NONCE/TABLE}; only when all are written is each moved into place,
 * replacing that run's earlier output and touching no other run; then the run's marker
 * {@code OUT/_runs/RUN/_SUCCESS} is written. A run that fails before publishing leaves only
 * its staging directory, which is deleted on failure and never read.
 *
 * <p>Attached files (the run's {@code summary.html}) are staged with the tables and published
 * as {@code OUT/_runs/RUN/NAME} just before the marker.
 */
public final class ReportWriter {
  /** Output format of the report tables. */
  public enum Format { PARQUET, JSON }

  private final SparkSession spark;
  private final String out;
  private final Format format;
  private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();

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

  /** Attaches a small file to the run, published as {@code OUT/_runs/RUN/name}. */
  public ReportWriter attach(String name, byte[] content) {
    if (name.isEmpty() || name.contains("/") || name.startsWith("_")) {
      throw new IllegalArgumentException("attachment name must be a plain file name not "
          + "starting with _, got \"" + name + "\"");
    }
    files.put(name, content.clone());
    return this;
  }

  public String out() {
    return out;
  }

  /** Writes every added table and publishes them for {@code runId}. */
  public void publish(String runId) {
    Path root = new Path(out);
    Path staging = new Path(root, "_staging/" + runId + "-" + UUID.randomUUID());
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
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        try (var o = fs.create(new Path(staging, "_files/" + f.getKey()), false)) {
          o.write(f.getValue());
        }
      }
      for (String table : tables.keySet()) {
        Path target = new Path(root, table + "/run_id=" + runId);
        if (fs.exists(target) && !fs.delete(target, true)) {
          throw new IOException("cannot replace " + target);
        }
        fs.mkdirs(target.getParent());
        if (!fs.rename(new Path(staging, table), target)) {
          throw new IOException("cannot move " + new Path(staging, table) + " to " + target);
        }
      }
      for (String name : files.keySet()) {
        Path target = new Path(root, "_runs/" + runId + "/" + name);
        if (fs.exists(target) && !fs.delete(target, false)) {
          throw new IOException("cannot replace " + target);
        }
        fs.mkdirs(target.getParent());
        if (!fs.rename(new Path(staging, "_files/" + name), target)) {
          throw new IOException("cannot move attachment " + name + " to " + target);
        }
      }
      Path marker = new Path(root, "_runs/" + runId + "/_SUCCESS");
      fs.create(marker, true).close();
    } catch (IOException e) {
      throw new IllegalStateException("writing the report to " + out + " failed: " + e, e);
    } finally {
      try {
        fs.delete(staging, true);
        Path parent = staging.getParent();
        FileStatusCheck.deleteIfEmpty(fs, parent);
      } catch (IOException ignored) {
        // A leftover staging directory is never read; the next run cleans nothing of it.
      }
    }
  }

  /** Deletes a directory only when empty. */
  static final class FileStatusCheck {
    private FileStatusCheck() {}

    static void deleteIfEmpty(FileSystem fs, Path dir) throws IOException {
      if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
        fs.delete(dir, false);
      }
    }
  }
}
