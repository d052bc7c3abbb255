package io.netimpact.report;

import io.netimpact.input.SnapshotReader;

import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.impact.EvaluationStats;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.verdict.VerdictReason;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.AugmentRow;
import io.netimpact.planning.ResidualRow;
import io.netimpact.series.SeriesReport;
import io.netimpact.te.TeSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The short human summary of a run, {@code summary.txt}: what the console prints after the run
 * and what is published beside the report (rendered before publishing, so without the report
 * and page lines, and with the timings up to the write). A review: the verdict, lost traffic
 * and worst links; a sweep: verdict counts and the riskiest scenarios; either with the traffic
 * series and the records quarantined.
 */
public final class SummaryText {
  /** The run's summary as published beside the report, {@code OUT/_runs/RUN/summary.txt}. */
  public static final String FILE = "summary.txt";
  private static final int WORST = 8;
  private static final int SHOWN = 15;
  private static final int QUARANTINE_SHOWN = 5;
  private static final String TO = " " + VerdictReason.ARROW + " ";

  private SummaryText() {}

  /** What a review's summary shows. */
  public record Review(String snapshotId, int devices, int links, int demandPairs,
      ImpactReport report, double warnUtil, Optional<SeriesReport> series,
      List<SnapshotReader.Reject> rejects, String out, String runId,
      Optional<io.netimpact.survival.Survival> survival) {
    public Review {
      rejects = List.copyOf(rejects);
    }

    /** Without {@code --survive}. */
    public Review(String snapshotId, int devices, int links, int demandPairs,
        ImpactReport report, double warnUtil, Optional<SeriesReport> series,
        List<SnapshotReader.Reject> rejects, String out, String runId) {
      this(snapshotId, devices, links, demandPairs, report, warnUtil, series, rejects, out,
          runId, Optional.empty());
    }
  }

  /**
   * What a sweep's summary shows: its scenarios riskiest first, the scenario ids in order, and
   * the pairs of failures by verdict (empty without a pair generator).
   */
  public record Sweep(List<ScenarioSummary> ranked, EvaluationStats stats,
      List<String> scenarioIds, Optional<AugmentPlan> plan, Optional<List<SeriesReport>> series,
      List<SnapshotReader.Reject> rejects, String out, String runId,
      Map<Verdict, Long> pairs) {
    public Sweep {
      ranked = List.copyOf(ranked);
      scenarioIds = List.copyOf(scenarioIds);
      rejects = List.copyOf(rejects);
      pairs = Map.copyOf(pairs);
    }

    /** Without pairs of failures. */
    public Sweep(List<ScenarioSummary> ranked, EvaluationStats stats,
        List<String> scenarioIds, Optional<AugmentPlan> plan,
        Optional<List<SeriesReport>> series, List<SnapshotReader.Reject> rejects, String out,
        String runId) {
      this(ranked, stats, scenarioIds, plan, series, rejects, out, runId, Map.of());
    }
  }

  /** A published run as the summary names it: where, which format, its tables and page. */
  public record Published(String out, String runId, String format, List<String> tables,
      String page) {
    public Published {
      tables = List.copyOf(tables);
    }
  }

