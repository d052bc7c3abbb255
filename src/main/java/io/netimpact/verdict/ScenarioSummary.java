package io.netimpact.verdict;

/**
 * One {@code scenario_summary} row (docs/reports.md#scenario_summary-one-row-per-scenario). Rates
 * in Gbps. {@code reason}
 * (an addition to the contract) says in one line why the verdict is what it is; see {@link
 * VerdictReason}. The traffic without a path after the change is split in two: {@code
 * strandedGbpsAfter}, whose end devices both exist but no path joins them, and {@code
 * endpointRemovedGbpsAfter}, whose source or destination the change removed; they add up to
 * {@code unroutableGbpsAfter}.
 */
public record ScenarioSummary(
    String runId,
    String snapshotId,
    String scenarioId,
    String title,
    Verdict verdict,
    double maxUtilBefore,
    double maxUtilAfter,
    long linksOverWarnAfter,
    long linksOverCapacityAfter,
    double unroutableGbpsBefore,
    double unroutableGbpsAfter,
    double overflowGbpsAfter,
    long affectedDemands,
    String worstLinkId,
    String reason,
    double strandedGbpsAfter,
    double endpointRemovedGbpsAfter) implements java.io.Serializable {

  /**
   * Riskiest first: verdict, then overflow, traffic newly stranded (what a failure does to
   * traffic other than its own: a site's own traffic, gone with the site, does not rank it),
   * utilisation, id. Serializable, so that Spark can rank with it where the rows are.
   */
  public static final java.util.Comparator<ScenarioSummary> RISKIEST_FIRST =
      (java.util.Comparator<ScenarioSummary> & java.io.Serializable) (a, b) -> {
        int c = b.verdict().compareTo(a.verdict());
        if (c == 0) {
          c = Double.compare(b.overflowGbpsAfter(), a.overflowGbpsAfter());
        }
        if (c == 0) {
          c = Double.compare(b.newlyStrandedGbps(), a.newlyStrandedGbps());
        }
        if (c == 0) {
          c = Double.compare(b.maxUtilAfter(), a.maxUtilAfter());
        }
        return c == 0 ? a.scenarioId().compareTo(b.scenarioId()) : c;
      };

  /** Traffic newly stranded: what the change does to traffic other than its own. */
  public double newlyStrandedGbps() {
    return Math.max(0, strandedGbpsAfter - unroutableGbpsBefore);
  }
}
