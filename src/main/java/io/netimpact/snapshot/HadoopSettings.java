package io.netimpact.snapshot;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Storage settings given as plain {@code key=value} pairs (Spark's {@code spark.hadoop.*}). */
public final class HadoopSettings {
  private HadoopSettings() {}

  /** Hadoop's defaults with {@code settings} set over them. */
  public static Configuration configuration(Map<String, String> settings) {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    return conf;
  }
}
