package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.report.TopologyTables;
import io.netimpact.testing.ReportTablesDiff;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep on a local master runs on the driver's threads ({@code netimpact.local-sweep=
 * driver}, the default): it publishes the tables the same sweep gives as Spark tasks ({@code
 * tasks}), every row equal (numbers to 1e-9 relative: the states merge in another order), and
 * prints the same verdicts; with both strategies, over the sample's explicit changes and its
 * generated drains and failures of devices, links, SRLGs and sites.
 */
@Tag("slow")
class SweepOnDriverTest {
  private static final String SNAPSHOT = "src/main/resources/samples/backbone";
  private static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";

  @TempDir
  Path tmp;

  /** Every table of a sweep with the columns that key its rows. */
  private static final List<List<String>> TABLES = List.of(
      List.of(ReportTables.SCENARIO_SUMMARY, "scenario_id"),
      List.of(ReportTables.LINK_IMPACT, "scenario_id", "link_id", "from_device"),
      List.of(ReportTables.DEMAND_IMPACT, "scenario_id", "src", "dst"),
      List.of(ReportTables.LINK_BASELINE, "link_id", "from_device"),
      List.of(ReportTables.LINK_WORST_CASE, "link_id", "from_device"),
      List.of(TopologyTables.VERTICES, "id"),
      List.of(TopologyTables.EDGES, "link_id"),
      List.of(TopologyTables.SCENARIO_TOPOLOGY, "scenario_id"));

  private ReviewCommandTest.Run sweep(String sweep, String out, String where, String strategy) {
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        sweep, "--out", out, "--format", "json", "--strategy", strategy, "--conf",
        "netimpact.local-sweep=" + where);
    assertEquals(0, r.code(), r.err());
    return r;
  }

  private static String verdicts(ReviewCommandTest.Run r) {
    return r.out().lines().filter(l -> l.startsWith("verdicts: ")).findFirst().orElseThrow();
  }

  private void assertDriverEqualsTasks(String sweepFile, String name, String strategy) {
    Path tasks = tmp.resolve(name + "-tasks");
    Path driver = tmp.resolve(name + "-driver");
    ReviewCommandTest.Run t = sweep(sweepFile, tasks.toString(), "tasks", strategy);
    ReviewCommandTest.Run d = sweep(sweepFile, driver.toString(), "driver", strategy);
    assertEquals(verdicts(t), verdicts(d), name);
    assertTrue(t.out().contains("straggler ratio") && d.out().contains("straggler ratio"),
        d.out());
    for (List<String> table : TABLES) {
      String[] key = table.subList(1, table.size()).toArray(String[]::new);
      var expected = ReportTablesDiff.rows(tasks, table.get(0), key);
      assertTrue(!expected.isEmpty(), name + " " + table.get(0) + ": rows");
      ReportTablesDiff.assertSameRows(expected, ReportTablesDiff.rows(driver, table.get(0),
          key), k -> true, name + " " + strategy + " " + table.get(0));
    }
  }

  @Test
  void theNightlySample_onTheDriver_equalsItsSparkTasks_withBothStrategies() {
    assertDriverEqualsTasks(NIGHTLY, "nightly", "incremental");
    assertDriverEqualsTasks(NIGHTLY, "nightly-full", "full");
  }

  /**
   * Pairs of failures composed per destination on the driver's threads give the tables the
   * surveyed plan's Spark tasks give (SAFE pairs unlisted in both, the marker's counts equal).
   */
  @Test
  void pairsOfFailures_onTheDriver_equalTheirSparkTasks() throws java.io.IOException {
    Path pairs = tmp.resolve("pairs.json");
    java.nio.file.Files.writeString(pairs, "{\"id\": \"pairs\", \"generators\": "
        + "[{\"each\": \"pair\", \"of\": [\"link\", \"srlg\"]}]}");
    assertDriverEqualsTasks(pairs.toString(), "pairs", "incremental");
    String t = java.nio.file.Files.readString(tmp.resolve("pairs-tasks/_runs/pairs/_SUCCESS"));
    String d = java.nio.file.Files.readString(tmp.resolve("pairs-driver/_runs/pairs/_SUCCESS"));
    com.fasterxml.jackson.databind.JsonNode tm = io.netimpact.input.Json.MAPPER.readTree(t);
    com.fasterxml.jackson.databind.JsonNode dm = io.netimpact.input.Json.MAPPER.readTree(d);
    assertEquals(tm.path("pairs"), dm.path("pairs"));
    assertTrue(tm.path("pairs").path("SAFE").asLong() > 0, t);
  }
}
