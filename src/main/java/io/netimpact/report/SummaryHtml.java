package io.netimpact.report;

import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.verdict.VerdictReason;
import io.netimpact.planning.AugmentPlan;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code summary.html}: one self-contained page (inline CSS and SVG, no scripts, nothing
 * fetched). A review: its verdict and why, the key figures (lost traffic split into stranded
 * and own), the demands at risk and lost, the worst links before and after as bars with their
 * Gbps. A sweep: the verdict counts, the riskiest scenarios with their reason, the plan, the
 * lost traffic, the worst case per arc. What the page says is {@link PageView}; how it is laid
 * out is the template {@code summary.mustache}, which HTML-escapes every value.
 */
public final class SummaryHtml {
  private SummaryHtml() {}

  /**
   * What the page shows.
   *
   * @param kind         "review" or "sweep"
   * @param verdicts     scenarios per verdict
   * @param riskiest     the riskiest scenarios, in order
   * @param worstLinks   arcs with the highest utilisation after, in order
   * @param lostDemands  the largest demands made unroutable, in order
   * @param lostGbps     traffic made unroutable, summed over the scenarios, Gbps
   * @param overflowGbps overflow after, summed over the scenarios, Gbps
   * @param warnUtil     the warn utilisation the verdicts used, in (0, 1]
   * @param teLines      traffic engineering: the LSPs and policies the change moves, downs or
   *                     makes fall back, as lines (empty without TE)
   */
  public record Page(String kind, String runId, String snapshotId, long scenarios,
      Map<Verdict, Long> verdicts, List<ScenarioSummary> riskiest, List<LinkImpact> worstLinks,
      List<DemandImpact> lostDemands, double lostGbps, double overflowGbps, double warnUtil,
      List<String> teLines, Losses losses, List<DemandImpact> atRiskDemands) {

    /** A page without traffic engineering. */
    public Page(String kind, String runId, String snapshotId, long scenarios,
        Map<Verdict, Long> verdicts, List<ScenarioSummary> riskiest,
        List<LinkImpact> worstLinks, List<DemandImpact> lostDemands, double lostGbps,
        double overflowGbps, double warnUtil) {
      this(kind, runId, snapshotId, scenarios, verdicts, riskiest, worstLinks, lostDemands,
          lostGbps, overflowGbps, warnUtil, List.of(), Losses.of(riskiest), List.of());
    }

    public Page {
      teLines = List.copyOf(teLines);
      atRiskDemands = List.copyOf(atRiskDemands);
      new io.netimpact.verdict.Thresholds(warnUtil);
      if (kind.isEmpty() || runId.isEmpty()) {
        throw new IllegalArgumentException("a summary page needs a kind and a run id");
      }
      if (scenarios < 0) {
        throw new IllegalArgumentException("negative scenario count " + scenarios);
      }
      Map<Verdict, Long> v = new EnumMap<>(Verdict.class);
      for (Verdict x : Verdict.values()) {
        v.put(x, verdicts.getOrDefault(x, 0L));
      }
      verdicts = Map.copyOf(v);
      riskiest = List.copyOf(riskiest);
      worstLinks = List.copyOf(worstLinks);
      lostDemands = List.copyOf(lostDemands);
    }

    /** The worst verdict present; SAFE for an empty run. */
    public Verdict worstVerdict() {
      for (Verdict x : new Verdict[] {Verdict.BLOCK, Verdict.RISK}) {
        if (verdicts.get(x) > 0) {
          return x;
        }
      }
      return Verdict.SAFE;
    }
  }

  /**
   * Lost traffic split as the console splits it: traffic of others cut off (stranded, newly)
   * and a removed device's own traffic, gone with it; with the demands at risk and lost.
   * Over a sweep: how many scenarios do each, and the worst one.
   *
   * @param strandedGbps        newly stranded, Gbps: the review's, or the worst scenario's
   * @param strandedScenario    the scenario stranding most (empty when none does)
   * @param scenariosStranding  scenarios that strand any traffic
   * @param ownGbps             a removed device's own traffic, Gbps: the review's, or the most
   *                            one scenario removes
   * @param ownScenario         the scenario removing the most own traffic (empty when none)
   * @param scenariosLosingOwn  scenarios that remove devices with traffic of their own
   * @param atRiskDemands       demands at risk (over the scenarios)
   * @param unroutableDemands   demands made unroutable (over the scenarios)
   */
  public record Losses(double strandedGbps, String strandedScenario, long scenariosStranding,
      double ownGbps, String ownScenario, long scenariosLosingOwn, long atRiskDemands,
      long unroutableDemands) implements java.io.Serializable {
    public static final Losses NONE = new Losses(0, "", 0, 0, "", 0, 0, 0);

    /** The losses of {@code summaries} without demand counts. O(n). */
    public static Losses of(List<ScenarioSummary> summaries) {
      Losses l = NONE;
      for (ScenarioSummary s : summaries) {
        l = l.plus(s, 0, 0);
      }
      return l;
    }

    /** These losses with scenario {@code s} and its demand counts added. */
    public Losses plus(ScenarioSummary s, long atRisk, long unroutable) {
      double stranded = real(s.newlyStrandedGbps());
      double own = real(s.endpointRemovedGbpsAfter());
      return merge(new Losses(stranded, s.scenarioId(), stranded > 0 ? 1 : 0, own,
          s.scenarioId(), own > 0 ? 1 : 0, atRisk, unroutable));
    }

    /** 0 for rounding noise ({@link VerdictReason#NOISE_GBPS}). */
    private static double real(double gbps) {
      return gbps < VerdictReason.NOISE_GBPS ? 0 : gbps;
    }

    /** Both together: counts added, the worst kept (ties to the smaller scenario id). */
    public Losses merge(Losses o) {
      boolean strand = worse(o.strandedGbps, o.strandedScenario, strandedGbps, strandedScenario);
      boolean own = worse(o.ownGbps, o.ownScenario, ownGbps, ownScenario);
      return new Losses(strand ? o.strandedGbps : strandedGbps,
          strand ? o.strandedScenario : strandedScenario,
          scenariosStranding + o.scenariosStranding, own ? o.ownGbps : ownGbps,
          own ? o.ownScenario : ownScenario, scenariosLosingOwn + o.scenariosLosingOwn,
          atRiskDemands + o.atRiskDemands, unroutableDemands + o.unroutableDemands);
    }

    private static boolean worse(double g, String id, double than, String thanId) {
      if (g <= 0) {
        return false;
      }
      return g > than || thanId.isEmpty() || (g == than && id.compareTo(thanId) < 0);
    }
  }

