package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.cli.ReviewCommandTest;
import io.netimpact.input.Json;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Change;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.report.ReportTables;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.testing.PublishedRuns;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReportTablesDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review --survive} against brute force (contract section 7.2): every failure alone and
 * the change then every failure listed as explicit changes of one sweep, their severities
 * computed here from that sweep's rows (an implementation of its own), the exposure and the
 * summary columns decided here, and compared with the review's {@code survival} table and
 * {@code scenario_summary}: on the sample backbone's changes, its TE variant and random
 * networks; and the same table from a stored baseline's N-1 results (warm).
 */
class SurviveExactnessTest {
  static final String BACKBONE = "src/main/resources/samples/backbone";
  static final String CHANGES = "src/main/resources/samples/changes";

  @TempDir
  Path tmp;

  @Test
  void failuresOfTheNetwork_areTheSweepGeneratorsScenarios() {
    List<Snapshot> snaps = new ArrayList<>();
    snaps.add(new SnapshotReader(new Configuration()).read(BACKBONE,
        SnapshotReader.OnBadRecord.FAIL).snapshot());
    for (long seed = 1; seed <= 5; seed++) {
      snaps.add(RandomNetworks.snapshot(seed, 8 + (int) seed, 14, 20));
    }
    List<Sweep.Each> kinds = List.of(Sweep.Each.LINK, Sweep.Each.SRLG, Sweep.Each.DEVICE,
        Sweep.Each.SITE);
    for (Snapshot s : snaps) {
      List<String> expected = Sweep.failures(kinds, Optional.empty(), Optional.empty(),
          Optional.empty(), s).stream().map(Change::id).toList();
      assertEquals(expected, Failures.all(NetworkCompiler.compile(s), kinds).stream()
          .map(Change::id).toList(), s.info().snapshotId());
    }
  }

  @Test

  @Tag("slow")
  void survive_equalsBruteForce_onEverySampleChangeOfTheBackbone() throws IOException {
    try (var files = Files.list(Path.of(CHANGES))) {
      for (Path change : files.sorted().toList()) {
        assertSurvivalExact(BACKBONE, change, "srlg,device");
      }
    }
  }

  @Test
  @Tag("slow")
  void survive_equalsBruteForce_withTrafficEngineering() throws IOException {
    String te = "src/main/resources/samples/backbone-te";
    try (var files = Files.list(Path.of(te, "changes"))) {
      for (Path change : files.sorted().limit(1).toList()) {
        assertSurvivalExact(te, change, "srlg,site");
      }
    }
  }

  @Test

