package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netimpact.model.Snapshot;
import io.netimpact.testing.RandomNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Network#withDemands}: pairs given as arrays make the same network as the same pairs
 * compiled from demand rows, and pairs out of order are refused.
 */
class NetworkWithDemandsTest {

  @Test
  void withDemands_isTheNetworkCompiledFromTheSameDemandRows() {
    Snapshot s = RandomNetworks.snapshot(5, 14, 30, 60);
    Network compiled = NetworkCompiler.compile(s);
    Network links = NetworkCompiler.compile(new Snapshot(s.info(), s.devices(), s.links(),
        List.of()));
    int pairs = compiled.demandCount();
    int[] src = new int[pairs];
    int[] dst = new int[pairs];
    double[] gbps = new double[pairs];
    for (int k = 0; k < pairs; k++) {
      src[k] = compiled.demandSrc(k);
      dst[k] = compiled.demandDst(k);
      gbps[k] = compiled.demandGbps(k);
    }
    Network given = links.withDemands(src, dst, gbps);
    assertEquals(pairs, given.demandCount());
    assertArrayEquals(compiled.destinations(), given.destinations());
    for (int v = 0; v <= compiled.nodeCount(); v++) {
      assertEquals(compiled.demandsTo(v), given.demandsTo(v), "destination " + v);
    }
    for (int k = 0; k < pairs; k++) {
      assertEquals(compiled.demandGbps(k), given.demandGbps(k));
    }
    assertArrayEquals(BaselineLoads.of(compiled).load(), BaselineLoads.of(given).load(), 1e-9);
  }

  @Test
  void withDemands_refusesPairsOutOfOrder_repeated_orFromADeviceToItself() {
    Network links = NetworkCompiler.compile(RandomNetworks.snapshot(1, 5, 8, 0));
    double[] two = {1, 1};
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> links.withDemands(new int[] {0, 1}, new int[] {3, 2}, two));
    assertEquals("pair 1 is out of order: pairs must be distinct and ordered by destination, "
        + "then source", order.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> links.withDemands(new int[] {0, 0}, new int[] {3, 3}, two));
    assertThrows(IllegalArgumentException.class,
        () -> links.withDemands(new int[] {2}, new int[] {2}, new double[] {1}));
  }
}
