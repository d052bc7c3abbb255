package io.netimpact.verdict;

import java.util.List;

/**
 * The report of one scenario: its summary row, its arc rows, its demand rows, and with
 * traffic engineering its LSP rows ({@code lsp_impact}) and the policies whose way changed,
 * and with classes of service its {@code class_impact} rows and figures.
 */
public record ImpactReport(ScenarioSummary summary, List<LinkImpact> links,
    List<DemandImpact> demands, List<LspImpact> lsps, List<PolicyChange> policies,
    ClassReport classes) implements java.io.Serializable {
  public ImpactReport {
    links = List.copyOf(links);
    demands = List.copyOf(demands);
    lsps = List.copyOf(lsps);
    policies = List.copyOf(policies);
    java.util.Objects.requireNonNull(classes, "classes (ClassReport.NONE without classes)");
  }

  /** A report without classes of service. */
  public ImpactReport(ScenarioSummary summary, List<LinkImpact> links,
      List<DemandImpact> demands, List<LspImpact> lsps, List<PolicyChange> policies) {
    this(summary, links, demands, lsps, policies, ClassReport.NONE);
  }

  /** A report without traffic engineering. */
  public ImpactReport(ScenarioSummary summary, List<LinkImpact> links,
      List<DemandImpact> demands) {
    this(summary, links, demands, List.of(), List.of());
  }

  /** This report with its TE rows. */
  public ImpactReport withTe(List<LspImpact> lspRows, List<PolicyChange> policyRows) {
    return new ImpactReport(summary, links, demands, lspRows, policyRows, classes);
  }
}
