package io.netimpact.te;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LspImpact;
import io.netimpact.verdict.PolicyChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The TE lines of a review's human summary (console, {@code summary.txt}, the page): the LSPs
 * a change moves or downs and the policies it moves or makes fall back, most severe first
 * (LSPs that go down, then moved ones; policies that fall back, then the others). O(rows log
 * rows).
 */
public final class TeSummary {
  /** Rows shown of each kind; the rest are counted. */
  public static final int SHOWN = 10;

  private TeSummary() {}

  /** The lines, or none when the change moves no LSP or policy. */
  public static List<String> lines(ImpactReport r) {
    List<String> out = new ArrayList<>();
    if (r.lsps().isEmpty() && r.policies().isEmpty()) {
      return out;
    }
    long down = r.lsps().stream().filter(l -> l.stateAfter() == LspImpact.LspState.DOWN).count();
    long fallback = r.policies().stream().filter(p -> p.candidateAfter() < 0).count();
    out.add(String.format("traffic engineering: %d LSP%s changed (%d down after), %d polic%s "
        + "changed (%d fall back to IGP)", r.lsps().size(), r.lsps().size() == 1 ? "" : "s", down,
        r.policies().size(), r.policies().size() == 1 ? "y" : "ies", fallback));
    List<LspImpact> lsps = new ArrayList<>(r.lsps());
    lsps.sort(java.util.Comparator.comparing((LspImpact l) -> l.stateAfter() != LspImpact
        .LspState.DOWN).thenComparing(LspImpact::lspId));
    for (LspImpact l : lsps.subList(0, Math.min(SHOWN, lsps.size()))) {
      out.add(String.format("  LSP %-20s %4s -> %-4s  %s -> %s", l.lspId(), l.stateBefore(),
          l.stateAfter(), path(l.pathBefore(), l.metricBefore()),
          l.stateAfter() == LspImpact.LspState.DOWN
              ? "(no path with " + trim(l.bandwidthGbps()) + " Gbps unreserved: its traffic "
                  + "follows IGP)" : path(l.pathAfter(), l.metricAfter())));
    }
    if (lsps.size() > SHOWN) {
      out.add("  ... and " + (lsps.size() - SHOWN) + " more LSPs in lsp_impact");
    }
    List<PolicyChange> ps = new ArrayList<>(r.policies());
    ps.sort(java.util.Comparator.comparing((PolicyChange p) -> p.candidateAfter() >= 0)
        .thenComparing(PolicyChange::policyId));
    for (PolicyChange p : ps.subList(0, Math.min(SHOWN, ps.size()))) {
      out.add(String.format("  policy %-17s %s > %s: %s", p.policyId(), p.head(), p.endpoint(),
          p.what()));
    }
    if (ps.size() > SHOWN) {
      out.add("  ... and " + (ps.size() - SHOWN) + " more policies");
    }
    return out;
  }

  private static String path(java.util.Optional<String> path, java.util.Optional<Long> metric) {
    return path.map(p -> p + " (metric " + metric.orElse(0L) + ")").orElse("(down)");
  }

  private static String trim(double gbps) {
    return gbps == Math.rint(gbps) ? String.valueOf((long) gbps) : String.valueOf(gbps);
  }
}
