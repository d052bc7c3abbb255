package io.netimpact.routing;

/**
 * A destination's paths below many sources kept in compact form for repeated pushes and pulls
 * (demand deduction keeps one per destination): the devices below those sources, nearest the
 * destination first, and for each its next hops as positions among the device's out-slots in
 * the view they were walked on (a core view walks only the slots between devices it does not
 * leave out), one byte each (two when a device has more than 256 such slots). Loads and weights
 * are indexed by the view's out-slot ({@link MaskedView#slotArcs} gives each slot's arc), so
 * that a device's next hops are side by side; a next hop's head is read from the view's slot
 * arrays, and its position in these paths from a device-to-position map that {@link Walker}
 * fills per call. Memory: 4 bytes a device plus one (or two) a device and one (or two) a next
 * hop, against 4 a device and 8 a next hop for {@link io.netimpact.routes.PathsAfter}; {@link
 * Walker#withHeads} adds each next hop's head as a local node (4 bytes a next hop) where memory
 * allows, which saves a push or pull two random reads a next hop.
 *
 * <p>Made by {@link DagWalk#keptBelow} on a view that adds no arcs. Immutable.
 */
public final class KeptPaths {
  /** The view's out-slots: per device where its slots start, per slot its head. */
  private final int[] slotFrom;
  private final int[] slotHead;
  /** Local node to device, nearest the destination first (every head before its tail). */
  private final int[] device;
  /** Per local node its next hops' count, then per next hop its out-slot position, aligned. */
  private final byte[] narrowCounts;
  private final byte[] narrowSlots;
  private final char[] wideCounts;
  private final char[] wideSlots;
  private final int hops;
  /**
   * Per next hop, its head's local node, where memory allows ({@link Walker#withHeads}): the
   * push and pull then read it here instead of looking it up through the view's slot heads
   * and the walker's device map. Null in the compact form.
   */
  private final int[] heads;

  KeptPaths(MaskedView g, int[] device, int[] counts, int[] slots) {
    this.slotFrom = g.slots.outFrom;
    this.slotHead = g.slots.outHeads(g.base);
    this.device = device;
    int most = 0;
    for (int c : counts) {
      most = Math.max(most, c);
    }
    for (int s : slots) {
      most = Math.max(most, s);
    }
    if (most > Character.MAX_VALUE) {
      throw new IllegalArgumentException("a device with " + most + " next hops or out-slots: "
          + "at most " + (int) Character.MAX_VALUE + " are kept");
    }
    boolean wide = most > 255;
    narrowCounts = wide ? null : narrow(counts);
    narrowSlots = wide ? null : narrow(slots);
    wideCounts = wide ? wide(counts) : null;
    wideSlots = wide ? wide(slots) : null;
    hops = slots.length;
    heads = null;
  }

  /** {@code p} with its next hops' heads as local nodes. */
  private KeptPaths(KeptPaths p, int[] heads) {
    this.slotFrom = p.slotFrom;
    this.slotHead = p.slotHead;
    this.device = p.device;
    this.narrowCounts = p.narrowCounts;
    this.narrowSlots = p.narrowSlots;
    this.wideCounts = p.wideCounts;
    this.wideSlots = p.wideSlots;
    this.hops = p.hops;
    this.heads = heads;
  }