  @Tag("slow")
  void survive_equalsBruteForce_onRandomNetworks() throws IOException {
    for (long seed = 1; seed <= 2; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 6 + (int) seed, 10 + (int) seed, 30);
      Path dir = tmp.resolve("random-" + seed);
      SnapshotWriter.write(s, dir.toString(), new Configuration());
      Link l = s.links().get((int) seed % s.links().size());
      ObjectNode c = Json.MAPPER.createObjectNode();
      c.put("id", "rc-" + seed);
      ArrayNode ops = c.putArray("ops");
      ops.addObject().put("op", "drain_device").put("device", s.devices().get(1).id());
      ops.addObject().put("op", "member_down").put("link", l.id())
          .put("member", l.members().get(0).id());
      Path file = tmp.resolve("rc-" + seed + ".json");
      Files.writeString(file, c.toString());
      assertSurvivalExact(dir.toString(), file, "link,srlg,device,site");
    }
  }

  @Test
  @Tag("slow")
  void warmReview_readsTheStoredNminus1Results_andGivesTheSameTable() throws IOException {
    Path store = tmp.resolve("store");
    ReviewCommandTest.Run b = run("baseline", "--snapshot", BACKBONE, "--out", store.toString(),
        "--survive", "srlg,device");
    assertTrue(Files.exists(store.resolve("survival.json")), b.out());
    Path change = Path.of(CHANGES, "risk-drain-core.json");
    Path cold = tmp.resolve("cold");
    Path warm = tmp.resolve("warm");
    run("review", "--snapshot", BACKBONE, "--change", change.toString(), "--out",
        cold.toString(), "--format", "json", "--survive", "srlg,device");
    run("review", "--snapshot", BACKBONE, "--change", change.toString(), "--out",
        warm.toString(), "--format", "json", "--survive", "srlg,device", "--baseline",
        store.toString());
    ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(cold, ReportTables.SURVIVAL,
        "failure_id"), ReportTablesDiff.rows(warm, ReportTables.SURVIVAL, "failure_id"),
        k -> true, "survival warm vs cold");
    ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(cold, ReportTables.SCENARIO_SUMMARY,
        "scenario_id"), ReportTablesDiff.rows(warm, ReportTables.SCENARIO_SUMMARY,
        "scenario_id"), k -> true, "scenario_summary warm vs cold");
  }

  @Test
  void failOnExposed_exits3_andTheSurvivalLineIsOnTheConsoleSummaryAndPage()
      throws IOException {
    Path out = tmp.resolve("exposed");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", BACKBONE,
        "--change", Path.of(CHANGES, "risk-drain-core.json").toString(), "--out",
        out.toString(), "--survive", "srlg,device", "--fail-on", "exposed", "--run-id", "x",
        "--format", "json");
    Row s = ReportTablesDiff.rows(out, ReportTables.SCENARIO_SUMMARY, "scenario_id").values()
        .iterator().next();
    String survive = s.getAs("survive");
    assertEquals(survive.equals("EXPOSED") ? 3 : 0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("SURVIVE: " + survive), r.out());
    String text = Files.readString(PublishedRuns.file(out, "x", "summary.txt"));
    assertTrue(text.contains("SURVIVE: " + survive), text);
    String page = Files.readString(PublishedRuns.page(out, "x"));
    assertTrue(page.contains("id=\"survive\"") && page.contains("SURVIVE: " + survive), page);
    ReviewCommandTest.Run plain = ReviewCommandTest.run("review", "--snapshot", BACKBONE,
        "--change", Path.of(CHANGES, "risk-drain-core.json").toString(), "--out",
        tmp.resolve("plain").toString(), "--format", "json");
    assertEquals(0, plain.code(), plain.err());
    Row p = ReportTablesDiff.rows(tmp.resolve("plain"), ReportTables.SCENARIO_SUMMARY,
        "scenario_id").values().iterator().next();
    assertTrue(p.isNullAt(p.fieldIndex("survive")), "no survival value without --survive");
    assertTrue(!plain.out().contains("SURVIVE"), plain.out());
  }

  /**
   * Reviews {@code change} with {@code --survive kinds}, and compares with brute force: the
   * failures (the generators' scenarios but those the change takes down, decided from the
   * change's own rows) alone and after the change as explicit changes of one sweep.
   */
  private void assertSurvivalExact(String snapshot, Path changeFile, String kinds)
      throws IOException {
    assertSurvivalExact(tmp, snapshot, changeFile, kinds);
  }

  /**
   * As above, under {@code tmp}. With {@code classes.json} in {@code snapshot} the severities
   * are the class rule's (docs/classes.md), decided here from the brute-force sweep's {@code
   * class_impact} rows. Returns how many of the failures' severities (alone or with the change)
   * the class rule decides otherwise than the rule without classes.
   */
  static int assertSurvivalExact(Path tmp, String snapshot, Path changeFile, String kinds)
      throws IOException {
    JsonNode change = Json.MAPPER.readTree(changeFile.toFile());
    String cid = change.path("id").asText();
    Path out = tmp.resolve("review-" + cid + "-" + Math.abs(snapshot.hashCode()));
    run("review", "--snapshot", snapshot, "--change", changeFile.toString(), "--out",
        out.toString(), "--format", "json", "--survive", kinds);
    Snapshot s = new SnapshotReader(new Configuration()).read(snapshot,
        SnapshotReader.OnBadRecord.FAIL).snapshot();
    List<Sweep.Each> each = new ArrayList<>();
    for (String k : kinds.split(",")) {
      each.add(Sweep.Each.valueOf(k.toUpperCase()));
    }
    List<Change> all = Sweep.failures(each, Optional.empty(), Optional.empty(),
        Optional.empty(), s);
    // Brute force: the change alone, every failure alone, the change then every failure.
    ObjectNode sweep = Json.MAPPER.createObjectNode();
    sweep.put("id", "brute");
    ArrayNode cs = sweep.putArray("changes");
    ObjectNode alone = cs.addObject();
    alone.put("id", "C");
    alone.set("ops", change.path("ops"));
    for (Change f : all) {
      ObjectNode a = cs.addObject();
      a.put("id", "F:" + f.id());
      PairSweepExactnessTest.opJson(a.putArray("ops").addObject(), f.ops().get(0));
      ObjectNode w = cs.addObject();
      w.put("id", "W:" + f.id());
      ArrayNode ops = w.putArray("ops");
      change.path("ops").forEach(ops::add);
      PairSweepExactnessTest.opJson(ops.addObject(), f.ops().get(0));
    }
    Path sweepFile = tmp.resolve("brute-" + cid + ".json");
    Files.writeString(sweepFile, sweep.toString());
    Path brute = tmp.resolve("brute-" + cid + "-" + Math.abs(snapshot.hashCode()));
    run("sweep", "--snapshot", snapshot, "--sweep", sweepFile.toString(), "--out",
        brute.toString(), "--format", "json");
    Map<String, Row> sum = ReportTablesDiff.rows(brute, ReportTables.SCENARIO_SUMMARY,
        "scenario_id");
    Map<String, List<Row>> links = new LinkedHashMap<>();
    for (Row r : ReportTablesDiff.rows(brute, ReportTables.LINK_IMPACT, "scenario_id",
        "link_id", "from_device").values()) {
      links.computeIfAbsent(r.getAs("scenario_id"), k -> new ArrayList<>()).add(r);
    }
    Optional<Set<String>> protectedClasses = protectedClasses(Path.of(snapshot));
    Map<String, List<Row>> classRows = new LinkedHashMap<>();
    if (protectedClasses.isPresent() && Files.isDirectory(brute.resolve(
        io.netimpact.report.ClassTable.CLASS_IMPACT))) {
      for (Row r : ReportTablesDiff.rows(brute, io.netimpact.report.ClassTable.CLASS_IMPACT,
          "scenario_id", "link_id", "from_device", "class").values()) {
        classRows.computeIfAbsent(r.getAs("scenario_id"), k -> new ArrayList<>()).add(r);
      }
    }
    int[] differs = {0};
    java.util.function.Function<String, String> judge = id -> {
      Row summaryRow = sum.get(id + "|");
      List<Row> linkRows = links.getOrDefault(id, List.of());
      String plain = severity(summaryRow, linkRows);
      if (protectedClasses.isEmpty()) {
        return plain;
      }
      String classed = classSeverity(summaryRow, linkRows, classRows.getOrDefault(id,
          List.of()), protectedClasses.get());
      differs[0] += classed.equals(plain) ? 0 : 1;
      return classed;
    };
    // Taken down by the change: its links DOWN after and not before.
    Set<String> downByChange = new HashSet<>();
    for (Row r : links.getOrDefault("C", List.of())) {
      if ("DOWN".equals(r.getAs("status_after")) && !"DOWN".equals(r.getAs("status_before"))) {
        downByChange.add(r.getAs("link_id"));
      }
    }
    Set<String> named = new HashSet<>();
    change.path("ops").forEach(op -> op.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("op") && e.getValue().isTextual()) {
        named.add(op.path("op").asText() + ":" + e.getValue().asText());
      }
    }));
    String sevC = judge.apply("C");
    Map<String, Row> expected = new java.util.TreeMap<>();
    int evaluated = 0;
    String exposing = null;
    int exposingRank = -1;
    double exposingUtil = -1;
    boolean anyBlock = false;
    for (Change f : all) {
      if (named.contains(f.id()) || takenDown(f, s, downByChange)) {
        continue;
      }
      evaluated++;
      Row without = sum.get("F:" + f.id() + "|");
      Row with = sum.get("W:" + f.id() + "|");
      String sw = judge.apply("F:" + f.id());
      String sc = judge.apply("W:" + f.id());
      boolean exposed = rank(sc) > rank(sw) && rank(sc) > rank(sevC);
      if (sc.equals("SAFE") && !exposed) {
        continue;
      }
      String wl = with.getAs("worst_link_id");
      expected.put(f.id() + "|", org.apache.spark.sql.RowFactory.create(f.id(), sw, sc,
          (double) without.getAs("max_util_after"), (double) with.getAs("max_util_after"),
          wl == null || wl.isEmpty() ? null : wl, (double) without.getAs("stranded_gbps_after"),
          (double) with.getAs("stranded_gbps_after"), exposed));
      double u = with.getAs("max_util_after");
      if (exposed && (rank(sc) > exposingRank || (rank(sc) == exposingRank
          && u > exposingUtil))) {
        exposing = f.id();
        exposingRank = rank(sc);
        exposingUtil = u;
      }
      anyBlock |= exposed && sc.equals("BLOCK");
    }
    Map<String, Row> actual = ReportTablesDiff.rows(out, ReportTables.SURVIVAL, "failure_id");
    assertEquals(expected.keySet(), actual.keySet(), cid + ": the failures listed");
    String[] cols = {"failure_id", "severity_without", "severity_with", "max_util_without",
        "max_util_with", "worst_link_id_with", "stranded_gbps_without", "stranded_gbps_with",
        "exposed"};
    for (var e : expected.entrySet()) {
      Row a = actual.get(e.getKey());
      for (int i = 0; i < cols.length; i++) {
        Object x = e.getValue().get(i);
        Object y = a.getAs(cols[i]);
        if (x instanceof Double dx) {
          double dy = ((Number) y).doubleValue();
          assertTrue(Math.abs(dx - dy) <= 1e-9 * Math.max(1, Math.abs(dx)),
              cid + " " + e.getKey() + " " + cols[i] + ": " + dx + " vs " + dy);
        } else {
          assertEquals(x, y, cid + " " + e.getKey() + " " + cols[i]);
        }
      }
      assertEquals(cid, a.getAs("scenario_id"));
    }
    Row summary = ReportTablesDiff.rows(out, ReportTables.SCENARIO_SUMMARY, "scenario_id")
        .values().iterator().next();
    String survive = exposing == null ? "HOLDS" : anyBlock ? "EXPOSED" : "WEAKENED";
    assertEquals(survive, summary.getAs("survive"), cid);
    assertEquals(exposing, summary.getAs("exposing_failure_id"), cid);
    assertEquals((long) evaluated, ((Number) summary.getAs("failures_evaluated")).longValue(),
        cid);
    return differs[0];
  }

  /** The protected classes of {@code classes.json} in {@code snapshot}; empty without it. */
  private static Optional<Set<String>> protectedClasses(Path snapshot) throws IOException {
    Path file = snapshot.resolve("classes.json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Set<String> out = new HashSet<>();
    for (JsonNode c : Json.MAPPER.readTree(file.toFile())) {
      if (c.path("protected").asBoolean(false)) {
        out.add(c.path("class").asText());
      }
    }
    return Optional.of(out);
  }

  /**
   * Severity with classes (docs/classes.md): BLOCK when traffic is newly stranded or a
   * protected class newly drops on an arc (its {@code class_impact} row drops after and not
   * before), RISK when another class newly drops or an arc is newly above warn.
   */
  private static String classSeverity(Row summary, List<Row> links, List<Row> classes,
      Set<String> protect) {
    double stranded = summary.getAs("stranded_gbps_after");
    double before = summary.getAs("unroutable_gbps_before");
    boolean warn = false;
    for (Row r : links) {
      String a = r.getAs("status_after");
      String b = r.getAs("status_before");
      warn |= (a.equals("OVER") || a.equals("WARN")) && !b.equals("OVER") && !b.equals("WARN");
    }
    boolean newProtected = false;
    boolean newOther = false;
    for (Row r : classes) {
      boolean fresh = ((Number) r.getAs("dropped_after_gbps")).doubleValue() > 0
          && ((Number) r.getAs("dropped_before_gbps")).doubleValue() == 0;
      if (fresh && protect.contains((String) r.getAs("class"))) {
        newProtected = true;
      } else if (fresh) {
        newOther = true;
      }
    }
    return stranded > before + 1e-9 || newProtected ? "BLOCK"
        : newOther || warn ? "RISK" : "SAFE";
  }

  /** Whether the change already takes down what failure {@code f} would. */
  private static boolean takenDown(Change f, Snapshot s, Set<String> downByChange) {
    var op = f.ops().get(0);
    if (op instanceof io.netimpact.model.ChangeOp.SetLinkUp l) {
      return downByChange.contains(l.link());
    }
    if (op instanceof io.netimpact.model.ChangeOp.SrlgDown g) {
      boolean any = false;
      for (Link l : s.links()) {
        if (l.srlgs().contains(g.srlg()) && usable(l)) {
          any = true;
          if (!downByChange.contains(l.id())) {
            return false;
          }
        }
      }
      return any;
    }
    return false; // the test changes remove no device
  }

  private static boolean usable(Link l) {
    return l.up() && l.members().stream().filter(m -> m.up()).count() >= l.minLinks();
  }

  /** Severity (contract 7.2) from a scenario's summary row and link rows. */
  private static String severity(Row summary, List<Row> links) {
    double stranded = summary.getAs("stranded_gbps_after");
    double before = summary.getAs("unroutable_gbps_before");
    boolean over = false;
    boolean warn = false;
    for (Row r : links) {
      String a = r.getAs("status_after");
      String b = r.getAs("status_before");
      over |= a.equals("OVER") && !b.equals("OVER");
      warn |= (a.equals("OVER") || a.equals("WARN")) && !b.equals("OVER") && !b.equals("WARN");
    }
    return stranded > before + 1e-9 || over ? "BLOCK" : warn ? "RISK" : "SAFE";
  }

  private static int rank(String severity) {
    return List.of("SAFE", "RISK", "BLOCK").indexOf(severity);
  }

  static ReviewCommandTest.Run run(String... args) {
    ReviewCommandTest.Run r = ReviewCommandTest.run(args);
    assertEquals(0, r.code(), r.err() + r.out());
    return r;
  }
}
