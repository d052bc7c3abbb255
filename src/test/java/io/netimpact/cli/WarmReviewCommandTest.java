package io.netimpact.cli;

import static io.netimpact.cli.ReviewCommandTest.CHANGES;
import static io.netimpact.cli.ReviewCommandTest.SNAPSHOT;
import static io.netimpact.cli.ReviewCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.ReviewCommandTest.Run;
import io.netimpact.format.ReportTables;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netimpact baseline} and {@code review --baseline} end to end through the CLI, real
 * Spark and real Parquet: a warm review writes the tables a cold one writes; a stale store
 * is refused; the baseline command's bad input exits 2.
 */
class WarmReviewCommandTest {
  static final String[] TABLES = {ReportTables.SCENARIO_SUMMARY, ReportTables.LINK_IMPACT,
      ReportTables.DEMAND_IMPACT, ReportTables.LINK_BASELINE};

  @TempDir
  static Path shared;
  static Path sampleStore;
  static Path small;
  static Path smallStore;

  @TempDir
  Path tmp;

  @BeforeAll
  static void stores() {
    SparkTestSession.get();
    sampleStore = shared.resolve("sample-store");
    Run b = run("baseline", "--snapshot", SNAPSHOT, "--out", sampleStore.toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("store: " + sampleStore), b.out());
    small = shared.resolve("small");
    assertEquals(0, Main.execute("generate", "--preset", "small", "--seed", "11", "--out",
        small.toString()));
    smallStore = shared.resolve("small-store");
    Run s = run("baseline", "--snapshot", small.toString(), "--out", smallStore.toString());
    assertEquals(0, s.code(), s.err());
  }

  @Test
  void warmReview_writesTheTablesOfAColdReview_forEverySampleChange() throws IOException {
    List<Path> changes;
    try (Stream<Path> files = Files.list(Path.of(CHANGES))) {
      changes = files.sorted().toList();
    }
    assertEquals(4, changes.size());
    for (Path c : changes) {
      assertWarmIsCold(SNAPSHOT, c.toString(), sampleStore);
    }
  }

  @Test
  void warmReview_writesTheTablesOfAColdReview_onTheGeneratedSmallPreset() throws IOException {
    try (Stream<Path> files = Files.list(small.resolve("changes"))) {
      List<Path> changes = files.filter(p -> p.getFileName().toString().endsWith(".json")
          && !p.getFileName().toString().startsWith(".")).sorted().toList();
      assertEquals(2, changes.size(), changes.toString());
      for (Path c : changes) {
        assertWarmIsCold(small.toString(), c.toString(), smallStore);
      }
    }
  }

  private void assertWarmIsCold(String snapshot, String change, Path store) {
    Path cold = tmp.resolve("cold");
    Path warm = tmp.resolve("warm");
    Run c = run("review", "--snapshot", snapshot, "--change", change, "--out", cold.toString(),
        "--format", "json", "--run-id", "same");
    assertEquals(0, c.code(), c.err());
    Run w = run("review", "--snapshot", snapshot, "--change", change, "--out", warm.toString(),
        "--format", "json", "--run-id", "same", "--baseline", store.toString());
    assertEquals(0, w.code(), w.err());
    assertTrue(w.out().contains("read baseline"), "the warm review read the store: " + w.out());
    for (String t : TABLES) {
      assertSameTable(cold.resolve(t), warm.resolve(t), change + " " + t);
    }
  }

  /** Same rows (sorted), strings and integers equal, doubles within 1e-9 relative. */
  static void assertSameTable(Path expected, Path actual, String what) {
    List<Row> x = sortedRows(expected);
    List<Row> y = sortedRows(actual);
    assertEquals(x.size(), y.size(), what + " rows");
    assertFalse(x.isEmpty() && what.endsWith(ReportTables.SCENARIO_SUMMARY), what);
    StructField[] fields = SparkTestSession.get().read().json(expected.toString()).schema()
        .fields();
    for (int i = 0; i < x.size(); i++) {
      for (int f = 0; f < fields.length; f++) {
        String where = what + " row " + i + " " + fields[f].name();
        Object a = x.get(i).get(f);
        Object b = y.get(i).get(f);
        if (fields[f].dataType().equals(DataTypes.DoubleType) && a != null && b != null) {
          ReportAssertions.assertClose((Double) a, (Double) b, where);
        } else {
          assertEquals(a, b, where);
        }
      }
    }
  }

