package io.netimpact.survival;

import io.netimpact.routing.Network;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The stubs each single failure gives back to routing (the devices of its sites that carry no
 * demand's traffic in the base network and may once the failure has happened), kept with the
 * stored N-1 results ({@code baseline --survive}) so that a warm {@code review --survive} does
 * not find them again. They depend on the network and the failure alone: finding them costs,
 * for a failure inside a site, a Dijkstra inside the site per border device of the site, for
 * every failure; given from the store, nothing.
 */
public final class StubsGivenBack {
  private StubsGivenBack() {}

  /**
   * Per failure id, the device ids of the stubs its mask gives back, ascending by device: those
   * already found in this JVM (the failures an N-1 evaluation on the driver's threads has
   * shown), the others found now on the common pool's threads. O(F x changed elements) plus,
   * per failure not yet known that reshapes a site with stubs, the site's Dijkstras.
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  public static Map<String, List<String>> of(Network base, List<String> failureIds,
      List<ScenarioMask> masks) {
    if (failureIds.size() != masks.size()) {
      throw new IllegalArgumentException(failureIds.size() + " failure ids, " + masks.size()
          + " masks");
    }
    ThreadLocal<PairEvaluator> pe = ThreadLocal.withInitial(() -> new PairEvaluator(base));
    int[][] stubs = new int[masks.size()][];
    IntStream.range(0, masks.size()).parallel().forEach(i -> {
      Optional<int[]> known = masks.get(i).knownStubsGivenBack();
      stubs[i] = known.isPresent() ? known.get() : pe.get().stubsGivenBackBy(masks.get(i));
    });
    Map<String, List<String>> out = new HashMap<>();
    for (int i = 0; i < stubs.length; i++) {
      List<String> ids = new ArrayList<>(stubs[i].length);
      for (int v : stubs[i]) {
        ids.add(base.nodeId(v));
      }
      out.put(failureIds.get(i), ids);
    }
    return out;
  }

  /**
   * Gives every mask whose failure id has stored stubs given back ({@link #of}) those stubs
   * ({@link ScenarioMask#knowStubsGivenBack}); the others are found as they are needed.
   * Returns how many masks were given theirs. O(F + the stubs listed).
   *
   * @throws IllegalArgumentException naming the failure when a stored device is unknown or no
   *     stub of {@code base}
   */
  public static int give(Network base, List<String> failureIds, List<ScenarioMask> masks,
      Map<String, List<String>> stored) {
    if (failureIds.size() != masks.size()) {
      throw new IllegalArgumentException(failureIds.size() + " failure ids, " + masks.size()
          + " masks");
    }
    int given = 0;
    for (int i = 0; i < masks.size(); i++) {
      List<String> ids = stored.get(failureIds.get(i));
      if (ids == null) {
        continue;
      }
      String failure = failureIds.get(i);
      int[] stubs = new int[ids.size()];
      for (int k = 0; k < stubs.length; k++) {
        String id = ids.get(k);
        stubs[k] = base.node(id).orElseThrow(() -> new IllegalArgumentException("failure "
            + failure + ": unknown device " + id + " among its stubs given back"));
      }
      try {
        masks.get(i).knowStubsGivenBack(base, stubs);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failure " + failureIds.get(i) + ": "
            + e.getMessage(), e);
      }
      given++;
    }
    return given;
  }
}
