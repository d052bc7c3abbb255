package io.netimpact.report;

import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.ClassReport;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code class_impact} table and the {@code scenario_summary} columns of classes of
 * service (docs/classes.md): written only when the snapshot has {@code classes.json}, so that
 * a snapshot without it gives exactly the tables and columns it gave before.
 */
public final class ClassTable {
  public static final String CLASS_IMPACT = "class_impact";
  public static final String PROTECTED_DROPPED = "protected_dropped_gbps_after";
  public static final String DROPPED = "dropped_gbps_after";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("run_id", DataTypes.StringType, false),
      DataTypes.createStructField("scenario_id", DataTypes.StringType, false),
      DataTypes.createStructField("link_id", DataTypes.StringType, false),
      DataTypes.createStructField("from_device", DataTypes.StringType, false),
      DataTypes.createStructField("to_device", DataTypes.StringType, false),
      DataTypes.createStructField("class", DataTypes.StringType, false),
      DataTypes.createStructField("offered_before_gbps", DataTypes.DoubleType, false),
      DataTypes.createStructField("offered_after_gbps", DataTypes.DoubleType, false),
      DataTypes.createStructField("dropped_before_gbps", DataTypes.DoubleType, false),
      DataTypes.createStructField("dropped_after_gbps", DataTypes.DoubleType, false)});

  private ClassTable() {}

  public static List<Row> rows(List<ClassImpact> rows) {
    return rows.stream().map(r -> RowFactory.create(r.runId(), r.scenarioId(), r.linkId(),
        r.fromDevice(), r.toDevice(), r.trafficClass(), r.offeredBeforeGbps(),
        r.offeredAfterGbps(), r.droppedBeforeGbps(), r.droppedAfterGbps())).toList();
  }

  /** {@code schema} with the two class columns at its end. */
  public static StructType withSummaryColumns(StructType schema) {
    return schema.add(DataTypes.createStructField(PROTECTED_DROPPED, DataTypes.DoubleType, false))
        .add(DataTypes.createStructField(DROPPED, DataTypes.DoubleType, false));
  }

  /** {@code row} (of the schema {@link #withSummaryColumns} extends) with the class figures. */
  public static Row withSummaryColumns(Row row, ClassReport classes) {
    Object[] values = new Object[row.length() + 2];
    for (int i = 0; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    values[row.length()] = classes.protectedDroppedGbpsAfter();
    values[row.length() + 1] = classes.droppedGbpsAfter();
    return RowFactory.create(values);
  }

  /**
   * One line per class that drops after the change, worst arc first, for the console and
   * {@code summary.txt}: "class bronze drops 20.0 Gbps after (new), worst a->b (ab) 20.0 Gbps".
   * Empty when nothing drops.
   */
  public static List<String> lines(ClassReport classes) {
    java.util.Map<String, List<ClassImpact>> byClass = new java.util.LinkedHashMap<>();
    for (ClassImpact r : classes.rows()) {
      if (r.droppedAfterGbps() > 0) {
        byClass.computeIfAbsent(r.trafficClass(), k -> new java.util.ArrayList<>()).add(r);
      }
    }
    List<String> out = new java.util.ArrayList<>();
    byClass.forEach((cls, rs) -> {
      double total = rs.stream().mapToDouble(ClassImpact::droppedAfterGbps).sum();
      long fresh = rs.stream().filter(r -> r.droppedBeforeGbps() == 0).count();
      ClassImpact w = rs.stream().max(java.util.Comparator.comparingDouble(
          ClassImpact::droppedAfterGbps)).get();
      out.add(String.format(java.util.Locale.ROOT,
          "class %s drops %.1f Gbps after on %d arc%s (%d new), worst %s->%s (%s) %.1f Gbps",
          cls, total, rs.size(), rs.size() == 1 ? "" : "s", fresh, w.fromDevice(),
          w.toDevice(), w.linkId(), w.droppedAfterGbps()));
    });
    return out;
  }
}
