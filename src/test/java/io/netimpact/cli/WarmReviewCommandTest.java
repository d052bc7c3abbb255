package io.netimpact.cli;

import static io.netimpact.cli.ReviewCommandTest.CHANGES;
import static io.netimpact.cli.ReviewCommandTest.SNAPSHOT;
import static io.netimpact.cli.ReviewCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.ReviewCommandTest.Run;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netimpact baseline} and {@code review --baseline} end to end through the CLI, real
 * Spark and real Parquet: a warm review writes the tables a cold one writes, from the store's
 * network (the snapshot's files unchanged) and from the snapshot read again (its files not
 * those of the store); a stale store is refused; the baseline command's bad input exits 2.
 */
class WarmReviewCommandTest {
  static final String[] TABLES = {ReportTables.SCENARIO_SUMMARY, ReportTables.LINK_IMPACT,
      ReportTables.DEMAND_IMPACT, ReportTables.LINK_BASELINE};

  @TempDir
  static Path shared;
  static Path sampleStore;
  static Path small;
  static Path smallStore;
  /** Copies of the snapshots with one file more: another digest, the same content. */
  static Path sampleCopy;
  static Path smallCopy;

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
    try {
      sampleCopy = withANote(Path.of(SNAPSHOT), shared.resolve("sample-copy"));
      smallCopy = withANote(small, shared.resolve("small-copy"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A copy of the snapshot {@code from} with a file the reader does not read. */
  static Path withANote(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
    Files.writeString(to.resolve("NOTES.txt"), "exported by hand\n");
    return to;
  }

  @Test

  @Tag("slow")
  void warmReview_writesTheTablesOfAColdReview_forEverySampleChange() throws IOException {
    List<Path> changes;
    try (Stream<Path> files = Files.list(Path.of(CHANGES))) {
      changes = files.sorted().toList();
    }
    assertEquals(4, changes.size());
    for (Path c : changes) {
      assertWarmIsCold(SNAPSHOT, Optional.of(sampleCopy.toString()), c.toString(), sampleStore);
    }
  }

  @Test

  @Tag("slow")
  void warmReview_writesTheTablesOfAColdReview_onTheGeneratedSmallPreset() throws IOException {
    try (Stream<Path> files = Files.list(small.resolve("changes"))) {
      List<Path> changes = files.filter(p -> p.getFileName().toString().endsWith(".json")
          && !p.getFileName().toString().startsWith(".")).sorted().toList();
      assertEquals(2, changes.size(), changes.toString());
      for (Path c : changes) {
        assertWarmIsCold(small.toString(), Optional.of(smallCopy.toString()), c.toString(),
            smallStore);
      }
    }
  }

  /**
   * The cold review of {@code snapshot}, its warm review from the store's network (the fast
   * path), and with {@code sameContent} (a copy of the snapshot with other files) its warm
   * review from the snapshot read again: the same tables, and the same summary lines.
   */
  private void assertWarmIsCold(String snapshot, Optional<String> sameContent, String change,
      Path store) {
    Path cold = tmp.resolve("cold");
    Path warm = tmp.resolve("warm");
    Run c = review(snapshot, change, cold, Optional.empty());
    Run w = review(snapshot, change, warm, Optional.of(store));
    assertTrue(w.out().contains("read baseline"), "the warm review read the store: " + w.out());
    assertTrue(w.out().contains("read network") && !w.out().contains("read+validate"),
        "the snapshot's files are the store's: its network is taken: " + w.out());
    assertEquals(summary(c.out(), cold), summary(w.out(), warm), change + " summary");
    for (String t : TABLES) {
      assertSameTable(cold.resolve(t), warm.resolve(t), change + " " + t);
    }
    if (sameContent.isPresent()) {
      Path slow = tmp.resolve("slow");
      Run f = review(sameContent.get(), change, slow, Optional.of(store));
      assertTrue(f.out().contains("read+validate") && f.out().contains("read baseline")
          && !f.out().contains("read network"), "other files: the snapshot is read: " + f.out());
      for (String t : TABLES) {
        assertSameTable(warm.resolve(t), slow.resolve(t), change + " slow path " + t);
      }
    }
  }

  /** A review as JSON under run id {@code same}, cold or from {@code store}; it exits 0. */
  private static Run review(String snapshot, String change, Path out, Optional<Path> store) {
    List<String> args = new ArrayList<>(List.of("review", "--snapshot", snapshot, "--change",
        change, "--out", out.toString(), "--format", "json", "--run-id", "same"));
    store.ifPresent(s -> args.addAll(List.of("--baseline", s.toString())));
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return r;
  }

  /**
   * The summary a review printed: from its title line to its timings (not included), with the
   * output directory as {@code OUT} and the page's name (a time stamp) as {@code PAGE}.
   */
  static List<String> summary(String out, Path dir) {
    List<String> lines = out.lines().toList();
    int from = 0;
    while (from + 1 < lines.size() && !(lines.get(from).startsWith("netimpact review: ")
        && lines.get(from + 1).startsWith("snapshot "))) {
      from++;
    }
    int to = from;
    while (to < lines.size() && !lines.get(to).startsWith("timings: ")) {
      to++;
    }
    assertTrue(from + 1 < to && to < lines.size(), "a summary: " + out);
    return lines.subList(from, to).stream().map(l -> l.replace(dir.toString(), "OUT")
        .replaceAll("_runs/\\S+", "_runs/PAGE")).toList();
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

  /** A copy of the sample snapshot with {@code file} edited by {@code edit} (which changes it). */
  private Path sampleWith(String file, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path snap = tmp.resolve("snap");
    ReviewCommandTest.copyOfSample(snap);
    String text = Files.readString(snap.resolve(file));
    String changed = edit.apply(text);
    assertFalse(changed.equals(text), "the edit changes " + file);
    Files.writeString(snap.resolve(file), changed);
    return snap;
  }

  /** The sample's member-down change reviewed on {@code snap} from the sample's store. */
  private static Run warmMemberDown(Path snap, Path out) {
    return run("review", "--snapshot", snap.toString(), "--change",
        CHANGES + "safe-member-down.json", "--out", out.toString(), "--baseline",
        sampleStore.toString());
  }

  @Test
  void staleStore_isRefusedWithExit2NamingBothHashes_andWritesNothing() throws IOException {
    // One metric changed: the same snapshot id, another content.
    Path snap = sampleWith("links.jsonl", t -> t.replaceFirst("\"metric\":(\\d+)",
        "\"metric\":$1" + "7"));
    Path out = tmp.resolve("out");
    Run r = warmMemberDown(snap, out);
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
  void snapshotWithADemandVolumeChanged_isReadAgain_andRefusedAsStale() throws IOException {
    Path snap = sampleWith("demands.jsonl", t -> t.replaceFirst("\"gbps\":11.2",
        "\"gbps\":11.3"));
    Path out = tmp.resolve("out");
    Run r = warmMemberDown(snap, out);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.out().contains("reading and compiling the snapshot"), r.out());
    assertTrue(r.err().contains("stale baseline store")
        && r.err().contains("the snapshot changed since the store was written"), r.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void snapshotWithACapacityChanged_isReadAgain_andReportsTheNewCapacity() throws IOException {
    Path snap = sampleWith("links.jsonl", t -> t.lines().map(l -> l.startsWith(
        "{\"id\":\"lag-chi-den-cr1\"") ? l.replace("\"capacity_gbps\":100",
        "\"capacity_gbps\":40") : l).collect(java.util.stream.Collectors.joining("\n")));
    String change = CHANGES + "safe-member-down.json";
    Path cold = tmp.resolve("cold");
    Path warm = tmp.resolve("warm");
    Run c = review(snap.toString(), change, cold, Optional.empty());
    Run w = review(snap.toString(), change, warm, Optional.of(sampleStore));
    assertTrue(w.out().contains("read+validate") && !w.out().contains("read network"),
        "capacities are not routing content: the store holds, the snapshot is read: "
            + w.out());
    assertEquals(summary(c.out(), cold), summary(w.out(), warm));
    for (String t : TABLES) {
      assertSameTable(cold.resolve(t), warm.resolve(t), "capacity changed " + t);
    }
    List<Row> chiDen = SparkTestSession.get().read().json(warm.resolve(
        ReportTables.LINK_BASELINE).toString()).where("link_id = 'lag-chi-den-cr1'")
        .select("capacity_before_gbps").collectAsList();
    assertEquals(2, chiDen.size(), chiDen.toString());
    for (Row r : chiDen) {
      assertEquals(160.0, r.getDouble(0), "the new capacity, 4 x 40 Gbps");
    }
  }

  @Test
  void storeWithoutTheNetwork_isRead_onTheFullPath() throws IOException {
    Path old = tmp.resolve("old-store");
    try (Stream<Path> files = Files.walk(sampleStore)) {
      for (Path f : files.toList()) {
        Path t = old.resolve(sampleStore.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else if (!f.getFileName().toString().startsWith("network.kryo")
            && !f.getFileName().toString().equals(".manifest.json.crc")) {
          Files.copy(f, t);
        }
      }
    }
    Path manifest = old.resolve("manifest.json");
    String m = Files.readString(manifest);
    String former = m.replaceAll(",\\s*\"(snapshot_digest|network_bytes|network_layout)\" : "
        + "[^,}]+", "");
    assertFalse(former.contains("snapshot_digest") || former.contains("network"), former);
    Files.writeString(manifest, former);
    String change = CHANGES + "block-srlg-conduit.json";
    Path cold = tmp.resolve("cold");
    Path warm = tmp.resolve("warm");
    review(SNAPSHOT, change, cold, Optional.empty());
    Run w = review(SNAPSHOT, change, warm, Optional.of(old));
    assertTrue(w.out().contains("read+validate") && w.out().contains("read baseline")
        && !w.out().contains("digest"), "the former store is used as before: " + w.out());
    for (String t : TABLES) {
      assertSameTable(cold.resolve(t), warm.resolve(t), "former store " + t);
    }
    // Its snapshot's baseline run leaves it as it is (same snapshot id and content hash).
    Run again = run("baseline", "--snapshot", SNAPSHOT, "--out", old.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("already there"), again.out());
    assertEquals(former, Files.readString(manifest));
  }

  @Test
  void baselineOfAQuarantinedRead_storesNoNetwork_andItsReviewsReadTheSnapshot()
      throws IOException {
    Path snap = sampleWith("links.jsonl", t -> t
        + "{\"id\":\"x\",\"a\":\"nyc-cr1\",\"b\":\"ghost\",\"metric\":1,\"capacity_gbps\":1}\n");
    Path store = tmp.resolve("store");
    Run b = run("baseline", "--snapshot", snap.toString(), "--out", store.toString(),
        "--on-bad-record", "quarantine");
    assertEquals(0, b.code(), b.err());
    assertFalse(Files.exists(store.resolve("network.kryo.lz4")));
    assertFalse(Files.readString(store.resolve("manifest.json")).contains("snapshot_digest"));
    Run w = run("review", "--snapshot", snap.toString(), "--change",
        CHANGES + "safe-member-down.json", "--out", tmp.resolve("out").toString(),
        "--on-bad-record", "quarantine", "--baseline", store.toString());
    assertEquals(0, w.code(), w.err());
    assertTrue(w.out().contains("read+validate") && w.out().contains("QUARANTINED: 1 input"),
        w.out());
  }

  @Test
  void fromTheStoresNetwork_teOpsAreRefused_andUnknownIdsLocated() throws IOException {
    Path te = tmp.resolve("te.json");
    Files.writeString(te, "{\"id\": \"CR-9\", \"ops\": [{\"op\": \"lsp_down\", "
        + "\"lsp\": \"lsp-1\"}]}");
    Path out = tmp.resolve("out");
    Run r = run("review", "--snapshot", SNAPSHOT, "--change", te.toString(), "--out",
        out.toString(), "--baseline", sampleStore.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("does not support traffic engineering, and the change has TE "
        + "ops"), r.err());
    Path ghost = tmp.resolve("ghost.json");
    Files.writeString(ghost, "{\"id\": \"CR-8\", \"ops\": [{\"op\": \"link_down\", "
        + "\"link\": \"lag-nyc-core\"}, {\"op\": \"drain_device\", \"device\": \"ghost\"}]}");
    Run g = run("review", "--snapshot", SNAPSHOT, "--change", ghost.toString(), "--out",
        out.toString(), "--baseline", sampleStore.toString());
    assertEquals(2, g.code(), g.err());
    assertTrue(g.err().contains(ghost + ", ops[1], field device") && g.err().contains("ghost"),
        g.err());
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
  @Tag("slow")
  void sweepWithBaselineOut_writesAStoreThatWarmReviewsUse() {
    Path store = tmp.resolve("from-sweep");
    Run s = run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        "src/main/resources/samples/sweeps/n-1-links.json", "--out",
        tmp.resolve("sweep").toString(), "--format", "json", "--baseline-out", store.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(Files.exists(store.resolve("manifest.json")));
    assertWarmIsCold(SNAPSHOT, Optional.empty(), CHANGES + "risk-drain-core.json", store);
  }
}
