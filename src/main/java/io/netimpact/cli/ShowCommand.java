package io.netimpact.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.input.Json;
import io.netimpact.report.ReportTables;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.PublishedRun;
import io.netimpact.publish.ReportQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netimpact show}: one table of a published run, read through the run's marker (so a
 * publish in progress or a dead one is never seen), printed as an aligned table or exported as
 * CSV or JSON lines.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print or export a table of a published run, read through its marker "
        + "OUT/_runs/RUN/_SUCCESS (Parquet or JSON, local or s3a://).")
public final class ShowCommand implements Callable<Integer> {
  /** What --format table shows of a wide table unless --columns is given. */
  private static final Map<String, List<String>> TERMINAL_COLUMNS = Map.of(
      ReportTables.SCENARIO_SUMMARY, List.of("scenario_id", "verdict", "max_util_before",
          "max_util_after", "unroutable_gbps_after", "overflow_gbps_after", "reason"));

  /** Output formats. */
  enum Format { TABLE, CSV, JSON }

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "The output prefix the run was written to (local path or s3a://).")
  String out;

  @Option(names = "--run", paramLabel = "RUN",
      description = "Run id (default: the run published last, by the marker's published_at).")
  String run;

  @Option(names = "--table", defaultValue = ReportTables.SCENARIO_SUMMARY, paramLabel = "T",
      description = "Table to show (default: ${DEFAULT-VALUE}); the run's tables are listed "
          + "first with --format table.")
  String table;

  @Option(names = "--where", paramLabel = "EXPR",
      description = "Spark SQL filter, repeatable (all must hold), e.g. \"verdict = 'BLOCK'\" "
          + "or \"util_after > 0.8\".")
  List<String> where = new ArrayList<>();

  @Option(names = "--columns", split = ",", paramLabel = "C,...",
      description = "Columns to show, in this order (default: all).")
  List<String> columns = new ArrayList<>();

  @Option(names = "--top", paramLabel = "N",
      description = "Show at most N rows, worst first where the table has such an order "
          + "(default: 20 with --format table, every row with csv and json; 0 = every row).")
  Integer top;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
      description = "table (aligned text), csv (with a header) or json (one object per line). "
          + "Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--export", paramLabel = "DIR",
      description = "Write every table of the run, every row, as DIR/TABLE.csv (with a header; "
          + "worst first where the table has such an order) and DIR/run.json (the run's id, "
          + "format, publish time, page, tables with their row counts and column types): what "
          + "the notebooks read where pandas has no Parquet reader. Takes none of --table, --where, --columns, --top, --format.")
  java.nio.file.Path export;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    if (top != null && top < 0) {
      throw new IllegalArgumentException("--top must be >= 0, got " + top);
    }
    Cluster cluster = spark.onDemand("netimpact show");
    PublishedRun r = run != null ? cluster.published(out, run)
        : cluster.publishedRuns(out).get(0);
    PrintStream o = System.out;
    if (export != null) {
      return exportRun(cluster, r, o);
    }
    if (format == Format.TABLE) {
      o.printf("run %s (%s, published %s%s)%n", r.runId(), r.format().name().toLowerCase(),
          r.publishedAt(), run == null ? ", the newest under " + out : "");
      o.printf("tables: %s%n", String.join(", ", r.tableNames()));
      o.printf("page:   %s%n%n", r.page());
    }
    if (!r.tableNames().contains(table)) {
      throw new IllegalArgumentException("run " + r.runId() + " has no table \"" + table
          + "\"" + closest(table, r.tableNames()) + "; its tables: "
          + String.join(", ", r.tableNames()));
    }
    int limit = top != null ? top : format == Format.TABLE ? 20 : 0;
    List<String> narrow = columns.isEmpty() && format == Format.TABLE
        ? TERMINAL_COLUMNS.getOrDefault(table, List.of()) : List.of();
    ReportQuery.Answer a = ReportQuery.run(cluster, r, new ReportQuery.Query(table, where,
        columns, narrow, format == Format.TABLE, limit));
    if (a.narrowed()) {
      o.printf("(%d of %d columns; --columns C,... or --format csv|json for the others)%n",
          a.names().size(), a.allColumns());
    }
    if (format == Format.TABLE) {
      o.printf("%s: %d of %d rows%s%n", table, a.rows().size(), a.total(),
          where.isEmpty() ? "" : " matching " + String.join(" and ", where));
    }
    String[] names = a.names().toArray(String[]::new);
    List<List<Object>> shown = a.rows();
    switch (format) {
      case TABLE -> printTable(o, names, shown);
      case CSV -> printCsv(o, names, shown);
      case JSON -> printJson(o, names, shown);
    }
    return Main.EXIT_OK;
  }

  /** ", did you mean \"x\"" when one name is within two edits; empty otherwise. */
  static String closest(String given, List<String> names) {
    return io.netimpact.input.Spelling.didYouMean(given, names);
  }

  private static void printTable(PrintStream o, String[] names, List<List<Object>> rows) {
    String[][] cells = new String[rows.size()][names.length];
    int[] width = new int[names.length];
    boolean[] numeric = new boolean[names.length];
    for (int c = 0; c < names.length; c++) {
      width[c] = names[c].length();
      numeric[c] = !rows.isEmpty();
    }
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < names.length; c++) {
        Object v = rows.get(i).get(c);
        cells[i][c] = v instanceof Double d ? decimal(d) : String.valueOf(v);
        numeric[c] &= v == null || v instanceof Number;
        width[c] = Math.max(width[c], cells[i][c].length());
      }
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < names.length; c++) {
      line.append(c == 0 ? "" : "  ").append(pad(names[c], width[c], numeric[c]));
    }
    o.println(line.toString().stripTrailing());
    for (String[] row : cells) {
      line.setLength(0);
      for (int c = 0; c < names.length; c++) {
        line.append(c == 0 ? "" : "  ").append(pad(row[c], width[c], numeric[c]));
      }
      o.println(line.toString().stripTrailing());
    }
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return right ? fill + s : s + fill;
  }

  /** At most four decimals, trailing zeros dropped: 1.2272727 gives 1.2273, 400.0 gives 400. */
  static String decimal(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  /** RFC 4180 with a header, lines ending in a newline, nulls as empty cells. */
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
      .build();

  private static void printCsv(PrintStream o, String[] names, List<List<Object>> rows) {
    try {
      writeCsv(o, names, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    o.flush();
  }

  private static void writeCsv(Appendable to, String[] names, List<List<Object>> rows)
      throws IOException {
    CSVPrinter p = new CSVPrinter(to, CSV.builder().setHeader(names).build());
    for (List<Object> r : rows) {
      p.printRecord(r);
    }
    p.flush();
  }

  /**
   * {@code --export}: every table of {@code r} as {@code DIR/TABLE.csv}, then
   * {@code DIR/run.json}. Each file is written beside its name and moved into place, so a
   * failed export leaves earlier files whole and no partial one.
   */
  private int exportRun(Cluster cluster, PublishedRun r, PrintStream o) {
    if (!where.isEmpty() || !columns.isEmpty() || top != null
        || !table.equals(ReportTables.SCENARIO_SUMMARY) || format != Format.TABLE) {
      throw new IllegalArgumentException("--export writes every table of the run in full: "
          + "give it without --table, --where, --columns, --top and --format");
    }
    try {
      Files.createDirectories(export);
      ObjectNode run = Json.MAPPER.createObjectNode();
      run.put("run_id", r.runId());
      run.put("format", r.format().name().toLowerCase());
      run.put("published_at", r.publishedAt().toString());
      run.put("out", r.out());
      run.put("page", r.page());
      ObjectNode tables = run.putObject("tables");
      ObjectNode types = run.putObject("columns");
      for (String t : r.tableNames()) {
        ReportQuery.Answer a = ReportQuery.run(cluster, r, new ReportQuery.Query(t, List.of(),
            List.of(), List.of(), false, 0));
        java.nio.file.Path file = export.resolve(t + ".csv");
        java.nio.file.Path part = export.resolve("." + t + ".csv.part");
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
          writeCsv(w, a.names().toArray(String[]::new), a.rows());
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        tables.put(t, a.rows().size());
        ObjectNode cols = types.putObject(t);
        for (int c = 0; c < a.names().size(); c++) {
          int col = c;
          a.rows().stream().map(row -> row.get(col)).filter(v -> v != null).findFirst()
              .ifPresent(v -> cols.put(a.names().get(col), v instanceof Double ? "double"
                  : v instanceof Number ? "long" : v instanceof Boolean ? "boolean" : "string"));
        }
      }
      java.nio.file.Path part = export.resolve(".run.json.part");
      Files.writeString(part, Json.MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsString(run) + "\n");
      Files.move(part, export.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      o.printf("run %s: %d tables exported to %s (%s)%n", r.runId(), r.tableNames().size(),
          export.toAbsolutePath(), String.join(", ", r.tableNames().stream()
              .map(t -> t + ".csv").toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export to " + export.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
    return Main.EXIT_OK;
  }

  private static void printJson(PrintStream o, String[] names, List<List<Object>> rows) {
    for (List<Object> r : rows) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      for (int c = 0; c < names.length; c++) {
        Object v = r.get(c);
        if (v == null) {
          n.putNull(names[c]);
        } else if (v instanceof Double d) {
          n.put(names[c], d);
        } else if (v instanceof Long l) {
          n.put(names[c], l);
        } else if (v instanceof Integer i) {
          n.put(names[c], i);
        } else if (v instanceof Boolean b) {
          n.put(names[c], b);
        } else {
          n.put(names[c], String.valueOf(v));
        }
      }
      o.println(n.toString());
    }
  }
}
