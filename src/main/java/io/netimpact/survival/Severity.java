package io.netimpact.survival;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;

/**
 * The severity of a scenario against the base network (contract section 7.2): its verdict with
 * the traffic of removed end devices left out. {@code BLOCK} if it strands traffic that was
 * routable ({@code stranded_gbps_after} above the base's unroutable traffic by more than 1e-9)
 * or puts an arc over capacity that was not; {@code RISK} if it puts an arc above the warn
 * utilisation that was not; else {@code SAFE}. With classes of service the class rule of
 * docs/classes.md replaces "over capacity": {@code BLOCK} if it strands traffic that was routable
 * or a protected class newly drops on an arc, {@code RISK} if another class newly drops on an
 * arc or an arc is newly above warn.
 */
public final class Severity {
  /** Stranded traffic above the base's unroutable traffic by more than this is lost. */
  public static final double STRANDED_EPSILON = 1e-9;

  private Severity() {}

  /**
   * The severity of {@code r}, a scenario's report against the base. Every arc newly above warn
   * or over capacity has a {@code link_impact} row (its load or status changed), so the rows
   * are enough. O(rows).
   */
  public static Verdict of(ImpactReport r) {
    ScenarioSummary s = r.summary();
    boolean newlyOver = false;
    boolean newlyWarn = false;
    for (LinkImpact l : r.links()) {
      newlyOver |= l.statusAfter().newlyOver(l.statusBefore());
      newlyWarn |= l.statusAfter().newlyWarn(l.statusBefore());
    }
    if (r.classes().present()) {
      // With classes of service (docs/classes.md): what an arc over capacity drops decides.
      boolean stranded = s.strandedGbpsAfter() > s.unroutableGbpsBefore() + STRANDED_EPSILON;
      return stranded || r.classes().newlyProtected() ? Verdict.BLOCK
          : r.classes().newlyOther() || newlyWarn ? Verdict.RISK : Verdict.SAFE;
    }
    return of(s.strandedGbpsAfter(), s.unroutableGbpsBefore(), newlyOver, newlyWarn);
  }

  /**
   * The rule itself, without classes of service: {@code stranded} Gbps without a path after
   * (less removed end devices'), against the base's {@code unroutableBefore}; whether an arc
   * is newly over capacity, or newly above the warn utilisation.
   */
  public static Verdict of(double stranded, double unroutableBefore, boolean newlyOver,
      boolean newlyWarn) {
    return stranded > unroutableBefore + STRANDED_EPSILON || newlyOver ? Verdict.BLOCK
        : newlyWarn ? Verdict.RISK : Verdict.SAFE;
  }
}
