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
 * known. The after distances are kept only while such demands exist, so nothing is routed
 * twice.
 */
public final class DestinationOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int destination;
  private final List<DemandChange> changes;
  private final long[] distAfter;

  DestinationOutcome(int destination, List<DemandChange> changes, long[] distAfter) {
    this.destination = destination;
    this.changes = List.copyOf(changes);
    this.distAfter = distAfter;
  }

  public int destination() {
    return destination;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * Final statuses, given which arcs are over capacity after the change. O(changed demands
   * times the DAG size) when some arc is over, O(changed demands) otherwise.
   */
  public List<DemandChange> finish(Network after, boolean[] overAfter, boolean anyOver) {
    if (!anyOver || distAfter == null) {
      return changes;
    }
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
