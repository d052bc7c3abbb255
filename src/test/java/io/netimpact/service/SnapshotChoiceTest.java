package io.netimpact.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotChoiceTest {
  static final Instant T1 = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant T2 = Instant.parse("2026-12-02T00:00:00Z");

  static SnapshotChoice.Listed listed(String dir, long stamp) {
    return new SnapshotChoice.Listed(dir, stamp);
  }

  @Test
  void knownAndRefusedDirectories_areNotExaminedAgain_untilTheirListedTimeChanges() {
    SnapshotChoice c = new SnapshotChoice();
    List<SnapshotChoice.Listed> listing = List.of(listed("a", 1), listed("b", 1),
        listed("c", 1));
    assertEquals(listing, c.toExamine(listing));
    c.complete(new SnapshotChoice.Known("a", 1, "s1", T1));
    c.refuse("b", 1);
    // c is still being written (no marker): looked at again on every poll, a and b are not.
    assertEquals(List.of(listed("c", 1)), c.toExamine(listing));
    assertEquals(List.of(listed("b", 2), listed("c", 1)), c.toExamine(List.of(listed("a", 1),
        listed("b", 2), listed("c", 1))));
    assertTrue(c.refused("b"));
  }

  @Test
  void newest_isByTakenAt_notByName_andTheDirectoryNameBreaksTies() {
    SnapshotChoice c = new SnapshotChoice();
    SnapshotChoice.Known old = new SnapshotChoice.Known("z-old", 1, "s1", T1);
    SnapshotChoice.Known newer = new SnapshotChoice.Known("a-new", 1, "s2", T2);
    c.complete(old);
    assertEquals(Optional.empty(), c.newerThan(old));
    c.complete(newer);
    assertEquals(Optional.of(newer), c.newerThan(old));
    assertEquals(Optional.empty(), c.newerThan(newer));
    SnapshotChoice.Known tie = new SnapshotChoice.Known("b-tie", 1, "s3", T2);
    c.complete(tie);
    assertEquals(Optional.of(tie), c.newerThan(newer));
    assertEquals(List.of(tie, newer, old), c.newestFirst());
    // Refused: no longer a candidate; gone from the listing: forgotten.
    c.refuse("b-tie", 1);
    assertEquals(Optional.of(newer), c.newest());
    c.toExamine(List.of(listed("z-old", 1)));
    assertEquals(Optional.of(old), c.newest());
  }
}
