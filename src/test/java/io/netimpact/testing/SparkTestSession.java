package io.netimpact.testing;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM: two cores, UI off, two shuffle partitions,
 * loopback, Kryo with the job's registrator (so broadcasts and task results are really
 * serialized). Never stopped by tests; the JVM's exit ends it.
 */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("netimpact-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .config("spark.kryo.registrator", "io.netimpact.spark.NetimpactKryoRegistrator")
        .getOrCreate();
  }

  /** The shared session as a cluster, its progress lines printed to standard output. */
  public static io.netimpact.spark.Cluster cluster() {
    return io.netimpact.spark.Cluster.of(get(), System.out::println);
  }

  public static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(get().sparkContext());
  }
}