  /**
   * What a sweep's page adds (docs/semantics.md#a-sweeps-worst-case-per-arc): the arcs whose worst
   * case crosses the warn
   * level or capacity, each with its driving scenario (from {@code link_worst_case}), worst
   * first; and with {@code --plan} the augmentation plan and its residual.
   */
  public record Planning(List<LinkWorstCase> worstCase, Optional<AugmentPlan> plan,
      Optional<AvailabilityPage> availability) {
    public static final Planning NONE = new Planning(List.of(), Optional.empty());

    /** Without availability ({@code sweep --failure-model}). */
    public Planning(List<LinkWorstCase> worstCase, Optional<AugmentPlan> plan) {
      this(worstCase, plan, Optional.empty());
    }

    public Planning {
      worstCase = List.copyOf(worstCase);
    }

    /**
     * The arcs of {@code rows} above warn in some scenario (over capacity first, then by worst
     * utilisation, at most {@code shown}), for the page. O(E log E).
     */
    public static List<LinkWorstCase> crossing(List<LinkWorstCase> rows, int shown) {
      return rows.stream().filter(r -> r.scenariosOverWarn() > 0)
          .sorted(java.util.Comparator.comparingDouble(LinkWorstCase::worstUtil).reversed()
              .thenComparing(LinkWorstCase::linkId).thenComparing(LinkWorstCase::fromDevice))
          .limit(shown).toList();
    }
  }

  public static byte[] bytes(Page p) {
    return bytes(p, Planning.NONE);
  }

  public static byte[] bytes(Page p, Planning planning) {
    return render(p, planning).getBytes(StandardCharsets.UTF_8);
  }

  /** The page as HTML. O(shown rows). */
  public static String render(Page p) {
    return render(p, Planning.NONE);
  }

  /** The page's template, compiled once (thread-safe to run). */
  private static final Mustache TEMPLATE = new DefaultMustacheFactory()
      .compile("io/netimpact/report/summary.mustache");

  /**
   * The page as HTML, with a sweep's worst case and plan: {@link PageView} run through the
   * template {@code summary.mustache}, which escapes every value. O(shown rows).
   */
  public static String render(Page p, Planning planning) {
    return render(p, planning, Optional.empty());
  }

  /** {@link #bytes(Page, Planning)} with a review's survival line ({@code review --survive}). */
  public static byte[] bytes(Page p, Planning planning, Optional<String> survival) {
    return render(p, planning, survival).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The page as HTML, with a sweep's worst case and plan, and with {@code survival} (the
   * survival line of {@code review --survive}) under the verdict: {@link PageView} run through
   * the template {@code summary.mustache}, which escapes every value. O(shown rows).
   */
  public static String render(Page p, Planning planning, Optional<String> survival) {
    return render(p, planning, survival, List.of());
  }

  /** {@link #bytes(Page, Planning, Optional)} with a review's class-of-service lines. */
  public static byte[] bytes(Page p, Planning planning, Optional<String> survival,
      List<String> classDrops) {
    return render(p, planning, survival, classDrops).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The page with, when {@code classDrops} is not empty, a section listing which classes of
   * service drop where (a review's {@link ClassTable#lines}, a sweep's {@link
   * ClassDropTally#lines}, docs/classes.md) under the verdict.
   */
  public static String render(Page p, Planning planning, Optional<String> survival,
      List<String> classDrops) {
    StringWriter out = new StringWriter(16_384);
    TEMPLATE.execute(out, new Object[] {PageView.of(p, planning),
        Map.of("survival", survival.map(List::of).orElse(List.of()),
            "classDrops", classDrops.isEmpty() ? List.of()
                : List.of(Map.of("lines", List.copyOf(classDrops), "title",
                    p.kind().equals("sweep") ? "Which classes drop where"
                        : "Dropped by class of service")),
            "availability", planning.availability().map(List::of).orElse(List.of()))});
    return out.toString();
  }

  /** Escapes text for element content and quoted attribute values. */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
