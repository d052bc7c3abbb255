package io.netimpact.job;

import io.netimpact.impact.ScenarioSummary;
import io.netimpact.impact.Verdict;
import io.netimpact.impact.VerdictReason;
import io.netimpact.io.PublishedRun;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a sweep prints when done: verdict counts, the riskiest scenarios and why, the run. */
final class SweepPrinter {
  private static final int SHOWN = 15;
  private static final String TO = " " + VerdictReason.ARROW + " ";

  private SweepPrinter() {}

  static void print(PrintStream out, List<ScenarioSummary> ranked, SparkEvaluator.Result r,
      Stopwatch sw, java.util.Optional<PublishedRun> published) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    ranked.forEach(s -> counts.merge(s.verdict(), 1, Integer::sum));
    out.printf("%nverdicts: %d BLOCK, %d RISK, %d SAFE%n", counts.get(Verdict.BLOCK),
        counts.get(Verdict.RISK), counts.get(Verdict.SAFE));
    out.printf("%nriskiest scenarios (of %d), before -> after:%n", ranked.size());
    out.printf("  %-34s %-7s %-17s %-15s %9s %9s  %s%n", "scenario", "verdict", "max util",
        "lost Gbps", "its own", "overflow", "because");
    for (ScenarioSummary s : ranked.subList(0, Math.min(SHOWN, ranked.size()))) {
      out.printf("  %-34s %-7s %-17s %-15s %9.1f %9.1f  %s%n", s.scenarioId(), s.verdict(),
          VerdictReason.pct(s.maxUtilBefore()) + TO + VerdictReason.pct(s.maxUtilAfter()),
          String.format(java.util.Locale.ROOT, "%.1f%s%.1f", s.unroutableGbpsBefore(), TO,
              s.unroutableGbpsAfter()),
          s.endpointRemovedGbpsAfter(), s.overflowGbpsAfter(), SummaryPrinter.because(s));
    }
    out.printf("%nrecomputed %d of %d (scenario, destination) pairs (%.2f %%); %d routing tasks, "
        + "straggler ratio (slowest / median task) %.2f, planned imbalance %.2f%n",
        r.pairsRecomputed(), r.pairsTotal(),
        r.pairsTotal() == 0 ? 0 : 100.0 * r.pairsRecomputed() / r.pairsTotal(), r.routeTasks(),
        r.stragglerRatio(), r.predictedImbalance());
    published.ifPresent(run -> SummaryPrinter.report(out, run));
    out.printf("timings: %s%n", sw);
  }
}
