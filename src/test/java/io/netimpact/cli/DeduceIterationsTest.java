package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.MeasuredLoads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deduce --iterations N}: the budget reaches the deduction (its method line counts no
 * more EM iterations than N), the console says the run's timings, and a budget below 1 is a
 * usage error (exit 2, nothing written).
 */
class DeduceIterationsTest {
  @TempDir
  Path tmp;

  @Test
  void iterations_boundsTheDeduction_andPrintsTimings() throws IOException {
    MeasuredLoads m = DeduceCommandTest.sampleLoads();
    Path loads = DeduceCommandTest.write(tmp.resolve("loads"), m);
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--loads", loads.toString(), "--out",
        tmp.resolve("deduced").toString(), "--iterations", "2");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().matches("(?s).*method: tomogravity: [^\\n]*, [0-2] EM iteration\\(s\\).*"),
        r.out());
    assertTrue(r.out().contains("timings: read "), r.out());
  }

  @Test
  void iterationsBelowOne_isAUsageError_andWritesNothing() throws IOException {
    Path loads = DeduceCommandTest.write(tmp.resolve("loads"), DeduceCommandTest.sampleLoads());
    Path out = tmp.resolve("deduced");
    ReviewCommandTest.Run r = ReviewCommandTest.run("deduce", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--loads", loads.toString(), "--out", out.toString(),
        "--iterations", "0");
    assertEquals(2, r.code(), r.err() + r.out());
    assertTrue(r.err().contains("--iterations must be at least 1, got 0"), r.err());
    assertFalse(Files.exists(out));
  }
}
