package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.routes.PathsAfter;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One walk per pair gives every rerouted demand the paths one walk per demand gave it, and the
 * at-risk pass over the shared paths answers as a search of each demand's own arcs would.
 */
class PathsAfterTest {
  @Test
  void theSharedPathsBelowManySources_giveEachSourceItsOwnDagArcs() {
    int checked = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Network net = NetworkCompiler.compile(RandomNetworks.snapshot(seed, 6 + (int) (seed % 12),
          10 + (int) (seed % 17), 40));
      MaskedView after = After.of(net, RandomNetworks.change(seed, RandomNetworks.snapshot(seed,
          6 + (int) (seed % 12), 10 + (int) (seed % 17), 40)));
      ShortestPaths sp = new ShortestPaths(net.nodeCount());
      DagWalk walk = new DagWalk(net.nodeCount());
      for (int t : net.destinations()) {
        DestinationDag dag = sp.toward(after, t);
        long[] d = dag.distances();
        int[] sources = new int[net.nodeCount()];
        int m = 0;
        for (int v = 0; v < net.nodeCount(); v++) {
          if (v != t && (v + seed) % 3 != 0) {
            sources[m++] = v;
          }
        }
        int[] node = new int[m];
        PathsAfter paths = walk.pathsBelow(after, t, d, sources, m, node);
        for (int i = 0; i < m; i++) {
          int[] own = walk.arcsBelow(after, t, d, sources[i]);
          Arrays.sort(own);
          assertEquals(d[sources[i]] == ShortestPaths.UNREACHABLE, node[i] < 0);
          assertArrayEquals(own, paths.arcsBelow(node[i]), "seed " + seed + " dst " + t
              + " src " + sources[i]);
          checked++;
        }
      }
    }
    assertEquals(true, checked > 2000, "sources checked: " + checked);
  }

  @Test
  void crossing_isWhetherSomeArcBelowIsFlagged_forEveryNode() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int round = 0; round < 200; round++) {
      int nodes = 1 + rnd.nextInt(15);
      PathsAfter p = RandomNetworks.paths(rnd, nodes, 4, 0);
      boolean[] flag = new boolean[p.arcCount()];
      for (int a = 0; a < flag.length; a++) {
        flag[a] = rnd.nextInt(6) == 0;
      }
      boolean[] crossing = p.crossing(a -> flag[a]);
      for (int v = 0; v < nodes; v++) {
        boolean any = false;
        for (int a : p.arcsBelow(v)) {
          any |= flag[a];
        }
        assertEquals(any, crossing[v], "round " + round + " node " + v);
      }
    }
  }

  @Test
  void aHeadAfterItsTail_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new PathsAfter(new int[] {0, 1, 1}, new int[] {5}, new int[] {1}));
  }
}
