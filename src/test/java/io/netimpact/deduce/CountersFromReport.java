package io.netimpact.deduce;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.netimpact.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Counters a network would show if it carried exactly a snapshot's demands, for measuring
 * {@code deduce} on the generated presets ({@code bench/deduce-xl.sh}): {@code interface_loads}
 * from a review's {@code link_baseline} (every arc's base load, routed by the job itself), and
 * {@code device_totals} from the snapshot's demands (what each device sources and sinks). Both
 * written as Parquet directories. And, once deduced, the relative L2 error of the deduced
 * matrix against the snapshot's own demands over all pairs, next to plain gravity's from the same
 * totals (the measure of {@code bench/deduce-accuracy.sh}). O(arcs + demands + edge devices^2)
 * in one local Spark session.
 *
 * <p>Usage: {@code CountersFromReport counters SNAPSHOT LINK_BASELINE_DIR OUT_DIR}, or
 * {@code CountersFromReport error SNAPSHOT DEDUCED_SNAPSHOT}.
 */
public final class CountersFromReport {
  private CountersFromReport() {}

  public static void main(String[] args) {
    if (args.length == 4 && args[0].equals("counters")) {
      counters(args[1], args[2], args[3]);
    } else if (args.length == 3 && args[0].equals("error")) {
      error(args[1], args[2]);
    } else {
      System.err.println("usage: CountersFromReport counters SNAPSHOT LINK_BASELINE_DIR OUT_DIR"
          + " | error SNAPSHOT DEDUCED_SNAPSHOT");
      System.exit(2);
    }
  }

  private static Dataset<Row> demands(SparkSession spark, String snapshot) {
    String demands = snapshot + "/demands";
    return new java.io.File(demands).isDirectory()
        ? spark.read().parquet(demands) : spark.read().json(demands + ".jsonl");
  }

  private static void counters(String snapshot, String linkBaseline, String outDir) {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> baseline = spark.read().option("recursiveFileLookup", "true")
        .format(hasParquet(linkBaseline) ? "parquet" : "json").load(linkBaseline);
    long arcs = write(baseline.select(col("link_id").as("link"), col("from_device").as("from"),
        col("load_before_gbps").as("gbps")), outDir + "/interface_loads");
    Dataset<Row> d = demands(spark, snapshot);
    Dataset<Row> in = d.groupBy(col("src").as("device")).agg(sum("gbps").as("in_gbps"));
    Dataset<Row> out = d.groupBy(col("dst").as("device")).agg(sum("gbps").as("out_gbps"));
    long devices = write(in.join(out, in.col("device").equalTo(out.col("device")), "full_outer")
        .select(coalesce(in.col("device"), out.col("device")).as("device"),
            coalesce(col("in_gbps"), lit(0.0)).as("in_gbps"),
            coalesce(col("out_gbps"), lit(0.0)).as("out_gbps")), outDir + "/device_totals");
    System.out.printf("counters: %,d arcs, %,d devices with totals in %s%n", arcs, devices,
        outDir);
  }

  /** Relative L2 error over all pairs of the deduced matrix, and of gravity, against truth. */
  private static void error(String snapshot, String deduced) {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> truth = demands(spark, snapshot).groupBy("src", "dst").agg(sum("gbps").as("t"));
    Dataset<Row> est = demands(spark, deduced).groupBy("src", "dst").agg(sum("gbps").as("e"));
    Row deducedError = truth.join(est, truth.col("src").equalTo(est.col("src"))
            .and(truth.col("dst").equalTo(est.col("dst"))), "full_outer")
        .select(coalesce(col("t"), lit(0.0)).as("t"), coalesce(col("e"), lit(0.0)).as("e"))
        .selectExpr("sum((e - t) * (e - t)) as num", "sum(t * t) as den").first();
    // Gravity from the same totals: g(s, d) = in(s) out(d) / sum out, s != d, as deduce's prior.
    Dataset<Row> in = truth.groupBy(col("src").as("s")).agg(sum("t").as("in_gbps"));
    Dataset<Row> out = truth.groupBy(col("dst").as("d")).agg(sum("t").as("out_gbps"));
    double total = truth.selectExpr("sum(t)").first().getDouble(0);
    Dataset<Row> gravity = in.crossJoin(out).where(col("s").notEqual(col("d")))
        .selectExpr("s", "d", "in_gbps * out_gbps / " + total + " as g");
    Row gravityError = gravity.join(truth, gravity.col("s").equalTo(truth.col("src"))
            .and(gravity.col("d").equalTo(truth.col("dst"))), "full_outer")
        .select(coalesce(col("t"), lit(0.0)).as("t"), coalesce(col("g"), lit(0.0)).as("g"))
        .selectExpr("sum((g - t) * (g - t)) as num", "sum(t * t) as den").first();
    double de = Math.sqrt(deducedError.getDouble(0) / deducedError.getDouble(1));
    double ge = Math.sqrt(gravityError.getDouble(0) / gravityError.getDouble(1));
    System.out.printf("error against the true matrix (relative L2 over all pairs): deduced %.4f,"
        + " gravity %.4f, ratio %.3f%n", de, ge, de / ge);
  }

  /** Whether a table directory holds Parquet parts (the report's default) or JSON lines. */
  private static boolean hasParquet(String dir) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(
        java.nio.file.Path.of(dir))) {
      return files.anyMatch(f -> f.toString().endsWith(".parquet"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static long write(Dataset<Row> rows, String dir) {
    rows.write().mode(SaveMode.Overwrite).parquet(dir);
    return rows.sparkSession().read().parquet(dir).count();
  }
}
