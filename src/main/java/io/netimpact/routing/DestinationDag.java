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

  /** Rebuilds a DAG from stored distances (as {@link #distances} gives them). O(V log V). */
  public static DestinationDag fromDistances(MaskedView g, int dst, long[] dist) {
    return new DestinationDag(dst, dist, ascending(dist), g.generation(), false);
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

  /**
   * Devices that reach the destination, in increasing distance (ties by index). O(V log V):
   * (distance, device) pairs packed in one long when they fit, else sorted boxed.
   */
  static int[] ascending(long[] d) {
    int n = d.length;
    int count = 0;
    boolean packable = n < (1 << 25);
    for (long x : d) {
      if (x != ShortestPaths.UNREACHABLE) {
        count++;
        packable &= x < (1L << 38);
      }
    }
    int[] order = new int[count];
    if (packable) {
      long[] keys = new long[count];
      int i = 0;
      for (int v = 0; v < n; v++) {
        if (d[v] != ShortestPaths.UNREACHABLE) {
          keys[i++] = (d[v] << 25) | v;
        }
      }
      java.util.Arrays.sort(keys);
      for (int k = 0; k < count; k++) {
        order[k] = (int) (keys[k] & ((1 << 25) - 1));
      }
      return order;
    }
    Integer[] boxed = new Integer[count];
    int i = 0;
    for (int v = 0; v < n; v++) {
      if (d[v] != ShortestPaths.UNREACHABLE) {
        boxed[i++] = v;
      }
    }
    java.util.Arrays.sort(boxed, (x, y) -> d[x] != d[y] ? Long.compare(d[x], d[y])
        : Integer.compare(x, y));
    for (int k = 0; k < count; k++) {
      order[k] = boxed[k];
    }
    return order;
  }
}
