package io.netimpact.report;

import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.LinkWorstCase;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.verdict.VerdictReason;
import io.netimpact.planning.AugmentPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code summary.html} shows, as text ready for its template ({@code summary.mustache}):
 * every number formatted, every choice made. The template only lays it out (and escapes it);
 * a new line on the page is a field here and a line there. An empty list is a section left out.
 */
public record PageView(String kind, String runId, boolean review, String title,
    String snapshotId, String scenarios, String warn, List<Badge> verdicts, String reason,
    List<Fact> facts, List<ScenarioRow> riskiest, List<PlanView> plan,
    List<WorstCaseRow> worstCase, boolean sweep, List<DemandRow> atRisk, String atRiskNote,
    List<DemandRow> lost, String lostNote, List<String> teLines, Bars bars) {

  public boolean hasTe() {
    return !teLines.isEmpty();
  }

  public boolean hasWorstCase() {
    return !worstCase.isEmpty();
  }

  /** A verdict badge: {@code css} is the verdict's class. */
  public record Badge(String css, String text) {}

  /** One line of the key figures: a name and its value. */
  public record Fact(String id, String name, String value) {}

  /** A scenario of the riskiest table. */
  public record ScenarioRow(String id, String title, String verdict, String because,
      String util, String overflow, String stranded, String own) {}

  /** A demand at risk or lost; {@code scenario} empty on a review. */
  public record DemandRow(String src, String dst, String scenario, String gbps, String latency) {}

  /** An arc whose worst case crosses the warn level. */
  public record WorstCaseRow(String link, String direction, String capacity, String before,
      String worstLoad, String css, String worstUtil, String scenario, long overWarn,
      long overCapacity) {}

  /** The augmentation plan and its residual. */
  public record PlanView(String summary, List<PlanRow> rows, List<ResidualRow> residual) {
    public boolean hasRows() {
      return !rows.isEmpty();
    }

    public boolean hasResidual() {
      return !residual.isEmpty();
    }
  }

  public record PlanRow(String link, String members, String memberGbps, String before,
      String after, String utilBefore, String utilAfter, String scenario) {}

  public record ResidualRow(String scenario, String verdict, String reason) {}

  /** The bar chart: SVG geometry in user units, and its rows. */
  public record Bars(boolean any, int width, int height, int maxWidth, int xWarn, int x100,
      int lineTop, int lineBottom, String warn, List<Bar> rows) {}

  /** Two bars and their labels. */
  public record Bar(String name, String link, String direction, int y1, int y2,
      int yBar1, int yBar2, int x, int before, int after, String colour, int xText,
      String util, String load) {}

  static final int BAR_WIDTH = 600;
  static final int LABEL_WIDTH = 340;
  /** Characters of a label line that fit in {@link #LABEL_WIDTH} at 13 px. */
  static final int LABEL_CHARS = 46;
  static final double SCALE_MAX = 1.5;

  /** The view of {@code p} with a sweep's {@code planning}. O(shown rows). */
  static PageView of(SummaryHtml.Page p, SummaryHtml.Planning planning) {
    boolean review = p.scenarios() == 1;
    String title = "";
    String reason = "";
    List<Badge> badges = new ArrayList<>();
    if (review) {
      Verdict v = p.worstVerdict();
      badges.add(new Badge(v.name(), v.name()));
      if (!p.riskiest().isEmpty()) {
        ScenarioSummary s = p.riskiest().get(0);
        String t = titleBeyondId(s);
        // The heading names the run; the scenario's id only when the run has another.
        title = (s.scenarioId().equals(p.runId()) ? "" : s.scenarioId() + " ")
            + (t.isEmpty() ? "" : "\u201c" + t + "\u201d");
        reason = s.reason();
      }
    } else {
      for (Verdict v : new Verdict[] {Verdict.BLOCK, Verdict.RISK, Verdict.SAFE}) {
        badges.add(new Badge(v.name(), v.name() + ": " + p.verdicts().get(v)));
      }
    }
    List<ScenarioRow> riskiest = new ArrayList<>();
    if (!review) {
      for (ScenarioSummary s : p.riskiest()) {
        riskiest.add(new ScenarioRow(s.scenarioId(), titleBeyondId(s), s.verdict().name(),
            SummaryText.because(s), pct(s.maxUtilBefore()) + " \u2192 " + pct(s.maxUtilAfter()),
            gbps(s.overflowGbpsAfter()), gbps(s.newlyStrandedGbps()),
            gbps(s.endpointRemovedGbpsAfter())));
      }
    }
    return new PageView(p.kind(), p.runId(), review, title, p.snapshotId(),
        p.scenarios() + (review ? " scenario" : " scenarios"), pct(p.warnUtil()), badges,
        reason, facts(p, review), riskiest, planning.plan().map(PageView::plan).stream().toList(),
        review ? List.of() : worstCase(planning.worstCase()), !review,
        demands(p.atRiskDemands(), review),
        count(p.losses().atRiskDemands(), "demand at risk", "demands at risk", p.atRiskDemands(),
            review),
        demands(p.lostDemands(), review),
        count(p.losses().unroutableDemands(), "demand made unroutable",
            "demands made unroutable", p.lostDemands(), review),
        p.teLines(), bars(p.worstLinks(), !review, p.warnUtil()));
  }

  /** The key figures: what the console says, lost traffic split into stranded and own. */
  private static List<Fact> facts(SummaryHtml.Page p, boolean review) {
    SummaryHtml.Losses l = p.losses();
    List<Fact> f = new ArrayList<>();
    if (review) {
      if (!p.riskiest().isEmpty()) {
        ScenarioSummary s = p.riskiest().get(0);
        f.add(new Fact("max-util", "Max utilisation", pct(s.maxUtilBefore()) + " \u2192 "
            + pct(s.maxUtilAfter()) + (s.worstLinkId().isEmpty() ? ""
                : " (" + s.worstLinkId() + ")")));
        f.add(new Fact("overflow", "Over capacity", s.linksOverCapacityAfter() + " arc"
            + (s.linksOverCapacityAfter() == 1 ? "" : "s") + ", overflow "
            + gbps(s.overflowGbpsAfter()) + " Gbps"));
      }
      f.add(new Fact("stranded", "Stranded traffic", gbps(l.strandedGbps())
          + " Gbps of other devices' traffic newly without a path"));
      f.add(new Fact("own", "Its own traffic", gbps(l.ownGbps())
          + " Gbps to or from devices the change removes (gone with them)"));
      f.add(new Fact("demands", "Demands", l.atRiskDemands() + " at risk, "
          + l.unroutableDemands() + " unroutable"));
      return f;
    }
    f.add(new Fact("stranded", "Stranded traffic", l.scenariosStranding() == 0
        ? "no scenario cuts off other devices' traffic"
        : l.scenariosStranding() + " scenario" + (l.scenariosStranding() == 1 ? "" : "s")
            + " cut off other devices' traffic; the worst, " + l.strandedScenario() + ", "
            + gbps(l.strandedGbps()) + " Gbps"));
    f.add(new Fact("own", "Own traffic", l.scenariosLosingOwn() == 0
        ? "no scenario removes a device with traffic of its own"
        : l.scenariosLosingOwn() + " scenario" + (l.scenariosLosingOwn() == 1 ? "" : "s")
            + " remove devices whose own traffic goes with them (not stranded: nothing else is"
            + " cut off); the most, " + l.ownScenario() + ", " + gbps(l.ownGbps()) + " Gbps"));
    return f;
  }

  /**
   * The title when it says more than the id: empty when it is the id in other words
   * ({@code site_down den} for {@code site_down:den}), without the id where it holds it.
   */
  static String titleBeyondId(ScenarioSummary s) {
    String t = s.title().trim();
    String id = s.scenarioId();
    if (t.isEmpty() || words(t).equals(words(id))) {
      return "";
    }
    for (String wrapped : List.of(" (" + id + ")", " [" + id + "]", ": " + id, " " + id)) {
      if (t.endsWith(wrapped)) {
        return t.substring(0, t.length() - wrapped.length()).trim();
      }
    }
    for (String wrapped : List.of(id + ": ", id + " ")) {
      if (t.startsWith(wrapped)) {
        return t.substring(wrapped.length()).trim();
      }
    }
    return t;
  }

  /** Lower-case letters and digits, every other run of characters one space. */
  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }

  private static String count(long n, String one, String many, List<DemandImpact> shown,
      boolean review) {
    if (n == 0) {
      return "";
    }
    String what = n + " " + (n == 1 ? one : many) + (review ? "" : " over the scenarios");
    return shown.size() < n ? what + "; the " + shown.size() + " largest:" : what + ":";
  }

  private static List<DemandRow> demands(List<DemandImpact> ds, boolean review) {
    List<DemandRow> out = new ArrayList<>();
    for (DemandImpact d : ds) {
      out.add(new DemandRow(d.src(), d.dst(), review ? "" : d.scenarioId(), gbps(d.gbps()),
          latency(d.latencyBeforeMs()) + " \u2192 " + latency(d.latencyAfterMs())));
    }
    return out;
  }

  private static String latency(double ms) {
    return Double.isNaN(ms) ? "none" : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  private static List<WorstCaseRow> worstCase(List<LinkWorstCase> rows) {
    List<WorstCaseRow> out = new ArrayList<>();
    for (LinkWorstCase r : rows) {
      out.add(new WorstCaseRow(r.linkId(), r.fromDevice() + "\u2192" + r.toDevice(),
          gbps(r.capacityGbps()), gbps(r.loadBeforeGbps()), gbps(r.worstLoadGbps()),
          r.scenariosOverCapacity() > 0 ? "BLOCK" : "RISK", pct(r.worstUtil()),
          r.worstScenarioId().orElse(""), r.scenariosOverWarn(), r.scenariosOverCapacity()));
    }
    return out;
  }

  private static PlanView plan(AugmentPlan plan) {
    String summary = String.format(Locale.ROOT, "Target %s: %d link%s, %d members added, "
        + "%s Gbps in total, %d round%s (%d routed again).", pct(plan.targetUtil()),
        plan.rows().size(), plan.rows().size() == 1 ? "" : "s", plan.membersAdded(),
        gbps(plan.capacityAddedGbps()), plan.rounds(), plan.rounds() == 1 ? "" : "s",
        plan.reswept());
    List<PlanRow> rows = plan.rows().stream().map(r -> new PlanRow(r.linkId(),
        "+" + r.membersToAdd(), gbps(r.memberCapacityGbps()), gbps(r.capacityBeforeGbps()),
        gbps(r.capacityAfterGbps()), pct(r.worstUtilBefore()), pct(r.worstUtilAfter()),
        r.drivingScenarioId())).toList();
    List<ResidualRow> residual = plan.residual().stream().map(r -> new ResidualRow(
        r.scenarioId(), r.verdict().name(), r.reason())).toList();
    return new PlanView(summary, rows, residual);
  }

  /**
   * Two bars per arc, before (grey) and after (coloured by status), 0..150 %, labelled with
   * the utilisation before and after and, below it, the load and capacity in Gbps.
   */
  private static Bars bars(List<LinkImpact> links, boolean withScenario, double warnUtil) {
    int row = 40;
    int top = 18;
    int height = top + links.size() * row + 6;
    int width = LABEL_WIDTH + BAR_WIDTH + 200;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      LinkImpact l = links.get(i);
      int y = top + i * row;
      String direction = l.fromDevice() + "\u2192" + l.toDevice()
          + (withScenario ? " (" + l.scenarioId() + ")" : "");
      boolean down = l.statusAfter() == ArcStatus.DOWN;
      bars.add(new Bar(l.linkId() + " " + direction, shorten(l.linkId()), shorten(direction),
          y + 13, y + 29, y + 2, y + 17, LABEL_WIDTH, barWidth(l.utilBefore()),
          barWidth(l.utilAfter()), colour(l.statusAfter()), LABEL_WIDTH + BAR_WIDTH + 10,
          pct(l.utilBefore()) + " \u2192 " + (down ? "DOWN" : pct(l.utilAfter())),
          gbps(l.loadBeforeGbps()) + " \u2192 " + (down ? "0" : gbps(l.loadAfterGbps()))
              + " of " + gbps(down ? l.capacityBeforeGbps() : l.capacityAfterGbps())
              + " Gbps"));
    }
    return new Bars(!links.isEmpty(), width, height, width * 3 / 2,
        LABEL_WIDTH + barWidth(warnUtil), LABEL_WIDTH + barWidth(1.0), top - 4, height - 2,
        pct(warnUtil), bars);
  }

  private static int barWidth(double util) {
    return (int) Math.round(Math.min(Math.max(util, 0), SCALE_MAX) / SCALE_MAX * BAR_WIDTH);
  }

  private static String colour(ArcStatus s) {
    return switch (s) {
      case OVER -> "#c62828";
      case WARN -> "#ef8f00";
      case OK -> "#2e7d32";
      case DOWN -> "#1d2330";
    };
  }

  private static String shorten(String s) {
    return s.length() <= LABEL_CHARS ? s : s.substring(0, LABEL_CHARS - 1) + "\u2026";
  }

  /** A utilisation in %, one decimal, or enough digits to show a small one is not zero. */
  static String pct(double fraction) {
    return VerdictReason.pct(fraction).replace("%", " %");
  }

  /** A rate in Gbps, one decimal, or enough digits to show a small one is not zero. */
  static String gbps(double v) {
    return VerdictReason.gbps(v);
  }
}
