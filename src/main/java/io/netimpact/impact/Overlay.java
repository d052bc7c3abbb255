package io.netimpact.impact;

import io.netimpact.verdict.ImpactReport;
import java.util.List;

/**
 * Traffic the per-destination loop does not route by itself (traffic engineering: LSPs and
 * SR-TE policy legs): its loads are added to the baseline, and each scenario's merged state is
 * finished with what the overlay changes (load deltas, restated demand changes) before the
 * {@link Assembler} makes the rows; the overlay then adds its own rows to the report.
 * Implementations are plain Java and serializable, so the Spark runner can ship them.
 */
public interface Overlay extends java.io.Serializable {
  /** No overlay: every row follows plain IGP. */
  Overlay NONE = new Overlay() {
    @Override
    public void addBaseline(double[] load) {}

    @Override
    public void finish(int scenario, ScenarioState state) {}

    @Override
    public ImpactReport rows(String runId, int scenario, ImpactReport report) {
      return report;
    }
  };

  /** Adds the overlay's loads before any change into {@code load} (per base arc, Gbps). */
  void addBaseline(double[] load);

  /** Finishes the merged state of scenario {@code scenario} (its index in the evaluation). */
  void finish(int scenario, ScenarioState state);

  /** The report of scenario {@code scenario} with the overlay's rows. */
  ImpactReport rows(String runId, int scenario, ImpactReport report);

  /** Whether this overlay does nothing. */
  default boolean isNone() {
    return this == NONE;
  }

  /** Convenience for callers that evaluate several scenarios. */
  default List<ImpactReport> rows(String runId, List<ImpactReport> reports) {
    List<ImpactReport> out = new java.util.ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      out.add(rows(runId, i, reports.get(i)));
    }
    return out;
  }
}
