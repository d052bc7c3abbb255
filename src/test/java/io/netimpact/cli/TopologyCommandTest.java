package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.SnapshotReader;
import io.netimpact.input.SweepReader;
import io.netimpact.report.TopologyTables;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.NetworkView;
import io.netimpact.spark.SparkTopology;
import io.netimpact.testing.After;
import io.netimpact.testing.PublishedRuns;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import io.netimpact.topology.Components;
import io.netimpact.topology.SinglePoints;
import io.netimpact.topology.Stranding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology command and the sweep's scenario_topology, checked against plain Java. */
class TopologyCommandTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private static Snapshot sample() {
    return new SnapshotReader(new Configuration())
        .read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL).snapshot();
  }

  @Test

  @Tag("slow")
  void graphxComponents_agreeWithUnionFind_onRandomNetworksBeforeAndAfterChanges() {
    for (long seed = 1; seed <= 6; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 30, 28, 20);
      Network before = NetworkCompiler.compile(s);
      MaskedView after = After.of(before, RandomNetworks.change(seed, s));
      for (NetworkView n : List.<NetworkView>of(before, after)) {
        assertEquals(Components.of(n), SparkTopology.components(SparkTestSession.cluster(), n),
            "seed " + seed);
      }
    }
  }

  @Test
  void topology_ofTheSample_writesGraphFramesTablesWithTheSinglePointsOfFailure() {
    Path out = tmp.resolve("topo");
    ReviewCommandTest.Run r = ReviewCommandTest.run("topology", "--snapshot", SNAPSHOT,
        "--out", out.toString(), "--format", "json", "--run-id", "t1");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("_runs/t1/_SUCCESS")));

    Network net = NetworkCompiler.compile(sample());
    SinglePoints spof = SinglePoints.of(net, BaselineLoads.of(net).load());
    var spark = SparkTestSession.get();
    List<Row> vertices = spark.read().json(out.resolve(TopologyTables.VERTICES).toString())
        .collectAsList();
    List<Row> edges = spark.read().json(out.resolve(TopologyTables.EDGES).toString())
        .collectAsList();
    assertEquals(Set.of(TopologyTables.VERTICES_SCHEMA.fieldNames()),
        Set.of(spark.read().json(out.resolve(TopologyTables.VERTICES).toString()).columns()));
    assertEquals(net.nodeCount(), vertices.size());
    assertEquals(net.linkCount(), edges.size());

    Set<String> ids = vertices.stream().map(v -> (String) v.getAs("id"))
        .collect(Collectors.toSet());
    for (Row e : edges) {
      assertTrue(ids.contains((String) e.getAs("src")) && ids.contains((String) e.getAs("dst")),
          "every edge joins two vertices, as GraphFrame requires: " + e);
    }
    Set<String> bridges = edges.stream().filter(e -> e.<Boolean>getAs("bridge"))
        .map(e -> (String) e.getAs("link_id")).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>();
    for (int l = 0; l < net.linkCount(); l++) {
      if (spof.bridge()[l]) {
        expected.add(net.linkId(l));
      }
    }
    assertEquals(expected, bridges);
    Set<String> cuts = vertices.stream().filter(v -> v.<Boolean>getAs("articulation_point"))
        .map(v -> (String) v.getAs("id")).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedCuts = new TreeSet<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      if (spof.articulationPoint()[v]) {
        expectedCuts.add(net.nodeId(v));
      }
    }
    assertEquals(expectedCuts, cuts);
    long mainSize = Components.of(net).ranked(net).sizes()[0];
    assertTrue(vertices.stream().anyMatch(v -> v.<Long>getAs("component") == 0
        && v.<Long>getAs("component_size") == mainSize));
    assertTrue(r.out().contains("bridge"), r.out());
  }

  @Test
  @Tag("slow")
  void sweep_writesOneScenarioTopologyRowPerScenario_matchingPlainJavaStranding()
      throws java.io.IOException {
    Path out = tmp.resolve("sweep");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep",
        NIGHTLY, "--out", out.toString(), "--format", "json", "--run-id", "n1");
    assertEquals(0, r.code(), r.err());
    Snapshot snap = sample();
    Network base = NetworkCompiler.compile(snap);
    List<Change> scenarios = SweepReader.read(NIGHTLY, new Configuration()).expand(snap);
    Map<String, Stranding> expected = scenarios.stream().collect(Collectors.toMap(Change::id,
        c -> Stranding.between(base, After.of(base, c))));
    var spark = SparkTestSession.get();
    List<Row> rows = spark.read().json(out.resolve(TopologyTables.SCENARIO_TOPOLOGY).toString())
        .collectAsList();
    assertEquals(scenarios.size(), rows.size());
    boolean someStranded = false;
    for (Row row : rows) {
      Stranding e = expected.get((String) row.getAs("scenario_id"));
      assertArrayEquals(new long[] {e.componentsBefore(), e.componentsAfter(),
          e.strandedDevices(), e.strandedDemands()}, new long[] {row.getAs("components_before"),
          row.getAs("components_after"), row.getAs("stranded_devices"),
          row.getAs("stranded_demands")}, row.toString());
      assertEquals(e.strandedGbps(), row.<Double>getAs("stranded_gbps"), 1e-9);
      assertEquals("n1", row.getAs("run_id"));
      someStranded |= e.strandedDemands() > 0;
    }
    assertTrue(someStranded, "the sample's site failures strand some demand");
    assertTrue(Files.exists(out.resolve(TopologyTables.VERTICES).resolve("run_id=n1")));
    assertTrue(Files.exists(PublishedRuns.page(out, "n1")));
  }

  @Test
  void graphxComponents_agreeWithUnionFind_onTheSampleWithALinkDown() {
    Network net = NetworkCompiler.compile(sample());
    MaskedView after = After.of(net, new Change("x", "", List.of(
        new ChangeOp.SetLinkUp(net.linkId(0), false))));
    assertEquals(Components.of(after), SparkTopology.components(SparkTestSession.cluster(), after));
  }
}
