package io.netimpact.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The snapshot file digest: SHA-256 over the bytes of a snapshot directory's files, which a
 * stored baseline records so that a review of the very same files can use the network stored
 * with it instead of reading, validating and compiling the snapshot again.
 *
 * <p>Which files count: every file under the directory, recursively, whose name and whose
 * parent directories' names (below the snapshot directory) do not start with {@code .} or
 * {@code _}, listed as every reader lists them ({@link InputFiles#visible}). The snapshot reader reads nothing else (its Parquet tables skip such names as
 * Hadoop and Spark do: {@code .crc} checksums, {@code _SUCCESS} markers; its JSON lines tables
 * and manifest have fixed names that start with neither), so every byte the reader reads is in
 * the digest. Files the reader does not read count too (change files kept in the snapshot
 * directory, a traffic series): a snapshot directory whose contents change in any way is
 * reviewed from its files again, never from a stored network that may be stale.
 *
 * <p>The files are taken in the order of their paths relative to the directory ({@code /}
 * separated, compared as strings); for each, its relative path (UTF-8, length-prefixed), its
 * length in bytes and its bytes are hashed. Moving or copying the directory elsewhere (another
 * path, another file system) keeps the digest. O(total bytes) time, O(files) memory.
 *
 * @param sha256 the digest, 64 hex digits
 * @param files  how many files were hashed
 * @param bytes  their total size
 */
public record SnapshotDigest(String sha256, int files, long bytes) {
  public SnapshotDigest {
    if (!sha256.matches("[0-9a-f]{64}") || files < 0 || bytes < 0) {
      throw new IllegalArgumentException("a snapshot digest is 64 hex digits over files >= 0 "
          + "and bytes >= 0, got " + sha256 + ", " + files + ", " + bytes);
    }
  }

  /**
   * The digest of the snapshot directory {@code dir} (local or any Hadoop file system); empty
   * when there is no such directory (the snapshot reader then says what is missing).
   */
  public static Optional<SnapshotDigest> of(Configuration hadoop, String dir) {
    Path root = new Path(dir);
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        return Optional.empty();
      }
      Map<String, FileStatus> files = InputFiles.visible(fs, root);
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (Map.Entry<String, FileStatus> e : files.entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        long length = e.getValue().getLen();
        md.update(ByteBuffer.allocate(4).putInt(name.length).array());
        md.update(name);
        md.update(ByteBuffer.allocate(8).putLong(length).array());
        long read = 0;
        try (InputStream in = fs.open(e.getValue().getPath())) {
          for (int n = in.read(buf); n > 0; n = in.read(buf)) {
            md.update(buf, 0, n);
            read += n;
          }
        }
        if (read != length) {
          // The file changed while it was hashed: count what was read, so the digest cannot
          // match a later, complete read by chance.
          md.update(ByteBuffer.allocate(8).putLong(read).array());
        }
        total += read;
      }
      return Optional.of(new SnapshotDigest(HexFormat.of().formatHex(md.digest()), files.size(),
          total));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot directory " + dir, e);
    }
  }
}
