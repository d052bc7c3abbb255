package io.netimpact.deduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.MeasuredLoads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift rule: more than 10 % of the larger load and more than 0.01 Gbps apart. */
class DriftTest {

  @Test
  void drift_needsBothTheShareAndTheFloor() {
    assertFalse(Drift.drifts(10, 9.05));   // 0.95 apart: 9.5 % of 10
    assertTrue(Drift.drifts(10, 8.9));     // 1.1 apart: 11 %
    assertTrue(Drift.drifts(8.9, 10));     // the larger of the two, either way
    assertFalse(Drift.drifts(0.005, 0));   // 100 % but under 0.01 Gbps
    assertTrue(Drift.drifts(0.02, 0));
  }

  @Test
  void compare_listsTheDriftingArcs_andTheShareMispredicted() {
    MeasuredLoads m = new MeasuredLoads(List.of(
        new MeasuredLoads.ArcLoad("ab", "a", 10, ""),
        new MeasuredLoads.ArcLoad("ab", "b", 4, ""),
        new MeasuredLoads.ArcLoad("bc", "b", 0, ""),
        new MeasuredLoads.ArcLoad("cd", "c", 6, "")), List.of(), List.of());
    Drift.Report r = Drift.compare("run", List.of(
        new Drift.Predicted("ab", "a", "b", 10.5),
        new Drift.Predicted("ab", "b", "a", 2),
        new Drift.Predicted("bc", "b", "c", 1),
        new Drift.Predicted("bc", "c", "b", 7)), m);
    assertEquals(List.of("ab:b", "bc:b", "cd:c"), r.rows().stream()
        .map(x -> x.linkId() + ":" + x.fromDevice()).toList());
    assertEquals(0.5, r.rows().get(0).ratio().getAsDouble(), 1e-12);
    assertTrue(r.rows().get(1).ratio().isEmpty());
    // cd is measured but not predicted (no such usable arc): predicted 0.
    assertEquals(0, r.rows().get(2).predictedGbps());
    assertEquals(1, r.unmatched());
    assertEquals(2 + 1 + 6, r.mispredictedGbps(), 1e-12);
    assertEquals(20, r.measuredGbps(), 1e-12);
    assertEquals(0.45, r.mispredictedShare(), 1e-12);
  }
}
