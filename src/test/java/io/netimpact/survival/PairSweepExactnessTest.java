package io.netimpact.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.cli.ReviewCommandTest;
import io.netimpact.importer.RealData;
import io.netimpact.input.Json;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.report.ReportTables;
import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReportTablesDiff;
import io.netimpact.report.TopologyTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pair generator gives exactly the rows of the same pairs listed as explicit two-op changes
 * (contract section 7.3): on the sample backbone, its TE variant, random networks (LAGs,
 * min-links, SRLGs, drains, parallel links) and a real network when present.
 */
class PairSweepExactnessTest {
  static final String BACKBONE = "src/main/resources/samples/backbone";
  static final String BACKBONE_TE = "src/main/resources/samples/backbone-te";

  @TempDir
  Path tmp;

  @Test
  @Tag("slow")
  void pairSweep_equalsExplicitTwoOpChanges_onTheBackbone_everyRowWithAllRows()
      throws IOException {
    assertPairsExact(BACKBONE, List.of("srlg", "site"), Map.of(), "bb");
  }

  @Test

  @Tag("slow")
  void pairSweep_equalsExplicitTwoOpChanges_withTrafficEngineering() throws IOException {
    assertPairsExact(BACKBONE_TE, List.of("srlg", "device"), Map.of("site", "chi"), "te");
  }

  @Test

