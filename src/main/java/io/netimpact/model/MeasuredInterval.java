package io.netimpact.model;

/**
 * One interval of a series of measurements: the counters averaged over {@code minutes} from
 * {@code start}, with the id and start rules of a {@link TrafficInterval} (the matrix deduced
 * from it becomes the traffic interval of the same id).
 */
public record MeasuredInterval(String id, String start, int minutes, MeasuredLoads loads) {
  public MeasuredInterval {
    new TrafficInterval(id, start, minutes, java.util.List.of());
    java.util.Objects.requireNonNull(loads, "loads");
  }
}
