package io.netimpact.cli;

import io.netimpact.verdict.Thresholds;
import io.netimpact.spark.LocalReview;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * netimpact's own settings ({@code netimpact.*} keys) and where each value came from.
 *
 * <p>Precedence, highest first:
 * <ol>
 *   <li>the subcommand's flag ({@code --warn-util});</li>
 *   <li>{@code --conf netimpact.KEY=V} (or {@code spark.netimpact.KEY}), the last one given;</li>
 *   <li>{@code --properties-file}: a {@code netimpact.KEY} or {@code spark.netimpact.KEY} line;</li>
 *   <li>{@code spark.netimpact.KEY} in the Spark configuration the job started with (the
 *       cluster's spark-defaults on EMR, where only {@code spark.*} keys survive);</li>
 *   <li>the defaults file {@code netimpact.properties} in {@code $NETIMPACT_CONF_DIR} (set by
 *       {@code jobs/netimpact} to {@code conf/}), else in the working directory (where YARN
 *       puts a file shipped with {@code --files});</li>
 *   <li>the built-in default.</li>
 * </ol>
 */
final class JobSettings {
  static final String WARN_UTIL = "netimpact.warn-util";
  static final String LOCAL_REVIEW = "netimpact.local-review";
  static final String LOCAL_SWEEP = "netimpact.local-sweep";
  static final String DEFAULTS_FILE = "netimpact.properties";
  static final String CONF_DIR_ENV = "NETIMPACT_CONF_DIR";

  /** Built-in defaults; every key a user may set is here. */
  static final Map<String, String> BUILT_IN = Map.of(WARN_UTIL, "0.8",
      LOCAL_REVIEW, LocalReview.DRIVER.value(), LOCAL_SWEEP, LocalReview.DRIVER.value());

  /** A resolved value and a human description of its source, for {@code --print-config}. */
  record Value(String value, String source) {}

  private final Map<String, Value> values;

  private JobSettings(Map<String, Value> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Resolves every known key from the layers below the flags.
   *
   * @param conf {@code --conf} pairs in the order given
   * @param propertiesFile {@code --properties-file}, if any
   * @param sparkConf the running Spark configuration (key to value)
   * @param defaultsFile the defaults file, if one exists
   */
  static JobSettings resolve(List<String[]> conf, Optional<Path> propertiesFile,
      Map<String, String> sparkConf, Optional<Path> defaultsFile) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (String key : BUILT_IN.keySet()) {
      out.put(key, new Value(BUILT_IN.get(key), "built-in default"));
    }
    // Lowest layer first: each later layer overwrites.
    defaultsFile.ifPresent(f -> load(f, "defaults file " + f).forEach(out::put));
    // Every netimpact setting from any source is a known one: a typo would otherwise leave
    // the default in force without a word.
    for (String k : new java.util.TreeSet<>(sparkConf.keySet())) {
      requireKnown(k, "Spark configuration");
    }
    for (String key : BUILT_IN.keySet()) {
      String v = sparkConf.get("spark." + key);
      if (v != null) {
        out.put(key, new Value(v.trim(), "Spark configuration spark." + key));
      }
    }
    propertiesFile.ifPresent(f -> load(f, "--properties-file " + f).forEach(out::put));
    for (String[] kv : conf) {
      requireKnown(kv[0], "--conf " + kv[0] + "=" + kv[1]);
      String key = kv[0].startsWith("spark.netimpact.") ? kv[0].substring(6) : kv[0];
      if (BUILT_IN.containsKey(key)) {
        out.put(key, new Value(kv[1].trim(), "--conf " + kv[0]));
      }
    }
    return new JobSettings(out);
  }

  /**
   * Refuses a {@code netimpact.*} or {@code spark.netimpact.*} key that is no known setting,
   * naming the closest one; other keys (Spark's, Hadoop's) are not netimpact's to check.
   */
  static void requireKnown(String rawKey, String source) {
    String key = rawKey.startsWith("spark.netimpact.") ? rawKey.substring(6) : rawKey;
    if (key.startsWith("netimpact.") && !BUILT_IN.containsKey(key)) {
      throw new IllegalArgumentException(source + ": unknown setting " + rawKey
          + io.netimpact.input.Spelling.didYouMean(key, new java.util.TreeSet<>(BUILT_IN.keySet()))
          + " (known: " + String.join(", ", new java.util.TreeSet<>(BUILT_IN.keySet())) + ")");
    }
  }

  /** The defaults file from the environment or the working directory, if it exists. */
  static Optional<Path> defaultsFile() {
    String dir = System.getenv(CONF_DIR_ENV);
    Path p = dir != null && !dir.isBlank() ? Path.of(dir, DEFAULTS_FILE) : Path.of(DEFAULTS_FILE);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private static Map<String, Value> load(Path file, String source) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage());
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) {
      String key = k.startsWith("spark.netimpact.") ? k.substring(6) : k;
      if (BUILT_IN.containsKey(key)) {
        out.put(key, new Value(p.getProperty(k).trim(), source));
      } else {
        requireKnown(k, source);
      }
    }
    return out;
  }

  Value get(String key) {
    return values.get(key);
  }

  Map<String, Value> all() {
    return values;
  }

  /**
   * Where a review runs when the Spark master is local: {@code netimpact.local-review}, {@code
   * driver} (its threads, no Spark job) or {@code tasks} (Spark tasks, as on a cluster).
   */
  LocalReview localReview() {
    return where(LOCAL_REVIEW);
  }

  /**
   * Where a small sweep runs when the Spark master is local: {@code netimpact.local-sweep},
   * {@code driver} (its threads, no Spark session or job) or {@code tasks} (Spark tasks).
   */
  LocalReview localSweep() {
    return where(LOCAL_SWEEP);
  }

  private LocalReview where(String key) {
    Value v = values.get(key);
    try {
      return LocalReview.parse(v.value());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " from " + v.source() + ": " + e.getMessage());
    }
  }

  /** Thresholds, the flag (when given) overriding {@code netimpact.warn-util}. */
  Thresholds thresholds(Optional<Double> warnUtilFlag) {
    if (warnUtilFlag.isPresent()) {
      return new Thresholds(warnUtilFlag.get());
    }
    Value v = values.get(WARN_UTIL);
    double warn;
    try {
      warn = Double.parseDouble(v.value());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(WARN_UTIL + " from " + v.source()
          + ": not a number: \"" + v.value() + "\"");
    }
    try {
      return new Thresholds(warn);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(WARN_UTIL + " from " + v.source() + ": "
          + e.getMessage());
    }
  }
}
