package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --failure-model}: bad models and options exit 2, located, writing nothing. */
class AvailabilityCommandTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String EMPTY_SWEEP = "src/main/resources/samples/sweeps/availability.json";

  @TempDir
  Path tmp;

  @Test
  void unknownLinkInOverrides_exits2_namingFileAndField_andWritesNothing() throws IOException {
    Path model = tmp.resolve("model.json");
    Files.writeString(model, "{\"link\": 0.001, \"overrides\": {\"link:no-such-link\": 0.01}}");
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        EMPTY_SWEEP, "--failure-model", model.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(model + ", field overrides.link:no-such-link: unknown link"),
        r.err());
    assertFalse(Files.exists(out.resolve("demand_availability")), "nothing written");
  }

  @Test
  void cutoffWithoutAModel_orOutOfRange_exits2() {
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        EMPTY_SWEEP, "--prob-cutoff", "1e-6", "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--prob-cutoff needs --failure-model"), r.err());
    ReviewCommandTest.Run r2 = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        EMPTY_SWEEP, "--failure-model", "x.json", "--prob-cutoff", "1.5", "--out",
        out.toString());
    assertEquals(2, r2.code(), r2.err());
    assertTrue(r2.err().contains("--prob-cutoff must be in [0, 1)"), r2.err());
  }

  @Test
  void emptySweepWithoutAModel_isStillRefused() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        EMPTY_SWEEP, "--out", tmp.resolve("out").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("has no changes and no generators"), r.err());
  }
}
