package io.netimpact.cli;

import io.netimpact.spark.Cluster;
import io.netimpact.spark.SubmitSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The spark-submit options every subcommand takes. Precedence, highest first: {@code --conf},
 * {@code --properties-file}, what spark-submit set, the job's defaults.
 */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting, as with spark-submit; repeatable.")
  List<String> conf = new ArrayList<>();

  @Option(names = "--properties-file", paramLabel = "FILE",
      description = "Spark settings file (spark-defaults.conf format).")
  Path propertiesFile;

  /** The settings as given, validated: {@code KEY=VALUE} with a non-empty key. */
  List<String[]> confPairs() {
    List<String[]> out = new ArrayList<>();
    for (String c : conf) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--conf takes KEY=VALUE, got \"" + c + "\"");
      }
      out.add(new String[] {c.substring(0, eq).trim(), c.substring(eq + 1)});
    }
    return out;
  }

  /**
   * The settings for Spark: {@code spark.*} keys of {@code --properties-file}, then
   * {@code --conf} (later wins), and the master. A {@code netimpact.*} key of either that is
   * no known setting is refused here, before anything starts, whatever the command.
   */
  SubmitSettings settings() {
    Map<String, String> conf = new LinkedHashMap<>();
    if (propertiesFile != null) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        p.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException("--properties-file " + propertiesFile
            + ": cannot read: " + e.getMessage());
      }
      for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) {
        JobSettings.requireKnown(k, "--properties-file " + propertiesFile);
        if (k.startsWith("spark.")) {
          conf.put(k, p.getProperty(k).trim());
        }
      }
    }
    for (String[] kv : confPairs()) {
      JobSettings.requireKnown(kv[0], "--conf " + kv[0] + "=" + kv[1]);
      conf.remove(kv[0]);
      conf.put(kv[0], kv[1]);
    }
    return new SubmitSettings(Optional.ofNullable(master), conf);
  }

  /** The command's cluster, its progress lines printed to standard output. */
  Cluster cluster(String appName) {
    return cluster(appName, false);
  }

  /**
   * The same, whose session, with {@code deferLocal} and a local master, starts only when
   * something needs it ({@link Cluster#start(SubmitSettings, String, java.util.function.Consumer,
   * boolean)}).
   */
  Cluster cluster(String appName, boolean deferLocal) {
    return Cluster.start(settings(), appName, System.out::println, deferLocal);
  }

  /** The command's cluster, whose session starts only if something needs it (show). */
  Cluster onDemand(String appName) {
    return Cluster.onDemand(settings(), appName, System.out::println);
  }

  Optional<String> master() {
    return Optional.ofNullable(master);
  }
}
