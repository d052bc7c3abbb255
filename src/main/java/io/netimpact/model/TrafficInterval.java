package io.netimpact.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One interval of a measured traffic series: the demand matrix averaged over
 * {@code minutes} from {@code start}.
 *
 * @param id      file-name-safe id ({@code [A-Za-z0-9._-]+}), unique in its series
 * @param start   ISO-8601 date-time, with or without an offset (sources often state no zone)
 * @param minutes length of the interval, &gt;= 1
 * @param demands the demands, Gbps
 */
public record TrafficInterval(String id, String start, int minutes, List<Demand> demands) {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");

  public TrafficInterval {
    Checks.id(id, "interval id");
    if (!SAFE_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("interval id must match [A-Za-z0-9._-]+, got \"" + id + "\"");
    }
    startTime(start);
    Checks.atLeastOne(minutes, "minutes");
    demands = List.copyOf(demands);
  }

  /** The start as a local date-time (an offset, when given, is dropped for ordering). */
  public LocalDateTime startTime() {
    return startTime(start);
  }

  /** Length in hours. */
  public double hours() {
    return minutes / 60.0;
  }

  static LocalDateTime startTime(String start) {
    if (start == null) {
      throw new IllegalArgumentException("start must be an ISO-8601 date-time, got nothing");
    }
    try {
      return LocalDateTime.parse(start);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(start).toLocalDateTime();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("start must be an ISO-8601 date-time, got \"" + start + "\"");
      }
    }
  }
}
