package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.SummaryText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console summary is also published beside the report as {@code _runs/RUN/summary.txt},
 * where it can be found whatever ran the driver (an EMR step's stdout in client mode, a YARN
 * container log in cluster mode): the same text, its timings ending before the write.
 */
class SummaryFileTest {
  @TempDir
  Path tmp;

  /** The console's lines without the timings line, which the file has up to the write. */
  private static List<String> withoutTimings(String text) {
    return text.lines().filter(l -> !l.startsWith("timings: ")).toList();
  }

  @Test
  void review_publishesItsConsoleSummaryAsSummaryTxt() throws IOException {
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change", ReviewCommandTest.CHANGES
            + "block-srlg-conduit.json", "--out", out.toString(), "--run-id", "cr", "--format",
        "json");
    assertEquals(0, r.code(), r.err());
    String file = Files.readString(io.netimpact.testing.PublishedRuns.file(out, "cr",
        SummaryText.FILE));
    assertTrue(file.contains("VERDICT: BLOCK"), file);
    assertTrue(file.lines().anyMatch(l -> l.startsWith("timings: ")), file);
    assertTrue(r.out().contains(String.join("\n", withoutTimings(file))),
        "the console shows the same summary:\n" + r.out() + "\nfile:\n" + file);
  }

  @Test
  void sweep_publishesItsConsoleSummaryAsSummaryTxt() throws IOException {
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--sweep", "src/main/resources/samples/sweeps/nightly.json", "--out", out.toString(),
        "--run-id", "night", "--format", "json");
    assertEquals(0, r.code(), r.err());
    String file = Files.readString(io.netimpact.testing.PublishedRuns.file(out, "night",
        SummaryText.FILE));
    assertTrue(file.contains("verdicts: 9 BLOCK, 11 RISK, 73 SAFE"), file);
    assertTrue(r.out().contains(String.join("\n", withoutTimings(file))),
        "the console shows the same summary:\n" + r.out() + "\nfile:\n" + file);
  }
}
