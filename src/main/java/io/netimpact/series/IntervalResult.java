package io.netimpact.series;

/**
 * One interval routed before and after a change.
 *
 * @param id                    interval id
 * @param start                 ISO-8601 start
 * @param minutes               length
 * @param offeredGbps           all demand of the interval
 * @param maxUtilBefore         busiest arc's load / capacity before the change
 * @param maxUtilAfter          the same after
 * @param arcsOverWarnBefore    arcs above the warn utilisation before
 * @param arcsOverWarnAfter     arcs above the warn utilisation after
 * @param arcsOverCapacityBefore arcs over capacity before
 * @param arcsOverCapacityAfter arcs over capacity after
 * @param lostGbpsBefore        unroutable demand before
 * @param lostGbpsAfter         unroutable demand after
 * @param worstLinkAfter        id of the link of the busiest arc after, "" when nothing is loaded
 */
public record IntervalResult(String id, String start, int minutes, double offeredGbps,
    double maxUtilBefore, double maxUtilAfter, int arcsOverWarnBefore, int arcsOverWarnAfter,
    int arcsOverCapacityBefore, int arcsOverCapacityAfter, double lostGbpsBefore,
    double lostGbpsAfter, String worstLinkAfter) implements java.io.Serializable {

  /** After the change some arc is above warn (or over capacity), or traffic is lost. */
  public boolean atRiskAfter() {
    return arcsOverWarnAfter > 0 || arcsOverCapacityAfter > 0 || lostGbpsAfter > 0;
  }

  public boolean atRiskBefore() {
    return arcsOverWarnBefore > 0 || arcsOverCapacityBefore > 0 || lostGbpsBefore > 0;
  }

  public boolean overCapacityAfter() {
    return arcsOverCapacityAfter > 0;
  }
}
