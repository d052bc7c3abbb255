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
    return between(before, Before.of(before, beforeComponents), after);
  }

  /**
   * What every change of a sweep is measured against, made once: the before network's
   * components and its main component ({@link Components#main}, O(V + D)).
   */
  public record Before(Components components, int main) implements java.io.Serializable {
    public static Before of(Network before, Components components) {
      return new Before(components, components.main(before));
    }
  }

  /**
   * The stranding of one change against {@code b}. O(V + E α(V)) for the components after,
   * then the demands of removed devices and of devices outside their component's largest piece
   * after, found from their own demands (O(their demands log); O(D) when they are more than an
   * eighth of every demand).
   */
  public static Stranding between(Network before, Before b, MaskedView after) {
    Components beforeComponents = b.components();
    if (before.nodeCount() > after.nodeCount()
        || beforeComponents.label().length != before.nodeCount()) {
      throw new IllegalArgumentException("before and after networks do not share an index "
          + "space: " + before.nodeCount() + " / " + beforeComponents.label().length + " / "
          + after.nodeCount() + " devices");
    }
    Components ca = Components.of(after);
    int[] largest = largestPieces(before.nodeCount(), beforeComponents, ca);
    int mainBefore = b.main();
    int mainAfter = mainBefore >= 0 ? largest[mainBefore] : Components.ABSENT;
    int devices = 0;
    for (int v = 0; v < before.nodeCount(); v++) {
      if (mainBefore >= 0 && after.isPresent(v) && beforeComponents.of(v) == mainBefore
          && ca.of(v) != mainAfter) {
        devices++;
      }
    }
    int demands = 0;
    double gbps = 0;
    for (int k : candidates(before, beforeComponents, ca, largest)) {
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

  /**
   * Per component of before, its largest piece after: the component after holding most of its
   * present devices (the lowest label among equals), or {@link Components#ABSENT} when none of
   * them is present after. O(V) expected.
   */
  private static int[] largestPieces(int n, Components beforeComponents, Components ca) {
    it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap pieces =
        new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
    for (int v = 0; v < n; v++) {
      int lb = beforeComponents.of(v);
      int la = ca.of(v);
      if (lb != Components.ABSENT && la != Components.ABSENT) {
        pieces.addTo(((long) lb << 32) | la, 1);
      }
    }
    int[] largest = new int[beforeComponents.count()];
    int[] size = new int[beforeComponents.count()];
    java.util.Arrays.fill(largest, Components.ABSENT);
    for (var e : pieces.long2IntEntrySet()) {
      int lb = (int) (e.getLongKey() >>> 32);
      int la = (int) e.getLongKey();
      int c = e.getIntValue();
      if (c > size[lb] || (c == size[lb] && la < largest[lb])) {
        size[lb] = c;
        largest[lb] = la;
      }
    }
    return largest;
  }

  /**
   * The demands that can be stranded, ascending (so that their volumes add up in the order of
   * a pass over every demand). Two present devices of one component before are disconnected
   * after only when the component is split and at least one of them is outside its largest
   * piece after (the piece holding most of its present devices), or when one of them was
   * removed: so the candidates are the demands of those devices, in either direction. A
   * failure that cuts off a stub router looks at that router's demands alone, not at every
   * demand of the network. Every demand when the candidates are more than an eighth of them (a
   * pass is then as cheap as sorting them). O(V) to tell, then O(their demands log), or O(D).
   */
  private static int[] candidates(Network before, Components beforeComponents,
      Components ca, int[] largest) {
    int n = before.nodeCount();
    it.unimi.dsi.fastutil.ints.IntArrayList ks = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int v = 0; v < n; v++) {
      int lb = beforeComponents.of(v);
      int la = ca.of(v);
      if (lb == Components.ABSENT || (la != Components.ABSENT && la == largest[lb])) {
        continue;
      }
      for (int k = before.demandsTo(v); k < before.demandsTo(v + 1); k++) {
        ks.add(k);
      }
      for (int k : before.demandsFrom(v)) {
        ks.add(k);
      }
      if (ks.size() > before.demandCount() / 8) {
        return java.util.stream.IntStream.range(0, before.demandCount()).toArray();
      }
    }
    int[] sorted = ks.toIntArray();
    java.util.Arrays.sort(sorted);
    return java.util.Arrays.stream(sorted).distinct().toArray();
  }
}
