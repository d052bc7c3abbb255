package io.netimpact.planning;

import io.netimpact.verdict.Verdict;

/**
 * One {@code augment_residual} row: a scenario still RISK or BLOCK on the network with the
 * whole plan applied, and why (the verdict's reason, as in {@code scenario_summary}).
 */
public record ResidualRow(String runId, String scenarioId, Verdict verdict, String reason)
    implements java.io.Serializable {
  public ResidualRow {
    if (verdict == Verdict.SAFE) {
      throw new IllegalArgumentException("a SAFE scenario is not residual: " + scenarioId);
    }
  }
}
