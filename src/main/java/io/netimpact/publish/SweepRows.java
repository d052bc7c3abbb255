package io.netimpact.publish;

import io.netimpact.impact.Assembler;
import io.netimpact.report.ClassDropTally;
import io.netimpact.report.ClassTable;
import io.netimpact.report.PageTally;
import io.netimpact.report.ReportTables;
import io.netimpact.report.SummaryHtml;
import io.netimpact.report.TopologyTables;
import io.netimpact.spark.ReportWriter;
import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkBaseline;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.LspImpact;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * A sweep's reports on the driver (brought there in one Spark job, in the order of their
 * partitions, or assembled there by a sweep on the driver's threads), turned there into the
 * rows of every per-scenario table and the tallies of the page: the
 * very rows and tallies the Spark writers make of the same reports where they are ({@link
 * Reports#publish}), without a Spark SQL job and its commit per table. Rows are made from the
 * reports as they are written ({@link Assembler.RowsOnRead}): the driver holds the reports and
 * one list entry per row. O(rows) on the driver.
 */
final class SweepRows {
  private final long rejected;
  private final boolean classes;
  private final boolean withTe;
  private final List<ImpactReport> reports;
  private final List<Row> topology;
  private final PageTally page;
  private final ClassDropTally drops;

  private SweepRows(long rejected, boolean classes, boolean withTe,
      List<ImpactReport> reports, List<Row> topology, PageTally page, ClassDropTally drops) {
    this.rejected = rejected;
    this.classes = classes;
    this.withTe = withTe;
    this.reports = reports;
    this.topology = topology;
    this.page = page;
    this.drops = drops;
  }

  /**
   * The rows one report gives over every per-scenario table: its {@code scenario_summary} and
   * {@code scenario_topology} rows, its link, demand and LSP rows, its class rows. O(1).
   */
  static long rowsOf(ImpactReport r) {
    return 2L + r.links().size() + r.demands().size() + r.lsps().size()
        + r.classes().rows().size();
  }

  /**
   * Every report of {@code listed} with its {@code scenario_topology} row, collected in one job
   * partition by partition; the page and the classes' drops tallied per partition and merged in
   * partition order, as the Spark path folds them. O(rows) on the driver.
   *
   * @param rejected the input records set aside, a column of {@code scenario_summary}
   * @param classes whether the snapshot has classes of service (summary columns,
   *     {@code class_impact})
   * @param withTe whether the sweep has traffic engineering ({@code lsp_impact})
   */
  static SweepRows collect(JavaRDD<Tuple2<ImpactReport, Row>> listed, long rejected,
      boolean classes, boolean withTe) {
    return of(listed.glom().collect(), rejected, classes, withTe);
  }

  /**
   * The reports of a sweep assembled on the driver, in scenario order: the page tallied over
   * {@code slices} contiguous slices merged in order, as partitions are. O(rows).
   */
  static SweepRows of(List<Tuple2<ImpactReport, Row>> assembled, long rejected,
      boolean classes, boolean withTe, int slices) {
    List<List<Tuple2<ImpactReport, Row>>> parts = new ArrayList<>();
    int n = assembled.size();
    for (int k = 0; k < slices; k++) {
      parts.add(assembled.subList((int) ((long) k * n / slices),
          (int) ((long) (k + 1) * n / slices)));
    }
    return of(parts, rejected, classes, withTe);
  }

  private static SweepRows of(List<List<Tuple2<ImpactReport, Row>>> parts, long rejected,
      boolean classes, boolean withTe) {
    List<ImpactReport> reports = new ArrayList<>();
    List<Row> topology = new ArrayList<>();
    PageTally page = new PageTally();
    ClassDropTally drops = new ClassDropTally();
    for (List<Tuple2<ImpactReport, Row>> part : parts) {
      PageTally p = new PageTally();
      ClassDropTally d = new ClassDropTally();
      for (Tuple2<ImpactReport, Row> e : part) {
        reports.add(e._1());
        topology.add(e._2());
        p.add(e._1());
        if (classes) {
          d.add(e._1());
        }
      }
      page = page.merge(p);
      drops = drops.merge(d);
    }
    return new SweepRows(rejected, classes, withTe, reports, topology, page, drops);
  }

  /**
   * The tables in the order the Spark path adds them: {@code scenario_summary},
   * {@code link_impact}, {@code demand_impact}, {@code link_baseline}, {@code class_impact}
   * (with classes), the topology tables ({@code graph}: vertices and edges), {@code
   * scenario_topology}, {@code lsp_impact} (with TE).
   */
  Map<String, ReportWriter.Rows> tables(List<LinkBaseline> baseline,
      Map<String, ReportWriter.Rows> graph) {
    Map<String, ReportWriter.Rows> out = new LinkedHashMap<>();
    out.put(ReportTables.SCENARIO_SUMMARY, new ReportWriter.Rows(classes
        ? ClassTable.withSummaryColumns(ReportTables.SCENARIO_SUMMARY_SCHEMA)
        : ReportTables.SCENARIO_SUMMARY_SCHEMA, onRead(reports.size(), i -> summaryRow(
            reports.get(i)))));
    out.put(ReportTables.LINK_IMPACT, new ReportWriter.Rows(ReportTables.LINK_IMPACT_SCHEMA,
        flat(ImpactReport::links, (LinkImpact l) -> ReportTables.row(l))));
    out.put(ReportTables.DEMAND_IMPACT, new ReportWriter.Rows(
        ReportTables.DEMAND_IMPACT_SCHEMA, flat(ImpactReport::demands,
            (DemandImpact d) -> ReportTables.row(d))));
    out.put(ReportTables.LINK_BASELINE, new ReportWriter.Rows(
        ReportTables.LINK_BASELINE_SCHEMA, onRead(baseline.size(),
            i -> ReportTables.row(baseline.get(i)))));
    if (classes) {
      out.put(ClassTable.CLASS_IMPACT, new ReportWriter.Rows(ClassTable.SCHEMA,
          flat(r -> r.classes().rows(), (ClassImpact c) -> ClassTable.rows(List.of(c))
              .get(0))));
    }
    out.putAll(graph);
    out.put(TopologyTables.SCENARIO_TOPOLOGY, new ReportWriter.Rows(
        TopologyTables.SCENARIO_TOPOLOGY_SCHEMA, topology));
    if (withTe) {
      out.put(ReportTables.LSP_IMPACT, new ReportWriter.Rows(ReportTables.LSP_IMPACT_SCHEMA,
          flat(ImpactReport::lsps, (LspImpact l) -> ReportTables.row(l))));
    }
    return out;
  }

  /** What {@code summary.html} shows of these reports. */
  SummaryHtml.Page page(String runId, Thresholds th) {
    return page.page(runId, th.warnUtil());
  }

  /** Which classes of service drop where (none without classes). */
  List<String> classDrops() {
    return classes ? drops.lines() : List.of();
  }

  /** A report's {@code scenario_summary} row, as {@link Reports#publish} makes it. */
  private Row summaryRow(ImpactReport r) {
    Row row = ReportTables.row(r.summary(), rejected);
    return classes ? ClassTable.withSummaryColumns(row, r.classes()) : row;
  }

  /** Every report's {@code items}, in report order, each made a row when it is read. */
  private <T> List<Row> flat(Function<ImpactReport, List<T>> items, Function<T, Row> row) {
    List<T> all = new ArrayList<>();
    for (ImpactReport r : reports) {
      all.addAll(items.apply(r));
    }
    return onRead(all.size(), i -> row.apply(all.get(i)));
  }

  private static List<Row> onRead(int size, IntFunction<Row> make) {
    return new Assembler.RowsOnRead<>(size, make);
  }
}
