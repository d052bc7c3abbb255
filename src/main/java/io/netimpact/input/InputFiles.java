package io.netimpact.input;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which files of a directory are input, the one listing every reader uses (a Parquet table's
 * files, the snapshot digest's files), and why an input file the user named cannot be opened,
 * in words the user can act on.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * The file system to read {@code p} from, without Hadoop's checksum files: on a local disk
   * the raw file system, so that a hidden {@code .NAME.crc} left beside a file that was edited
   * by hand (stale) is ignored rather than failing the read with a checksum error. Inputs are
   * checked by their own readers (JSON, Parquet footers and pages). Elsewhere, the path's own.
   */
  static FileSystem fileSystem(org.apache.hadoop.conf.Configuration hadoop, Path p)
      throws IOException {
    FileSystem fs = p.getFileSystem(hadoop);
    return fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c ? c.getRawFileSystem() : fs;
  }

  /** Opens {@code p} for reading ({@link #fileSystem}: no checksum files). */
  static java.io.InputStream open(org.apache.hadoop.conf.Configuration hadoop, Path p)
      throws IOException {
    return fileSystem(hadoop, p).open(p);
  }

  /** A Parquet input file read through {@link #fileSystem}. */
  static org.apache.parquet.io.InputFile parquet(org.apache.hadoop.conf.Configuration hadoop,
      FileStatus status) throws IOException {
    FileSystem fs = fileSystem(hadoop, status.getPath());
    return new org.apache.parquet.io.InputFile() {
      @Override
      public long getLength() {
        return status.getLen();
      }

      @Override
      public org.apache.parquet.io.SeekableInputStream newStream() throws IOException {
        return org.apache.parquet.hadoop.util.HadoopStreams.wrap(fs.open(status.getPath()));
      }

      @Override
      public String toString() {
        return status.getPath().toString();
      }
    };
  }

  /**
   * The files under {@code dir}, recursively, whose name and whose directories' names below
   * {@code dir} start with neither {@code .} nor {@code _} (checksums, {@code _SUCCESS},
   * staging), by their {@code /}-separated path relative to {@code dir}, in string order. A
   * table written in sub-directories (Spark's {@code partitionBy}: {@code batch=2/part-1})
   * is read whole. O(entries).
   */
  static Map<String, FileStatus> visible(FileSystem fs, Path dir) throws IOException {
    Map<String, FileStatus> out = new TreeMap<>();
    collect(fs, dir, "", out);
    return out;
  }

  private static void collect(FileSystem fs, Path dir, String prefix,
      Map<String, FileStatus> out) throws IOException {
    List<FileStatus> dirs = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (st.isDirectory()) {
        dirs.add(st);
      } else {
        out.put(prefix + name, st);
      }
    }
    for (FileStatus d : dirs) {
      collect(fs, d.getPath(), prefix + d.getPath().getName() + "/", out);
    }
  }

  /**
   * The data files of the Parquet table {@code dir} ({@link #visible}), refusing a partition
   * directory ({@code NAME=VALUE}) whose {@code NAME} is one of the table's {@code columns}:
   * the value of such a column lives only in the directory name, and a snapshot's values are
   * read from its files. A partition on any other name ({@code batch=2}) is read as a plain
   * sub-directory; its name is not a column of the snapshot.
   *
   * @return relative path to file status, in path order (empty for no files)
   */
  static Map<String, FileStatus> tableFiles(FileSystem fs, Path dir, Collection<String> columns)
      throws IOException {
    Map<String, FileStatus> files = visible(fs, dir);
    for (String rel : files.keySet()) {
      String[] parts = rel.split("/");
      for (int i = 0; i < parts.length - 1; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0 && columns.contains(parts[i].substring(0, eq))) {
          String col = parts[i].substring(0, eq);
          throw new BadInputException(new InputProblem(new Path(dir, String.join("/",
              java.util.Arrays.copyOf(parts, i + 1))).toString(), "", col,
              "a partition directory of the snapshot column " + col + ": its values would be "
                  + "in directory names, and a snapshot's values are read from its files; "
                  + "write the table without partitioning by " + col));
        }
      }
    }
    return files;
  }

  /**
   * "missing: no such file", unless {@code p} is a local symbolic link that cannot be followed:
   * a loop, or a link whose target is gone, is not a missing file (it is there, and broken).
   */
  static String notFound(org.apache.hadoop.conf.Configuration conf, Path p) {
    String why = notFound(p);
    return why.startsWith("missing") ? why + " " + Locations.qualified(conf, p) : why;
  }

  static String notFound(Path p) {
    String scheme = p.toUri().getScheme();
    if (scheme == null || scheme.equals("file")) {
      java.nio.file.Path f = java.nio.file.Path.of(p.toUri().getPath());
      if (Files.isSymbolicLink(f) && !Files.exists(f)) {
        try {
          f.toRealPath();
        } catch (FileSystemException e) {
          if (String.valueOf(e.getReason()).toLowerCase().contains("levels of symbolic links")) {
            return "a symbolic link loop: " + f + " cannot be followed to a file";
          }
        } catch (IOException e) {
          // fall through to the dangling-link wording
        }
        try {
          return "a symbolic link to a missing file (" + Files.readSymbolicLink(f) + ")";
        } catch (IOException e) {
          return "a symbolic link that cannot be followed";
        }
      }
    }
    return "missing: no such file";
  }
}
