package io.netimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The generator writes demands on a grid fine enough that the written matrix routes as the
 * calibrated one: the busiest arc is scaled on the exact volumes, and the rows of the largest
 * presets are mostly below 1 Mbps, so a coarse grid with a floor would add load the calibration
 * never saw.
 */
class DemandRoundingTest {
  @Test
  void smallDemands_keepTheirVolume_withinOnePercent() {
    for (double g : new double[] {0.0002, 0.00035, 0.0009, 0.0123456, 4.2}) {
      assertEquals(g, SnapshotGenerator.roundGbps(g), 0.01 * g, "demand of " + g + " Gbps");
    }
  }

  @Test
  void aDemandIsNeverWrittenAsZero() {
    assertEquals(1e-6, SnapshotGenerator.roundGbps(1e-9), 0.0);
  }
}
