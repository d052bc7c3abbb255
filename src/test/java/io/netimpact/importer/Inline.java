package io.netimpact.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tiny inline inputs to files for the importers. */
final class Inline {
  private Inline() {}

  static Path file(Path dir, String name, String... lines) {
    try {
      return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An SNDlib native file with the given META lines, links and demands on nodes a, b, c. */
  static Path sndlib(Path dir, String meta, String[] links, String[] demands) {
    StringBuilder sb = new StringBuilder("?SNDlib native format; type: network; version: 1.0\n");
    if (!meta.isEmpty()) {
      sb.append("META (\n  ").append(meta).append("\n)\n");
    }
    sb.append("NODES (\n  a ( 0.0 0.0 )\n  b ( 1.0 0.0 )\n  c ( 2.0 0.0 )\n)\nLINKS (\n");
    for (String l : links) {
      sb.append("  ").append(l).append('\n');
    }
    sb.append(")\nDEMANDS (\n");
    for (String d : demands) {
      sb.append("  ").append(d).append('\n');
    }
    sb.append(")\nADMISSIBLE_PATHS ( \n)\n");
    return file(dir, "net.txt", sb.toString());
  }
}
