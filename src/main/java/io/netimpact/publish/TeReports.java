package io.netimpact.publish;

import io.netimpact.verdict.ImpactReport;
import io.netimpact.report.ReportTables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The TE report table, {@code lsp_impact} (docs/semantics.md#traffic-engineering), made where the
 * reports are and
 * written beside the other tables when the run has traffic engineering (a snapshot without TE
 * tables, reviewed with a change without TE ops, writes exactly the tables of
 * docs/reports.md#tables).
 */
public final class TeReports {
  private TeReports() {}

  /** {@code extra} with {@code lsp_impact} added when {@code withTe}. */
  static Map<String, Dataset<Row>> tables(SparkSession spark, JavaRDD<ImpactReport> reports,
      boolean withTe, Map<String, Dataset<Row>> extra) {
    if (!withTe) {
      return extra;
    }
    Map<String, Dataset<Row>> out = new LinkedHashMap<>(extra);
    out.put(ReportTables.LSP_IMPACT, spark.createDataFrame(
        reports.flatMap(r -> r.lsps().stream().map(ReportTables::row).iterator()),
        ReportTables.LSP_IMPACT_SCHEMA));
    return out;
  }
}
