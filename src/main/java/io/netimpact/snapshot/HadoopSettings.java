package io.netimpact.snapshot;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Storage settings given as plain {@code key=value} pairs (Spark's {@code spark.hadoop.*}). */
public final class HadoopSettings {
  private HadoopSettings() {}

  /**
   * {@code hadoop} with the local file system's checksum files off: the files written through
   * it (snapshots, traffic series: files people read and edit by hand) get no hidden
   * {@code .NAME.crc} beside them, which a hand edit would leave stale. Other file systems
   * are as configured. A copy; {@code hadoop} is unchanged.
   */
  public static Configuration withoutChecksumFiles(Configuration hadoop) {
    Configuration conf = new Configuration(hadoop);
    conf.setClass("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class,
        org.apache.hadoop.fs.FileSystem.class);
    // The cached local file system of the process keeps its checksums for everyone else.
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  /** Hadoop's defaults with {@code settings} set over them. */
  public static Configuration configuration(Map<String, String> settings) {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    return conf;
  }
}
