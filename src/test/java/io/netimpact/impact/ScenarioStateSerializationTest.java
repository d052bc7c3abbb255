package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.routes.PairResult;
import io.netimpact.routes.PathsAfter;
import io.netimpact.routes.RouteChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A scenario's state crosses Java serialization (tasks, shuffles) with nothing lost. */
class ScenarioStateSerializationTest {
  @Test
  void aDenselyFilledState_holdsTheSameDeltasBitForBit_asOneFilledSparsely() throws Exception {
    SplittableRandom rnd = new SplittableRandom(11);
    int arcs = 300;
    ScenarioState sparse = new ScenarioState(5);
    ScenarioState dense = ScenarioState.dense(5, arcs);
    for (int i = 0; i < 5_000; i++) {
      int arc = rnd.nextInt(arcs / 2) * 2;
      double g = i % 7 == 0 ? 0.0 : i % 11 == 0 ? -0.0 : rnd.nextDouble() * 10 - 5;
      sparse.addLoad(arc, g);
      dense.addLoad(arc, g);
    }
    // An arc touched with nothing but zeros is kept, as the map keeps it.
    sparse.addLoad(1, 0.0);
    dense.addLoad(1, 0.0);
    // And one touched with nothing but negative zeros, which the map holds as +0.0.
    sparse.addLoad(7, -0.0);
    dense.addLoad(7, -0.0);
    sparse.addLoad(7, -0.0);
    dense.addLoad(7, -0.0);
    assertTrue(dense.delta().containsKey(7));
    assertEquals(sparse.delta().size(), dense.delta().size());
    for (var e : sparse.delta().int2DoubleEntrySet()) {
      assertSameBits(e.getDoubleValue(), dense.delta().get(e.getIntKey()));
    }
    // Read once, it is sparse: later deltas, merges and serialization see the same map.
    dense.addLoad(3, 1.25);
    sparse.addLoad(3, 1.25);
    ScenarioState other = ScenarioState.dense(5, arcs);
    other.addLoad(3, 2.0);
    ScenarioState mergedDense = dense.merge(other);
    ScenarioState alsoOther = new ScenarioState(5);
    alsoOther.addLoad(3, 2.0);
    ScenarioState mergedSparse = sparse.merge(alsoOther);
    assertEquals(mergedSparse.delta(), mergedDense.delta());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ScenarioState.dense(9, arcs));
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(0, ((ScenarioState) in.readObject()).delta().size());
    }
  }

  @Test
  void aStateWithDeltasAndRouteChanges_roundTripsEveryValueBitForBit() throws Exception {
    SplittableRandom rnd = new SplittableRandom(7);
    ScenarioState st = new ScenarioState(42);
    for (int i = 0; i < 500; i++) {
      st.addLoad(rnd.nextInt(10_000), rnd.nextDouble() * 100 - 50);
    }
    for (int p = 0; p < 30; p++) {
      // One pair's paths after, shared by its changes.
      int nodes = 1 + rnd.nextInt(12);
      PathsAfter paths = io.netimpact.testing.RandomNetworks.paths(rnd, nodes, 3, 10_000);
      List<RouteChange> changes = new ArrayList<>();
      for (int i = 0; i < rnd.nextInt(5); i++) {
        boolean rb = rnd.nextBoolean();
        boolean ra = rnd.nextBoolean();
        PathsAfter pa = ra ? paths : PathsAfter.NONE;
        int node = ra ? rnd.nextInt(nodes) : -1;
        changes.add(rnd.nextBoolean()
            ? new RouteChange(rnd.nextInt(1000), rb, ra, rb ? rnd.nextDouble() : Double.NaN,
                ra ? rnd.nextDouble() : Double.NaN, pa, node)
            : new RouteChange(rnd.nextInt(1000), rb, ra, 1.5, -0.0, pa, node, rnd.nextDouble()));
      }
      st.add(new PairResult(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(), changes));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(st);
    }
    ScenarioState back;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ScenarioState) in.readObject();
    }
    assertEquals(st.scenario(), back.scenario());
    assertEquals(st.pairs(), back.pairs());
    assertSameBits(st.lostBefore(), back.lostBefore());
    assertSameBits(st.lostAfter(), back.lostAfter());
    assertSameBits(st.newlyUnroutable(), back.newlyUnroutable());
    assertEquals(st.delta(), back.delta());
    assertEquals(st.changes().size(), back.changes().size());
    for (int i = 0; i < st.changes().size(); i++) {
      RouteChange a = st.changes().get(i);
      RouteChange b = back.changes().get(i);
      assertEquals(a.demand(), b.demand());
      assertEquals(a.routableBefore(), b.routableBefore());
      assertEquals(a.routableAfter(), b.routableAfter());
      assertSameBits(a.latencyBeforeMs(), b.latencyBeforeMs());
      assertSameBits(a.latencyAfterMs(), b.latencyAfterMs());
      assertSameBits(a.gbpsAfter(), b.gbpsAfter());
      assertArrayEquals(a.pathArcsAfter(), b.pathArcsAfter());
      assertEquals(a.pathNode(), b.pathNode());
      for (int j = 0; j < i; j++) {
        // Changes that shared their pair's paths still share one copy.
        assertEquals(a.pathsAfter() == st.changes().get(j).pathsAfter(),
            b.pathsAfter() == back.changes().get(j).pathsAfter(), "changes " + j + ", " + i);
      }
    }
    // Still mergeable after the trip.
    ScenarioState merged = back.merge(new ScenarioState(42));
    assertEquals(st.pairs(), merged.pairs());
  }

  private static void assertSameBits(double expected, double actual) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual));
  }
}
