package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netimpact.testing.RandomNetworks;
import org.junit.jupiter.api.Test;

/** The network is built from its parts, each of which refuses arrays that do not line up. */
class NetworkPartsTest {

  @Test
  void devicesOfMisalignedArrays_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Network.Devices(
        new String[] {"a", "b"}, new int[2], new int[2], new int[1], new String[] {""},
        new String[] {""}, new String[] {""}, new boolean[2], new boolean[2]));
  }

  @Test
  void linksMembersAndDemandsOfMisalignedArrays_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Network.Links(new String[1],
        new int[1], new int[1], new int[1], new int[1], new double[2], new boolean[1],
        new int[1]));
    assertThrows(IllegalArgumentException.class, () -> new Network.Members(new int[2],
        new String[1], new double[1], new boolean[0]));
    assertThrows(IllegalArgumentException.class, () -> new Network.Demands(new int[3],
        new int[3], new double[2], new int[1]));
  }

  @Test
  void otherDemandVolumes_keepEverythingElseOfTheParts() {
    Network net = NetworkCompiler.compile(RandomNetworks.snapshot(3, 12, 20, 30));
    double[] doubled = new double[net.demandCount()];
    for (int k = 0; k < doubled.length; k++) {
      doubled[k] = 2 * net.demandGbps(k);
    }
    Network other = net.withDemandVolumes(doubled);
    assertEquals(net.nodeCount(), other.nodeCount());
    assertEquals(net.arcCount(), other.arcCount());
    assertArrayEquals(net.destinations(), other.destinations());
    double[] before = BaselineLoads.of(net).load();
    double[] after = BaselineLoads.of(other).load();
    for (int a = 0; a < before.length; a++) {
      assertEquals(2 * before[a], after[a], 1e-9);
    }
  }
}
