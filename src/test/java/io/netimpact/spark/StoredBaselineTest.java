package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.BadInputException;
import io.netimpact.store.BaselineManifest;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.RandomSweeps;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routes.StoredDag;
import io.netimpact.testing.ReportAssertions;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored baseline through real Parquet files, and reviews made from it on Spark. */
class StoredBaselineTest {
  @TempDir
  Path tmp;

  private static Cluster cluster() {
    return SparkTestSession.cluster();
  }

  private static BaselineStore.Opened store(Network base, Path dir) {
    SparkEvaluator.storeBaseline(cluster(), base, new BaselineStore.Target(dir.toString(),
        "snap", ContentHash.of(base, BaselineManifest.VERSION), "test"), lap -> { });
    return BaselineStore.open(cluster(), dir.toString());
  }

  private static ImpactReport warm(Network base, Scenario sc, BaselineStore.Opened store) {
    return warm(base, sc, store, LocalReview.DRIVER);
  }

  private static ImpactReport warm(Network base, Scenario sc, BaselineStore.Opened store,
      LocalReview where) {
    return SparkEvaluator.review(cluster(), "r", "snap", base, sc, Thresholds.DEFAULT,
        lap -> { }, Overlay.NONE, Optional.of(store), where).report();
  }

  @Test

  @Tag("slow")
  void warmReview_isTheColdReviewAndTheFullReference_onRandomNetworksWithEveryOpKind() {
    for (long seed = 1; seed <= 8; seed++) {
      RandomSweeps rs = RandomSweeps.of(seed);
      BaselineStore.Opened store = store(rs.base(), tmp.resolve("store-" + seed));
      for (int i = 0; i < rs.scenarios().size(); i++) {
        Scenario sc = rs.scenarios().get(i);
        String what = "seed " + seed + " scenario " + i;
        ImpactReport warm = warm(rs.base(), sc, store);
        ImpactReport cold = SparkEvaluator.review(cluster(), "r", "snap", rs.base(), sc,
            Thresholds.DEFAULT, lap -> { }, Overlay.NONE, Optional.empty(), LocalReview.DRIVER)
            .report();
        ImpactReport full = Evaluator.review("r", "snap", rs.base(), sc,
            Evaluator.Strategy.FULL, Thresholds.DEFAULT);
        ReportAssertions.assertIdentical(cold, warm, what + " cold vs warm");
        assertEquals(warm(rs.base(), sc, store, LocalReview.TASKS), warm,
            what + ": warm on Spark tasks vs on the driver's threads, to the last bit");
        ReportAssertions.assertIdentical(full, warm, what + " full vs warm");
        ReportAssertions.assertIdentical(rs.reports().get(i), warm, what + " plain vs warm");
      }
    }
  }

  @Test
  void store_survivesARoundTripThroughParquet_dagForDagAndArcForArc() throws IOException {
    RandomSweeps rs = RandomSweeps.of(5);
    Network base = rs.base();
    Path dir = tmp.resolve("nested").resolve("store");
    BaselineStore.Opened store = store(base, dir);
    assertEquals("snap", store.manifest().snapshotId());
    assertEquals(base.destinations().length, store.manifest().destinations());
    assertTrue(Files.exists(dir.resolve("manifest.json")));
    try (Stream<Path> buckets = Files.list(dir.resolve("destinations"))) {
      assertEquals(store.manifest().buckets(), buckets
          .filter(p -> p.getFileName().toString().startsWith("bucket=")).count());
    }
    try (Stream<Path> siblings = Files.list(dir.getParent())) {
      assertEquals(List.of(dir), siblings.toList(), "no temporary directory left beside it");
    }
    // Spark reads the hand-written files as a table partitioned by bucket.
    var table = SparkTestSession.get().read().parquet(dir.resolve("destinations").toString());
    assertEquals(base.destinations().length, table.count());
    assertEquals(List.of("destination", "truncated", "settle_order", "distance", "bucket"),
        List.of(table.columns()));
    Map<Integer, StoredDag> read = new HashMap<>();
    for (StoredDag s : BaselineStore.destinations(cluster(), store).collect()) {
      read.put(s.destination(), s);
    }
    PairEvaluator pe = new PairEvaluator(base);
    assertEquals(base.destinations().length, read.size());
    for (int t : base.destinations()) {
      StoredDag routed = pe.route(t).stored();
      StoredDag back = read.get(t);
      assertArrayEquals(routed.order(), back.order(), "settle order of " + t);
      assertArrayEquals(routed.distances(), back.distances(), "distances of " + t);
      assertEquals(routed.truncated(), back.truncated(), "truncated flag of " + t);
      DestinationDag dag = pe.dag(back);
      assertArrayEquals(pe.route(t).distances(), dag.distances(), "rebuilt DAG of " + t);
    }
    double[] expected = BaselineLoads.of(base).load();
    double[] stored = BaselineStore.baseline(cluster(), store, base).load();
    assertEquals(expected.length, stored.length);
    for (int a = 0; a < expected.length; a++) {
      ReportAssertions.assertClose(expected[a], stored[a], "arc " + a);
    }
  }

  @Test
  void storeWithABucketMissing_isRefusedAsIncomplete() throws IOException {
    RandomSweeps rs = RandomSweeps.of(7);
    Path dir = tmp.resolve("store");
    BaselineStore.Opened store = store(rs.base(), dir);
    Path bucket = dir.resolve("destinations").resolve("bucket=0");
    try (Stream<Path> files = Files.walk(bucket)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertFalse(Files.exists(bucket));
    for (LocalReview where : LocalReview.values()) {
      BadInputException e = assertThrows(BadInputException.class,
          () -> warm(rs.base(), rs.scenarios().get(0), store, where));
      assertTrue(e.getMessage().contains("incomplete baseline store"), where + ": "
          + e.getMessage());
    }
  }

  @Test
  void sweepWithBaselineOut_writesTheStoreABaselineRunWrites() {
    RandomSweeps rs = RandomSweeps.of(3);
    Network base = rs.base();
    String hash = ContentHash.of(base, BaselineManifest.VERSION);
    Path fromSweep = tmp.resolve("from-sweep");
    SparkEvaluator.run(cluster(), "sweep", base, rs.scenarios(), Evaluator.Strategy.INCREMENTAL,
        4, lap -> { }, Optional.of(new BaselineStore.Target(fromSweep.toString(), "snap", hash,
            "sweep s"))).release();
    BaselineStore.Opened sweepStore = BaselineStore.open(cluster(), fromSweep.toString());
    assertEquals(hash, sweepStore.manifest().contentHash());
    assertEquals("sweep s", sweepStore.manifest().writtenBy());
    for (int i = 0; i < rs.scenarios().size(); i++) {
      ReportAssertions.assertIdentical(rs.reports().get(i),
          warm(base, rs.scenarios().get(i), sweepStore), "scenario " + i);
    }
  }
}
