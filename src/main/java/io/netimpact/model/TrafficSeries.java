package io.netimpact.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Demand matrices over time, intervals in increasing start order with unique ids.
 *
 * @param intervals at least one
 */
public record TrafficSeries(List<TrafficInterval> intervals) {
  public TrafficSeries {
    intervals = List.copyOf(intervals);
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("a traffic series needs at least one interval");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < intervals.size(); i++) {
      TrafficInterval t = intervals.get(i);
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException("duplicate interval id \"" + t.id() + "\"");
      }
      if (i > 0 && !t.startTime().isAfter(intervals.get(i - 1).startTime())) {
        throw new IllegalArgumentException("interval \"" + t.id() + "\" starts at " + t.start()
            + ", not after the previous one (" + intervals.get(i - 1).start() + ")");
      }
    }
  }
}
