package io.netimpact.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local file system of conf/spark-defaults.conf sets the permission bits Hadoop asks for,
 * in-process: files and directories get the modes Hadoop's own local file system gives them.
 */
class ForklessLocalFileSystemTest {
  @TempDir
  java.nio.file.Path tmp;

  private static FileSystem fs() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    conf.set("fs.permissions.umask-mode", "022");
    return FileSystem.get(java.net.URI.create("file:///"), conf);
  }

  @Test
  void filesAndDirectories_getTheModesHadoopAsksFor() throws Exception {
    FileSystem fs = fs();
    assertInstanceOf(ForklessLocalFileSystem.class, fs);
    Path dir = new Path(tmp.toUri().toString(), "a/b");
    fs.mkdirs(dir, new FsPermission((short) 0750));
    assertEquals("rwxr-x---", mode(tmp.resolve("a/b")));
    Path file = new Path(dir, "f.json");
    try (FSDataOutputStream o = fs.create(file, new FsPermission((short) 0640), true, 4096,
        (short) 1, 1 << 20, null)) {
      o.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("rw-r-----", mode(tmp.resolve("a/b/f.json")));
    try (FSDataOutputStream o = fs.create(new Path(dir, "g.json"))) {
      o.write(1);
    }
    assertEquals("rw-r--r--", mode(tmp.resolve("a/b/g.json")), "the default 666 less umask 022");
    fs.setPermission(file, new FsPermission((short) 0604));
    assertEquals("rw----r--", mode(tmp.resolve("a/b/f.json")));
    assertEquals(new FsPermission((short) 0604), fs.getFileStatus(file).getPermission());
  }

  private static String mode(java.nio.file.Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
