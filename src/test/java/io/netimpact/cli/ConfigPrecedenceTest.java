package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where netimpact's settings come from: flag > --conf > --properties-file > Spark
 * configuration > defaults file > built-in; and what --print-config never shows.
 */
class ConfigPrecedenceTest {
  @TempDir
  Path tmp;

  private Path props(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static double warn(JobSettings s, Double flag) {
    return s.thresholds(Optional.ofNullable(flag)).warnUtil();
  }

  @Test
  void eachLayer_overridesTheOnesBelow() throws IOException {
    Path defaults = props("netimpact.properties", "netimpact.warn-util = 0.7\n");
    Path file = props("job.conf", "spark.ui.enabled false\nnetimpact.warn-util 0.6\n");
    List<String[]> conf = List.<String[]>of(new String[] {"netimpact.warn-util", "0.5"});
    Map<String, String> spark = Map.of("spark.netimpact.warn-util", "0.65");

    assertEquals(0.8, warn(JobSettings.resolve(List.of(), Optional.empty(), Map.of(),
        Optional.empty()), null));
    assertEquals(0.7, warn(JobSettings.resolve(List.of(), Optional.empty(), Map.of(),
        Optional.of(defaults)), null));
    assertEquals(0.65, warn(JobSettings.resolve(List.of(), Optional.empty(), spark,
        Optional.of(defaults)), null));
    assertEquals(0.6, warn(JobSettings.resolve(List.of(), Optional.of(file), spark,
        Optional.of(defaults)), null));
    JobSettings all = JobSettings.resolve(conf, Optional.of(file), spark, Optional.of(defaults));
    assertEquals(0.5, warn(all, null));
    assertEquals("--conf netimpact.warn-util", all.get(JobSettings.WARN_UTIL).source());
    assertEquals(0.9, warn(all, 0.9));
  }

  @Test
  void sparkPrefixedKeys_countAsTheSameSetting() {
    JobSettings s = JobSettings.resolve(
        List.<String[]>of(new String[] {"spark.netimpact.warn-util", "0.55"}), Optional.empty(),
        Map.of(), Optional.empty());
    assertEquals(0.55, warn(s, null));
  }

  @Test
  void badValues_nameTheSettingAndWhereItCameFrom() throws IOException {
    Path defaults = props("netimpact.properties", "netimpact.warn-util = 1.5\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JobSettings.resolve(List.of(), Optional.empty(), Map.of(), Optional.of(defaults))
            .thresholds(Optional.empty()));
    assertTrue(e.getMessage().contains("netimpact.warn-util from defaults file"),
        e.getMessage());
    Path typo = props("typo.properties", "netimpact.warn-utl = 0.7\n");
    e = assertThrows(IllegalArgumentException.class, () -> JobSettings.resolve(List.of(),
        Optional.empty(), Map.of(), Optional.of(typo)));
    assertTrue(e.getMessage().contains("unknown setting netimpact.warn-utl"), e.getMessage());
  }

  @Test
  void shippedDefaultsFile_holdsTheBuiltInDefaults() {
    JobSettings s = JobSettings.resolve(List.of(), Optional.empty(), Map.of(),
        Optional.of(Path.of("conf/netimpact.properties")));
    assertEquals(JobSettings.BUILT_IN.get(JobSettings.WARN_UTIL),
        s.get(JobSettings.WARN_UTIL).value());
    assertTrue(s.get(JobSettings.WARN_UTIL).source().startsWith("defaults file"));
    assertEquals(JobSettings.BUILT_IN.get(JobSettings.LOCAL_REVIEW),
        s.get(JobSettings.LOCAL_REVIEW).value());
    assertEquals(io.netimpact.spark.LocalReview.DRIVER, s.localReview());
  }

  @Test
  void localReview_takesDriverOrTasks_andABadValueNamesTheSettingAndItsSource() {
    JobSettings tasks = JobSettings.resolve(List.<String[]>of(new String[] {
        "spark.netimpact.local-review", "TASKS"}), Optional.empty(), Map.of(),
        Optional.empty());
    assertEquals(io.netimpact.spark.LocalReview.TASKS, tasks.localReview());
    JobSettings bad = JobSettings.resolve(List.<String[]>of(new String[] {
        "netimpact.local-review", "executors"}), Optional.empty(), Map.of(), Optional.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        bad::localReview);
    assertTrue(e.getMessage().contains("netimpact.local-review from --conf"), e.getMessage());
    assertTrue(e.getMessage().contains("expected driver or tasks, got \"executors\""),
        e.getMessage());
  }

  @Test
  void secretsAreMasked_byKey() {
    for (String key : List.of("spark.hadoop.fs.s3a.secret.key", "fs.s3a.access.key",
        "fs.s3a.session.token", "spark.ssl.keyPassword", "fs.azure.account.key.CREDENTIAL",
        "spark.authenticate.secret")) {
      assertEquals(RunOptions.MASK, RunOptions.mask(key, "v"), key);
    }
    assertEquals("http://x", RunOptions.mask("fs.s3a.endpoint", "http://x"));
  }

  @Test
  void cli_confSettingReachesTheVerdict_andThePrintedConfigHidesSecrets() {
    String secret = "netimpact-config-test-secret-0c1d";
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change", ReviewCommandTest.CHANGES
            + "safe-member-down.json", "--out", tmp.resolve("out").toString(),
        "--format", "json", "--print-config",
        "--conf", "netimpact.warn-util=0.6",
        "--conf", "spark.hadoop.fs.s3a.secret.key=" + secret);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("netimpact.warn-util=0.6 (--conf netimpact.warn-util)"),
        r.out());
    // 66.5 % peak after the change: RISK at 60 %, where the default 80 % says SAFE.
    assertTrue(r.out().contains("arcs above warn (60 %)"), r.out());
    assertTrue(r.out().contains("VERDICT: RISK"), r.out());
    assertFalse(r.out().contains(secret) || r.err().contains(secret), "the secret is printed");

    ReviewCommandTest.Run flag = ReviewCommandTest.run("review", "--snapshot",
        ReviewCommandTest.SNAPSHOT, "--change", ReviewCommandTest.CHANGES
            + "safe-member-down.json", "--out", tmp.resolve("out2").toString(),
        "--format", "json", "--conf", "netimpact.warn-util=0.6", "--warn-util", "0.8");
    assertTrue(flag.out().contains("VERDICT: SAFE"), flag.out());
  }
}
