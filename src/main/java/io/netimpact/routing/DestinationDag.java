package io.netimpact.routing;

import io.netimpact.routes.StoredDag;

/**
 * The result of {@link ShortestPaths#toward}: every device's shortest distance to one
 * destination, and the devices that reach it in increasing distance (the settle order).
 * The next hops of a device are its usable arcs {@code u->v} with {@code d(u) == w + d(v)}
 * into the destination or a device that is not drained ({@link MaskedView#isNextHop}); they
 * are derived on the view the DAG was computed on, not stored.
 */
public final class DestinationDag {
  private final int destination;
  private final long[] dist;
  private final int[] order;
  private final long generation;
  private final boolean truncated;

  DestinationDag(int destination, long[] dist, int[] order, long generation, boolean truncated) {
    this.destination = destination;
    this.dist = dist;
    this.order = order;
    this.generation = generation;
    this.truncated = truncated;
  }

  /**
   * Rebuilds a DAG on {@code g} (the view of the base it was computed on) from its stored form.
   * O(V): the distance array is filled from the settle order, nothing is sorted.
   *
   * @throws IllegalArgumentException when a device index is outside {@code g}'s network or
   *     appears twice
   */
  public static DestinationDag of(MaskedView g, StoredDag s) {
    long[] dist = new long[g.base.nodeCount()];
    java.util.Arrays.fill(dist, ShortestPaths.UNREACHABLE);
    return into(g, s, dist);
  }

  /**
   * As {@link #of}, its distances written into the caller's {@code dist} (UNREACHABLE
   * everywhere on entry; shared by the DAG). O(DAG): no O(V) work.
   */
  public static DestinationDag into(MaskedView g, StoredDag s, long[] dist) {
    int n = g.base.nodeCount();
    if (s.destination() >= n) {
      throw new IllegalArgumentException("destination index " + s.destination()
          + " is outside a network of " + n + " devices");
    }
    int[] order = s.order();
    long[] d = s.distances();
    for (int i = 0; i < order.length; i++) {
      int v = order[i];
      if (v < 0 || v >= n || dist[v] != ShortestPaths.UNREACHABLE) {
        for (int k = 0; k < i; k++) {
          dist[order[k]] = ShortestPaths.UNREACHABLE;
        }
        throw new IllegalArgumentException("destination " + s.destination() + ": device index "
            + v + " at position " + i + " is " + (v < 0 || v >= n ? "outside a network of " + n
            + " devices" : "settled twice"));
      }
      dist[v] = d[i];
    }
    return new DestinationDag(s.destination(), dist, order, g.generation(), s.truncated());
  }

  /** This DAG in its stored form (shares the settle order). O(DAG). */
  public StoredDag stored() {
    long[] d = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      d[i] = dist[order[i]];
    }
    return new StoredDag(destination, truncated, order, d);
  }

  public int destination() {
    return destination;
  }

  /** Distance of {@code v} to the destination, or {@link ShortestPaths#UNREACHABLE}. */
  public long distance(int v) {
    return dist[v];
  }

  public boolean reaches(int v) {
    return dist[v] != ShortestPaths.UNREACHABLE;
  }

  /**
   * Distance of the farthest device in the DAG ({@link ShortestPaths#UNREACHABLE} when it is
   * empty). Every device nearer than this has its exact distance; a device the DAG leaves out
   * is unreachable or (a DAG from {@link ShortestPaths#towardSources}) at least this far.
   */
  public long horizon() {
    return order.length == 0 ? ShortestPaths.UNREACHABLE : dist[order[order.length - 1]];
  }

  /**
   * Whether the DAG is known to stop at its horizon ({@link ShortestPaths#towardSources}
   * stopped before the heap ran out): then every device it leaves out is at least the horizon
   * away and no source is among them. False when the DAG is complete or not known to be cut.
   */
  public boolean truncated() {
    return truncated;
  }

  /** Devices that reach the destination (the DAG's size). */
  public int reached() {
    return order.length;
  }

  /** The distances themselves, indexed by device (do not modify). */
  public long[] distances() {
    return dist;
  }

  /** Reached devices in increasing distance (do not modify). */
  public int[] order() {
    return order;
  }

  /** Fails unless {@code g} still shows the mask this DAG was computed on. */
  void checkView(MaskedView g) {
    if (g.generation() != generation) {
      throw new IllegalStateException("the view shows another mask than the one this DAG of "
          + "destination " + destination + " was computed on");
    }
  }
}
