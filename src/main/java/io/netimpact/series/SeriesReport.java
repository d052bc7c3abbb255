package io.netimpact.series;

import java.util.List;

/**
 * A change evaluated over a traffic series.
 *
 * @param intervals              per interval, in series order
 * @param worstInterval          the interval with the highest utilisation after the change
 * @param hoursAtRiskBefore      hours in which, without the change, an arc is above warn or
 *                               over capacity or traffic is lost
 * @param hoursAtRiskAfter       the same with the change
 * @param hoursOverCapacityAfter hours in which, with the change, an arc is over capacity
 * @param totalHours             length of the series
 */
public record SeriesReport(List<IntervalResult> intervals, IntervalResult worstInterval,
    double hoursAtRiskBefore, double hoursAtRiskAfter, double hoursOverCapacityAfter,
    double totalHours) implements java.io.Serializable {
  public SeriesReport {
    intervals = List.copyOf(intervals);
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("a series report needs at least one interval");
    }
  }

  /** Net hours the change adds at risk (negative when it relieves more than it loads). */
  public double hoursAtRiskAdded() {
    return hoursAtRiskAfter - hoursAtRiskBefore;
  }
}
