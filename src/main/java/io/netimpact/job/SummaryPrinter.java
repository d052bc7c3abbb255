package io.netimpact.job;

import io.netimpact.impact.DemandImpact;
import io.netimpact.impact.DemandStatus;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkImpact;
import io.netimpact.impact.ScenarioSummary;
import io.netimpact.impact.VerdictReason;
import io.netimpact.io.PublishedRun;
import io.netimpact.routing.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.StringJoiner;

/** The short human summary a review prints: verdict, lost traffic, worst links. */
final class SummaryPrinter {
  private static final int WORST = 8;

  /** The run's summary as published beside the report, {@code OUT/_runs/RUN/summary.txt}. */
  static final String FILE = "summary.txt";

  private SummaryPrinter() {}

  /**
   * What {@code print} writes, as UTF-8 bytes for {@link #FILE}: rendered before publishing, so
   * its timings end before the write.
   */
  static Map<String, byte[]> attachment(Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      print.accept(out);
    }
    return Map.of(FILE, bytes.toByteArray());
  }

  static void print(PrintStream out, String snapshotId, ImpactReport report,
      ReviewJob.Request req, String runId, Network before, String timings,
      java.util.Optional<PublishedRun> published) {
    ScenarioSummary s = report.summary();
    out.printf("netimpact review: %s%s%n", s.scenarioId(),
        s.title().isEmpty() ? "" : " \"" + s.title() + "\"");
    out.printf("snapshot %s: %d devices, %d links, %d demand pairs%n", snapshotId,
        before.nodeCount(), before.linkCount(), before.demandCount());
    out.printf("%nVERDICT: %s%n", s.verdict());
    out.printf("  because:                   %s%n", because(s));
    out.printf("  lost traffic (unroutable): %.2f Gbps before -> %.2f Gbps after%n",
        s.unroutableGbpsBefore(), s.unroutableGbpsAfter());
    out.printf("  max utilisation:           %.1f %% -> %.1f %%%s%n", 100 * s.maxUtilBefore(),
        100 * s.maxUtilAfter(), s.worstLinkId().isEmpty() ? "" : " (" + s.worstLinkId() + ")");
    out.printf("  arcs above warn (%.0f %%):    %d after; over capacity: %d (overflow %.2f Gbps)%n",
        100 * req.thresholds().warnUtil(), s.linksOverWarnAfter(), s.linksOverCapacityAfter(),
        s.overflowGbpsAfter());
    out.printf("  demands affected:          %d%s%n", s.affectedDemands(),
        demandCounts(report.demands()));
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
  }

  /** The reason without its verdict prefix (the line above says the verdict). */
  static String because(ScenarioSummary s) {
    return because(s.verdict(), s.reason());
  }

  /** A reason without its leading verdict, for a line that shows the verdict already. */
  static String because(io.netimpact.impact.Verdict verdict, String reason) {
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
  static void report(PrintStream out, PublishedRun run) {
    out.printf("report: %s (run_id=%s, %s): %s%n", run.out(), run.runId(),
        run.format().name().toLowerCase(), String.join(", ", run.tableNames()));
    out.printf("page:   %s%n", run.page());
  }
}
