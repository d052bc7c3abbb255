package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.routing.NetworkCompiler.AfterChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network after a change ({@link AfterChange}) on the two Clos data centres of {@link
 * TransitStubsTest#twoFabrics} (racks and pod 2's leaves are stubs; each data centre is one
 * site): it routes as the base seen through the change's mask, and a failure's stubs given
 * back, carried over from the base where it shares no site with the change, are those the
 * failure's mask finds on it.
 */
class AfterChangeTest {
  private static final List<List<ChangeOp>> CHANGES = List.of(
      List.of(new ChangeOp.SetDrained("x-s11", true)),
      List.of(new ChangeOp.SetDrained("y-l02", true)),
      List.of(new ChangeOp.SetLinkUp("x-l01-s1", false), new ChangeOp.SetLinkUp("x-l01-s2",
          false)),
      List.of(new ChangeOp.SetMetric("c1-c2", 50, ChangeOp.Direction.BOTH)));

  @Test
  void networkAfterChange_hasTheDistancesOfTheBaseSeenThroughTheChange() {
    Network net = TransitStubsTest.twoFabrics().compile();
    ShortestPaths sp = new ShortestPaths(net.nodeCount());
    for (List<ChangeOp> c : CHANGES) {
      ScenarioMask cm = mask(net, c);
      Network after = AfterChange.network(net, cm).orElseThrow();
      for (int t : net.destinations()) {
        long[] viaMask = sp.toward(MaskedView.of(net, cm), t).distances().clone();
        long[] onAfter = sp.toward(MaskedView.of(after), t).distances().clone();
        assertArrayEquals(viaMask, onAfter, c + " towards " + net.nodeId(t));
      }
    }
  }

  @Test
  void failureAfterChange_carriesTheBaseStubs_onlyWhereTheyAreWhatItFindsThere() {
    Network net = TransitStubsTest.twoFabrics().compile();
    PairEvaluator pe = new PairEvaluator(net);
    int carried = 0;
    int carriedGivingBack = 0;
    int differ = 0;
    for (List<ChangeOp> c : CHANGES) {
      ScenarioMask cm = mask(net, c);
      Network after = AfterChange.network(net, cm).orElseThrow();
      PairEvaluator onAfter = new PairEvaluator(after);
      List<List<ChangeOp>> failures = new ArrayList<>();
      for (int l = 0; l < net.linkCount(); l++) {
        failures.add(List.of(new ChangeOp.SetLinkUp(net.linkId(l), false)));
      }
      // A leaf cut from both its spines: its racks carry its traffic then.
      for (String leaf : List.of("x-l01", "y-l01")) {
        failures.add(List.of(new ChangeOp.SetLinkUp(leaf + "-s1", false),
            new ChangeOp.SetLinkUp(leaf + "-s2", false)));
      }
      for (List<ChangeOp> f : failures) {
        ScenarioMask known = mask(net, f);
        int[] onBase = pe.stubsGivenBackBy(known);
        ScenarioMask fromBase = AfterChange.failure(net, after, cm, known).orElseThrow();
        ScenarioMask fresh = AfterChange.failure(net, after, cm, mask(net, f)).orElseThrow();
        assertTrue(fresh.knownStubsGivenBack().isEmpty(), "nothing known, nothing carried");
        int[] found = onAfter.stubsGivenBackBy(fresh);
        if (fromBase.knownStubsGivenBack().isPresent()) {
          assertArrayEquals(found, fromBase.knownStubsGivenBack().get(), c + " then " + f);
          carried++;
          carriedGivingBack += found.length > 0 ? 1 : 0;
        } else if (!Arrays.equals(found, onBase)) {
          differ++;
        }
        assertArrayEquals(found, onAfter.stubsGivenBackBy(fromBase), c + " then " + f
            + ": the mask's stubs on the network after");
      }
    }
    assertTrue(carried > 0 && carriedGivingBack > 0, "carried " + carried + ", giving back "
        + carriedGivingBack);
    // Where the failure shares a site with the change, the base's stubs are not its stubs
    // after the change: carrying them over there would be wrong.
    assertTrue(differ > 0, "failures whose stubs the change alters: " + differ);
  }

  @Test
  void network_isRefusedForAChangeItCannotCompileInPlace() {
    Network net = TransitStubsTest.twoFabrics().compile();
    assertTrue(AfterChange.network(net, mask(net, List.of(new ChangeOp.RemoveDevice("x-s11"))))
        .isEmpty());
    assertTrue(AfterChange.network(net, mask(net, List.of(new ChangeOp.SetMetric("c1-c2", 1,
        ChangeOp.Direction.BOTH)))).isEmpty() == !mask(net, List.of(new ChangeOp.SetMetric(
        "c1-c2", 1, ChangeOp.Direction.BOTH))).isComposable());
    assertEquals(net.linkCount(), AfterChange.network(net, mask(net, CHANGES.get(0)))
        .orElseThrow().linkCount());
  }

  private static ScenarioMask mask(Network net, List<ChangeOp> ops) {
    return ScenarioMask.of(net, new Change("c", "", ops));
  }
}
