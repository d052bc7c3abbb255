package io.netimpact.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a command line asks of Spark, as plain values: the master (empty: spark-submit's, else
 * {@code local[*]}) and the {@code spark.*} settings in the order given (later wins).
 */
public record SubmitSettings(Optional<String> master, Map<String, String> conf) {
  public SubmitSettings {
    conf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
  }

  /** The {@code spark.hadoop.X=V} settings as Hadoop's {@code X=V}, as Spark passes them on. */
  public Map<String, String> hadoop() {
    Map<String, String> out = new LinkedHashMap<>();
    conf.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) {
        out.put(k.substring("spark.hadoop.".length()), v);
      }
    });
    return out;
  }
}
