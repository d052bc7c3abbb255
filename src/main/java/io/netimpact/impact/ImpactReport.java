package io.netimpact.impact;

import java.util.List;

/** The report of one scenario: its summary row, its arc rows and its demand rows. */
public record ImpactReport(ScenarioSummary summary, List<LinkImpact> links,
    List<DemandImpact> demands) implements java.io.Serializable {
  public ImpactReport {
    links = List.copyOf(links);
    demands = List.copyOf(demands);
  }
}
