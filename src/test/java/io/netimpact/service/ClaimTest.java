package io.netimpact.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimTest {
  private static final Claim HELD = new Claim("CR-1", "a.json", "abc", Instant.EPOCH);

  @Test
  void unheldId_isNew() {
    assertEquals(Claim.Decision.NEW, Claim.decide(Optional.empty(), "a.json", "abc"));
  }

  @Test
  void sameFileSameBytes_isAReplay() {
    assertEquals(Claim.Decision.REPLAY, Claim.decide(Optional.of(HELD), "a.json", "abc"));
  }

  @Test
  void otherFileOrOtherBytes_isADuplicateNamingTheHolder() {
    assertEquals(Claim.Decision.DUPLICATE, Claim.decide(Optional.of(HELD), "b.json", "abc"));
    assertEquals(Claim.Decision.DUPLICATE, Claim.decide(Optional.of(HELD), "a.json", "abd"));
    assertTrue(HELD.duplicateError().contains("a.json"), HELD.duplicateError());
  }

  @Test
  void outcome_publishedHasRunAndVerdict_rejectedHasError() {
    Instant t = Instant.EPOCH;
    Outcome p = Outcome.published("a.json", "x", "CR-1", "s", "SAFE", t, t.plusMillis(7), "b");
    assertEquals(7, p.latencyMs());
    assertThrows(IllegalArgumentException.class, () -> new Outcome("a.json", "x",
        Optional.empty(), "s", Outcome.Status.PUBLISHED, Optional.of("SAFE"), Optional.empty(),
        t, t, "b"));
    assertThrows(IllegalArgumentException.class, () -> Outcome.rejected("a.json", "x", "s",
        "e", t.plusMillis(1), t, "b"));
  }
}
