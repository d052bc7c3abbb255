package io.netimpact.report;

import io.netimpact.impact.ArcStatus;
import io.netimpact.impact.DemandImpact;
import io.netimpact.impact.LinkImpact;
import io.netimpact.impact.LinkWorstCase;
import io.netimpact.impact.ScenarioSummary;
import io.netimpact.impact.Verdict;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.AugmentRow;
import io.netimpact.planning.ResidualRow;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code summary.html}: one self-contained page (inline CSS and SVG, no scripts, nothing
 * fetched) with the verdicts, the riskiest scenarios, the worst links before and after as bars,
 * and the lost traffic. Every text taken from the input is HTML-escaped.
 */
public final class SummaryHtml {
  private static final int BAR_WIDTH = 600;
  private static final int LABEL_WIDTH = 340;
  /** Characters of a label line that fit in {@link #LABEL_WIDTH} at 13 px. */
  private static final int LABEL_CHARS = 46;
  private static final double SCALE_MAX = 1.5;

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
      List<String> teLines) {

    /** A page without traffic engineering. */
    public Page(String kind, String runId, String snapshotId, long scenarios,
        Map<Verdict, Long> verdicts, List<ScenarioSummary> riskiest,
        List<LinkImpact> worstLinks, List<DemandImpact> lostDemands, double lostGbps,
        double overflowGbps, double warnUtil) {
      this(kind, runId, snapshotId, scenarios, verdicts, riskiest, worstLinks, lostDemands,
          lostGbps, overflowGbps, warnUtil, List.of());
    }

    public Page {
      teLines = List.copyOf(teLines);
      new io.netimpact.impact.Thresholds(warnUtil);
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
   * What a sweep's page adds (contract section 6.5): the arcs whose worst case crosses the warn
   * level or capacity, each with its driving scenario (from {@code link_worst_case}), worst
   * first; and with {@code --plan} the augmentation plan and its residual.
   */
  public record Planning(List<LinkWorstCase> worstCase, Optional<AugmentPlan> plan) {
    public static final Planning NONE = new Planning(List.of(), Optional.empty());

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

  /** The page as HTML, with a sweep's worst case and plan. O(shown rows). */
  public static String render(Page p, Planning planning) {
    return render(p, planning, Optional.empty());
  }

  /** {@link #bytes(Page, Planning)} with a review's survival line ({@code review --survive}). */
  public static byte[] bytes(Page p, Planning planning, Optional<String> survival) {
    return render(p, planning, survival).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The page as HTML, with a sweep's worst case and plan, and with {@code survival} (the
   * survival line of {@code review --survive}) under the verdict. O(shown rows).
   */
  public static String render(Page p, Planning planning, Optional<String> survival) {
    boolean review = p.scenarios() == 1;
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>netimpact ").append(esc(p.kind())).append(' ').append(esc(p.runId()))
        .append("</title>\n<style>\n")
        .append("body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;"
            + "color:#1d2330;background:#fafbfc}\n")
        .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}\n")
        .append(".title{font-size:17px;margin:2px 0 4px}.reason{font-size:15px;margin:10px 0 0}\n")
        .append(".meta{color:#5b6478}.v{display:inline-block;padding:6px 14px;border-radius:6px;"
            + "margin:8px 8px 0 0;font-weight:600;color:#fff}\n")
        .append(".BLOCK{background:#c62828}.RISK{background:#ef8f00}.SAFE{background:#2e7d32}\n")
        .append("table{border-collapse:collapse;background:#fff;width:100%}td,th{padding:4px 10px;"
            + "border-bottom:1px solid #e3e6ec;text-align:left;vertical-align:top}"
            + "th{background:#eef1f6}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
        .append("svg{width:100%;height:auto;display:block}"
            + "svg text{font:13px system-ui,sans-serif;fill:#1d2330}"
            + "svg text.sub{font-size:12px;fill:#5b6478}\n")
        .append("</style></head><body>\n");
    h.append("<h1>netimpact ").append(esc(p.kind())).append(": <span id=\"run\">")
        .append(esc(p.runId())).append("</span></h1>\n");
    if (review && !p.riskiest().isEmpty()) {
      ScenarioSummary s = p.riskiest().get(0);
      h.append("<div class=\"title\" id=\"title\">").append(esc(s.scenarioId()))
          .append(s.title().isEmpty() ? "" : " &ldquo;" + esc(s.title()) + "&rdquo;")
          .append("</div>\n");
    }
    h.append("<div class=\"meta\">snapshot ")
        .append(esc(p.snapshotId())).append(" &middot; ").append(p.scenarios())
        .append(review ? " scenario" : " scenarios").append(" &middot; warn above ")
        .append(pct(p.warnUtil())).append("</div>\n");

    h.append("<h2>Verdict</h2>\n<div id=\"verdicts\">");
    if (review) {
      Verdict v = p.worstVerdict();
      h.append("<span class=\"v ").append(v).append("\" id=\"verdict\">").append(v)
          .append("</span>");
    } else {
      for (Verdict v : new Verdict[] {Verdict.BLOCK, Verdict.RISK, Verdict.SAFE}) {
        h.append("<span class=\"v ").append(v).append("\">").append(v).append(": ")
            .append(p.verdicts().get(v)).append("</span>");
      }
    }
    h.append("</div>\n");
    if (review && !p.riskiest().isEmpty()) {
      h.append("<p class=\"reason\" id=\"reason\">").append(esc(p.riskiest().get(0).reason()))
          .append("</p>\n");
    }
    survival.ifPresent(line -> h.append("<h2>Surviving the next failure</h2>\n")
        .append("<p class=\"reason\" id=\"survive\">").append(esc(line)).append("</p>\n"));

    h.append("<h2>Lost traffic</h2>\n<p id=\"lost\">Made unroutable: <b>")
        .append(num(p.lostGbps())).append(" Gbps</b> &middot; overflow after: <b>")
        .append(num(p.overflowGbps())).append(" Gbps</b>")
        .append(review ? "" : " (summed over the scenarios)").append("</p>\n");
    if (!p.lostDemands().isEmpty()) {
      h.append("<table id=\"lost-demands\"><tr><th>src</th><th>dst</th>")
          .append(review ? "" : "<th>scenario</th>")
          .append("<th>Gbps</th></tr>\n");
      for (DemandImpact d : p.lostDemands()) {
        h.append("<tr><td>").append(esc(d.src())).append("</td><td>").append(esc(d.dst()))
            .append("</td>");
        if (!review) {
          h.append("<td>").append(esc(d.scenarioId())).append("</td>");
        }
        h.append("<td class=\"n\">").append(num(d.gbps())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    if (!p.teLines().isEmpty()) {
      h.append("<h2>Traffic engineering</h2>\n<pre id=\"te\">");
      for (String line : p.teLines()) {
        h.append(esc(line)).append('\n');
      }
      h.append("</pre>\n");
    }

    h.append("<h2>Worst links, utilisation before &rarr; after</h2>\n");
    if (p.worstLinks().isEmpty()) {
      h.append("<p>No link changed.</p>\n");
    } else {
      bars(h, p.worstLinks(), !review, p.warnUtil());
    }

    h.append("<h2>").append(review ? "Scenario" : "Riskiest scenarios")
        .append("</h2>\n<table id=\"scenarios\"><tr><th>scenario</th><th>title</th>"
            + "<th>verdict</th><th>reason</th><th>max util before</th><th>max util after</th>"
            + "<th>lost Gbps</th><th>overflow Gbps</th><th>worst link</th></tr>\n");
    for (ScenarioSummary s : p.riskiest()) {
      h.append("<tr><td>").append(esc(s.scenarioId())).append("</td><td>").append(esc(s.title()))
          .append("</td><td><span class=\"v ").append(s.verdict()).append("\" style=\"margin:0;"
              + "padding:1px 8px\">").append(s.verdict()).append("</span></td><td>")
          .append(esc(s.reason())).append("</td><td class=\"n\">")
          .append(pct(s.maxUtilBefore())).append("</td><td class=\"n\">")
          .append(pct(s.maxUtilAfter())).append("</td><td class=\"n\">")
          .append(num(Math.max(0, s.unroutableGbpsAfter() - s.unroutableGbpsBefore())))
          .append("</td><td class=\"n\">").append(num(s.overflowGbpsAfter()))
          .append("</td><td>").append(esc(s.worstLinkId())).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!review) {
      worstCase(h, planning.worstCase());
    }
    planning.plan().ifPresent(plan -> plan(h, plan));
    h.append("</body></html>\n");
    return h.toString();
  }

  /** Arcs whose worst case crosses warn or capacity, each with the scenario that drives it. */
  private static void worstCase(StringBuilder h, List<LinkWorstCase> rows) {
    h.append("<h2>Worst case per arc over the scenarios</h2>\n");
    if (rows.isEmpty()) {
      h.append("<p id=\"worst-case-none\">No arc goes above the warn level in any "
          + "scenario.</p>\n");
      return;
    }
    h.append("<table id=\"worst-case\"><tr><th>link</th><th>direction</th>"
        + "<th>capacity Gbps</th><th>load before Gbps</th><th>worst load Gbps</th>"
        + "<th>worst util</th><th>driving scenario</th><th>scenarios above warn</th>"
        + "<th>over capacity</th></tr>\n");
    for (LinkWorstCase r : rows) {
      h.append("<tr><td>").append(esc(r.linkId())).append("</td><td>")
          .append(esc(r.fromDevice() + "\u2192" + r.toDevice())).append("</td><td class=\"n\">")
          .append(num(r.capacityGbps())).append("</td><td class=\"n\">")
          .append(num(r.loadBeforeGbps())).append("</td><td class=\"n\">")
          .append(num(r.worstLoadGbps())).append("</td><td class=\"n\"><span class=\"v ")
          .append(r.scenariosOverCapacity() > 0 ? "BLOCK" : "RISK")
          .append("\" style=\"margin:0;padding:1px 8px\">").append(pct(r.worstUtil()))
          .append("</span></td><td>").append(esc(r.worstScenarioId().orElse("")))
          .append("</td><td class=\"n\">").append(r.scenariosOverWarn())
          .append("</td><td class=\"n\">").append(r.scenariosOverCapacity())
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** The augmentation plan (links, members, capacity, rounds) and its residual. */
  private static void plan(StringBuilder h, AugmentPlan plan) {
    h.append("<h2>Augmentation plan</h2>\n<p id=\"plan-summary\">Target ")
        .append(pct(plan.targetUtil())).append(": <b>").append(plan.rows().size())
        .append(plan.rows().size() == 1 ? " link" : " links").append("</b>, <b>")
        .append(plan.membersAdded()).append(" members</b> added, <b>")
        .append(num(plan.capacityAddedGbps())).append(" Gbps</b> in total, ")
        .append(plan.rounds()).append(plan.rounds() == 1 ? " round" : " rounds").append(" (")
        .append(plan.reswept()).append(" routed again).</p>\n");
    if (!plan.rows().isEmpty()) {
      h.append("<table id=\"plan\"><tr><th>link</th><th>members to add</th>"
          + "<th>member Gbps</th><th>capacity before Gbps</th><th>capacity after Gbps</th>"
          + "<th>worst util before</th><th>worst util after</th><th>driving scenario</th>"
          + "</tr>\n");
      for (AugmentRow r : plan.rows()) {
        h.append("<tr><td>").append(esc(r.linkId())).append("</td><td class=\"n\">+")
            .append(r.membersToAdd()).append("</td><td class=\"n\">")
            .append(num(r.memberCapacityGbps())).append("</td><td class=\"n\">")
            .append(num(r.capacityBeforeGbps())).append("</td><td class=\"n\">")
            .append(num(r.capacityAfterGbps())).append("</td><td class=\"n\">")
            .append(pct(r.worstUtilBefore())).append("</td><td class=\"n\">")
            .append(pct(r.worstUtilAfter())).append("</td><td>")
            .append(esc(r.drivingScenarioId())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("<h2>Residual: still RISK or BLOCK with the plan</h2>\n");
    if (plan.residual().isEmpty()) {
      h.append("<p id=\"residual-none\">None: with the plan every scenario is SAFE.</p>\n");
      return;
    }
    h.append("<table id=\"residual\"><tr><th>scenario</th><th>verdict</th><th>reason</th>"
        + "</tr>\n");
    for (ResidualRow r : plan.residual()) {
      h.append("<tr><td>").append(esc(r.scenarioId())).append("</td><td><span class=\"v ")
          .append(r.verdict()).append("\" style=\"margin:0;padding:1px 8px\">")
          .append(r.verdict()).append("</span></td><td>").append(esc(r.reason()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /**
   * Two bars per arc, before (grey) and after (coloured by status), 0..150 %, with the warn
   * level and 100 % as dashed rules. The SVG scales to the page width (viewBox); each label is
   * two lines, the link and then its direction, so that neither is cut at common widths.
   */
  private static void bars(StringBuilder h, List<LinkImpact> links, boolean withScenario,
      double warnUtil) {
    int label = LABEL_WIDTH;
    int row = 40;
    int top = 18;
    int height = top + links.size() * row + 6;
    int width = label + BAR_WIDTH + 170;
    h.append("<svg id=\"worst-links\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" style=\"max-width:")
        .append(width * 3 / 2).append("px\" role=\"img\">\n");
    for (int i = 0; i < links.size(); i++) {
      LinkImpact l = links.get(i);
      int y = top + i * row;
      String direction = l.fromDevice() + "\u2192" + l.toDevice()
          + (withScenario ? " (" + l.scenarioId() + ")" : "");
      String name = l.linkId() + " " + direction;
      h.append("<g class=\"link\"><title>").append(esc(name)).append("</title>")
          .append("<text x=\"0\" y=\"").append(y + 13).append("\">")
          .append(esc(shorten(l.linkId(), LABEL_CHARS))).append("</text>")
          .append("<text class=\"sub\" x=\"0\" y=\"").append(y + 29).append("\">")
          .append(esc(shorten(direction, LABEL_CHARS))).append("</text>\n");
      h.append("<rect x=\"").append(label).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(barWidth(l.utilBefore()))
          .append("\" height=\"13\" fill=\"#9aa3b5\"/>");
      h.append("<rect x=\"").append(label).append("\" y=\"").append(y + 17)
          .append("\" width=\"").append(barWidth(l.utilAfter())).append("\" height=\"13\" fill=\"")
          .append(colour(l.statusAfter())).append("\"/>\n");
      h.append("<text x=\"").append(label + BAR_WIDTH + 10).append("\" y=\"").append(y + 21)
          .append("\">").append(pct(l.utilBefore())).append(" \u2192 ")
          .append(l.statusAfter() == ArcStatus.DOWN ? "DOWN" : pct(l.utilAfter()))
          .append("</text></g>\n");
    }
    int xWarn = label + (int) barWidth(warnUtil);
    int x100 = label + (int) barWidth(1.0);
    int bottom = height - 2;
    h.append("<line id=\"warn-line\" x1=\"").append(xWarn).append("\" y1=\"").append(top - 4)
        .append("\" x2=\"").append(xWarn).append("\" y2=\"").append(bottom)
        .append("\" stroke=\"#ef8f00\" stroke-dasharray=\"4 3\"/>")
        .append("<text x=\"").append(xWarn - 4).append("\" y=\"11\" text-anchor=\"end\">warn ")
        .append(pct(warnUtil)).append("</text>\n")
        .append("<line x1=\"").append(x100).append("\" y1=\"").append(top - 4)
        .append("\" x2=\"").append(x100).append("\" y2=\"").append(bottom)
        .append("\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>")
        .append("<text x=\"").append(x100 + 4).append("\" y=\"11\">100 %</text>\n</svg>\n")
        .append("<div class=\"meta\">grey: before; colour: after (red over capacity, amber "
            + "over the warn level, green OK, black down); dashed: the warn level and 100 %; "
            + "bars stop at 150 %.</div>\n");
  }

  private static long barWidth(double util) {
    return Math.round(Math.min(Math.max(util, 0), SCALE_MAX) / SCALE_MAX * BAR_WIDTH);
  }

  private static String colour(ArcStatus s) {
    return switch (s) {
      case OVER -> "#c62828";
      case WARN -> "#ef8f00";
      case OK -> "#2e7d32";
      case DOWN -> "#1d2330";
    };
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  static String num(double gbps) {
    return String.format(Locale.ROOT, "%.1f", gbps);
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
