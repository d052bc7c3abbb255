package io.netimpact.survival;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Verdict;
import java.util.Objects;

/**
 * What one scenario of a survival review does, as the {@code survival} table shows it: its
 * severity against the base, its highest utilisation and the link that has it (empty when no
 * arc carries anything), and the traffic it strands (Gbps).
 *
 * @param failureId the failure's scenario id ({@code link_down:l7}), also for the change then
 *     the failure
 */
public record FailureResult(String failureId, Verdict severity, double maxUtil,
    String worstLinkId, double strandedGbps) implements java.io.Serializable {
  public FailureResult {
    Objects.requireNonNull(failureId, "failureId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(worstLinkId, "worstLinkId");
    if (!Double.isFinite(maxUtil) || !Double.isFinite(strandedGbps)) {
      throw new IllegalArgumentException("failure " + failureId + ": non-finite figures");
    }
  }

  /** The result of {@code failureId} from its composed figures ({@code SurviveComposition}). */
  public static FailureResult of(String failureId,
      io.netimpact.impact.SurviveComposition.Figures f) {
    return new FailureResult(failureId, Severity.of(f.strandedGbps(), f.unroutableBefore(),
        f.newlyOver(), f.newlyWarn()), f.maxUtil(), f.worstLinkId(), f.strandedGbps());
  }

  /** The result of {@code failureId} from its scenario's report. O(rows). */
  public static FailureResult of(String failureId, ImpactReport r) {
    return new FailureResult(failureId, Severity.of(r), r.summary().maxUtilAfter(),
        r.summary().worstLinkId(), r.summary().strandedGbpsAfter());
  }
}
