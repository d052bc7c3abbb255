package io.netimpact.verdict;

import java.util.Optional;

/**
 * One row of {@code lsp_impact} (docs/semantics.md#traffic-engineering): an LSP whose path or state
 * the change alters.
 * Paths are device ids joined by {@code >}, head first. A down LSP has no path and no metric:
 * stored as "" and -1 (the row travels through Spark, where {@code Optional} does not
 * serialize) and read through {@link #pathBefore()} and the other accessors as empty.
 */
public record LspImpact(String runId, String scenarioId, String lspId, String head,
    String tail, double bandwidthGbps, LspState stateBefore, LspState stateAfter,
    String pathBeforeOrEmpty, String pathAfterOrEmpty, long metricBeforeOrNone,
    long metricAfterOrNone) implements java.io.Serializable {

  /** An LSP's state. */
  public enum LspState { UP, DOWN }

  public Optional<String> pathBefore() {
    return pathBeforeOrEmpty.isEmpty() ? Optional.empty() : Optional.of(pathBeforeOrEmpty);
  }

  public Optional<String> pathAfter() {
    return pathAfterOrEmpty.isEmpty() ? Optional.empty() : Optional.of(pathAfterOrEmpty);
  }

  public Optional<Long> metricBefore() {
    return metricBeforeOrNone < 0 ? Optional.empty() : Optional.of(metricBeforeOrNone);
  }

  public Optional<Long> metricAfter() {
    return metricAfterOrNone < 0 ? Optional.empty() : Optional.of(metricAfterOrNone);
  }
}
