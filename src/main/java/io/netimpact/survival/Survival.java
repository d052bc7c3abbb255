package io.netimpact.survival;

import io.netimpact.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change does to the next failure (contract section 7.2). For the change C and each
 * failure f, f alone and C then f are evaluated against the base; f is exposed by C when
 * severity(C then f) is higher than both severity(f) and severity(C).
 *
 * @param survive            HOLDS (no failure exposed), WEAKENED (some exposed, the worst RISK
 *                           with the change), EXPOSED (some exposed failure BLOCK with the
 *                           change)
 * @param exposing           the exposed failure of highest severity with the change, then
 *                           highest {@code max_util_with}, then first in generator order;
 *                           empty when none
 * @param failuresEvaluated  the failures evaluated (those of elements the change removes or
 *                           takes down are not)
 * @param rows               the {@code survival} rows: every failure whose severity with the
 *                           change is not SAFE, or that is exposed, in generator order
 * @param severityOfChange   the change's own severity against the base
 */
public record Survival(Survive survive, Optional<SurvivalRow> exposing, int failuresEvaluated,
    List<SurvivalRow> rows, Verdict severityOfChange) implements java.io.Serializable {
  public Survival {
    Objects.requireNonNull(survive, "survive");
    Objects.requireNonNull(exposing, "exposing");
    rows = List.copyOf(rows);
    Objects.requireNonNull(severityOfChange, "severityOfChange");
  }

  /** The id of {@link #exposing}, for {@code scenario_summary.exposing_failure_id}. */
  public Optional<String> exposingFailureId() {
    return exposing.map(SurvivalRow::failureId);
  }

  /**
   * The survival of change {@code scenarioId} of severity {@code change}: {@code without.get(i)}
   * is failure i alone, {@code with.get(i)} the change then failure i, both in generator order
   * and with the failure's id. O(failures).
   */
  public static Survival of(String runId, String scenarioId, Verdict change,
      List<FailureResult> without, List<FailureResult> with) {
    if (without.size() != with.size()) {
      throw new IllegalArgumentException(without.size() + " failures without the change, "
          + with.size() + " with it");
    }
    List<SurvivalRow> rows = new ArrayList<>();
    SurvivalRow worst = null;
    for (int i = 0; i < without.size(); i++) {
      FailureResult w = without.get(i);
      FailureResult c = with.get(i);
      if (!w.failureId().equals(c.failureId())) {
        throw new IllegalArgumentException("failure " + i + " is " + w.failureId()
            + " without the change and " + c.failureId() + " with it");
      }
      boolean exposed = c.severity().compareTo(w.severity()) > 0
          && c.severity().compareTo(change) > 0;
      if (c.severity() == Verdict.SAFE && !exposed) {
        continue;
      }
      SurvivalRow r = new SurvivalRow(runId, scenarioId, w.failureId(), w.severity(),
          c.severity(), w.maxUtil(), c.maxUtil(), c.worstLinkId(), w.strandedGbps(),
          c.strandedGbps(), exposed);
      rows.add(r);
      if (exposed && (worst == null || r.severityWith().compareTo(worst.severityWith()) > 0
          || (r.severityWith() == worst.severityWith()
              && r.maxUtilWith() > worst.maxUtilWith()))) {
        worst = r;
      }
    }
    Survive s = worst == null ? Survive.HOLDS
        : worst.severityWith() == Verdict.BLOCK ? Survive.EXPOSED : Survive.WEAKENED;
    return new Survival(s, Optional.ofNullable(worst), without.size(), rows, change);
  }

  /**
   * The survival line of the console, {@code summary.txt} and the page: what the exposing
   * failure does with the change and without it, or that the change holds.
   */
  public String line() {
    if (exposing.isEmpty()) {
      return String.format(java.util.Locale.ROOT, "SURVIVE: HOLDS: no single failure of the "
          + "%d evaluated is made worse by the change (%d stay RISK or BLOCK with it, as "
          + "without it)", failuresEvaluated, rows.size());
    }
    SurvivalRow r = exposing.get();
    long exposed = rows.stream().filter(SurvivalRow::exposed).count();
    return String.format(java.util.Locale.ROOT, "SURVIVE: %s: with the change, %s becomes %s "
        + "(max utilisation %.1f %%%s, %.2f Gbps stranded); without it, %s (%.1f %%, %.2f "
        + "Gbps stranded). %d of %d failures exposed.", survive, r.failureId(),
        r.severityWith(), 100 * r.maxUtilWith(), r.worstLinkIdWith().isEmpty() ? ""
            : " on " + r.worstLinkIdWith(), r.strandedGbpsWith(), r.severityWithout(),
        100 * r.maxUtilWithout(), r.strandedGbpsWithout(), exposed, failuresEvaluated);
  }
}
