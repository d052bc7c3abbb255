package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.testing.SparkTestSession;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user sees after a mistake on the command line: the mistake first, and the fix. */
class CliMessagesTest {
  static final String SNAPSHOT = ReviewCommandTest.SNAPSHOT;
  static final String CHANGE = ReviewCommandTest.CHANGES + "block-srlg-conduit.json";
  static final String SWEEP = "src/main/resources/samples/sweeps/nightly.json";

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private static String firstLine(ReviewCommandTest.Run r) {
    return r.err().lines().findFirst().orElse("");
  }

  @Test
  void misspelledRequiredOption_isReportedFirstWithTheClosestName() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--chnage", CHANGE, "--out", "target/never");
    assertEquals(2, r.code(), r.err());
    assertEquals("netimpact: unknown option '--chnage'; did you mean '--change'? (netimpact "
        + "review)", firstLine(r), r.err());
    assertTrue(r.err().contains("Missing required option: '--change=FILE'"), r.err());
  }

  @Test
  void misspelledSubcommand_namesTheClosestSubcommand() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("reveiw", "--snapshot", SNAPSHOT);
    assertEquals(2, r.code(), r.err());
    assertTrue(firstLine(r).startsWith("netimpact: unknown subcommand 'reveiw'; did you mean "
        + "'review'"), r.err());
    assertTrue(!r.err().contains("Unmatched arguments from index"), r.err());
  }

  @Test
  void versionFlag_answersOnEverySubcommand() {
    for (String sub : new String[] {"review", "sweep", "generate", "import", "topology",
        "show"}) {
      ReviewCommandTest.Run r = ReviewCommandTest.run(sub, "-V");
      assertEquals(0, r.code(), sub + ": " + r.err());
      assertEquals("netimpact 0.1.0", r.out().strip(), sub);
    }
    assertEquals("netimpact 0.1.0", ReviewCommandTest.run("--version").out().strip());
  }

  @Test
  void sweepFileGivenToReview_saysToRunItWithSweep() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", SWEEP, "--out", "target/never");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("it looks like a sweep file; run it with `netimpact sweep "
        + "--sweep " + SWEEP + "`"), r.err());
  }

  @Test
  void changeFileGivenToSweep_saysToReviewIt() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT,
        "--sweep", CHANGE, "--out", "target/never");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("it looks like a change request; review it with `netimpact "
        + "review --change " + CHANGE + "`"), r.err());
  }

  @Test
  void missingRelativePaths_showWhatTheyResolvedTo() {
    ReviewCommandTest.Run change = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", "no/such-change.json", "--out", "target/never");
    assertEquals(2, change.code(), change.err());
    assertTrue(change.err().contains("no/such-change.json: missing: no such file "
        + Path.of("no/such-change.json").toAbsolutePath()), change.err());
    ReviewCommandTest.Run snap = ReviewCommandTest.run("review", "--snapshot", "no/such-snap",
        "--change", CHANGE, "--out", "target/never");
    assertEquals(2, snap.code(), snap.err());
    assertTrue(snap.err().contains("resolved to " + Path.of("no/such-snap").toAbsolutePath()),
        snap.err());
  }
}
