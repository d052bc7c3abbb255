package io.netimpact.publish;

import io.netimpact.input.SnapshotReader;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.service.SnapshotChoice;
import io.netimpact.spark.Cluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A prefix holding snapshot directories (local, HDFS or {@code s3a://}), as the rolling review
 * service reads it: one snapshot per immediate child directory, complete once its
 * {@value #MARKER} marker is in place (written by the producer after every other file).
 * Children whose names start with {@code .} or {@code _} are not snapshots.
 */
public final class SnapshotPrefix {
  /** The file a snapshot's producer writes last: the snapshot is complete. */
  public static final String MARKER = "_SUCCESS";

  private final Cluster cluster;
  private final Path prefix;
  private final FileSystem fs;

  private SnapshotPrefix(Cluster cluster, String prefix) {
    this.cluster = cluster;
    try {
      Path p = new Path(prefix);
      this.fs = p.getFileSystem(cluster.hadoop());
      this.prefix = fs.makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open snapshot prefix " + prefix + ": " + e, e);
    }
  }

  public static SnapshotPrefix of(Cluster cluster, String prefix) {
    return new SnapshotPrefix(cluster, prefix);
  }

  /** The prefix, fully qualified. */
  public String path() {
    return prefix.toString();
  }

  /** Where snapshot directory {@code dir} (a child's name) is, fully qualified. */
  public String path(String dir) {
    return new Path(prefix, dir).toString();
  }

  /**
   * The child directories, each with the modification time the listing gives it (0 where
   * the store has none, as for S3 prefixes). One listing of the prefix; none when it does not
   * exist.
   */
  public List<SnapshotChoice.Listed> children() {
    List<SnapshotChoice.Listed> out = new ArrayList<>();
    try {
      if (!fs.exists(prefix)) {
        return out;
      }
      for (FileStatus f : fs.listStatus(prefix)) {
        String n = f.getPath().getName();
        if (f.isDirectory() && !n.startsWith(".") && !n.startsWith("_")) {
          out.add(new SnapshotChoice.Listed(n, f.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the snapshots in " + prefix + ": " + e, e);
    }
    return out;
  }

  /** Whether snapshot directory {@code dir} carries its completion marker. */
  public boolean complete(String dir) {
    try {
      return fs.exists(new Path(new Path(prefix, dir), MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + MARKER + " in " + path(dir) + ": "
          + e, e);
    }
  }

  /** The manifest of snapshot directory {@code dir}: bad input, located, when it is bad. */
  public SnapshotInfo manifest(String dir) {
    return new SnapshotReader(cluster.hadoop()).manifest(path(dir));
  }
}