  /** Rows with their columns in name order, sorted by every non-double column. */
  private static List<Row> sortedRows(Path dir) {
    var df = SparkTestSession.get().read().json(dir.toString());
    String[] cols = df.columns();
    Arrays.sort(cols);
    df = df.selectExpr(cols);
    List<String> keys = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (!f.dataType().equals(DataTypes.DoubleType)) {
        keys.add(f.name());
      }
    }
    List<Row> rows = new ArrayList<>(df.collectAsList());
    rows.sort(Comparator.comparing(r -> keys.stream().map(k -> String.valueOf((Object) r.getAs(k)))
        .reduce("", (p, q) -> p + "\u0000" + q)));
    return rows;
  }

  @Test
  void staleStore_isRefusedWithExit2NamingBothHashes_andWritesNothing() throws IOException {
    Path snap = tmp.resolve("snap");
    ReviewCommandTest.copyOfSample(snap);
    // One metric changed: the same snapshot id, another content.
    String links = Files.readString(snap.resolve("links.jsonl"));
    String changed = links.replaceFirst("\"metric\":(\\d+)", "\"metric\":$1" + "7");
    assertFalse(changed.equals(links));
    Files.writeString(snap.resolve("links.jsonl"), changed);
    Path out = tmp.resolve("out");
    Run r = run("review", "--snapshot", snap.toString(), "--change",
        CHANGES + "safe-member-down.json", "--out", out.toString(), "--baseline",
        sampleStore.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("stale baseline store") && r.err().contains(sampleStore.toString())
        && r.err().contains("snapshot sample-backbone-2026-11-23"), r.err());
    String manifest = Files.readString(sampleStore.resolve("manifest.json"));
    String storedHash = manifest.replaceAll("(?s).*\"content_hash\" : \"([0-9a-f]+)\".*", "$1");
    assertEquals(64, storedHash.length(), manifest);
    assertTrue(r.err().contains(storedHash), "the store's hash: " + r.err());
    assertTrue(r.err().replace(storedHash, "").matches("(?s).*content hash [0-9a-f]{64}.*"),
        "the snapshot's hash: " + r.err());
    assertFalse(Files.exists(out), "nothing written");

    Run other = run("review", "--snapshot", small.toString(), "--change",
        small.resolve("changes").resolve("safe-drain-spine.json").toString(), "--out",
        out.toString(), "--baseline", sampleStore.toString());
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("written for snapshot sample-backbone-2026-11-23")
        && other.err().contains("is snapshot gen-small-s11"), other.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void reviewWithANonStore_exits2NamingTheManifest() {
    Run r = run("review", "--snapshot", SNAPSHOT, "--change", CHANGES + "safe-member-down.json",
        "--out", tmp.resolve("out").toString(), "--baseline", SNAPSHOT);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("manifest.json") && r.err().contains("field format"), r.err());
  }

  @Test
  void reviewWithTrafficEngineering_andABaseline_isRefused() {
    Path te = tmp.resolve("te");
    Run r = run("review", "--snapshot", "src/main/resources/samples/backbone-te", "--change",
        CHANGES + "safe-member-down.json", "--out", te.toString(), "--baseline",
        sampleStore.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("does not support traffic engineering"), r.err());
    assertFalse(Files.exists(te));
  }

  @Test
  void baselineCommand_badInputExits2NamingTheFile() throws IOException {
    Run missing = run("baseline", "--snapshot", tmp.resolve("nowhere").toString(), "--out",
        tmp.resolve("s1").toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().contains(tmp.resolve("nowhere").resolve("manifest.json")
        .toString()), missing.err());

    Path snap = tmp.resolve("bad");
    ReviewCommandTest.copyOfSample(snap);
    Files.writeString(snap.resolve("links.jsonl"), Files.readString(snap.resolve("links.jsonl"))
        + "{\"id\":\"x\",\"a\":\"nyc-cr1\",\"b\":\"ghost\",\"metric\":1,\"capacity_gbps\":1}\n");
    Run bad = run("baseline", "--snapshot", snap.toString(), "--out",
        tmp.resolve("s2").toString());
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("links.jsonl, line 67, field b"), bad.err());
    assertFalse(Files.exists(tmp.resolve("s2")));

    Path busy = tmp.resolve("busy");
    Files.createDirectories(busy);
    Files.writeString(busy.resolve("notes.txt"), "mine");
    Run notEmpty = run("baseline", "--snapshot", SNAPSHOT, "--out", busy.toString());
    assertEquals(2, notEmpty.code(), notEmpty.err());
    assertTrue(notEmpty.err().contains("is not a baseline store"), notEmpty.err());

    Run other = run("baseline", "--snapshot", small.toString(), "--out",
        sampleStore.toString());
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("never replaced"), other.err());

    Run again = run("baseline", "--snapshot", SNAPSHOT, "--out", sampleStore.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("already there"), again.out());

    Run te = run("baseline", "--snapshot", "src/main/resources/samples/backbone-te", "--out",
        tmp.resolve("s3").toString());
    assertEquals(2, te.code(), te.err());
    assertTrue(te.err().contains("traffic engineering"), te.err());
    assertFalse(Files.exists(tmp.resolve("s3")));

    Run help = run("baseline", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--snapshot") && help.out().contains("--out"), help.out());
    assertEquals(2, run("baseline", "--snapshot", SNAPSHOT).code(), "--out is required");
  }

  @Test
  void sweepWithBaselineOut_writesAStoreThatWarmReviewsUse() {
    Path store = tmp.resolve("from-sweep");
    Run s = run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        "src/main/resources/samples/sweeps/n-1-links.json", "--out",
        tmp.resolve("sweep").toString(), "--format", "json", "--baseline-out", store.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(Files.exists(store.resolve("manifest.json")));
    assertWarmIsCold(SNAPSHOT, CHANGES + "risk-drain-core.json", store);
  }
}