  /** What {@code print} writes, as the UTF-8 attachment {@link #FILE}. */
  public static Map<String, byte[]> attachment(Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      print.accept(out);
    }
    return Map.of(FILE, bytes.toByteArray());
  }

  /**
   * Prints a review's summary; ids and titles come from the inputs, so the text is printed
   * with control characters escaped ({@link TerminalText}).
   */
  public static void review(PrintStream out, Review r, Optional<Published> published,
      String timings) {
    safely(out, o -> reviewText(o, r, published, timings));
  }

  /** Prints a sweep's summary, control characters escaped as for a review. */
  public static void sweep(PrintStream out, Sweep sweep, Optional<Published> published,
      String timings) {
    safely(out, o -> sweepText(o, sweep, published, timings));
  }

  /** What {@code print} writes, with the inputs' control characters escaped, onto {@code out}. */
  private static void safely(PrintStream out, Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      print.accept(o);
    }
    out.print(TerminalText.escape(bytes.toString(StandardCharsets.UTF_8)));
    out.flush();
  }

  private static void reviewText(PrintStream out, Review r, Optional<Published> published,
      String timings) {
    ImpactReport report = r.report();
    ScenarioSummary s = report.summary();
    out.printf("netimpact review: %s%s%n", s.scenarioId(),
        s.title().isEmpty() ? "" : " \"" + s.title() + "\"");
    out.printf("snapshot %s: %d devices, %d links, %d demand pairs%n", r.snapshotId(),
        r.devices(), r.links(), r.demandPairs());
    out.printf("%nVERDICT: %s%n", s.verdict());
    out.printf("  because:                   %s%n", because(s));
    out.printf("  lost traffic (unroutable): %s Gbps before -> %s Gbps after%n",
        twoDecimals(s.unroutableGbpsBefore()), twoDecimals(s.unroutableGbpsAfter()));
    out.printf("  max utilisation:           %.1f %% -> %.1f %%%s%n", 100 * s.maxUtilBefore(),
        100 * s.maxUtilAfter(), s.worstLinkId().isEmpty() ? "" : " (" + s.worstLinkId() + ")");
    out.printf("  arcs above warn (%.0f %%):    %d after; over capacity: %d (overflow %s Gbps)%n",
        100 * r.warnUtil(), s.linksOverWarnAfter(), s.linksOverCapacityAfter(),
        twoDecimals(s.overflowGbpsAfter()));
    out.printf("  demands affected:          %d%s%n", s.affectedDemands(),
        demandCounts(report.demands()));
    TeSummary.lines(report).forEach(out::println);
    if (report.classes().present()) {
      out.printf("  dropped by class:          %s Gbps after, protected %s Gbps%n",
          twoDecimals(report.classes().droppedGbpsAfter()),
          twoDecimals(report.classes().protectedDroppedGbpsAfter()));
      ClassTable.lines(report.classes()).forEach(l -> out.println("    " + l));
    }
    r.survival().ifPresent(v -> {
      out.printf("%n%s%n", v.line());
      v.rows().stream().filter(io.netimpact.survival.SurvivalRow::exposed).limit(WORST)
          .forEach(x -> out.printf("  exposed: %-34s %s -> %s with the change (max util %s -> "
              + "%s, stranded %.2f -> %.2f Gbps)%n", x.failureId(), x.severityWithout(),
              x.severityWith(), VerdictReason.pct(x.maxUtilWithout()),
              VerdictReason.pct(x.maxUtilWith()), x.strandedGbpsWithout(),
              x.strandedGbpsWith()));
    });
    List<LinkImpact> worst = report.links().stream()
        .sorted(Comparator.comparingDouble(LinkImpact::utilAfter).reversed()
            .thenComparing(LinkImpact::linkId))
        .limit(WORST).toList();
    if (!worst.isEmpty()) {
      out.printf("%nworst links after the change (of %d changed arcs), before -> after:%n",
          report.links().size());
      out.printf("  %-22s %-26s %18s %18s %18s  %s%n", "link", "direction", "capacity Gbps",
          "load Gbps", "utilisation", "status");
      for (LinkImpact l : worst) {
        out.printf("  %-22s %-26s %7.1f -> %-7.1f %7.1f -> %-7.1f %6.1f%% -> %-6s  %s%n",
            l.linkId(), l.fromDevice() + VerdictReason.ARROW + l.toDevice(),
            l.capacityBeforeGbps(), l.capacityAfterGbps(), l.loadBeforeGbps(),
            l.loadAfterGbps(), 100 * l.utilBefore(), VerdictReason.pct(l.utilAfter()),
            l.statusAfter());
      }
    }
    out.println();
    published.ifPresent(run -> report(out, run));
    out.printf("timings: %s%n", timings);
    r.series().ifPresent(sr -> series(out, sr));
    quarantine(out, r.rejects(), r.out(), r.runId());
  }

  private static void sweepText(PrintStream out, Sweep sweep, Optional<Published> published,
      String timings) {
    List<ScenarioSummary> ranked = sweep.ranked();
    EvaluationStats r = sweep.stats();
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0);
    }
    ranked.forEach(s -> counts.merge(s.verdict(), 1, Integer::sum));
    out.printf("%nverdicts: %d BLOCK, %d RISK, %d SAFE%n", counts.get(Verdict.BLOCK),
        counts.get(Verdict.RISK), counts.get(Verdict.SAFE));
    if (!sweep.pairs().isEmpty()) {
      long b = sweep.pairs().getOrDefault(Verdict.BLOCK, 0L);
      long k = sweep.pairs().getOrDefault(Verdict.RISK, 0L);
      long s = sweep.pairs().getOrDefault(Verdict.SAFE, 0L);
      out.printf("pairs of failures: %d (%d BLOCK, %d RISK, %d SAFE)%n", b + k + s, b, k, s);
    }
    out.printf("%nriskiest scenarios (of %d), before -> after:%n", ranked.size());
    out.printf("  %-34s %-7s %-17s %-15s %9s %9s  %s%n", "scenario", "verdict", "max util",
        "lost Gbps", "its own", "overflow", "because");
    for (ScenarioSummary s : ranked.subList(0, Math.min(SHOWN, ranked.size()))) {
      out.printf("  %-34s %-7s %-17s %-15s %9s %9s  %s%n", s.scenarioId(), s.verdict(),
          VerdictReason.pct(s.maxUtilBefore()) + TO + VerdictReason.pct(s.maxUtilAfter()),
          VerdictReason.gbps(s.unroutableGbpsBefore()) + TO
              + VerdictReason.gbps(s.unroutableGbpsAfter()),
          VerdictReason.gbps(s.endpointRemovedGbpsAfter()),
          VerdictReason.gbps(s.overflowGbpsAfter()), because(s));
    }
    out.printf("%nrecomputed %d of %d (scenario, destination) pairs (%.2f %%); %d routing tasks, "
        + "straggler ratio (slowest / median task) %.2f, planned imbalance %.2f%n",
        r.pairsRecomputed(), r.pairsTotal(),
        r.pairsTotal() == 0 ? 0 : 100.0 * r.pairsRecomputed() / r.pairsTotal(), r.routeTasks(),
        r.stragglerRatio(), r.predictedImbalance());
    published.ifPresent(run -> report(out, run));
    out.printf("timings: %s%n", timings);
    sweep.plan().ifPresent(p -> plan(out, p));
    sweep.series().ifPresent(sr -> seriesRanking(out, sweep.scenarioIds(), sr));
    quarantine(out, sweep.rejects(), sweep.out(), sweep.runId());
  }

  /**
   * Two decimals ({@code 90.84}), or for a rate that two decimals would show as 0.00 the
   * digits that show it is not zero ({@code 0.0042}).
   */
  static String twoDecimals(double gbps) {
    String two = String.format(Locale.ROOT, "%.2f", gbps);
    return gbps != 0 && Double.parseDouble(two) == 0 ? VerdictReason.gbps(gbps) : two;
  }

  /** The reason without its verdict prefix (the line above says the verdict). */
  public static String because(ScenarioSummary s) {
    return because(s.verdict(), s.reason());
  }

  /** A reason without its leading verdict, for a line that shows the verdict already. */
  static String because(Verdict verdict, String reason) {
    String prefix = verdict + ": ";
    return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
  }

  /** " (52 rerouted, 52 at risk)", in the order of {@link DemandStatus}; empty for none. */
  static String demandCounts(List<DemandImpact> demands) {
    Map<DemandStatus, Integer> counts = new EnumMap<>(DemandStatus.class);
    for (DemandImpact d : demands) {
      counts.merge(d.status(), 1, Integer::sum);
    }
    if (counts.isEmpty()) {
      return "";
    }
    StringJoiner j = new StringJoiner(", ", " (", ")");
    counts.forEach((k, n) -> j.add(n + " " + k.name().toLowerCase().replace('_', ' ')));
    return j.toString();
  }

  /** The "report:" and "page:" lines: where the run is and the tables its marker lists. */
  public static void report(PrintStream out, Published run) {
    out.printf("report: %s (run_id=%s, %s): %s%n", run.out(), run.runId(), run.format(),
        String.join(", ", run.tables()));
    out.printf("page:   %s%n", run.page());
  }

  private static void quarantine(PrintStream out, List<SnapshotReader.Reject> rejects, String dir,
      String runId) {
    if (rejects.isEmpty()) {
      return;
    }
    out.printf("%nQUARANTINED: %d input records were set aside; every verdict of this run was "
        + "computed without them (scenario_summary.input_rejects = %d).%n", rejects.size(),
        rejects.size());
    for (SnapshotReader.Reject r : rejects.subList(0, Math.min(QUARANTINE_SHOWN, rejects.size()))) {
      out.println("  " + r.problem());
    }
    out.printf("  all of them, with the records: %s/%s/run_id=%s%n", dir, ReportTables.REJECTS,
        runId);
  }

  /** A review's traffic-series line. */
  private static void series(PrintStream out, SeriesReport r) {
    var w = r.worstInterval();
    out.printf("  traffic series (%d intervals, %.1f h): worst interval %s (%s): %.1f %% -> "
        + "%.1f %% on %s; hours at risk %.2f -> %.2f; hours over capacity after %.2f%n",
        r.intervals().size(), r.totalHours(), w.id(), w.start(), 100 * w.maxUtilBefore(),
        100 * w.maxUtilAfter(), w.worstLinkAfter().isEmpty() ? "-" : w.worstLinkAfter(),
        r.hoursAtRiskBefore(), r.hoursAtRiskAfter(), r.hoursOverCapacityAfter());
  }

  /** A sweep's scenarios that add the most hours at risk over the series. */
  private static void seriesRanking(PrintStream out, List<String> ids,
      List<SeriesReport> reports) {
    Integer[] order = new Integer[reports.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(
        (Integer i) -> reports.get(i).hoursAtRiskAdded()).reversed()
        .thenComparing(i -> ids.get(i)));
    out.printf("%ntraffic series: hours at risk added, most first (%d intervals):%n",
        reports.get(0).intervals().size());
    for (int k = 0; k < Math.min(SHOWN, order.length); k++) {
      SeriesReport r = reports.get(order[k]);
      out.printf("  %-34s %+7.2f h   worst interval %s: %.1f %% -> %.1f %%%n",
          ids.get(order[k]), r.hoursAtRiskAdded(), r.worstInterval().id(),
          100 * r.worstInterval().maxUtilBefore(), 100 * r.worstInterval().maxUtilAfter());
    }
  }

  /** The plan after the sweep table: links, members, capacity, rounds, the residual. */
  private static void plan(PrintStream out, AugmentPlan plan) {
    out.printf(Locale.ROOT, "%naugmentation plan (target %.0f %%): %d link%s, %d member%s "
        + "added, %.1f Gbps in total; %d round%s (%d routed again)%n",
        100 * plan.targetUtil(), plan.rows().size(), plan.rows().size() == 1 ? "" : "s",
        plan.membersAdded(), plan.membersAdded() == 1 ? "" : "s", plan.capacityAddedGbps(),
        plan.rounds(), plan.rounds() == 1 ? "" : "s", plan.reswept());
    if (!plan.rows().isEmpty()) {
      out.printf("  %-30s %8s %14s %-21s %-17s  %s%n", "link", "members", "Gbps each",
          "capacity Gbps", "worst util", "driven by");
      for (AugmentRow r : plan.rows().subList(0, Math.min(SHOWN, plan.rows().size()))) {
        out.printf(Locale.ROOT, "  %-30s %+8d %14.1f %-21s %-17s  %s%n", r.linkId(),
            r.membersToAdd(), r.memberCapacityGbps(),
            String.format(Locale.ROOT, "%.1f -> %.1f", r.capacityBeforeGbps(),
                r.capacityAfterGbps()),
            String.format(Locale.ROOT, "%.1f%% -> %.1f%%", 100 * r.worstUtilBefore(),
                100 * r.worstUtilAfter()), r.drivingScenarioId());
      }
      if (plan.rows().size() > SHOWN) {
        out.printf("  ... %d more in augment_plan%n", plan.rows().size() - SHOWN);
      }
    }
    out.printf("residual (still RISK or BLOCK with the plan applied): %d scenario%s%n",
        plan.residual().size(), plan.residual().size() == 1 ? "" : "s");
    for (ResidualRow r : plan.residual().subList(0, Math.min(SHOWN, plan.residual().size()))) {
      out.printf("  %-34s %-7s %s%n", r.scenarioId(), r.verdict(),
          because(r.verdict(), r.reason()));
    }
    if (plan.residual().size() > SHOWN) {
      out.printf("  ... %d more in augment_residual%n", plan.residual().size() - SHOWN);
    }
  }
}
