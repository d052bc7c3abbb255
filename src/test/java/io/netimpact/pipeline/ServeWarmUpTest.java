package io.netimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServeWarmUpTest {

  @Test
  void smallNetwork_oneMadeUpChangePer16Devices() {
    assertEquals(1, ServePipeline.warmUpChanges(10, 20));
    assertEquals(17, ServePipeline.warmUpChanges(282, 1_000));
  }

  @Test
  void mediumNetwork_takesTheCap() {
    assertEquals(ServePipeline.WARM_UP_CHANGES, ServePipeline.warmUpChanges(9_712, 100_224));
  }

  @Test
  void millionsOfDemands_boundTheWarmUpsRouteChanges() {
    // large preset: 999,744 demands -> 8 changes; xl: 4,998,816 -> the floor of 4
    assertEquals(8, ServePipeline.warmUpChanges(99_600, 999_744));
    assertEquals(4, ServePipeline.warmUpChanges(968_352, 4_998_816));
  }
}
