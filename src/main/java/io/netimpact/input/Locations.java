package io.netimpact.input;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Paths as a user can find them again: what a relative path resolved to. */
public final class Locations {
  private Locations() {}

  /** The path as the user can open it: absolute for local files, the full URI otherwise. */
  public static String qualified(FileSystem fs, Path p) {
    Path q = fs.makeQualified(p);
    return "file".equals(q.toUri().getScheme()) ? q.toUri().getPath() : q.toString();
  }

  /** {@link #qualified(FileSystem, Path)} for a path not yet opened; the path itself on error. */
  public static String qualified(Configuration conf, Path p) {
    try {
      return qualified(p.getFileSystem(conf), p);
    } catch (IOException | IllegalArgumentException e) {
      return p.toString();
    }
  }
}
