package io.netimpact.publish;

import io.netimpact.deduce.Drift;
import io.netimpact.report.DriftTable;
import io.netimpact.spark.ReportWriter;
import java.util.Map;
import java.util.Optional;

/** The {@code drift} table as a table of the run's writer (none without {@code --loads}). */
public final class DriftTables {
  private DriftTables() {}

  public static Map<String, ReportWriter.Rows> of(Optional<Drift.Report> drift) {
    return drift.map(d -> Map.of(DriftTable.DRIFT,
        new ReportWriter.Rows(DriftTable.SCHEMA, DriftTable.rows(d)))).orElse(Map.of());
  }
}
