package io.netimpact.importer;

import java.nio.file.Path;

/** The public data set beside the repository (CI checks out /work/shared next to it). */
final class RealData {
  private RealData() {}

  static Path dir() {
    return Path.of(System.getProperty("user.dir")).resolve("../shared/data/real").normalize();
  }

  static Path of(String relative) {
    return dir().resolve(relative);
  }
}
