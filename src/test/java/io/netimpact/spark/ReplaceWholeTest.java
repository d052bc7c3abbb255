package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file replaced while others read it (the service's {@code ready.json}, a run marker):
 * every read, through java.nio or through Hadoop's checksummed local file system, finds the file
 * and finds one whole version of it.
 */
class ReplaceWholeTest {
  @TempDir
  java.nio.file.Path tmp;

  private static byte[] version(int i) {
    // Versions of different lengths, so that a torn read cannot pass for a whole one.
    return ("{\"version\":" + i + ",\"pad\":\"" + "x".repeat(i % 97) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static boolean whole(String s) {
    return s.matches("\\{\"version\":\\d+,\"pad\":\"x*\"}")
        && s.length() == new String(version(Integer.parseInt(
            s.substring(11, s.indexOf(',')))), StandardCharsets.UTF_8).length();
  }

  @Test
  void readersDuringManyReplacements_alwaysFindOneWholeVersion() throws Exception {
    LocalFileSystem fs = FileSystem.getLocal(new Configuration());
    Path p = new Path(tmp.resolve("ready.json").toUri());
    // The first version written as Hadoop writes any file: with a checksum file beside it.
    try (var o = fs.create(p, true)) {
      o.write(version(0));
    }
    assertTrue(fs.exists(fs.getChecksumFile(p)));

    AtomicBoolean done = new AtomicBoolean();
    List<String> problems = new ArrayList<>();
    int[] reads = new int[1];
    Thread reader = new Thread(() -> {
      while (!done.get() && problems.size() < 5) {
        try {
          String viaNio = Files.readString(tmp.resolve("ready.json"));
          String viaHadoop;
          try (InputStream in = fs.open(p)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            viaHadoop = b.toString(StandardCharsets.UTF_8);
          }
          for (String s : List.of(viaNio, viaHadoop)) {
            if (!whole(s)) {
              problems.add("torn: " + s);
            }
          }
          reads[0]++;
        } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
          problems.add("missing: " + e);
        } catch (IOException e) {
          problems.add("unreadable: " + e);
        }
      }
    });
    reader.start();
    for (int i = 1; i <= 400; i++) {
      ReportWriter.replaceWhole(fs, p, version(i));
    }
    done.set(true);
    reader.join();

    assertEquals(List.of(), problems);
    assertTrue(reads[0] > 10, "the reader read " + reads[0] + " times");
    assertEquals(new String(version(400), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("ready.json")));
    try (var files = Files.list(tmp)) {
      assertEquals(List.of("ready.json"), files.map(f -> f.getFileName().toString()).toList(),
          "no hidden file and no stale checksum file left behind");
    }
    assertFalse(fs.exists(fs.getChecksumFile(p)));
  }
}
