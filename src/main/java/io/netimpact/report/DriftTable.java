package io.netimpact.report;

import io.netimpact.deduce.Drift;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code drift} table of {@code review --loads} and {@code sweep --loads} (contract 7.4):
 * one row per measured arc whose predicted base load drifts from the measured one ({@link
 * Drift}). {@code ratio} is predicted over measured, null where nothing was measured.
 */
public final class DriftTable {
  public static final String DRIFT = "drift";

  public static final StructType SCHEMA = new StructType(new org.apache.spark.sql.types.StructField[] {
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("link_id", DataTypes.StringType, false),
      DataTypes.createStructField("from_device", DataTypes.StringType, false),
      DataTypes.createStructField("to_device", DataTypes.StringType, false),
      DataTypes.createStructField("predicted_gbps", DataTypes.DoubleType, false),
      DataTypes.createStructField("measured_gbps", DataTypes.DoubleType, false),
      DataTypes.createStructField("ratio", DataTypes.DoubleType, true)});

  private DriftTable() {}

  public static List<Row> rows(Drift.Report report) {
    return report.rows().stream().map(r -> RowFactory.create(r.runId(), r.linkId(),
        r.fromDevice(), r.toDevice(), r.predictedGbps(), r.measuredGbps(),
        r.ratio().isPresent() ? (Object) r.ratio().getAsDouble() : null)).toList();
  }
}
