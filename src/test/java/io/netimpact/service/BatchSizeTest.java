package io.netimpact.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchSizeTest {
  @Test
  void beforeAnyBatch_theInitialCapHolds() {
    assertEquals(64, new BatchSize(10_000, 256, 64).cap());
    assertEquals(256, new BatchSize(10_000, 256, 999).cap());
  }

  @Test
  void fixedAndPerRequestCost_areFittedAndTheCapKeepsTwoBatchesInTheTarget() {
    BatchSize b = new BatchSize(10_000, 10_000, 1);
    // T(n) = 1000 + 20 n exactly.
    for (int n : new int[] {1, 10, 50, 100}) {
      b.observe(n, 1000 + 20.0 * n);
    }
    double[] fc = b.fit();
    assertEquals(1000, fc[0], 1e-6);
    assertEquals(20, fc[1], 1e-9);
    // (10000 / 2 - 1000) / 20 = 200, and 2 T(200) = 10000 ms: exactly the target.
    assertEquals(200, b.cap());
  }

  @Test
  void aFixedCostAboveHalfTheTarget_takesEverythingUpToTheMax() {
    BatchSize b = new BatchSize(1_000, 256, 16);
    b.observe(1, 800);
    b.observe(4, 830);
    assertEquals(256, b.cap());
  }

  @Test
  void oneSlowSingleRequest_doesNotPinTheCapToOne() {
    // A first batch of one that took 8 s against a 10 s target: more than half the target
    // per request, so the next batch takes the backlog and the fit learns F from two sizes.
    BatchSize b = new BatchSize(10_000, 256, 256);
    b.observe(1, 8_000);
    assertEquals(256, b.cap());
    b.observe(11, 9_000);
    // F = 7900, c = 100: (5000 - 7900) / 100 < 1, still infeasible: everything.
    assertEquals(256, b.cap());
  }

  @Test
  void oneBatchSizeOnly_chargesEverythingPerRequest() {
    BatchSize b = new BatchSize(10_000, 1_000, 1);
    b.observe(10, 1_000);
    b.observe(10, 1_000);
    // 100 ms a request, no fixed cost known: 5000 / 100.
    assertEquals(50, b.cap());
    assertTrue(b.fit()[0] == 0);
  }

  @Test
  void badArguments_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BatchSize(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BatchSize(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new BatchSize(1, 1, 1).observe(0, 1));
  }
}
