package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Optional;

/**
 * The routing of a network after a change, compiled as a network of its own, so that a second
 * change can be repaired against the first one's state instead of the base's: the kernel's
 * repairs then work over what the second change moves on the destination's DAG after the
 * first, not over what both move ({@code impact.SurviveComposition}).
 *
 * <p>{@link #network} applies a change that can only lengthen paths and touches routing
 * alone (arcs switched off, metrics changed, devices drained, capacities changed; no device
 * removed, no link added, no demand changed) in the base's index space: the same devices,
 * links, arcs and demands at the same indices, the arcs it switches off unusable, its metrics
 * in place, its devices drained. Every shortest path, next hop and load of that network is
 * the base's after the change, as a {@link MaskedView} of the change shows it. Capacities are
 * the base's: the network is for routing (distances, next hops, loads, lost traffic), not for
 * utilisations. Its stubs ({@link TransitStubs}) are found on it, once.
 *
 * <p>{@link #failure} gives a failure's mask on that network: the same elements, less the arcs
 * the change has switched off already.
 */
public final class AfterChange {
  private AfterChange() {}

  /**
   * The network after {@code change}, or empty when the change removes a device, adds or
   * switches on a link, undrains a device, changes a demand or switches off one direction of a
   * link only. O(V + E + stubs of the sites of the network) (its stubs found on it).
   */
  public static Optional<Network> network(Network base, ScenarioMask change) {
    if (change.baseNodes != base.nodeCount() || change.baseLinks != base.linkCount()) {
      throw new IllegalArgumentException("mask of another network");
    }
    if (!change.isComposable() || change.removed.length > 0 || change.demands.length > 0
        || change.scales.length > 0 || change.added.count() > 0) {
      return Optional.empty();
    }
    boolean[] adminUp = base.adminUp.clone();
    boolean[] offArc = new boolean[2 * base.linkCount()];
    for (int a : change.offArcs) {
      offArc[a] = true;
    }
    for (int a : change.offArcs) {
      if (!offArc[a ^ 1]) {
        return Optional.empty();
      }
      adminUp[Network.linkOf(a)] = false;
    }
    int[] metricAb = base.metricAb.clone();
    int[] metricBa = base.metricBa.clone();
    for (int i = 0; i < change.anyMetricArcs.length; i++) {
      int a = change.anyMetricArcs[i];
      if ((a & 1) == 0) {
        metricAb[Network.linkOf(a)] = change.anyNewMetric[i];
      } else {
        metricBa[Network.linkOf(a)] = change.anyNewMetric[i];
      }
    }
    boolean[] drained = base.drained.clone();
    for (int v : change.drained) {
      drained[v] = true;
    }
    Network after = new Network(
        new Network.Devices(base.nodeIds, base.nodeSite, base.nodeRegion, base.nodeRole,
            base.sites, base.regions, base.roles, drained, base.present),
        new Network.Links(base.linkIds, base.linkA, base.linkB, metricAb, metricBa,
            base.latencyMs, adminUp, base.minLinks),
        new Network.Members(base.memberStart, base.memberIds, base.memberCap, base.memberUp),
        new Network.Srlgs(base.srlgStart, base.srlgOf, base.srlgs),
        new Network.Demands(base.demSrc, base.demDst, base.demGbps, base.demByDstStart));
    after.transitStubs();
    return Optional.of(after);
  }

  /**
   * The mask on {@code after} (made by {@link #network} from {@code base} and {@code change})
   * of the failure {@code failure} (a mask of {@code base}): the same elements, less the arcs
   * the change has switched off already. Empty when the failure drains or undrains a device,
   * changes a metric, may shorten a path, or is of another network. When the failure's stubs
   * given back on the base are known and it touches no site the change touches (an end of an
   * arc either switches off or re-weights, a device either drains or removes), they are its
   * stubs given back on {@code after} too: the sites it touches have the same devices, arcs,
   * borders and endpoints there, so the same stubs, found again on the same sub-networks.
   * O(changed elements of both).
   */
  public static Optional<ScenarioMask> failure(Network base, Network after,
      ScenarioMask change, ScenarioMask failure) {
    if (failure.baseNodes != base.nodeCount() || failure.baseLinks != base.linkCount()
        || after.nodeCount() != base.nodeCount() || after.linkCount() != base.linkCount()) {
      throw new IllegalArgumentException("mask of another network");
    }
    if (!failure.isComposable() || failure.drained.length > 0
        || failure.anyMetricArcs.length > 0 || failure.added.count() > 0) {
      return Optional.empty();
    }
    IntArrayList off = new IntArrayList(failure.offArcs.length);
    for (int a : failure.offArcs) {
      if (after.usable[Network.linkOf(a)]) {
        off.add(a);
      }
    }
    int[] offArcs = off.size() == failure.offArcs.length ? failure.offArcs : off.toIntArray();
    ScenarioMask m = new ScenarioMask(failure.baseNodes, failure.baseLinks,
        new ScenarioMask.Arcs(offArcs, failure.onArcs, failure.onMetric, failure.metricArcs,
            failure.newMetric, failure.anyMetricArcs, failure.anyNewMetric,
            failure.capacityArcs, failure.newCapacity),
        new ScenarioMask.Devices(failure.drained, failure.undrained, failure.removed),
        failure.added, new ScenarioMask.Volumes(failure.demands, failure.newGbps,
            failure.scales), true);
    int[] known = failure.returningStubs;
    if (known != null && !TransitStubs.shareSite(base, change, failure)) {
      m.returningStubs = known;
    }
    return Optional.of(m);
  }
}
