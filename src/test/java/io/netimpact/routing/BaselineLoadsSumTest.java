package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.testing.RandomNetworks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one running sum of base loads, against the network routed whole in one thread. */
class BaselineLoadsSumTest {
  private static final Network NET =
      NetworkCompiler.compile(RandomNetworks.snapshot(7, 40, 70, 120));

  @Test
  void destinationsAddedOneByOne_giveTheLoadsOfTheWholeNetwork() {
    PairEvaluator pe = new PairEvaluator(NET);
    BaselineLoads.Sum sum = new BaselineLoads.Sum(NET.arcCount());
    for (int dst : NET.destinations()) {
      sum.add(pe.baselineForNow(dst));
    }
    BaselineLoads whole = BaselineLoads.of(NET);
    assertTrue(Arrays.stream(whole.load()).sum() > 0, "the random network carries traffic");
    assertArrayEquals(whole.load(), sum.load(), 1e-9);
    assertEquals(whole.lostGbps(), sum.lost(), 1e-9);
  }

  @Test
  void partsAddedDenseOrAsTheirArcs_giveTheSameSum() {
    PairEvaluator pe = new PairEvaluator(NET);
    int[] dsts = NET.destinations();
    BaselineLoads.Sum first = new BaselineLoads.Sum(NET.arcCount());
    BaselineLoads.Sum second = new BaselineLoads.Sum(NET.arcCount());
    for (int i = 0; i < dsts.length; i++) {
      (i % 2 == 0 ? first : second).add(pe.baselineForNow(dsts[i]));
    }
    BaselineLoads.Sum dense = new BaselineLoads.Sum(NET.arcCount())
        .add(first.load(), first.lost()).add(second.load(), second.lost());
    BaselineLoads.Sum sparse = new BaselineLoads.Sum(NET.arcCount());
    for (BaselineLoads.Sum part : new BaselineLoads.Sum[] {first, second}) {
      int[] arcs = java.util.stream.IntStream.range(0, NET.arcCount())
          .filter(a -> part.load()[a] != 0).toArray();
      double[] loads = Arrays.stream(arcs).mapToDouble(a -> part.load()[a]).toArray();
      sparse.add(arcs, loads, part.lost());
    }
    assertArrayEquals(dense.load(), sparse.load(), 0.0);
    assertEquals(dense.lost(), sparse.lost(), 0.0);
    assertArrayEquals(BaselineLoads.of(NET).load(), dense.load(), 1e-9);
  }

  @Test
  void aPartOfAnotherArcCount_isRefused() {
    BaselineLoads.Sum sum = new BaselineLoads.Sum(3);
    assertThrows(IllegalArgumentException.class, () -> sum.add(new double[4], 0));
  }
}
