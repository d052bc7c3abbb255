package io.netimpact.impact;

import io.netimpact.routing.EcmpRouter;
import io.netimpact.routing.Network;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed for the demands of one destination. Demands that are reachable after the
 * change are provisionally {@link DemandStatus#REROUTED}; {@link #finish} turns those whose
 * paths cross an over-capacity arc into {@link DemandStatus#AT_RISK} once the merged loads are
 * known. Keeping every changed destination's after-distances for that test cost O(V) memory
 * per destination (1.5 GB on the large preset) for a check that matters only when some arc
 * is over capacity; so the distances are derived again, for this destination only, in that
 * case alone.
 */
public final class DestinationOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int destination;
  private final List<DemandChange> changes;

  DestinationOutcome(int destination, List<DemandChange> changes) {
    this.destination = destination;
    this.changes = List.copyOf(changes);
  }

  public int destination() {
    return destination;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * Final statuses, given which arcs are over capacity after the change. O(changed demands)
   * when no arc is over; otherwise O(E log V) to derive the after-distances plus O(changed
   * demands times the DAG size).
   */
  public List<DemandChange> finish(Network after, boolean[] overAfter, boolean anyOver) {
    boolean rerouted = changes.stream().anyMatch(c -> c.status() == DemandStatus.REROUTED);
    if (!anyOver || !rerouted) {
      return changes;
    }
    EcmpRouter router = new EcmpRouter(after.nodeCount());
    router.shortestPaths(after, destination);
    long[] distAfter = router.distancesCopy();
    boolean[] visited = new boolean[after.nodeCount()];
    List<DemandChange> out = new ArrayList<>(changes.size());
    for (DemandChange c : changes) {
      if (c.status() == DemandStatus.REROUTED && EcmpRouter.anyPathCrosses(after, destination,
          distAfter, after.demandSrc(c.demand()), overAfter, visited)) {
        out.add(new DemandChange(c.demand(), DemandStatus.AT_RISK, c.latencyBeforeMs(),
            c.latencyAfterMs()));
      } else {
        out.add(c);
      }
    }
    return out;
  }
}
