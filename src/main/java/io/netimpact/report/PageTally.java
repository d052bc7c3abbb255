package io.netimpact.report;

import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.DemandStatus;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.LspImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.te.TeSummary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code summary.html} shows, tallied report by report and mergeable (in the manner of
 * Deequ's states): verdict counts and sums over all scenarios, the {@link #SHOWN} riskiest
 * scenarios, each arc at its worst scenario (highest utilisation after), the largest lost
 * and at-risk demands, the lost traffic split into stranded and own, and the LSPs a scenario
 * downs. A review tallies its one report on the driver; a sweep
 * tallies each partition where its reports are and merges the tallies. {@code add} costs
 * O(L + D log SHOWN) for a report of L arcs and D demands (a bounded selection keeps the top
 * rows), {@link #page} O(A log SHOWN) over the A arcs held; the arcs map holds at most one
 * entry per arc.
 */
public final class PageTally implements Serializable {
  /** Rows per list on the page. */
  public static final int SHOWN = 15;

  private static final Comparator<LinkImpact> HIGHEST_UTIL_AFTER =
      (Comparator<LinkImpact> & Serializable) (a, b) -> {
        int c = Double.compare(b.utilAfter(), a.utilAfter());
        if (c == 0) {
          c = Double.compare(b.overflowAfterGbps(), a.overflowAfterGbps());
        }
        if (c == 0) {
          c = a.linkId().compareTo(b.linkId());
        }
        if (c == 0) {
          c = a.fromDevice().compareTo(b.fromDevice());
        }
        return c == 0 ? a.scenarioId().compareTo(b.scenarioId()) : c;
      };

  private static final Comparator<DemandImpact> LARGEST_DEMAND =
      (Comparator<DemandImpact> & Serializable) (a, b) -> {
        int c = Double.compare(b.gbps(), a.gbps());
        if (c == 0) {
          c = a.scenarioId().compareTo(b.scenarioId());
        }
        return c == 0 ? (a.src() + ">" + a.dst()).compareTo(b.src() + ">" + b.dst()) : c;
      };

  private final EnumMap<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
  private long scenarios;
  private ArrayList<ScenarioSummary> riskiest = new ArrayList<>();
  private final HashMap<Arc, LinkImpact> worstPerArc = new HashMap<>();

  /** An arc by its link and the device it leaves (both hash codes are the strings' own). */
  private record Arc(String link, String from) implements Serializable {}
  private ArrayList<DemandImpact> lost = new ArrayList<>();
  private ArrayList<DemandImpact> atRisk = new ArrayList<>();
  private SummaryHtml.Losses losses = SummaryHtml.Losses.NONE;
  private ArrayList<String> lspsDown = new ArrayList<>();
  private double lostGbps;
  private double overflowGbps;
  /** The TE lines of the one report, while there is only one. */
  private List<String> onlyTe = List.of();

  /** Tallies one scenario's report. */
  public PageTally add(ImpactReport r) {
    ScenarioSummary s = r.summary();
    verdicts.merge(s.verdict(), 1L, Long::sum);
    scenarios++;
    riskiest = top(riskiest, List.of(s), ScenarioSummary.RISKIEST_FIRST);
    for (LinkImpact l : r.links()) {
      worstPerArc.merge(new Arc(l.linkId(), l.fromDevice()), l,
          (a, b) -> HIGHEST_UTIL_AFTER.compare(a, b) <= 0 ? a : b);
    }
    lost = top(lost, r.demands().stream()
        .filter(d -> d.status() == DemandStatus.UNROUTABLE && d.gbps() > 0).toList(),
        LARGEST_DEMAND);
    atRisk = top(atRisk, r.demands().stream()
        .filter(d -> d.status() == DemandStatus.AT_RISK).toList(), LARGEST_DEMAND);
    losses = losses.plus(s,
        r.demands().stream().filter(d -> d.status() == DemandStatus.AT_RISK).count(),
        r.demands().stream().filter(d -> d.status() == DemandStatus.UNROUTABLE).count());
    lspsDown = top(lspsDown, r.lsps().stream()
        .filter(l -> l.stateAfter() == LspImpact.LspState.DOWN)
        .map(l -> "LSP " + l.lspId() + " down in " + l.scenarioId()).toList(),
        Comparator.naturalOrder());
    lostGbps += Math.max(0, s.unroutableGbpsAfter() - s.unroutableGbpsBefore());
    overflowGbps += s.overflowGbpsAfter();
    onlyTe = scenarios == 1 ? TeSummary.lines(r) : List.of();
    return this;
  }

  /** This tally with {@code o}'s folded in; {@code o} is not changed. */
  public PageTally merge(PageTally o) {
    o.verdicts.forEach((v, n) -> verdicts.merge(v, n, Long::sum));
    boolean wasEmpty = scenarios == 0;
    scenarios += o.scenarios;
    riskiest = top(riskiest, o.riskiest, ScenarioSummary.RISKIEST_FIRST);
    o.worstPerArc.forEach((k, l) -> worstPerArc.merge(k, l,
        (a, b) -> HIGHEST_UTIL_AFTER.compare(a, b) <= 0 ? a : b));
    lost = top(lost, o.lost, LARGEST_DEMAND);
    atRisk = top(atRisk, o.atRisk, LARGEST_DEMAND);
    losses = losses.merge(o.losses);
    lspsDown = top(lspsDown, o.lspsDown, Comparator.naturalOrder());
    lostGbps += o.lostGbps;
    overflowGbps += o.overflowGbps;
    onlyTe = scenarios == 1 ? (wasEmpty ? o.onlyTe : onlyTe) : List.of();
    return this;
  }

  /** The page of run {@code runId}: "review" for one scenario, "sweep" otherwise. */
  public SummaryHtml.Page page(String runId, double warnUtil) {
    String snapshotId = riskiest.isEmpty() ? "" : riskiest.get(0).snapshotId();
    List<LinkImpact> worst = top(new ArrayList<>(), new ArrayList<>(worstPerArc.values()),
        HIGHEST_UTIL_AFTER);
    return new SummaryHtml.Page(scenarios == 1 ? "review" : "sweep", runId, snapshotId,
        scenarios, new EnumMap<>(verdicts), List.copyOf(riskiest), worst, List.copyOf(lost),
        lostGbps, overflowGbps, warnUtil, scenarios == 1 ? onlyTe : List.copyOf(lspsDown),
        losses, List.copyOf(atRisk));
  }

  /**
   * The first {@link #SHOWN} of {@code kept} and {@code more} in {@code order}, as a stable sort
   * of {@code kept} followed by {@code more} would give them (elements equal in {@code order}
   * keep that sequence): a bounded selection that holds the best {@link #SHOWN} so far, so a
   * review's page costs O(n log SHOWN) over its n arcs or demands rather than a sort of them
   * all.
   */
  private static <T> ArrayList<T> top(List<T> kept, List<T> more, Comparator<? super T> order) {
    if (more.isEmpty()) {
      return kept instanceof ArrayList<T> a ? a : new ArrayList<>(kept);
    }
    Comparator<Ranked<T>> ranked = (a, b) -> {
      int c = order.compare(a.value(), b.value());
      return c != 0 ? c : Integer.compare(a.position(), b.position());
    };
    // The worst of those held at the head: the one a better element replaces.
    java.util.PriorityQueue<Ranked<T>> best = new java.util.PriorityQueue<>(SHOWN + 1,
        ranked.reversed());
    int position = 0;
    for (List<T> part : List.of(kept, more)) {
      for (T t : part) {
        Ranked<T> r = new Ranked<>(t, position++);
        if (best.size() < SHOWN) {
          best.add(r);
        } else if (ranked.compare(r, best.peek()) < 0) {
          best.poll();
          best.add(r);
        }
      }
    }
    List<Ranked<T>> held = new ArrayList<>(best);
    held.sort(ranked);
    ArrayList<T> out = new ArrayList<>(held.size());
    held.forEach(r -> out.add(r.value()));
    return out;
  }

  /** An element and its place in the sequence, which breaks ties of the order. */
  private record Ranked<T>(T value, int position) {}
}
