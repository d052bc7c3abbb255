package io.netimpact.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Public real-network files for the tests. The Internet Topology Zoo files (CC BY 4.0) are
 * committed under {@code src/test/resources/real/topologyzoo}. SNDlib (ZIB Academic License:
 * noncommercial academic use) and REPETITA (no licence stated) cannot be redistributed here:
 * they are read from {@code $NETIMPACT_REAL_DATA} or {@code ../shared/data/real}, and a test
 * that needs one that is missing is skipped with one line saying what and where to get it
 * (printed to stderr as well, so that a skip is never silent in a CI log).
 */
public final class RealData {
  /** Bundled with the repository (redistributable). */
  static final Path BUNDLED = Path.of(System.getProperty("user.dir"))
      .resolve("src/test/resources/real");

  private RealData() {}

  /** The full, external data set (every source), skipping the test when it is absent. */
  public static Path dir() {
    Path d = external();
    if (!Files.isDirectory(d)) {
      skip("the public real-network data set", d);
    }
    return d;
  }

  /**
   * A file or directory by its path in the data set ({@code topologyzoo/gml/Geant2009.gml},
   * {@code sndlib/native/abilene.txt}): the bundled copy when there is one, else the external
   * one, skipping the test when it is absent.
   */
  public static Path of(String relative) {
    Path bundled = BUNDLED.resolve(relative);
    if (Files.exists(bundled)) {
      return bundled;
    }
    Path p = external().resolve(relative);
    if (!Files.exists(p)) {
      skip(relative, p);
    }
    return p;
  }

  static Path external() {
    String env = System.getenv("NETIMPACT_REAL_DATA");
    return (env != null && !env.isEmpty() ? Path.of(env)
        : Path.of(System.getProperty("user.dir")).resolve("../shared/data/real")).normalize()
        .toAbsolutePath();
  }

  private static void skip(String what, Path looked) {
    String line = "skipped: needs " + what + " (not redistributable with this repository), "
        + "looked at " + looked + "; get SNDlib from http://sndlib.zib.de (measured matrices: "
        + "github.com/tfenz/TE_SR_WAN_simulation) and REPETITA from "
        + "github.com/svissicchio/Repetita, then set NETIMPACT_REAL_DATA (docs/data.md)";
    System.err.println("netimpact tests: " + line);
    Assumptions.abort(line);
  }
}
