package io.netimpact.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.impact.CapacityCurve.Point;
import org.junit.jupiter.api.Test;

/** The smallest member count per link, from its points (load at each capacity it had). */
class LinkSizingTest {
  @Test
  void aScenarioWithAMemberDown_isSizedToo_andCanNeedMoreThanTheWorstUtilisation() {
    // s0 takes two of four 25 Gbps members down: 55 Gbps on 50 (110 %), needs 55/0.8 - 50 =
    // 18.75 Gbps, one member. s1 keeps all four: 105 on 100 (105 %), needs 131.25 - 100 =
    // 31.25 Gbps, two members (one gives 105/125 = 84 %). Sizing by the worst utilisation
    // alone (s0) would add one.
    Point[] points = {new Point(50, 55, 0), new Point(100, 105, 1), new Point(100, 60, -1)};
    LinkSizing z = LinkSizing.of(points, 25, 0.8);
    assertEquals(2, z.members());
    assertEquals(1, z.driving());
    assertEquals(1.1, z.utilBefore(), 1e-12);
    assertEquals(105.0 / 150, z.utilAfter(), 1e-12, "max of 55/100, 105/150, 60/150");
  }

  @Test
  void aLoadAtTheTarget_withinTheVerdictsTolerance_needsNothing() {
    assertEquals(0, LinkSizing.of(new Point[] {new Point(100, 80 * (1 + 1e-10), 3)}, 10, 0.8)
        .members());
    LinkSizing z = LinkSizing.of(new Point[] {new Point(100, 80 * (1 + 1e-6), 3)}, 10, 0.8);
    assertEquals(1, z.members(), "just above: one member of 10 Gbps");
    assertEquals(3, z.driving());
  }

  @Test
  void theBaseDrivesWhenItNeedsTheMost_andTiesGoToTheBase() {
    // Base and scenario 0 both carry 90 on 100: the same need; the base comes first.
    LinkSizing z = LinkSizing.of(new Point[] {new Point(100, 90, 0), new Point(100, 90, -1)},
        100, 0.8);
    assertEquals(1, z.members());
    assertEquals(LinkSizing.BASE, z.driving());
  }
}
