package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.JobProcesses;
import io.netimpact.testing.S3MockServer;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job against S3 through S3A: a real S3 emulator (S3Mock) in its own process, snapshots
 * uploaded with Hadoop's FileSystem, reviews and sweeps run through the CLI, reports read back
 * from S3, written with the S3A magic committer. In this JVM the shared session's Hadoop
 * configuration points S3A at the emulator (a running SparkContext ignores
 * {@code spark.hadoop.*} given later); the launcher test passes the same settings as
 * {@code --conf} to a job of its own, which is the path users take.
 */
@Tag("slow")
class S3EndToEndTest {
  static final String BUCKET = "netimpact";
  static final String SECURE_BUCKET = "netimpact-secure";
  static final String SNAPSHOT = "s3a://" + BUCKET + "/snapshots/backbone";
  static final String CHANGE = ReviewCommandTest.CHANGES + "block-srlg-conduit.json";
  static final ObjectMapper JSON = new ObjectMapper();

  static S3MockServer s3;

  @TempDir
  Path tmp;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3MockServer.start(BUCKET, SECURE_BUCKET);
    SparkSession spark = SparkTestSession.get();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    s3.s3aSettings().forEach(hadoop::set);
    S3MockServer.committerSqlSettings().forEach((k, v) -> spark.conf().set(k, v));
    FileSystem fs = FileSystem.get(URI.create(SNAPSHOT), hadoop);
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(
        Path.of("src/main/resources/samples/backbone").toAbsolutePath().toUri()),
        new org.apache.hadoop.fs.Path(SNAPSHOT));
  }

  @AfterAll
  static void stopS3() throws IOException {
    SparkSession spark = SparkTestSession.get();
    S3MockServer.committerSqlSettings().keySet().forEach(k -> spark.conf().unset(k));
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    if (s3 != null) {
      s3.s3aSettings().keySet().forEach(hadoop::unset);
    }
    // Cached S3A instances hold connection pools to the emulator that is going away.
    FileSystem.closeAllForUGI(
        org.apache.hadoop.security.UserGroupInformation.getCurrentUser());
    if (s3 != null) {
      s3.close();
    }
  }

  private static Configuration hadoop() {
    return SparkTestSession.get().sparkContext().hadoopConfiguration();
  }

  private static FileSystem fs(String uri) throws IOException {
    return FileSystem.get(URI.create(uri), hadoop());
  }

  private static List<String> objects(String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs(prefix).listFiles(
        new org.apache.hadoop.fs.Path(prefix), true);
    while (it.hasNext()) {
      names.add(it.next().getPath().toString());
    }
    return names;
  }

  private static JsonNode readJson(String uri) throws IOException {
    try (InputStream in = fs(uri).open(new org.apache.hadoop.fs.Path(uri))) {
      return JSON.readTree(in);
    }
  }

  /** scenario_id to the summary row's verdict and utilisation, for comparing runs. */
  private static Map<String, String> summaries(String out, String format) {
    var reader = SparkTestSession.get().read();
    String path = out + "/" + ReportTables.SCENARIO_SUMMARY;
    List<Row> rows = (format.equals("json") ? reader.json(path) : reader.parquet(path))
        .collectAsList();
    Map<String, String> m = new TreeMap<>();
    for (Row r : rows) {
      m.put(r.getAs("scenario_id"), r.getAs("verdict") + " "
          + String.format("%.9f", (Double) r.getAs("max_util_after")));
    }
    return m;
  }

  @Test
  void review_readsTheSnapshotFromS3_andPublishesTheReport_aSweepThroughTheMagicCommitter()
      throws IOException {
    String out = "s3a://" + BUCKET + "/reports";
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", CHANGE, "--out", out);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());

    Map<String, String> local = localReview();
    assertEquals(local, summaries(out, "parquet"));
    assertEquals(52 + 52, SparkTestSession.get().read()
        .parquet(out + "/" + ReportTables.DEMAND_IMPACT).count());
    assertTrue(fs(out).exists(new org.apache.hadoop.fs.Path(out + "/_runs/CR-1003/_SUCCESS")));
    // A review's tables are written by the driver, one object each, without a committer; a
    // sweep's large tables go through Spark's (here forced: as Spark tasks, and no table
    // collected to the driver). An S3A committer writes a JSON manifest as _SUCCESS
    // (FileOutputCommitter an empty file): it names the committer that really ran.
    String sweepOut = "s3a://" + BUCKET + "/sweep";
    ReviewCommandTest.Run sw = withSparkWriters(() -> ReviewCommandTest.run("sweep",
        "--snapshot", SNAPSHOT, "--sweep", "src/main/resources/samples/sweeps/n-1-links.json",
        "--out", sweepOut, "--conf", "netimpact.local-sweep=tasks"));
    assertEquals(0, sw.code(), sw.err());
    JsonNode success = readJson(sweepOut + "/" + ReportTables.LINK_IMPACT
        + "/run_id=n-1-links/_SUCCESS");
    assertEquals("magic", success.path("committer").asText(), success.toString());
    List<String> left = objects(out);
    left.addAll(objects(sweepOut));
    assertTrue(left.stream().noneMatch(p -> p.contains("__magic") || p.contains("_staging")),
        "no magic or staging objects left: " + left);
  }

  @Test
  void baselineStore_roundTripsThroughS3_andAWarmReviewFromItGivesTheLocalReport()
      throws IOException {
    String store = "s3a://" + BUCKET + "/stores/backbone";
    ReviewCommandTest.Run b = ReviewCommandTest.run("baseline", "--snapshot", SNAPSHOT,
        "--out", store);
    assertEquals(0, b.code(), b.err());
    List<String> objects = objects(store);
    assertTrue(objects.stream().anyMatch(p -> p.endsWith("/manifest.json"))
        && objects.stream().anyMatch(p -> p.contains("/destinations/bucket=0/part-"))
        && objects.stream().anyMatch(p -> p.contains("/arc_load/part-"))
        && objects.stream().anyMatch(p -> p.endsWith("/network.kryo.lz4")), objects.toString());
    assertTrue(objects(store.substring(0, store.lastIndexOf('/'))).stream()
        .noneMatch(p -> p.contains(".tmp-")), "no temporary directory left");
    String out = "s3a://" + BUCKET + "/warm-reports";
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", CHANGE, "--out", out, "--baseline", store);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("read baseline"), r.out());
    assertTrue(r.out().contains("read network") && !r.out().contains("read+validate"),
        "the snapshot's objects are the store's: its network is taken: " + r.out());
    assertEquals(localReview(), summaries(out, "parquet"));
  }

  private static Map<String, String> localReview;

  /** The same review on the local sample, the reference for what S3 runs wrote. */
  private Map<String, String> localReview() {
    if (localReview != null) {
      return localReview;
    }
    Path local = tmp.resolve("local");
    assertEquals(0, ReviewCommandTest.run("review", "--snapshot", ReviewCommandTest.SNAPSHOT,
        "--change", CHANGE, "--out", local.toString()).code());
    localReview = summaries(local.toUri().toString(), "parquet");
    return localReview;
  }

  @Test
  void sweep_fromS3_writesTheSameRankingAsLocally() throws IOException {
    // Every SRLG and site failure plus one explicit change: the nightly sweep's shape, smaller.
    String sweep = """
        {"id": "s3-sweep", "changes": [{"id": "CR-1", "ops": [{"op": "drain_device",
          "device": "chi-cr2"}]}], "generators": [{"each": "srlg"}, {"each": "site"}]}""";
    Path local = Files.writeString(tmp.resolve("sweep.json"), sweep);
    String remote = "s3a://" + BUCKET + "/sweeps/s3-sweep.json";
    fs(remote).copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()),
        new org.apache.hadoop.fs.Path(remote));
    String out = "s3a://" + BUCKET + "/sweeps-out";
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT,
        "--sweep", remote, "--out", out, "--format", "json");
    assertEquals(0, r.code(), r.err());
    Path localOut = tmp.resolve("sweep-local");
    assertEquals(0, ReviewCommandTest.run("sweep", "--snapshot", ReviewCommandTest.SNAPSHOT,
        "--sweep", local.toString(), "--out", localOut.toString(), "--format", "json").code());
    Map<String, String> fromS3 = summaries(out, "json");
    assertTrue(fromS3.size() > 5 && fromS3.containsKey("CR-1"), "scenarios: " + fromS3.keySet());
    assertEquals(summaries(localOut.toUri().toString(), "json"), fromS3);
  }

  @Test
  void largeObject_takesTheMultipartPath_andReadsBackIntact()
      throws IOException, NoSuchAlgorithmException {
    Configuration conf = new Configuration(hadoop());
    conf.set("fs.s3a.multipart.size", "5M");
    conf.set("fs.s3a.multipart.threshold", "5M");
    byte[] block = new byte[1 << 20];
    Random random = new Random(42);
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/big/13m.bin");
    // A fresh instance: the cached one was opened with the default 64 MB part size.
    try (FileSystem fs = FileSystem.newInstance(p.toUri(), conf)) {
      try (OutputStream out = fs.create(p, true)) {
        for (int i = 0; i < 13; i++) {
          random.nextBytes(block);
          written.update(block);
          out.write(block);
        }
      }
      MessageDigest read = MessageDigest.getInstance("SHA-256");
      long n = 0;
      try (InputStream in = fs.open(p)) {
        byte[] buf = new byte[64 * 1024];
        for (int k; (k = in.read(buf)) > 0; n += k) {
          read.update(buf, 0, k);
        }
      }
      assertEquals(13L << 20, n);
      assertArrayEquals(written.digest(), read.digest());
      // S3 gives a multipart object the ETag md5(part md5s)-PARTS: 13 MiB in 5 MiB parts is 3.
      String etag = ((EtagSource) fs.getFileStatus(p)).getEtag();
      assertTrue(etag.replace("\"", "").endsWith("-3"), "multipart ETag: " + etag);
      fs.delete(p, false);
    }
  }

  @Test
  void sse_reachesTheS3aFilesystem_andTheWrittenObjects() throws IOException {
    String out = "s3a://" + SECURE_BUCKET + "/reports";
    try {
      ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
          "--change", CHANGE, "--out", out, "--sse", "SSE-S3", "--print-config");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("fs.s3a.encryption.algorithm=AES256"), r.out());
      FileSystem fs = fs(out);
      assertEquals("AES256", fs.getConf().get("fs.s3a.encryption.algorithm"));
      String part = objects(out + "/" + ReportTables.SCENARIO_SUMMARY).stream()
          .filter(p -> p.endsWith(".parquet")).findFirst().orElseThrow();
      Map<String, String> headers = fs.getXAttrs(new org.apache.hadoop.fs.Path(part))
          .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
              e -> new String(e.getValue(), StandardCharsets.UTF_8)));
      // The emulator stores the encryption S3A asked for and returns it like S3 does.
      assertEquals("AES256", headers.get("header.x-amz-server-side-encryption"),
          headers.toString());

      // SSE-KMS: the AWS SDK refuses to send KMS parameters over plain HTTP, which is all the
      // emulator speaks here, so this checks that the options reach a new S3A instance.
      ReviewCommand cmd = new ReviewCommand();
      new CommandLine(cmd).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--snapshot", SNAPSHOT, "--change", CHANGE, "--out", out,
              "--sse", "sse-kms", "--sse-kms-key", S3MockServer.KMS_KEY);
      cmd.run.prepare(SparkTestSession.cluster(), cmd.spark, cmd.report.warnUtil(), System.out);
      try (FileSystem kms = FileSystem.newInstance(URI.create(out), hadoop())) {
        assertEquals("SSE-KMS", kms.getConf().get("fs.s3a.encryption.algorithm"));
        assertEquals(S3MockServer.KMS_KEY, kms.getConf().get("fs.s3a.encryption.key"));
      }
    } finally {
      hadoop().unset("fs.s3a.encryption.algorithm");
      hadoop().unset("fs.s3a.encryption.key");
    }
  }

  @Test
  void launcher_takesS3SettingsAsConf_andNeverPrintsTheSecret()
      throws IOException, InterruptedException {
    String secret = "wJalrXUtnFEMI-netimpact-never-print-7f3a";
    String accessKey = "AKIANETIMPACTTEST42";
    List<String> cmd = new ArrayList<>(List.of("bash", "jobs/netimpact", "review",
        "--snapshot", SNAPSHOT, "--change", CHANGE, "--out", "s3a://" + BUCKET + "/cli",
        "--run-id", "cli", "--format", "json", "--print-config"));
    s3.s3aSettings().forEach((k, v) -> {
      String value = k.equals("fs.s3a.secret.key") ? secret
          : k.equals("fs.s3a.access.key") ? accessKey : v;
      cmd.addAll(List.of("--conf", "spark.hadoop." + k + "=" + value));
    });
    Path jar = JobProcesses.jarOfClasses(tmp.resolve("netimpact.jar"));
    JobProcesses.Result r = JobProcesses.run(cmd, Map.of("NETIMPACT_JAR", jar.toString(),
        "NETIMPACT_DRIVER_MEMORY", "1g"), tmp.resolve("launcher"), 240);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("VERDICT: BLOCK"), r.out());
    assertTrue(r.out().contains("spark.hadoop.fs.s3a.secret.key=" + RunOptions.MASK), r.out());
    assertTrue(r.out().contains("fs.s3a.access.key=" + RunOptions.MASK), r.out());
    assertTrue(r.out().contains("netimpact.warn-util=0.8 (defaults file"), r.out());
    assertTrue(r.out().contains("fs.s3a.endpoint=" + s3.endpoint()), r.out());
    for (String s : List.of(secret, accessKey)) {
      assertFalse(r.out().contains(s), "stdout shows a credential");
      assertFalse(r.err().contains(s), "stderr (logs) shows a credential");
    }
    // The committer settings came from conf/spark-defaults.conf, which the launcher adds (a
    // review's tables are written by the driver; the sweep test above checks the committer).
    assertTrue(r.out().contains("fs.s3a.committer.name=magic"), r.out());
    Map<String, String> viaCli = summaries("s3a://" + BUCKET + "/cli", "json");
    assertEquals(localReview(), viaCli);
  }

  /**
   * {@code body} with every sweep table written by Spark's writers, however small the sweep
   * ({@code -Dnetimpact.sweep.driver-rows=0}).
   */
  static <T> T withSparkWriters(java.util.function.Supplier<T> body) {
    String key = "netimpact.sweep.driver-rows";
    String before = System.getProperty(key);
    System.setProperty(key, "0");
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }
}
