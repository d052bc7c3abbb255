package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.ReviewCommandTest;
import io.netimpact.report.ReportTables;
import io.netimpact.input.SnapshotReader;
import io.netimpact.input.SweepReader;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on Spark: incremental equals full, the tables and ranking of the sweep command, bad
 * input in a sweep file.
 */
class SparkSweepTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";

  @TempDir
  Path tmp;

  private static Map<String, ImpactReport> sweep(Network base, List<Change> changes,
      Evaluator.Strategy strategy) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    {
      List<Scenario> scenarios = changes.stream().map(c -> new Scenario(c.id(), c.title(),
          ScenarioMask.of(base, c))).toList();
      SparkEvaluator.Result r = SparkEvaluator.run(SparkTestSession.cluster(), "sweep", base,
          scenarios, strategy, 4, lap -> { });
      var assembled = SparkEvaluator.assemble(jsc, r, "run", "snap", Thresholds.DEFAULT,
          (b, sc, view) -> 0);
      List<ImpactReport> reports = assembled.scenarios().map(scala.Tuple2::_1).collect();
      assembled.release();
      r.release();
      assertEquals(changes.size(), reports.size());
      return reports.stream().collect(Collectors.toMap(x -> x.summary().scenarioId(),
          Function.identity()));
    }
  }

  private static void assertStrategiesAgree(Network base, List<Change> changes) {
    Map<String, ImpactReport> inc = sweep(base, changes, Evaluator.Strategy.INCREMENTAL);
    Map<String, ImpactReport> full = sweep(base, changes, Evaluator.Strategy.FULL);
    for (Change c : changes) {
      io.netimpact.testing.ReportAssertions.assertSameReport(full.get(c.id()), inc.get(c.id()), c.id());
    }
  }

  @Test
  void incrementalEqualsFull_onTheSampleWithEveryGenerator() {
    Configuration conf = new Configuration();
    Snapshot s = new SnapshotReader(conf)
        .read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL).snapshot();
    Sweep sweep = new Sweep("all", SweepReader.read(NIGHTLY, conf).changes(), List.of(
        new Sweep.Generator(Sweep.Each.DEVICE, "drain_device", Optional.empty(),
            Optional.empty(), Optional.empty()),
        new Sweep.Generator(Sweep.Each.DEVICE, "remove_device", Optional.empty(),
            Optional.empty(), Optional.empty()),
        new Sweep.Generator(Sweep.Each.LINK, "link_down", Optional.empty(), Optional.empty(),
            Optional.empty()),
        new Sweep.Generator(Sweep.Each.SRLG, "srlg_down", Optional.empty(), Optional.empty(),
            Optional.empty()),
        new Sweep.Generator(Sweep.Each.SITE, "site_down", Optional.empty(), Optional.empty(),
            Optional.empty())));
    List<Change> changes = sweep.expand(s);
    assertEquals(1 + 32 + 32 + 66 + 2 + 8, changes.size());
    assertStrategiesAgree(NetworkCompiler.compile(s), changes);
  }

  @Test
  void incrementalEqualsFull_onRandomNetworksOnSpark() {
    for (long seed = 1; seed <= 6; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 10 + (int) seed, 20, 60);
      List<Change> changes = new ArrayList<>();
      for (int k = 0; k < 12; k++) {
        changes.add(RandomNetworks.change(seed * 1000 + k, s));
      }
      assertStrategiesAgree(NetworkCompiler.compile(s), changes);
    }
  }

  @Test
  void sweepCommand_writesOneSummaryRowPerScenarioRankedRiskiestFirst() throws IOException {
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        NIGHTLY, "--out", out.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("93 scenarios"), r.out());
    assertTrue(r.out().contains("verdicts: 9 BLOCK, 11 RISK, 73 SAFE"), r.out());
    int first = r.out().indexOf("srlg_down:conduit-i80");
    assertTrue(first > 0 && first < r.out().indexOf("CR-1001"), "BLOCK ranked above RISK");
    assertTrue(r.out().contains("straggler ratio"), r.out());
    String report = r.out().lines().filter(l -> l.startsWith("report: ")).findFirst()
        .orElseThrow();
    for (String t : List.of("scenario_summary", "link_impact", "demand_impact", "link_baseline",
        "topology_vertices", "topology_edges", "scenario_topology")) {
      assertTrue(report.contains(t), "every table the sweep wrote, " + t + ": " + report);
    }
    assertFalse(r.out().matches("(?s).*[0-9]%>.*"), "one arrow style: " + r.out());
    assertTrue(r.out().matches("(?s).*srlg_down:conduit-i80 +BLOCK .* -> .*over capacity.*"),
        r.out());
    var summary = SparkTestSession.get().read().json(out.resolve(
        ReportTables.SCENARIO_SUMMARY).toString());
    assertEquals(93, summary.count());
    assertEquals(1, summary.filter("scenario_id = 'drain_device:chi-cr2'").count());
    assertEquals(132, SparkTestSession.get().read().json(out.resolve(
        ReportTables.LINK_BASELINE).toString()).count(), "link_baseline once, every arc");
    assertTrue(Files.exists(out.resolve("_runs/nightly-2026-11-23/_SUCCESS")));
  }

  @Test
  void sweepCommand_writesEachArcsWorstCase_theMaximumOverItsScenarioRowsAndTheBaseline() {
    Path out = tmp.resolve("worst");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        NIGHTLY, "--out", out.toString(), "--format", "json", "--run-id", "w");
    assertEquals(0, r.code(), r.err());
    var spark = SparkTestSession.get();
    List<org.apache.spark.sql.Row> worst = spark.read().json(out.resolve(
        ReportTables.LINK_WORST_CASE).toString()).collectAsList();
    assertEquals(132, worst.size(), "one row per arc of the base");
    Map<String, Double> baseUtil = new java.util.HashMap<>();
    for (var b : spark.read().json(out.resolve(ReportTables.LINK_BASELINE).toString())
        .collectAsList()) {
      baseUtil.put(b.getAs("link_id") + ">" + b.getAs("from_device"), b.getAs("util_before"));
    }
    // Per arc and scenario: its link_impact row where it has one (usable there), else the
    // baseline; the worst case is the maximum.
    Map<String, Map<String, Double>> rowUtil = new java.util.HashMap<>();
    for (var l : spark.read().json(out.resolve(ReportTables.LINK_IMPACT).toString())
        .collectAsList()) {
      double cap = l.getAs("capacity_after_gbps");
      rowUtil.computeIfAbsent(l.getAs("link_id") + ">" + l.getAs("from_device"),
          k -> new java.util.HashMap<>()).put(l.getAs("scenario_id"),
          cap > 0 ? l.<Double>getAs("util_after") : -1.0);
    }
    long scenarios = spark.read().json(out.resolve(ReportTables.SCENARIO_SUMMARY).toString())
        .count();
    int overloaded = 0;
    for (var w : worst) {
      String key = w.getAs("link_id") + ">" + w.getAs("from_device");
      Map<String, Double> rows = rowUtil.getOrDefault(key, Map.of());
      double expected = rows.size() < scenarios ? baseUtil.get(key) : -1;
      for (double u : rows.values()) {
        expected = Math.max(expected, u);
      }
      assertEquals(expected, w.<Double>getAs("worst_util"), 1e-9, key);
      overloaded += w.<Double>getAs("worst_util") > 1 ? 1 : 0;
    }
    assertTrue(overloaded > 0, "the sample's SRLG cut overloads an arc");
  }

  @Test
  void sweepWithUnknownIdInAnExplicitChange_exits2AndWritesNothing() throws IOException {
    Path sweep = tmp.resolve("bad-sweep.json");
    Files.writeString(sweep, "{\"id\":\"s\",\"changes\":[{\"id\":\"c\",\"ops\":[{\"op\":"
        + "\"link_down\",\"link\":\"lag-nowhere\"}]}],\"generators\":[{\"each\":\"link\"}]}");
    Path out = tmp.resolve("bad");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        sweep.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("bad-sweep.json, changes[0].ops[0], field link"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void riskiestFirst_ordersByVerdictThenOverflowThenLoss() {
    ScenarioSummary safe = summary("a", io.netimpact.verdict.Verdict.SAFE, 0, 0);
    ScenarioSummary risk = summary("b", io.netimpact.verdict.Verdict.RISK, 0, 0);
    ScenarioSummary block1 = summary("c", io.netimpact.verdict.Verdict.BLOCK, 5, 0);
    ScenarioSummary block2 = summary("d", io.netimpact.verdict.Verdict.BLOCK, 9, 0);
    List<ScenarioSummary> l = new ArrayList<>(List.of(safe, block1, risk, block2));
    l.sort(ScenarioSummary.RISKIEST_FIRST);
    assertEquals(List.of("d", "c", "b", "a"), l.stream().map(ScenarioSummary::scenarioId)
        .toList());
  }

  private static ScenarioSummary summary(String id, io.netimpact.verdict.Verdict v,
      double overflow, double lost) {
    return new ScenarioSummary("r", "s", id, "", v, 0, 0, 0, 0, 0, lost, overflow, 0, "", "",
        lost, 0);
  }
}
