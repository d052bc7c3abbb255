package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.MeasuredLoads;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review --loads} and {@code sweep --loads}: the drift table lists exactly the measured
 * arcs the model mispredicts, the console says how much, and bad measurements stop the run
 * before any report is written.
 */
class DriftCommandTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /** The sample's own counters with the first one tripled and the second one zeroed. */
  private Path spoiled() throws IOException {
    MeasuredLoads m = DeduceCommandTest.sampleLoads();
    List<MeasuredLoads.ArcLoad> arcs = new ArrayList<>(m.arcs());
    int first = -1;
    int second = -1;
    for (int i = 0; i < arcs.size() && second < 0; i++) {
      if (arcs.get(i).gbps() > 1) {
        if (first < 0) {
          first = i;
        } else {
          second = i;
        }
      }
    }
    MeasuredLoads.ArcLoad a = arcs.get(first);
    arcs.set(first, new MeasuredLoads.ArcLoad(a.link(), a.from(), 3 * a.gbps(), ""));
    MeasuredLoads.ArcLoad b = arcs.get(second);
    arcs.set(second, new MeasuredLoads.ArcLoad(b.link(), b.from(), 0, ""));
    return DeduceCommandTest.write(tmp.resolve("loads"), new MeasuredLoads(arcs, m.totals(),
        m.known()));
  }

  private static List<Row> drift(Path out, String runId) {
    return SparkTestSession.get().read().json(out.resolve("drift").toString())
        .where("run_id = '" + runId + "'").orderBy("ratio").collectAsList();
  }

  @Test
  void reviewWithLoads_writesTheDriftingArcs_andSaysHowMuchIsMispredicted() throws IOException {
    Path loads = spoiled();
    Path out = tmp.resolve("reports");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--change",
        ReviewCommandTest.CHANGES + "safe-member-down.json", "--out", out.toString(),
        "--format", "json", "--run-id", "d1", "--loads", loads.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("drift: 2 of "), r.out());
    assertTrue(r.out().contains("the model mispredicts"), r.out());
    List<Row> rows = drift(out, "d1");
    assertEquals(2, rows.size());
    // The tripled counter: predicted a third of the measured.
    Row tripled = rows.stream().filter(x -> !x.isNullAt(x.fieldIndex("ratio"))).findFirst()
        .orElseThrow();
    assertEquals(1.0 / 3, tripled.getDouble(tripled.fieldIndex("ratio")), 1e-9);
    Row zeroed = rows.stream().filter(x -> x.isNullAt(x.fieldIndex("ratio"))).findFirst()
        .orElseThrow();
    assertEquals(0, zeroed.getDouble(zeroed.fieldIndex("measured_gbps")));
    for (String c : List.of("run_id", "link_id", "from_device", "to_device", "predicted_gbps",
        "measured_gbps", "ratio")) {
      assertTrue(List.of(tripled.schema().fieldNames()).contains(c), c);
    }
  }

  @Test
  void sweepWithLoads_writesTheDriftTable() throws IOException {
    Path loads = spoiled();
    Path out = tmp.resolve("reports");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--sweep", TopologyCommandTest.NIGHTLY, "--out",
        out.toString(), "--format", "json", "--run-id", "s1", "--loads", loads.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("drift: 2 of "), r.out());
    assertEquals(2, drift(out, "s1").size());
  }

  @Test
  void reviewWithBadLoads_exits2_andWritesNoReport() throws IOException {
    Path loads = Files.createDirectories(tmp.resolve("bad"));
    Files.write(loads.resolve("interface_loads.jsonl"),
        List.of("{\"link\": \"nope\", \"from\": \"x\", \"gbps\": 1}"));
    Path out = tmp.resolve("reports");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        DeduceCommandTest.SNAPSHOT, "--change",
        ReviewCommandTest.CHANGES + "safe-member-down.json", "--out", out.toString(),
        "--format", "json", "--loads", loads.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("interface_loads.jsonl, line 1, field link"), r.err());
    assertFalse(Files.exists(out.resolve("scenario_summary")), "no report written");
  }
}
