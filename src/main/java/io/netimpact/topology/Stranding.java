package io.netimpact.topology;

import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;

/**
 * What a change cuts off, from its before and after networks (same index space, see
 * {@link Network}).
 *
 * <p>A device is stranded when it is present after the change, was in the before network's main
 * component ({@link Components#main}: most demand) and is not in what is left of it after: the
 * after component holding most of the before main component's present devices (ties to the lower
 * label). Following the devices, not the demand, keeps a cut from promoting some small island
 * that happens to keep its own demand. Devices that were cut off already are not the change's
 * doing. A demand is stranded when its two ends
 * were connected before and are not after, including when the change removed an end device;
 * its volume is the after network's (a change may scale demands).
 *
 * <p>O(V + E α(V) + D) per change given the before components, which a sweep computes once.
 *
 * @param componentsBefore components of the usable topology before
 * @param componentsAfter  components after
 * @param strandedDevices  devices cut off from the main component by the change
 * @param strandedDemands  (src, dst) demand pairs whose ends the change disconnects
 * @param strandedGbps     their volume after the change, Gbps
 */
public record Stranding(int componentsBefore, int componentsAfter, int strandedDevices,
    int strandedDemands, double strandedGbps) implements java.io.Serializable {

  public Stranding {
    if (componentsBefore < 0 || componentsAfter < 0 || strandedDevices < 0
        || strandedDemands < 0 || !(strandedGbps >= 0) || Double.isInfinite(strandedGbps)) {
      throw new IllegalArgumentException("invalid stranding " + componentsBefore + ", "
          + componentsAfter + ", " + strandedDevices + ", " + strandedDemands + ", "
          + strandedGbps);
    }
  }

  public static Stranding between(Network before, MaskedView after) {
    return between(before, Components.of(before), after);
  }

  /** @param beforeComponents {@code Components.of(before)}, or an equal labelling (GraphX's) */
  public static Stranding between(Network before, Components beforeComponents,
      MaskedView after) {
    if (before.nodeCount() > after.nodeCount()
        || beforeComponents.label().length != before.nodeCount()) {
      throw new IllegalArgumentException("before and after networks do not share an index "
          + "space: " + before.nodeCount() + " / " + beforeComponents.label().length + " / "
          + after.nodeCount() + " devices");
    }
    Components ca = Components.of(after);
    int mainBefore = beforeComponents.main(before);
    int mainAfter = -1;
    if (mainBefore >= 0) {
      int[] kept = new int[ca.count()];
      for (int v = 0; v < before.nodeCount(); v++) {
        if (beforeComponents.of(v) == mainBefore && ca.of(v) != Components.ABSENT) {
          kept[ca.of(v)]++;
        }
      }
      for (int c = 0; c < kept.length; c++) {
        if (kept[c] > 0 && (mainAfter < 0 || kept[c] > kept[mainAfter])) {
          mainAfter = c;
        }
      }
    }
    int devices = 0;
    for (int v = 0; v < before.nodeCount(); v++) {
      if (mainBefore >= 0 && after.isPresent(v) && beforeComponents.of(v) == mainBefore
          && ca.of(v) != mainAfter) {
        devices++;
      }
    }
    int demands = 0;
    double gbps = 0;
    for (int k = 0; k < before.demandCount(); k++) {
      int s = before.demandSrc(k);
      int d = before.demandDst(k);
      boolean wasConnected = s < before.nodeCount() && d < before.nodeCount()
          && beforeComponents.connected(s, d);
      if (wasConnected && !ca.connected(s, d)) {
        demands++;
        gbps += after.demandGbps(k);
      }
    }
    return new Stranding(beforeComponents.count(), ca.count(), devices, demands, gbps);
  }
}
