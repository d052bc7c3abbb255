package io.netimpact.planning;

import io.netimpact.impact.CapacityCurve;
import io.netimpact.verdict.Thresholds;

/**
 * How many members one link needs: with {@code k} members of {@code m} Gbps added (added
 * members are up), the link's capacity in a scenario is that scenario's capacity plus
 * {@code k m}, so its worst utilisation is the maximum over its {@link CapacityCurve} points
 * (the base network's among them) of {@code load / (capacity + k m)}. The smallest {@code k}
 * with that at or below the target (within {@link Thresholds#EPSILON} relative, the verdict's
 * own tolerance, so that a target equal to the warn utilisation leaves no arc WARN) is the
 * largest of the points' own smallest {@code k}. A scenario that takes members down has a
 * smaller capacity at the same load, so it can need more members than the scenario with the
 * highest utilisation before: every point is sized, not only the worst one.
 *
 * <p>O(points) per link.
 *
 * @param members     members to add; 0 when the link is at or below the target everywhere
 * @param driving     the point that needs the most capacity among those that need
 *                    {@code members} (ties: the first in scenario order, the base before every
 *                    scenario); its scenario index, -1 for the base; -1 when members is 0
 * @param utilBefore  the worst utilisation over the points with nothing added
 * @param utilAfter   the worst utilisation with {@code members} added
 */
public record LinkSizing(int members, int driving, double utilBefore, double utilAfter) {
  /** The scenario index that stands for the base network among a link's points. */
  public static final int BASE = -1;

  /**
   * Sizes one link.
   *
   * @param points     the link's points: the base's (scenario {@link #BASE}) and the curve's
   * @param memberGbps capacity of one added member, &gt; 0
   * @param target     target utilisation, &gt; 0
   */
  public static LinkSizing of(CapacityCurve.Point[] points, double memberGbps, double target) {
    if (!(memberGbps > 0) || !(target > 0)) {
      throw new IllegalArgumentException("member capacity and target must be > 0, got "
          + memberGbps + " and " + target);
    }
    int k = 0;
    int driving = BASE;
    double need = Double.NEGATIVE_INFINITY;
    double before = 0;
    for (CapacityCurve.Point p : points) {
      before = Math.max(before, p.loadGbps() / p.capacityGbps());
      int kp = members(p, memberGbps, target);
      double np = p.loadGbps() / target - p.capacityGbps();
      if (kp > k || (kp == k && kp > 0 && (np > need
          || (np == need && p.scenario() < driving)))) {
        k = kp;
        driving = p.scenario();
        need = np;
      }
    }
    double after = 0;
    for (CapacityCurve.Point p : points) {
      after = Math.max(after, p.loadGbps() / (p.capacityGbps() + k * memberGbps));
    }
    return new LinkSizing(k, k == 0 ? BASE : driving, before, after);
  }

  /** The smallest k that brings one point to the target. O(1) (a step or two from the ratio). */
  private static int members(CapacityCurve.Point p, double m, double target) {
    double estimate = Math.ceil((p.loadGbps() / target - p.capacityGbps()) / m);
    int k = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, estimate));
    while (k > 0 && fits(p, k - 1, m, target)) {
      k--;
    }
    while (!fits(p, k, m, target)) {
      k++;
    }
    return k;
  }

  private static boolean fits(CapacityCurve.Point p, int k, double m, double target) {
    return !Thresholds.over(p.loadGbps(), target * (p.capacityGbps() + k * m));
  }
}
