package io.netimpact.spark;

import io.netimpact.report.ReportTables;
import io.netimpact.report.TopologyTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * One table of a published run, read through its marker with Spark SQL: filtered, narrowed to
 * columns, ordered worst first where the table has such an order, and limited. What
 * {@code netimpact show} prints, as plain values.
 */
public final class ReportQuery {
  /** The order rows are shown in when the table has one that matters: worst first. */
  private static final Map<String, String> WORST_FIRST = Map.of(
      ReportTables.SCENARIO_SUMMARY, "CASE verdict WHEN 'BLOCK' THEN 0 WHEN 'RISK' THEN 1 ELSE 2 "
          + "END, overflow_gbps_after DESC, max_util_after DESC, scenario_id",
      ReportTables.LINK_IMPACT, "util_after DESC, overflow_after_gbps DESC, link_id, from_device",
      ReportTables.DEMAND_IMPACT, "CASE status WHEN 'UNROUTABLE' THEN 0 WHEN 'AT_RISK' THEN 1 "
          + "ELSE 2 END, gbps DESC, src, dst",
      ReportTables.LINK_BASELINE, "util_before DESC, link_id, from_device");

  /** Column order of the tables netimpact writes; other tables keep their files' order. */
  private static final Map<String, StructType> SCHEMAS = Map.of(
      ReportTables.SCENARIO_SUMMARY, ReportTables.SCENARIO_SUMMARY_SCHEMA,
      ReportTables.LINK_IMPACT, ReportTables.LINK_IMPACT_SCHEMA,
      ReportTables.DEMAND_IMPACT, ReportTables.DEMAND_IMPACT_SCHEMA,
      ReportTables.LINK_BASELINE, ReportTables.LINK_BASELINE_SCHEMA,
      ReportTables.SCENARIO_SERIES, ReportTables.SCENARIO_SERIES_SCHEMA,
      ReportTables.REJECTS, ReportTables.REJECTS_SCHEMA,
      TopologyTables.VERTICES, TopologyTables.VERTICES_SCHEMA,
      TopologyTables.EDGES, TopologyTables.EDGES_SCHEMA,
      TopologyTables.SCENARIO_TOPOLOGY, TopologyTables.SCENARIO_TOPOLOGY_SCHEMA);

  private ReportQuery() {}

  /**
   * What to show: Spark SQL filters (all must hold), the columns (empty: all), the columns to
   * narrow to when every one of them is there and no columns were given (empty: none), whether
   * to count the matching rows, and at most {@code limit} rows (0: all).
   */
  public record Query(String table, List<String> where, List<String> columns,
      List<String> narrow, boolean count, int limit) {
    public Query {
      where = List.copyOf(where);
      columns = List.copyOf(columns);
      narrow = List.copyOf(narrow);
    }
  }

  /**
   * The rows shown (cells are the files' values; SQL nulls are null cells), their column names,
   * the number of matching rows (-1 when not counted), and whether the columns were narrowed
   * from {@code allColumns}.
   */
  public record Answer(List<String> names, List<List<Object>> rows, long total,
      boolean narrowed, int allColumns) {}

  /**
   * Runs {@code q} on run {@code r}.
   *
   * @throws IllegalArgumentException when a filter or column does not fit the table, naming
   *     its columns
   */
  public static Answer run(Cluster cluster, PublishedRun r, Query q) {
    SparkSession session = cluster.session();
    List<Path> files = r.tables().get(q.table());
    Dataset<Row> rows = files.isEmpty() ? session.emptyDataFrame()
        : read(session, r, q.table(), files);
    try {
      for (String w : q.where()) {
        rows = rows.where(w);
      }
      List<String> chosen = q.columns();
      int all = rows.columns().length;
      boolean narrowed = false;
      if (chosen.isEmpty() && !q.narrow().isEmpty()
          && Arrays.asList(rows.columns()).containsAll(q.narrow())) {
        chosen = q.narrow();
        narrowed = true;
      }
      if (!chosen.isEmpty()) {
        rows = rows.select(chosen.stream().map(functions::col).toArray(Column[]::new));
      }
      long total = q.count() ? rows.count() : -1;
      String order = WORST_FIRST.get(q.table());
      if (order != null && Arrays.asList(rows.columns()).containsAll(orderColumns(order))) {
        rows = rows.sort(Arrays.stream(order.split(", ")).map(ReportQuery::sortKey)
            .toArray(Column[]::new));
      }
      if (q.limit() > 0) {
        rows = rows.limit(q.limit());
      }
      List<List<Object>> shown = new ArrayList<>();
      for (Row row : rows.collectAsList()) {
        List<Object> cells = new ArrayList<>(row.length());
        for (int c = 0; c < row.length(); c++) {
          cells.add(row.get(c));
        }
        shown.add(java.util.Collections.unmodifiableList(cells));
      }
      return new Answer(List.of(rows.columns()), shown, total, narrowed, all);
    } catch (Exception e) {
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      throw new IllegalArgumentException("--where/--columns on " + q.table() + ": "
          + e.getMessage().lines().findFirst().orElse("") + " (columns: "
          + String.join(", ", rows.columns()) + ")");
    }
  }

  /**
   * The table's listed files, columns in netimpact's order. Files are read as given, not as a
   * partitioned directory: {@code run_id} comes from inside the files, never from the path.
   */
  private static Dataset<Row> read(SparkSession session, PublishedRun r, String table,
      List<Path> files) {
    String[] paths = files.stream().map(Path::toString).toArray(String[]::new);
    Dataset<Row> df = r.format() == ReportWriter.Format.JSON ? session.read().json(paths)
        : session.read().parquet(paths);
    StructType known = SCHEMAS.get(table);
    if (known == null) {
      return df;
    }
    Set<String> order = new LinkedHashSet<>(Arrays.asList(known.fieldNames()));
    order.retainAll(Arrays.asList(df.columns()));
    order.addAll(Arrays.asList(df.columns()));
    return df.select(order.stream().map(functions::col).toArray(Column[]::new));
  }

  private static Column sortKey(String part) {
    return part.endsWith(" DESC") ? functions.expr(part.substring(0, part.length() - 5)).desc()
        : functions.expr(part).asc();
  }

  private static List<String> orderColumns(String order) {
    List<String> cols = new ArrayList<>();
    for (String part : order.split(", ")) {
      String p = part.trim();
      if (p.startsWith("CASE ")) {
        cols.add(p.split(" ")[1]);
      } else {
        cols.add(p.split(" ")[0]);
      }
    }
    return cols;
  }
}
