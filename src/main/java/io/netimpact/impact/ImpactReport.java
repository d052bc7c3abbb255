package io.netimpact.impact;

import java.util.List;

/**
 * The report of one scenario: its summary row, its arc rows, its demand rows, and with
 * traffic engineering its LSP rows ({@code lsp_impact}) and the policies whose way changed.
 */
public record ImpactReport(ScenarioSummary summary, List<LinkImpact> links,
    List<DemandImpact> demands, List<LspImpact> lsps, List<PolicyChange> policies)
    implements java.io.Serializable {
  public ImpactReport {
    links = List.copyOf(links);
    demands = List.copyOf(demands);
    lsps = List.copyOf(lsps);
    policies = List.copyOf(policies);
  }

  /** A report without traffic engineering. */
  public ImpactReport(ScenarioSummary summary, List<LinkImpact> links,
      List<DemandImpact> demands) {
    this(summary, links, demands, List.of(), List.of());
  }

  /** This report with its TE rows. */
  public ImpactReport withTe(List<LspImpact> lspRows, List<PolicyChange> policyRows) {
    return new ImpactReport(summary, links, demands, lspRows, policyRows);
  }
}