  private static byte[] narrow(int[] a) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) a[i];
    }
    return out;
  }

  private static char[] wide(int[] a) {
    char[] out = new char[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (char) a[i];
    }
    return out;
  }

  public int nodes() {
    return device.length;
  }

  /** Next hops over all local nodes. */
  public int arcCount() {
    return hops;
  }

  /** The bytes these paths take: their arrays and headers. */
  public long bytes() {
    int width = wideSlots != null ? 2 : 1;
    return 4L * device.length + (long) width * (device.length + hops) + 3 * 16 + 32
        + (heads != null ? headBytes() : 0);
  }

  /** The bytes {@link Walker#withHeads} adds: 4 a next hop. */
  public long headBytes() {
    return 4L * hops + 16;
  }

  /** Whether the next hops' heads are kept as local nodes ({@link Walker#withHeads}). */
  public boolean hasHeads() {
    return heads != null;
  }

  private int count(int i) {
    return narrowCounts != null ? narrowCounts[i] & 0xFF : wideCounts[i];
  }

  private int slot(int j) {
    return narrowSlots != null ? narrowSlots[j] & 0xFF : wideSlots[j];
  }

  /**
   * A worker's scratch for pushing and pulling over kept paths: the device-to-position map of
   * the paths it last used, one int per device of the network, set in O(the paths' devices)
   * per call and never cleared (only the devices of the paths in hand are read). Not
   * thread-safe.
   */
  public static final class Walker {
    private final int[] local;

    public Walker(Network net) {
      local = new int[net.nodeCount()];
    }

    /**
     * The push over {@code p}, per-hop ECMP as the kernel's push splits along the DAG the paths
     * were taken from ({@code EcmpPush#pushAll}): the traffic queued at each local node, {@code
     * traffic[i]}, flows towards the destination, farthest node first, each node handing what
     * it has in equal shares to its next hops; each share is added into {@code slotLoad[j]},
     * indexed by the next hop's out-slot in the view the paths were walked on (the load of arc
     * {@code slotArcs()[j]}: a device's next hops are side by side there). Traffic is left at
     * 0. O(nodes + next hops), no allocation.
     */
    public void push(KeptPaths p, double[] traffic, double[] slotLoad) {
      int[] local = p.heads != null ? null : map(p);
      int[] heads = p.heads;
      int[] start = p.slotFrom;
      int[] head = p.slotHead;
      int j = p.hops;
      for (int i = p.device.length - 1; i >= 0; i--) {
        int c = p.count(i);
        j -= c;
        double t = traffic[i];
        if (t == 0) {
          continue;
        }
        traffic[i] = 0;
        if (c == 0) {
          continue;
        }
        double share = t / c;
        int base = start[p.device[i]];
        for (int k = j; k < j + c; k++) {
          int s = base + p.slot(k);
          slotLoad[s] += share;
          traffic[heads != null ? heads[k] : local[head[s]]] += share;
        }
      }
    }

    /**
     * The transpose of {@link #push}: for every local node, the ECMP-weighted sum of the
     * weights along its paths, {@code out[i] = (1 / hops) * sum over its next hops
     * (slotWeight[slot] + out[head])} (0 for a node without next hops), the weights indexed by
     * out-slot as {@link #push}'s loads, so that {@code <push(t), y> == <t, pull(y)>}.
     * O(nodes + next hops), no allocation.
     */
    public void pull(KeptPaths p, double[] slotWeight, double[] out) {
      int[] local = p.heads != null ? null : map(p);
      int[] heads = p.heads;
      int[] start = p.slotFrom;
      int[] head = p.slotHead;
      int j = 0;
      for (int i = 0; i < p.device.length; i++) {
        int c = p.count(i);
        int base = start[p.device[i]];
        double sum = 0;
        for (int k = j; k < j + c; k++) {
          int s = base + p.slot(k);
          sum += slotWeight[s] + out[heads != null ? heads[k] : local[head[s]]];
        }
        out[i] = c == 0 ? 0 : sum / c;
        j += c;
      }
    }

    /**
     * {@code p} with each next hop's head kept as its local node (4 bytes a next hop more), so
     * that pushes and pulls over it read no slot head and no device map: the same results,
     * fewer random reads. O(nodes + next hops).
     */
    public KeptPaths withHeads(KeptPaths p) {
      if (p.heads != null) {
        return p;
      }
      int[] local = map(p);
      int[] heads = new int[p.hops];
      int j = 0;
      for (int i = 0; i < p.device.length; i++) {
        int base = p.slotFrom[p.device[i]];
        for (int c = p.count(i); c > 0; c--, j++) {
          heads[j] = local[p.slotHead[base + p.slot(j)]];
        }
      }
      return new KeptPaths(p, heads);
    }

    private int[] map(KeptPaths p) {
      int[] d = p.device;
      for (int i = 0; i < d.length; i++) {
        local[d[i]] = i;
      }
      return local;
    }
  }
}
