package io.netimpact.routes;

import java.io.Serializable;

/**
 * A destination's base DAG in the form it is kept in (a sweep's cache, the warm-review store):
 * the devices that reach the destination in settle order (increasing distance, ties by index,
 * as {@link ShortestPaths} settles them) with their distances aligned, and whether the DAG
 * stops at its horizon ({@link DestinationDag#truncated}). O(DAG) memory, against O(V) for a
 * distance array; {@link DestinationDag#of} rebuilds the DAG from it in O(V) with no sort.
 *
 * <p>The arrays are shared, not copied (do not modify); equality is by reference, as for any
 * record of arrays.
 *
 * @param destination the destination's device index
 * @param truncated   whether the DAG was cut at its horizon ({@link ShortestPaths#towardSources})
 * @param order       reached devices, nearest first (the destination first, at distance 0)
 * @param distances   {@code distances[i]} is the distance of {@code order[i]}, non-decreasing
 */
public record StoredDag(int destination, boolean truncated, int[] order, long[] distances)
    implements Serializable {
  public StoredDag {
    if (destination < 0) {
      throw new IllegalArgumentException("destination index " + destination + " is negative");
    }
    if (order.length != distances.length) {
      throw new IllegalArgumentException("destination " + destination + ": " + order.length
          + " devices but " + distances.length + " distances");
    }
    if (order.length > 0 && (order[0] != destination || distances[0] != 0)) {
      throw new IllegalArgumentException("destination " + destination + ": the settle order "
          + "starts at device " + order[0] + " (distance " + distances[0] + "), not at the "
          + "destination at distance 0");
    }
    for (int i = 1; i < distances.length; i++) {
      if (distances[i] < distances[i - 1]) {
        throw new IllegalArgumentException("destination " + destination + ": distances "
            + "decrease at position " + i + " (" + distances[i - 1] + " then " + distances[i]
            + ")");
      }
    }
  }

  /** Devices that reach the destination. */
  public int reached() {
    return order.length;
  }
}
