package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.input.ChangeReader;
import io.netimpact.input.SnapshotReader;
import io.netimpact.verdict.DemandImpact;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The Spark path and the plain-Java path give the same reports on the same inputs. */
class SparkReviewDifferentialTest {
  static final Path SAMPLE = Path.of("src/main/resources/samples");

  @Test
  void sparkAndPlainJava_agree_onEverySampleChange() throws Exception {
    Snapshot s = new SnapshotReader(new Configuration())
        .read(SAMPLE.resolve("backbone").toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    List<Path> changes;
    try (Stream<Path> files = Files.list(SAMPLE.resolve("changes"))) {
      changes = files.sorted().toList();
    }
    assertEquals(4, changes.size());
    for (Path f : changes) {
      Change c = ChangeReader.read(f.toString(), new Configuration());
      compare(s, c);
    }
  }

  @Test
  void sparkAndPlainJava_agree_onRandomNetworksAndChanges() {
    for (long seed = 1; seed <= 25; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 6 + (int) (seed % 10), 10 + (int) (seed % 15),
          30);
      compare(s, RandomNetworks.change(seed, s));
    }
  }

  private static void compare(Snapshot s, Change c) {
    Network before = NetworkCompiler.compile(s);
    Scenario sc = new Scenario(c.id(), c.title(), ScenarioMask.of(before, c));
    ImpactReport plain = Evaluator.review("r", "s", before, sc, Evaluator.Strategy.FULL,
        Thresholds.DEFAULT);
    ImpactReport spark = SparkEvaluator.review(SparkTestSession.cluster(), "r", "s", before, sc,
        Thresholds.DEFAULT, lap -> { }, io.netimpact.impact.Overlay.NONE,
        java.util.Optional.empty(), LocalReview.DRIVER).report();
    String what = c.id() + " on " + s.info().snapshotId();
    // The driver's threads (the default on this local master) run the very tasks Spark runs,
    // over the same slices merged in the same order: the same report to the last bit.
    ImpactReport tasks = SparkEvaluator.review(SparkTestSession.cluster(), "r", "s", before, sc,
        Thresholds.DEFAULT, lap -> { }, io.netimpact.impact.Overlay.NONE,
        java.util.Optional.empty(), LocalReview.TASKS).report();
    assertEquals(tasks, spark, what + ": Spark tasks against the driver's threads");
    assertSummaryEquals(plain.summary(), spark.summary(), what);
    assertEquals(plain.links().size(), spark.links().size(), what);
    for (int i = 0; i < plain.links().size(); i++) {
      LinkImpact p = plain.links().get(i);
      LinkImpact q = spark.links().get(i);
      assertEquals(p.linkId() + p.fromDevice(), q.linkId() + q.fromDevice(), what);
      assertClose(p.loadBeforeGbps(), q.loadBeforeGbps(), what);
      assertClose(p.loadAfterGbps(), q.loadAfterGbps(), what);
      assertEquals(p.statusAfter(), q.statusAfter(), what);
    }
    List<DemandImpact> pd = plain.demands();
    List<DemandImpact> qd = spark.demands();
    assertEquals(pd.size(), qd.size(), what);
    for (int i = 0; i < pd.size(); i++) {
      assertEquals(pd.get(i).src() + pd.get(i).dst() + pd.get(i).status(),
          qd.get(i).src() + qd.get(i).dst() + qd.get(i).status(), what);
    }
  }

  private static void assertSummaryEquals(ScenarioSummary p, ScenarioSummary q, String what) {
    assertEquals(p.verdict(), q.verdict(), what);
    assertClose(p.maxUtilBefore(), q.maxUtilBefore(), what);
    assertClose(p.maxUtilAfter(), q.maxUtilAfter(), what);
    assertEquals(p.linksOverWarnAfter(), q.linksOverWarnAfter(), what);
    assertEquals(p.linksOverCapacityAfter(), q.linksOverCapacityAfter(), what);
    assertClose(p.unroutableGbpsAfter(), q.unroutableGbpsAfter(), what);
    assertClose(p.overflowGbpsAfter(), q.overflowGbpsAfter(), what);
    assertEquals(p.affectedDemands(), q.affectedDemands(), what);
  }

  private static void assertClose(double x, double y, String what) {
    assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), what);
  }
}
