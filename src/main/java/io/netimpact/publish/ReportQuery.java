package io.netimpact.publish;

import io.netimpact.report.ReportTables;
import io.netimpact.report.RowFilter;
import io.netimpact.report.StoredTable;
import io.netimpact.report.WorstFirst;
import io.netimpact.report.TopologyTables;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.PublishedRun;
import io.netimpact.spark.ReportWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * One table of a published run, read through its marker: filtered, narrowed to columns,
 * ordered worst first where the table has such an order ({@link WorstFirst}), and limited.
 * What {@code netimpact show} prints, as plain values. A table of up to
 * {@link #DRIVER_PARQUET_BYTES} stored is read on the driver without Spark ({@link StoredTable},
 * filters by {@link RowFilter}), so that a query starts no session; a larger table, a filter
 * outside the part of Spark SQL that {@link RowFilter} takes, or a table of nested columns, is
 * answered by Spark SQL instead, with the same result.
 */
public final class ReportQuery {
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

  /**
   * Stored bytes of Parquet above which a table is queried by Spark, not read whole on the
   * driver: about 1.5 million rows (a row of {@code link_impact} takes about 11 bytes there and
   * about 500 on the heap); of JSON lines 8x as many bytes. A pair sweep's {@code link_impact}
   * of tens of millions of rows would otherwise fill the driver's heap.
   */
  public static final long DRIVER_PARQUET_BYTES = 16L << 20;

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
   * the number of matching rows (-1 when not counted), whether the columns were narrowed
   * from {@code allColumns}, and whether Spark SQL answered (else the driver, without Spark).
   */
  public record Answer(List<String> names, List<List<Object>> rows, long total,
      boolean narrowed, int allColumns, boolean bySpark) {}

  /**
   * Runs {@code q} on run {@code r}.
   *
   * @throws IllegalArgumentException when a filter or column does not fit the table, naming
   *     its columns
   */
  public static Answer run(Cluster cluster, PublishedRun r, Query q) {
    return run(cluster, r, q, DRIVER_PARQUET_BYTES);
  }

  /**
   * Runs {@code q} on run {@code r}, reading the table on the driver when its files hold at
   * most {@code driverBytes} of Parquet (8x that of JSON lines).
   *
   * @throws IllegalArgumentException when a filter or column does not fit the table, naming
   *     its columns
   */
  public static Answer run(Cluster cluster, PublishedRun r, Query q, long driverBytes) {
    List<Path> files = r.tables().get(q.table());
    Optional<Answer> onDriver = onDriver(cluster, r, q, files, driverBytes);
    if (onDriver.isPresent()) {
      return onDriver.get();
    }
    SparkSession session = cluster.session();
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
      Optional<List<WorstFirst.Key>> order = WorstFirst.of(q.table(),
          List.of(rows.columns()));
      if (order.isPresent()) {
        rows = rows.sort(order.get().stream().map(ReportQuery::sortKey).toArray(Column[]::new));
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
      return new Answer(List.of(rows.columns()), shown, total, narrowed, all, true);
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

  private static Column sortKey(WorstFirst.Key k) {
    Column c = functions.col(k.column());
    if (k instanceof WorstFirst.Desc) {
      return c.desc();
    }
    if (!(k instanceof WorstFirst.Rank rank)) {
      return c.asc();
    }
    Column ranked = functions.when(c.equalTo(rank.first().get(0)), 0);
    for (int i = 1; i < rank.first().size(); i++) {
      ranked = ranked.when(c.equalTo(rank.first().get(i)), i);
    }
    return ranked.otherwise(rank.first().size()).asc();
  }

  /**
   * {@code q} answered on the driver, or empty when Spark must answer it (a filter outside
   * {@link RowFilter}'s part of SQL, a table of nested columns). O(rows x columns) plus the
   * sort of the matching rows.
   */
  private static Optional<Answer> onDriver(Cluster cluster, PublishedRun r, Query q,
      List<Path> files, long driverBytes) {
    boolean parquet = r.format() == ReportWriter.Format.PARQUET;
    if (storedBytes(cluster, files) > (parquet ? driverBytes : 8 * driverBytes)) {
      return Optional.empty();
    }
    StoredTable t;
    try {
      t = StoredTable.read(cluster.hadoop(), files, parquet,
          Optional.ofNullable(SCHEMAS.get(q.table())));
    } catch (StoredTable.UnsupportedTableException e) {
      return Optional.empty();
    }
    List<String> names = t.columns();
    List<Class<?>> types = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      int col = c;
      types.add(t.rows().stream().map(row -> row.get(col)).filter(v -> v != null)
          .findFirst().<Class<?>>map(Object::getClass).orElse(null));
    }
    List<RowFilter> filters = new ArrayList<>();
    for (String w : q.where()) {
      Optional<RowFilter> f;
      try {
        f = RowFilter.parse(w, names, types);
      } catch (RowFilter.UnknownColumnException e) {
        throw badQuery(q, "no column \"" + e.column() + "\" in the filter \"" + w + "\"",
            names);
      }
      if (f.isEmpty()) {
        return Optional.empty();
      }
      filters.add(f.get());
    }
    List<String> chosen = q.columns();
    boolean narrowed = false;
    if (chosen.isEmpty() && !q.narrow().isEmpty() && names.containsAll(q.narrow())) {
      chosen = q.narrow();
      narrowed = true;
    }
    int[] pick;
    List<String> shownNames = new ArrayList<>();
    if (chosen.isEmpty()) {
      pick = java.util.stream.IntStream.range(0, names.size()).toArray();
      shownNames.addAll(names);
    } else {
      pick = new int[chosen.size()];
      for (int i = 0; i < pick.length; i++) {
        String want = chosen.get(i);
        int at = -1;
        for (int c = 0; c < names.size() && at < 0; c++) {
          at = names.get(c).equalsIgnoreCase(want) ? c : -1;
        }
        if (at < 0) {
          throw badQuery(q, "no column \"" + want + "\" to show", names);
        }
        pick[i] = at;
        shownNames.add(names.get(at));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      if (filters.stream().allMatch(f -> f.test(row))) {
        List<Object> cells = new ArrayList<>(pick.length);
        for (int c : pick) {
          cells.add(row.get(c));
        }
        rows.add(java.util.Collections.unmodifiableList(cells));
      }
    }
    long total = q.count() ? rows.size() : -1;
    WorstFirst.of(q.table(), shownNames).ifPresent(
        order -> rows.sort(WorstFirst.comparator(order, shownNames)));
    List<List<Object>> shown = q.limit() > 0 && rows.size() > q.limit()
        ? rows.subList(0, q.limit()) : rows;
    return Optional.of(new Answer(List.copyOf(shownNames), List.copyOf(shown), total, narrowed,
        names.size(), false));
  }

  /**
   * The stored size of {@code files}, from one status call each: O(files). A file whose size
   * cannot be read counts as too large, so that Spark answers (and reports the problem).
   */
  private static long storedBytes(Cluster cluster, List<Path> files) {
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += f.getFileSystem(cluster.hadoop()).getFileStatus(f).getLen();
      } catch (java.io.IOException e) {
        return Long.MAX_VALUE;
      }
    }
    return bytes;
  }

  private static IllegalArgumentException badQuery(Query q, String what, List<String> names) {
    return new IllegalArgumentException("--where/--columns on " + q.table() + ": " + what
        + " (columns: " + String.join(", ", names) + ")");
  }
}
