package io.netimpact.job;

import io.netimpact.impact.DemandImpact;
import io.netimpact.impact.DemandStatus;
import io.netimpact.impact.ImpactReport;
import io.netimpact.impact.LinkImpact;
import io.netimpact.impact.ScenarioSummary;
import io.netimpact.routing.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
      ReviewJob.Request req, String runId, Network before, String timings) {
    ScenarioSummary s = report.summary();
    out.printf("netimpact review: %s%s%n", s.scenarioId(),
        s.title().isEmpty() ? "" : " \"" + s.title() + "\"");
    out.printf("snapshot %s: %d devices, %d links, %d demand pairs%n", snapshotId,
        before.nodeCount(), before.linkCount(), before.demandCount());
    out.printf("%nVERDICT: %s%n", s.verdict());
    out.printf("  lost traffic (unroutable): %.2f Gbps before -> %.2f Gbps after%n",
        s.unroutableGbpsBefore(), s.unroutableGbpsAfter());
    out.printf("  max utilisation:           %.1f %% -> %.1f %%%s%n", 100 * s.maxUtilBefore(),
        100 * s.maxUtilAfter(), s.worstLinkId().isEmpty() ? "" : " (" + s.worstLinkId() + ")");
    out.printf("  arcs above warn (%.0f %%):    %d after; over capacity: %d (overflow %.2f Gbps)%n",
        100 * req.thresholds().warnUtil(), s.linksOverWarnAfter(), s.linksOverCapacityAfter(),
        s.overflowGbpsAfter());
    Map<DemandStatus, Integer> counts = new EnumMap<>(DemandStatus.class);
    for (DemandImpact d : report.demands()) {
      counts.merge(d.status(), 1, Integer::sum);
    }
    out.printf("  demands affected:          %d %s%n", s.affectedDemands(),
        counts.isEmpty() ? "" : counts.toString());
    List<LinkImpact> worst = report.links().stream()
        .sorted(Comparator.comparingDouble(LinkImpact::utilAfter).reversed()
            .thenComparing(LinkImpact::linkId))
        .limit(WORST).toList();
    if (!worst.isEmpty()) {
      out.printf("%nworst links after the change (of %d changed arcs):%n", report.links().size());
      out.printf("  %-22s %-26s %10s %21s %15s  %s%n", "link", "direction", "cap Gbps",
          "load Gbps before->after", "util", "status");
      for (LinkImpact l : worst) {
        out.printf("  %-22s %-26s %10.1f %10.1f -> %-8.1f %5.1f%% -> %5.1f%%  %s%n",
            l.linkId(), l.fromDevice() + "->" + l.toDevice(), l.capacityAfterGbps(),
            l.loadBeforeGbps(), l.loadAfterGbps(), 100 * l.utilBefore(), 100 * l.utilAfter(),
            l.statusAfter());
      }
    }
    out.printf("%nreport: %s (run_id=%s, %s): scenario_summary, link_impact, demand_impact, "
        + "link_baseline%n", req.out(), runId, req.format().name().toLowerCase());
    out.printf("timings: %s%n", timings);
  }
}
