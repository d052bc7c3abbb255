package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.ReviewCommandTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review --survive} on a snapshot with {@code classes.json}: every failure, alone and
 * after the change, is judged by the class rule, as a sweep of the same explicit changes judges
 * it (brute force: {@link SurviveExactnessTest#assertSurvivalExact}, severities decided from the
 * sweep's own {@code class_impact} rows).
 */
@Tag("slow")
class ClassSurviveTest {
  @TempDir
  Path tmp;

  @Test
  void surviveWithClasses_equalsTheTwoOpChangesOfASweep_judgedByTheClassRule()
      throws IOException {
    // Every sample demand is best-effort or bulk: bulk (the smaller) served first and
    // protected, so an arc over capacity mostly drops unprotected best-effort only.
    Path snapshot = ReviewCommandTest.classedCopyOfSample(tmp.resolve("classed"), """
        [{"class": "bulk", "priority": 0, "protected": true},
         {"class": "best-effort", "priority": 1}]""");
    int differs = SurviveExactnessTest.assertSurvivalExact(tmp, snapshot.toString(),
        Path.of(SurviveExactnessTest.CHANGES, "risk-drain-core.json"), "srlg,device");
    // The classes matter here: some failure is judged otherwise than without them.
    assertTrue(differs > 0, "no severity changed by the class rule: the test shows nothing");
  }
}
