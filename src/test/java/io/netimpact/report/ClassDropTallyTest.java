package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.ClassReport;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which classes drop where over a sweep: counted per scenario, mergeable, on the page. */
class ClassDropTallyTest {
  private static ClassImpact row(String scenario, String link, String cls, double before,
      double after) {
    return new ClassImpact("r", scenario, link, "a", "b", cls, 50, 60, before, after);
  }

  private static ClassReport scenario(ClassImpact... rows) {
    return new ClassReport(true, List.of(rows), 0, 0, false, false);
  }

  private static final List<ClassReport> SWEEP = List.of(
      // s1: bronze drops on two arcs (one already before), gold not at all.
      scenario(row("s1", "l1", "bronze", 0, 5), row("s1", "l2", "bronze", 2, 3),
          row("s1", "l2", "gold", 0, 0)),
      // s2: bronze again (not new: it dropped before), gold newly, 7 Gbps.
      scenario(row("s2", "l2", "bronze", 2, 4), row("s2", "l3", "gold", 0, 7)),
      // s3: nothing drops after; s0: bronze's worst, tied with s1's 5 Gbps on another arc.
      scenario(row("s3", "l2", "bronze", 2, 0)),
      scenario(row("s0", "l9", "bronze", 0, 5)));

  @Test
  void perClass_countsScenariosAndNewDrops_andKeepsTheWorstDrop() {
    ClassDropTally t = new ClassDropTally();
    SWEEP.forEach(t::add);
    assertEquals(List.of(
        "class gold drops in 1 scenario (1 of them new drops), worst 7.0 Gbps on a->b (l3) in s2",
        "class bronze drops in 3 scenarios (2 of them new drops), worst 5.0 Gbps on a->b (l9) "
            + "in s0"), t.lines());
  }

  @Test
  void merge_ofPartitions_equalsOneTally_inAnyOrder() {
    ClassDropTally one = new ClassDropTally();
    SWEEP.forEach(one::add);
    ClassDropTally a = new ClassDropTally().add(SWEEP.get(3)).add(SWEEP.get(2));
    ClassDropTally b = new ClassDropTally().add(SWEEP.get(1)).add(SWEEP.get(0));
    assertEquals(one.lines(), b.merge(a).lines());
    assertEquals(one.lines(), new ClassDropTally().merge(new ClassDropTally().add(SWEEP.get(0))
        .add(SWEEP.get(1)).merge(new ClassDropTally().add(SWEEP.get(2)).add(SWEEP.get(3))))
        .lines());
  }

  @Test
  void withoutClassRows_noLines_andTheSweepPageHasNoClassSection() {
    ClassDropTally t = new ClassDropTally().add(ClassReport.NONE).add(scenario(
        row("s1", "l1", "bronze", 3, 0)));
    assertEquals(List.of(), t.lines());
    SummaryHtml.Page sweep = new SummaryHtml.Page("sweep", "r", "snap", 2,
        Map.of(Verdict.SAFE, 2L), List.<ScenarioSummary>of(), List.of(), List.of(), 0, 0, 0.8);
    String without = SummaryHtml.render(sweep, SummaryHtml.Planning.NONE, Optional.empty(),
        t.lines());
    assertFalse(without.contains("class-drops"), without);
    ClassDropTally some = new ClassDropTally();
    SWEEP.forEach(some::add);
    String with = SummaryHtml.render(sweep, SummaryHtml.Planning.NONE, Optional.empty(),
        some.lines());
    assertTrue(with.contains("<h2>Which classes drop where</h2>\n<ul id=\"class-drops\"><li>"
        + "class gold drops in 1 scenario"), with);
  }
}
