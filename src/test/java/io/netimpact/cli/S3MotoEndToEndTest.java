package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.testing.MotoServer;
import io.netimpact.testing.S3MockServer;
import io.netimpact.testing.SparkTestSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against a second S3 implementation, moto's server: a review and a sweep read from
 * and written to it with the file committer, read back with {@code show}; with the magic
 * committer (the default in conf/spark-defaults.conf) every write fails inside the AWS SDK,
 * and the user gets one line naming the committer and the fix. Skipped with one line where
 * moto is not installed.
 */
@Tag("slow")
class S3MotoEndToEndTest {
  static final String BUCKET = "netimpact-moto";
  static final String SNAPSHOT = "s3a://" + BUCKET + "/snapshots/backbone";
  static final String CHANGE = ReviewCommandTest.CHANGES + "block-srlg-conduit.json";

  static MotoServer moto;

  @TempDir
  Path tmp;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.start(BUCKET);
    SparkSession spark = SparkTestSession.get();
    committer("file");
    S3MockServer.committerSqlSettings().forEach((k, v) -> spark.conf().set(k, v));
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = FileSystem.get(URI.create(SNAPSHOT), hadoop);
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(
        Path.of("src/main/resources/samples/backbone").toAbsolutePath().toUri()),
        new org.apache.hadoop.fs.Path(SNAPSHOT));
  }

  /** Points the shared session's S3A at moto with this committer. */
  private static void committer(String name) {
    Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
    moto.s3aSettings(name).forEach(hadoop::set);
  }

  @AfterEach
  void fileCommitter() {
    committer("file");
  }

  @AfterAll
  static void stopMoto() throws Exception {
    SparkSession spark = SparkTestSession.get();
    S3MockServer.committerSqlSettings().keySet().forEach(k -> spark.conf().unset(k));
    if (moto != null) {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      moto.s3aSettings("file").keySet().forEach(hadoop::unset);
      FileSystem.closeAllForUGI(
          org.apache.hadoop.security.UserGroupInformation.getCurrentUser());
      moto.close();
    }
  }

  private static Map<String, String> verdicts(String out) {
    List<Row> rows = SparkTestSession.get().read().parquet(out + "/"
        + ReportTables.SCENARIO_SUMMARY).collectAsList();
    Map<String, String> m = new TreeMap<>();
    for (Row r : rows) {
      m.put(r.getAs("scenario_id"), r.getAs("verdict") + " "
          + String.format("%.9f", (Double) r.getAs("max_util_after")) + " " + r.getAs("reason"));
    }
    return m;
  }

  @Test
  void review_withTheFileCommitter_writesTheSameReportAsLocally() {
    String out = "s3a://" + BUCKET + "/reports";
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", CHANGE, "--out", out);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());
    // The page is versioned under its publish id and named in the marker (see ReportWriter).
    assertTrue(java.util.regex.Pattern.compile("page:   s3a://" + BUCKET
        + "/reports/_runs/CR-1003/[0-9]{14}-[0-9a-f]{8}-summary\\.html").matcher(r.out()).find(),
        r.out());
    String local = tmp.resolve("local").toString();
    assertEquals(0, ReviewCommandTest.run("review", "--snapshot", ReviewCommandTest.SNAPSHOT,
        "--change", CHANGE, "--out", local).code());
    assertEquals(verdicts(local), verdicts(out));

    ReviewCommandTest.Run shown = ReviewCommandTest.run("show", "--out", out, "--table",
        "link_impact", "--where", "status_after = 'OVER'", "--columns", "link_id,util_after",
        "--format", "csv");
    assertEquals(0, shown.code(), shown.err());
    assertTrue(shown.out().startsWith("link_id,util_after\nlag-atl-lax-cr1,1.227"),
        shown.out());
  }

  @Test
  void sweep_withTheFileCommitter_publishesEveryScenario() {
    String out = "s3a://" + BUCKET + "/nightly";
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        "src/main/resources/samples/sweeps/nightly.json", "--out", out, "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("verdicts: 9 BLOCK, 11 RISK, 73 SAFE"), r.out());
    ReviewCommandTest.Run shown = ReviewCommandTest.run("show", "--out", out, "--where",
        "verdict = 'BLOCK'", "--columns", "scenario_id", "--format", "csv");
    assertEquals(0, shown.code(), shown.err());
    assertEquals(1 + 9, shown.out().lines().count(), shown.out());
  }

  @Test
  void magicCommitter_failsWithOneLineNamingTheCommitterAndTheFix() {
    // A sweep: its large tables go through Spark's committer (a review's tables are written
    // by the driver as single files, without a committer); here forced on the small sample.
    committer("magic");
    ReviewCommandTest.Run r = S3EndToEndTest.withSparkWriters(() -> ReviewCommandTest.run(
        "sweep", "--snapshot", SNAPSHOT, "--sweep",
        "src/main/resources/samples/sweeps/nightly.json", "--out",
        "s3a://" + BUCKET + "/magic", "--conf", "netimpact.local-sweep=tasks"));
    assertEquals(Main.EXIT_INTERNAL, r.code(), r.err());
    String first = r.err().lines().filter(l -> l.startsWith("netimpact: ")).findFirst()
        .orElse("");
    assertEquals("netimpact: the S3 store could not complete a multipart upload (the AWS SDK "
        + "failed reading its CompleteMultipartUpload reply, as against moto's S3 server): the "
        + "S3A magic committer (fs.s3a.committer.name=magic, set by conf/spark-defaults.conf) "
        + "commits every file that way; run with --conf "
        + "spark.hadoop.fs.s3a.committer.name=file", first, r.err());
  }
}
