package io.netimpact.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order a report table's rows are shown in when it has one that matters, worst first: the
 * one definition that {@code show}'s driver-side reading and its Spark fallback both follow.
 * Ascending keys put nulls first and descending ones last, as Spark SQL does.
 */
public final class WorstFirst {
  /** One sort key of an order. */
  public sealed interface Key {
    String column();
  }

  /** Rows whose {@code column} is {@code first.get(0)} first, then {@code first.get(1)}, ..., then the others. */
  public record Rank(String column, List<String> first) implements Key {
    public Rank {
      first = List.copyOf(first);
    }
  }

  /** Largest first. */
  public record Desc(String column) implements Key {}

  /** Smallest first. */
  public record Asc(String column) implements Key {}

  private static final Map<String, List<Key>> ORDERS = Map.of(
      ReportTables.SCENARIO_SUMMARY, List.of(new Rank("verdict", List.of("BLOCK", "RISK")),
          new Desc("overflow_gbps_after"), new Desc("max_util_after"), new Asc("scenario_id")),
      ReportTables.LINK_IMPACT, List.of(new Desc("util_after"), new Desc("overflow_after_gbps"),
          new Asc("link_id"), new Asc("from_device")),
      ReportTables.DEMAND_IMPACT, List.of(new Rank("status", List.of("UNROUTABLE", "AT_RISK")),
          new Desc("gbps"), new Asc("src"), new Asc("dst")),
      ReportTables.LINK_BASELINE, List.of(new Desc("util_before"), new Asc("link_id"),
          new Asc("from_device")));

  private WorstFirst() {}

  /** The order of {@code table}, when it has one and every column of it is in {@code columns}. */
  public static Optional<List<Key>> of(String table, List<String> columns) {
    List<Key> keys = ORDERS.get(table);
    if (keys == null || !keys.stream().allMatch(k -> columns.contains(k.column()))) {
      return Optional.empty();
    }
    return Optional.of(keys);
  }

  /** The comparator of {@code keys} over rows whose cells are in {@code columns}' order. */
  public static Comparator<List<Object>> comparator(List<Key> keys, List<String> columns) {
    List<Comparator<List<Object>>> parts = new ArrayList<>();
    for (Key k : keys) {
      int i = columns.indexOf(k.column());
      if (k instanceof Rank r) {
        parts.add(Comparator.comparingInt(row -> rank(r.first(), row.get(i))));
      } else if (k instanceof Desc) {
        parts.add((x, y) -> x.get(i) == null || y.get(i) == null
            ? Boolean.compare(x.get(i) == null, y.get(i) == null) : compare(y.get(i), x.get(i)));
      } else {
        parts.add((x, y) -> x.get(i) == null || y.get(i) == null
            ? Boolean.compare(y.get(i) == null, x.get(i) == null) : compare(x.get(i), y.get(i)));
      }
    }
    return parts.stream().reduce(Comparator::thenComparing).orElse((a, b) -> 0);
  }

  private static int rank(List<String> first, Object v) {
    int i = v == null ? -1 : first.indexOf(v.toString());
    return i < 0 ? first.size() : i;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }
}
