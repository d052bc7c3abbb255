package io.netimpact.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Why a scenario got its verdict, in one line: the rule that fired and the arc or demand that
 * fired it. Computed from the scenario's final rows only, so a review, a sweep and a test that
 * hold the same rows get the same text.
 *
 * <p>Examples: {@code BLOCK: lax-cr1->atl-cr1 (lag-atl-lax-cr1) over capacity, 25.0% -> 122.7%},
 * {@code BLOCK: 12.3 Gbps newly unroutable, largest chi-er1->sfo-er1 5.0 Gbps},
 * {@code RISK: chi-cr1->den-cr1 (lag-chi-den-cr1) above warn 80%, 62.1% -> 99.8%},
 * {@code SAFE: nothing newly above 80%, no traffic lost}.
 */
public final class VerdictReason {
  /** The one arrow used in every text netimpact prints or writes. */
  public static final String ARROW = "->";

  private VerdictReason() {}

  /**
   * The reason for {@code verdict}. Both BLOCK rules are named when both fired; the arc shown is
   * the one with the highest utilisation after among those the rule selects, ties by link id and
   * direction. O(links + demands).
   *
   * @param links   the scenario's {@code link_impact} rows
   * @param demands the scenario's {@code demand_impact} rows ({@link DemandStatus#UNROUTABLE}
   *                means routable before and not after)
   */
  public static String of(Verdict verdict, List<LinkImpact> links, List<DemandImpact> demands,
      Thresholds th) {
    String warn = pct(th.warnUtil()).replace(".0%", "%");
    StringBuilder why = new StringBuilder();
    if (verdict == Verdict.BLOCK) {
      List<DemandImpact> lost = demands.stream()
          .filter(d -> d.status() == DemandStatus.UNROUTABLE && d.gbps() > 0)
          .sorted(Comparator.comparingDouble(DemandImpact::gbps).reversed()
              .thenComparing(DemandImpact::src).thenComparing(DemandImpact::dst))
          .toList();
      if (!lost.isEmpty()) {
        DemandImpact big = lost.get(0);
        why.append(gbps(lost.stream().mapToDouble(DemandImpact::gbps).sum()))
            .append(" Gbps newly unroutable, largest ").append(big.src()).append(ARROW)
            .append(big.dst()).append(' ').append(gbps(big.gbps())).append(" Gbps");
        if (lost.size() > 1) {
          why.append(" (").append(lost.size()).append(" demands)");
        }
      }
      arc(why, links.stream().filter(VerdictReason::newlyOver).toList(), "over capacity",
          "arcs newly over capacity");
    } else if (verdict == Verdict.RISK) {
      arc(why, links.stream().filter(l -> newlyAboveWarn(l) && !newlyOver(l)).toList(),
          "above warn " + warn, "arcs newly above warn");
    }
    if (why.isEmpty()) {
      why.append(verdict == Verdict.SAFE ? "nothing newly above " + warn + ", no traffic lost"
          : "no arc or demand in the rows explains it");
    }
    return verdict + ": " + why;
  }

  /** Appends the worst arc of {@code hits} as "from->to (link) what, before -> after". */
  private static void arc(StringBuilder why, List<LinkImpact> hits, String what, String more) {
    if (hits.isEmpty()) {
      return;
    }
    // Utilisations equal to rounding are a tie (loads summed in another order differ in the
    // last bits), won by the link id, then the direction's first device.
    double top = hits.stream().mapToDouble(LinkImpact::utilAfter).max().getAsDouble();
    LinkImpact w = hits.stream().filter(l -> !Thresholds.differs(l.utilAfter(), top))
        .min(Comparator.comparing(LinkImpact::linkId).thenComparing(LinkImpact::fromDevice))
        .get();
    if (!why.isEmpty()) {
      why.append("; ");
    }
    why.append(w.fromDevice()).append(ARROW).append(w.toDevice()).append(" (").append(w.linkId())
        .append(") ").append(what).append(", ")
        .append(w.statusBefore() == ArcStatus.DOWN ? "down" : pct(w.utilBefore()))
        .append(' ').append(ARROW).append(' ').append(pct(w.utilAfter()));
    if (Thresholds.differs(w.capacityBeforeGbps(), w.capacityAfterGbps())) {
      why.append(String.format(Locale.ROOT, " (capacity %.1f %s %.1f Gbps)",
          w.capacityBeforeGbps(), ARROW, w.capacityAfterGbps()));
    }
    if (hits.size() > 1) {
      why.append(" (").append(hits.size()).append(' ').append(more).append(')');
    }
  }

  private static boolean newlyOver(LinkImpact l) {
    return l.statusAfter() == ArcStatus.OVER && l.statusBefore() != ArcStatus.OVER;
  }

  private static boolean newlyAboveWarn(LinkImpact l) {
    return hot(l.statusAfter()) && !hot(l.statusBefore());
  }

  private static boolean hot(ArcStatus s) {
    return s == ArcStatus.WARN || s == ArcStatus.OVER;
  }

  /** Below this a rate is rounding noise of sums over demands (1 kbps), shown as 0.0. */
  public static final double NOISE_GBPS = 1e-6;

  /**
   * A rate in Gbps: one decimal from 1 Gbps up ({@code 12.3}), three significant digits below
   * ({@code 0.0421}), so that small demands (a gravity matrix on a slow network) never show as 0.0.
   */
  public static String gbps(double v) {
    if (Math.abs(v) < NOISE_GBPS) {
      return "0.0";
    }
    if (Math.abs(v) >= 1 || !Double.isFinite(v)) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString();
  }

  /**
   * A utilisation as a percentage with one decimal: {@code 0.25} gives {@code 25.0%}; below
   * 0.05 % two significant digits ({@code 0.00012} gives {@code 0.012%}), never 0.0 for a
   * utilisation that is not zero.
   */
  public static String pct(double fraction) {
    double p = 100 * fraction;
    if (p == 0 || Math.abs(p) >= 0.05 || !Double.isFinite(p)) {
      return String.format(Locale.ROOT, "%.1f%%", p);
    }
    return new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros()
        .toPlainString() + "%";
  }
}
