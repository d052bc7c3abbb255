package io.netimpact.routing;

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

  public int destination() {
    return destination;
  }

  /**
   * A DAG kept or shipped without its O(V) distance array: the devices that reach the
   * destination in settle order and their distances, aligned, and whether it was cut at its
   * horizon. O(DAG) memory: on a network of racks (stubs) a small part of V.
   */
  public record Compact(int destination, int[] order, long[] distances, boolean truncated)
      implements java.io.Serializable {
    public Compact {
      if (order.length != distances.length) {
        throw new IllegalArgumentException("order and distances differ in length: "
            + order.length + " and " + distances.length);
      }
    }

    /** Devices that reach the destination. */
    public int reached() {
      return order.length;
    }
  }

  /** This DAG without its O(V) array. O(DAG). */
  public Compact compact() {
    long[] d = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      d[i] = dist[order[i]];
    }
    return new Compact(destination, order.clone(), d, truncated);
  }

  /**
   * The DAG of {@code c} on {@code g}, its distances written into {@code dist} (UNREACHABLE
   * everywhere on entry, and shared by the DAG). O(DAG): no O(V) work.
   */
  static DestinationDag expand(MaskedView g, Compact c, long[] dist) {
    int[] order = c.order();
    long[] d = c.distances();
    for (int i = 0; i < order.length; i++) {
      dist[order[i]] = d[i];
    }
    return new DestinationDag(c.destination(), dist, order, g.generation(), c.truncated());
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
  int[] order() {
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
