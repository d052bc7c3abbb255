package io.netimpact.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
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

  SparkConf sparkConf(String appName) {
    SparkConf sc = new SparkConf();
    if (propertiesFile != null) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        p.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException("--properties-file " + propertiesFile
            + ": cannot read: " + e.getMessage());
      }
      for (String k : p.stringPropertyNames()) {
        if (k.startsWith("spark.")) {
          sc.set(k, p.getProperty(k).trim());
        }
      }
    }
    for (String[] kv : confPairs()) {
      sc.set(kv[0], kv[1]);
    }
    if (master != null) {
      sc.setMaster(master);
    } else if (!sc.contains("spark.master")) {
      sc.setMaster("local[*]");
    }
    sc.setAppName(appName);
    sc.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    sc.setIfMissing("spark.kryo.registrator", NetimpactKryoRegistrator.class.getName());
    sc.setIfMissing("spark.sql.shuffle.partitions", "8");
    sc.setIfMissing("spark.ui.showConsoleProgress", "false");
    return sc;
  }

  SparkSession session(String appName) {
    return SparkSession.builder().config(sparkConf(appName)).getOrCreate();
  }

  Optional<String> master() {
    return Optional.ofNullable(master);
  }
}