  @Tag("slow")
  void pairSweep_equalsExplicitTwoOpChanges_onRandomNetworks() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 6 + (int) seed, 9 + 2 * (int) seed, 30);
      Path dir = tmp.resolve("random-" + seed);
      SnapshotWriter.write(s, dir.toString(), new Configuration());
      assertPairsExact(dir.toString(), List.of("link", "srlg", "device", "site"), Map.of(),
          "r" + seed);
    }
  }

  @Test

  @Tag("slow")
  void pairSweep_deviceFiltersApplyToTheDevicesOfThePairs() throws IOException {
    assertPairsExact(BACKBONE, List.of("device", "srlg"), Map.of("role", "core",
        "region", "us-east"), "roles");
  }

  @Test

  @Tag("slow")
  void pairSweep_equalsExplicitTwoOpChanges_onARealNetwork() throws IOException {
    Path graph = RealData.of("repetita/topologyzoo_invcap/Geant2009.graph");
    Path demands = RealData.of("repetita/topologyzoo_invcap/Geant2009.0000.demands");
    Path snap = tmp.resolve("geant");
    ReviewCommandTest.Run imp = ReviewCommandTest.run("import", "--from", "repetita", "--in",
        graph.toString(), demands.toString(), "--out", snap.toString());
    assertEquals(0, imp.code(), imp.err());
    assertPairsExact(snap.toString(), List.of("srlg", "device"), Map.of(), "geant");
  }

  @Test

  @Tag("slow")
  void withoutAllRows_onlyPairsThatAreNotSafeAreListed_andTheMarkerCountsEveryPair()
      throws IOException {
    Path sweep = pairSweep(List.of("link"), Map.of(), "listed");
    Path snap = tmp.resolve("random-listed");
    SnapshotWriter.write(RandomNetworks.snapshot(11, 9, 16, 40), snap.toString(),
        new Configuration());
    Path all = tmp.resolve("all");
    Path listed = tmp.resolve("listed");
    run("sweep", "--snapshot", snap.toString(), "--sweep", sweep.toString(), "--out",
        all.toString(), "--format", "json", "--all-rows");
    ReviewCommandTest.Run r = run("sweep", "--snapshot", snap.toString(), "--sweep",
        sweep.toString(), "--out", listed.toString(), "--format", "json");
    Map<String, Row> every = ReportTablesDiff.rows(all, ReportTables.SCENARIO_SUMMARY,
        "scenario_id");
    Set<String> notSafe = every.entrySet().stream()
        .filter(e -> !"SAFE".equals(e.getValue().getAs("verdict")))
        .map(e -> e.getKey().substring(0, e.getKey().length() - 1))
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(!notSafe.isEmpty() && notSafe.size() < every.size(),
        "the network has both SAFE and unsafe pairs: " + notSafe.size() + " of " + every.size());
    java.util.function.Predicate<String> ofNotSafe = k -> notSafe.contains(k.split("\\|")[0]);
    ReportTablesDiff.assertSameRows(every, ReportTablesDiff.rows(listed,
        ReportTables.SCENARIO_SUMMARY, "scenario_id"), ofNotSafe, "scenario_summary");
    ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(all, ReportTables.LINK_IMPACT,
        "scenario_id", "link_id", "from_device"), ReportTablesDiff.rows(listed,
        ReportTables.LINK_IMPACT, "scenario_id", "link_id", "from_device"), ofNotSafe,
        "link_impact");
    ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(all, ReportTables.DEMAND_IMPACT,
        "scenario_id", "src", "dst"), ReportTablesDiff.rows(listed, ReportTables.DEMAND_IMPACT,
        "scenario_id", "src", "dst"), ofNotSafe, "demand_impact");
    // link_worst_case covers every pair, listed or not.
    ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(all, ReportTables.LINK_WORST_CASE,
        "link_id", "from_device"), ReportTablesDiff.rows(listed, ReportTables.LINK_WORST_CASE,
        "link_id", "from_device"), k -> true, "link_worst_case");
    long block = every.values().stream().filter(x -> "BLOCK".equals(x.getAs("verdict")))
        .count();
    long risk = every.values().stream().filter(x -> "RISK".equals(x.getAs("verdict"))).count();
    long safe = every.size() - block - risk;
    assertTrue(r.out().contains(String.format("pairs of failures: %d (%d BLOCK, %d RISK, %d "
        + "SAFE)", every.size(), block, risk, safe)), r.out());
    JsonNode marker = Json.MAPPER.readTree(listed.resolve("_runs/listed/_SUCCESS").toFile());
    assertEquals(block, marker.path("pairs").path("BLOCK").asLong(), marker.toString());
    assertEquals(risk, marker.path("pairs").path("RISK").asLong(), marker.toString());
    assertEquals(safe, marker.path("pairs").path("SAFE").asLong(), marker.toString());
  }

  @Test
  @Tag("slow")
  void pairSweep_listsTheRowsOfExplicitChangesThatAreNotSafe_screenedOnSparkOrInFullOnTheDriver()
      throws IOException {
    long screenedSafe = 0;
    for (long seed = 4; seed <= 6; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 7 + (int) seed, 12 + 2 * (int) seed, 40);
      Path dir = tmp.resolve("screen-" + seed);
      SnapshotWriter.write(s, dir.toString(), new Configuration());
      List<String> kinds = List.of("link", "srlg", "device", "site");
      String name = "s" + seed;
      Path explicitOut = tmp.resolve(name + "-explicit-out");
      run("sweep", "--snapshot", dir.toString(), "--sweep", explicitSweep(s, kinds, Map.of(),
          name + "-explicit").toString(), "--out", explicitOut.toString(), "--format", "json");
      Map<String, Row> every = ReportTablesDiff.rows(explicitOut,
          ReportTables.SCENARIO_SUMMARY, "scenario_id");
      Set<String> notSafe = every.entrySet().stream()
          .filter(e -> !"SAFE".equals(e.getValue().getAs("verdict")))
          .map(e -> e.getKey().split("\\|")[0])
          .collect(Collectors.toCollection(TreeSet::new));
      assertTrue(!notSafe.isEmpty() && notSafe.size() < every.size(), name + ": SAFE and "
          + "unsafe pairs both: " + notSafe.size() + " of " + every.size());
      java.util.function.Predicate<String> ofNotSafe = k -> notSafe.contains(k.split("\\|")[0]);
      Path pairs = pairSweep(kinds, Map.of(), name);
      for (String where : List.of("driver", "tasks")) {
        Path out = tmp.resolve(name + "-" + where);
        ReviewCommandTest.Run r = run("sweep", "--snapshot", dir.toString(), "--sweep",
            pairs.toString(), "--out", out.toString(), "--format", "json", "--conf",
            "netimpact.local-sweep=" + where);
        // Screened where the pairs are evaluated by Spark tasks; on the driver's threads every
        // pair is evaluated in full at once.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pairs of failures "
            + "screened by their loads: (\\d+) SAFE of (\\d+)").matcher(r.out());
        assertEquals(where.equals("tasks"), m.find(), name + " " + where + ": " + r.out());
        screenedSafe += where.equals("tasks") ? Long.parseLong(m.group(1)) : 0;
        for (String[] t : new String[][] {
            {ReportTables.SCENARIO_SUMMARY, "scenario_id"},
            {ReportTables.LINK_IMPACT, "scenario_id", "link_id", "from_device"},
            {ReportTables.DEMAND_IMPACT, "scenario_id", "src", "dst"},
            {TopologyTables.SCENARIO_TOPOLOGY, "scenario_id"}}) {
          String[] key = java.util.Arrays.copyOfRange(t, 1, t.length);
          ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(explicitOut, t[0], key),
              ReportTablesDiff.rows(out, t[0], key), ofNotSafe, name + " " + where + " "
                  + t[0]);
        }
        ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(explicitOut,
            ReportTables.LINK_WORST_CASE, "link_id", "from_device"), ReportTablesDiff.rows(out,
            ReportTables.LINK_WORST_CASE, "link_id", "from_device"), k -> true,
            name + " " + where + " link_worst_case");
        JsonNode marker = Json.MAPPER.readTree(out.resolve("_runs/" + name + "/_SUCCESS")
            .toFile());
        assertEquals(every.size() - notSafe.size(), marker.path("pairs").path("SAFE").asLong(),
            name + " " + where + ": " + marker);
      }
    }
    assertTrue(screenedSafe > 0, "some pairs were screened SAFE");
  }

  /**
   * Sweeps {@code snapshot} with a pair generator of {@code kinds} ({@code --all-rows}) and
   * with the same pairs as explicit changes, and compares every
   * per-scenario table and {@code link_worst_case}.
   */
  private void assertPairsExact(String snapshot, List<String> kinds,
      Map<String, String> filters, String name) throws IOException {
    Snapshot s = new SnapshotReader(new Configuration())
        .read(snapshot, SnapshotReader.OnBadRecord.FAIL).snapshot();
    Path pairs = pairSweep(kinds, filters, name);
    Path explicit = explicitSweep(s, kinds, filters, name + "-explicit");
    Path a = tmp.resolve(name + "-pairs-out");
    Path b = tmp.resolve(name + "-explicit-out");
    run("sweep", "--snapshot", snapshot, "--sweep", pairs.toString(), "--out", a.toString(),
        "--format", "json", "--all-rows");
    run("sweep", "--snapshot", snapshot, "--sweep", explicit.toString(), "--out", b.toString(),
        "--format", "json");
    Map<String, Row> summary = ReportTablesDiff.rows(b, ReportTables.SCENARIO_SUMMARY,
        "scenario_id");
    assertTrue(summary.size() > 10, name + ": pairs made: " + summary.size());
    ReportTablesDiff.assertSameRows(summary, ReportTablesDiff.rows(a,
        ReportTables.SCENARIO_SUMMARY, "scenario_id"), k -> true, name + " scenario_summary");
    for (String[] t : new String[][] {
        {ReportTables.LINK_IMPACT, "scenario_id", "link_id", "from_device"},
        {ReportTables.DEMAND_IMPACT, "scenario_id", "src", "dst"},
        {ReportTables.LINK_WORST_CASE, "link_id", "from_device"},
        {TopologyTables.SCENARIO_TOPOLOGY, "scenario_id"},
        {ReportTables.LSP_IMPACT, "scenario_id", "lsp_id"}}) {
      String[] key = java.util.Arrays.copyOfRange(t, 1, t.length);
      ReportTablesDiff.assertSameRows(ReportTablesDiff.rows(b, t[0], key),
          ReportTablesDiff.rows(a, t[0], key), k -> true, name + " " + t[0]);
    }
  }

  private static ReviewCommandTest.Run run(String... args) {
    ReviewCommandTest.Run r = ReviewCommandTest.run(args);
    assertEquals(0, r.code(), r.err() + r.out());
    return r;
  }

  private Path pairSweep(List<String> kinds, Map<String, String> filters, String name)
      throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", name);
    ObjectNode g = root.putArray("generators").addObject();
    g.put("each", "pair");
    ArrayNode of = g.putArray("of");
    kinds.forEach(of::add);
    filters.forEach(g::put);
    Path p = tmp.resolve(name + ".json");
    Files.writeString(p, root.toString());
    return p;
  }

  /**
   * The pairs written out by hand: every single failure of the kinds (in the generators'
   * order, devices removed), then every unordered pair as an explicit change of two ops.
   */
  private Path explicitSweep(Snapshot s, List<String> kinds, Map<String, String> filters,
      String name) throws IOException {
    List<Change> singles = new java.util.ArrayList<>();
    for (String k : kinds) {
      for (Change c : Sweep.failures(List.of(Sweep.Each.valueOf(k.toUpperCase())),
          Optional.ofNullable(filters.get("role")), Optional.ofNullable(filters.get("site")),
          Optional.ofNullable(filters.get("region")), s)) {
        if (singles.stream().noneMatch(x -> x.id().equals(c.id()))) {
          singles.add(c);
        }
      }
    }
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("id", name);
    ArrayNode changes = root.putArray("changes");
    for (int i = 0; i < singles.size(); i++) {
      for (int j = i + 1; j < singles.size(); j++) {
        ObjectNode c = changes.addObject();
        c.put("id", singles.get(i).id() + "+" + singles.get(j).id());
        c.put("title", singles.get(i).title() + ", then " + singles.get(j).title());
        ArrayNode ops = c.putArray("ops");
        opJson(ops.addObject(), singles.get(i).ops().get(0));
        opJson(ops.addObject(), singles.get(j).ops().get(0));
      }
    }
    Path p = tmp.resolve(name + ".json");
    Files.writeString(p, root.toString());
    return p;
  }

  static void opJson(ObjectNode o, ChangeOp op) {
    o.put("op", op.opName());
    if (op instanceof ChangeOp.SetLinkUp l) {
      o.put("link", l.link());
    } else if (op instanceof ChangeOp.SrlgDown g) {
      o.put("srlg", g.srlg());
    } else if (op instanceof ChangeOp.RemoveDevice d) {
      o.put("device", d.device());
    } else if (op instanceof ChangeOp.SiteDown x) {
      o.put("site", x.site());
    } else {
      throw new IllegalArgumentException("not a failure: " + op);
    }
  }
}
