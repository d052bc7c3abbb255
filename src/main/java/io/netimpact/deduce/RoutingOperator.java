package io.netimpact.deduce;

import io.netimpact.routes.StoredDag;
import io.netimpact.routing.DagWalk;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.KeptPaths;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ShortestPaths;
import io.netimpact.routing.TransitStubs;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The routing matrix A of a network's demand pairs (contract section 2: shortest paths, per-hop
 * ECMP), never built: column k is the share of pair k's traffic on each arc. {@link #apply}
 * pushes a volume per pair down each destination's DAG, giving the arc loads {@code A x};
 * {@link #adjoint} pulls arc weights back up the same DAGs, giving per pair the ECMP-weighted
 * sum of the weights along its paths, {@code A^T y}.
 *
 * <p>The pairs are the network's demands (their volumes are ignored), indexed as {@link
 * Network#demandSrc}. They are routed in two parts, each over its own core view ({@link
 * Network#coreView(TransitStubs.Among)}): the pairs whose ends are in different sites, and
 * those whose ends share a site. A fabric's racks may carry traffic between two devices of
 * their own site (a path from leaf to leaf through a dual-homed rack), so with all the pairs
 * together hardly a device can be left out; the pairs between sites never cross a rack, so
 * their Dijkstras, pushes and pulls leave every rack out, and a destination's Dijkstra for the
 * pairs within its site stops once those few sources, all near it, are settled. Each pair's
 * paths are those of the whole network; arcs that no pair's path crosses get no load.
 *
 * <p>A destination's DAG is walked from its pairs' sources by the kernel's {@link
 * DagWalk#keptBelow} ({@link io.netimpact.routing.NextHops}, the one enumeration of next hops)
 * into a {@link KeptPaths}: the devices below those sources, nearest the destination first,
 * each with its next hops as positions among its out-slots in the core view (4 bytes a device,
 * 1 a device and 1 a next hop), and each pair's source among them. The push and the pull ({@link
 * KeptPaths.Walker}) run over those arrays, loads and weights indexed by out-slot (mapped to and
 * from arcs once per call, O(E)). A worker keeps them for the destinations it meets
 * first while they fit in {@link #keptBudgetBytes}, so that later calls run no Dijkstra, no
 * distance test and no allocation for them; a destination whose paths do not fit keeps its DAG
 * in the compact stored form ({@link StoredDag}, 12 bytes a device) while those fit in half that
 * budget, and its paths are walked from it again on each call (no Dijkstra); the others are
 * routed again on each call.
 *
 * <p>Destinations are dealt to {@code threads} workers, each with its own shortest paths, walk
 * and one distance buffer, reset after each destination in O(its DAG) (no O(V) work per
 * destination); the two views are shared. One call is O(D (V' + E') + P + E) for D
 * destinations, the V' devices and E' next-hop arcs of their paths (both parts) and P pairs,
 * plus O(V' + E') for each destination part whose paths are not kept and O(E' log V') for each
 * whose DAG is not either; nothing is O(pairs x arcs) or O(D x V). Setting up finds each
 * part's stubs ({@link TransitStubs}). Memory: O(V + E) for the views plus O(workers x (V +
 * E)) plus what is kept, plus an int per pair.
 */
final class RoutingOperator implements LinearMap {
  /** Bytes of a kept DAG per device: its index and its distance. */
  private static final long BYTES_PER_KEPT_DEVICE = 12;

  private final Network net;
  private final int[] destinations;
  /** The pairs between sites, then (when there are any) those within a site. */
  private final Part[] parts;
  /** Per destination, how many of its pairs each part takes, by part. */
  private final int[][] partPairs;
  private final Worker[] workers;
  /** Bytes left for kept paths (the budget), and for kept DAGs (half the budget). */
  private final AtomicLong pathsBudget;
  private final AtomicLong dagBudget;
  /**
   * Per pair, its source's local node in its destination's paths of its part: the first
   * part's as it is, the second's as {@code -2 - node}; -1 when unreachable.
   */
  private final int[] pairLocal;

  /**
   * One set of pairs routed over its own core view (shared by the workers, read only): the
   * devices that can carry none of its pairs' traffic left out ({@link TransitStubs}). Kept
   * paths push loads and pull weights by the view's out-slot ({@link MaskedView#slotArcs}),
   * mapped to and from arcs once per call; {@code slotWeight} is the pull's.
   */
  private static final class Part {
    final TransitStubs.Among among;
    final MaskedView view;
    final int[] slotArc;
    final double[] slotWeight;

    Part(Network net, TransitStubs.Among among) {
      this.among = among;
      this.view = net.coreView(among);
      this.slotArc = view.slotArcs();
      this.slotWeight = new double[slotArc.length];
    }
  }

  RoutingOperator(Network pairs, int threads) {
    this(pairs, threads, keptBudgetBytes());
  }

  /**
   * With {@code keepBytes} for kept paths and half as much for kept DAGs (0: route every
   * destination on every call).
   */
  RoutingOperator(Network pairs, int threads, long keepBytes) {
    this.net = pairs;
    this.destinations = pairs.destinations();
    this.pathsBudget = new AtomicLong(keepBytes);
    this.dagBudget = new AtomicLong(keepBytes / 2);
    this.pairLocal = new int[pairs.demandCount()];
    Arrays.fill(pairLocal, -1);
    int[] within = new int[destinations.length];
    long withinPairs = 0;
    for (int i = 0; i < destinations.length; i++) {
      int d = destinations[i];
      for (int k = pairs.demandsTo(d); k < pairs.demandsTo(d + 1); k++) {
        if (TransitStubs.Among.WITHIN_A_SITE.takes(pairs, pairs.demandSrc(k), d)) {
          within[i]++;
        }
      }
      withinPairs += within[i];
    }
    this.parts = withinPairs == 0
        ? new Part[] {new Part(pairs, TransitStubs.Among.BETWEEN_SITES)}
        : new Part[] {new Part(pairs, TransitStubs.Among.BETWEEN_SITES),
            new Part(pairs, TransitStubs.Among.WITHIN_A_SITE)};
    this.partPairs = new int[parts.length][destinations.length];
    for (int i = 0; i < destinations.length; i++) {
      int d = destinations[i];
      partPairs[0][i] = pairs.demandsTo(d + 1) - pairs.demandsTo(d) - within[i];
      if (parts.length > 1) {
        partPairs[1][i] = within[i];
      }
    }
    int w = Math.max(1, Math.min(threads, destinations.length));
    this.workers = new Worker[w];
    for (int i = 0; i < w; i++) {
      workers[i] = new Worker(i);
    }
  }

  /** The bytes kept paths may take: a sixth of the heap (kept DAGs a twelfth). */
  static long keptBudgetBytes() {
    return Runtime.getRuntime().maxMemory() / 6;
  }

  Network network() {
    return net;
  }

  /**
   * How many destinations' paths or DAGs are kept between calls (after the first call): those
   * of every part with pairs to the destination.
   */
  int keptDestinations() {
    return keptWhere(false);
  }

  /** How many destinations' paths are kept as arrays (after the first call), every part's. */
  int keptPaths() {
    return keptWhere(true);
  }

  private int keptWhere(boolean pathsOnly) {
    int count = 0;
    for (Worker w : workers) {
      for (int i = w.first; i < destinations.length; i += workers.length) {
        boolean all = true;
        for (int p = 0; p < parts.length; p++) {
          all &= partPairs[p][i] == 0 || w.paths[p][i] != null
              || !pathsOnly && w.kept[p][i] != null;
        }
        count += all ? 1 : 0;
      }
    }
    return count;
  }

  /**
   * What the paths kept as arrays hold (after the first call): their bytes, devices and next
   * hops, summed over the destinations and parts.
   */
  long[] keptPathSizes() {
    long[] sizes = new long[3];
    for (Worker w : workers) {
      for (KeptPaths[] byPart : w.paths) {
        for (KeptPaths p : byPart) {
          if (p != null) {
            sizes[0] += p.bytes();
            sizes[1] += p.nodes();
            sizes[2] += p.arcCount();
          }
        }
      }
    }
    return sizes;
  }

  /** The bytes of the paths kept as arrays (after the first call). */
  long keptPathBytes() {
    return keptPathSizes()[0];
  }

  @Override
  public int rows() {
    return net.arcCount();
  }

  @Override
  public int cols() {
    return net.demandCount();
  }

  /** {@code out = A x}: the arc loads of volumes {@code x} per pair, Gbps. */
  @Override
  public void apply(double[] x, double[] out) {
    IntStream.range(0, workers.length).parallel().forEach(w -> workers[w].push(x));
    Arrays.fill(out, 0);
    for (int p = 0; p < parts.length; p++) {
      int[] slotArc = parts[p].slotArc;
      for (int j = 0; j < slotArc.length; j++) {
        double sum = 0;
        for (Worker w : workers) {
          sum += w.load[p][j];
        }
        out[slotArc[j]] += sum;
      }
    }
  }

  /** {@code out = A^T y}: per pair, the ECMP-weighted sum of {@code y} along its paths. */
  @Override
  public void adjoint(double[] y, double[] out) {
    for (Part part : parts) {
      for (int j = 0; j < part.slotArc.length; j++) {
        part.slotWeight[j] = y[part.slotArc[j]];
      }
    }
    IntStream.range(0, workers.length).parallel().forEach(w -> workers[w].pull(out));
  }

  /** Whether pair local {@code l} ({@link #pairLocal}) is a node of part {@code p}'s paths. */
  private static boolean inPart(int l, int p) {
    return p == 0 ? l >= 0 : l < -1;
  }

  /** The node of part {@code p}'s paths that pair local {@code l} names. */
  private static int node(int l, int p) {
    return p == 0 ? l : -2 - l;
  }

  /** One worker's share of the destinations (every {@code workers.length}-th) and scratch. */
  private final class Worker {
    private final int first;
    private final ShortestPaths shortest = new ShortestPaths(net.nodeCount());
    private final DagWalk walk = new DagWalk(net.nodeCount());
    /** The loads of this worker's destinations, by part and out-slot. */
    private final double[][] load = new double[parts.length][];
    private final long[] dist = new long[net.nodeCount()];
    private final KeptPaths.Walker walker = new KeptPaths.Walker(net);
    /** By part and destination: kept paths, kept DAGs, and whether the budget was asked. */
    private final KeptPaths[][] paths = new KeptPaths[parts.length][destinations.length];
    private final StoredDag[][] kept = new StoredDag[parts.length][destinations.length];
    private final boolean[][] tried = new boolean[parts.length][destinations.length];
    /**
     * Whether this worker has met each of its destinations once (after its first call): then
     * its kept paths take their heads as local nodes while the budget has room
     * ({@link KeptPaths.Walker#withHeads}), so that the paths of every destination are kept
     * first and the faster form only takes what is left.
     */
    private boolean metAll;
    private final boolean[][] widened = new boolean[parts.length][destinations.length];
    /** Per local node of the paths: the traffic pushed, and the pull's values by part. */
    private double[] traffic = new double[0];
    private final double[][] pulled = new double[parts.length][0];
    private int[] sources = new int[0];
    private int[] local = new int[0];

    Worker(int first) {
      this.first = first;
      for (int p = 0; p < parts.length; p++) {
        load[p] = new double[parts[p].slotArc.length];
      }
      Arrays.fill(dist, ShortestPaths.UNREACHABLE);
    }

    /**
     * Destination i's paths of part p below its pairs' sources in the part, each pair's local
     * node in {@link #pairLocal}: kept ones as they are, else walked from its kept DAG or a
     * Dijkstra stopped at those sources, and kept (the paths, else the DAG) on the first call
     * when they fit. Only for a part with pairs to the destination.
     */
    private KeptPaths paths(int p, int i) {
      KeptPaths kp = paths[p][i];
      if (kp != null && metAll && !widened[p][i]) {
        widened[p][i] = true;
        if (take(pathsBudget, kp.headBytes())) {
          paths[p][i] = kp = walker.withHeads(kp);
        }
      }
      if (kp == null) {
        Part part = parts[p];
        int d = destinations[i];
        int from = net.demandsTo(d);
        int to = net.demandsTo(d + 1);
        int count = partPairs[p][i];
        if (sources.length < count) {
          sources = new int[count];
          local = new int[count];
        }
        int c = 0;
        for (int k = from; k < to; k++) {
          int s = net.demandSrc(k);
          if (part.among.takes(net, s, d)) {
            sources[c++] = s;
          }
        }
        DestinationDag dag = kept[p][i] != null
            ? DestinationDag.into(part.view, kept[p][i], dist)
            : shortest.towardSourcesInto(part.view, d, dist, sources, count);
        kp = walk.keptBelow(part.view, dag, sources, count, local);
        c = 0;
        for (int k = from; k < to; k++) {
          if (part.among.takes(net, net.demandSrc(k), d)) {
            int l = local[c++];
            pairLocal[k] = l < 0 ? -1 : p == 0 ? l : -2 - l;
          }
        }
        if (!tried[p][i]) {
          tried[p][i] = true;
          if (take(pathsBudget, kp.bytes())) {
            paths[p][i] = kp;
          } else if (take(dagBudget, BYTES_PER_KEPT_DEVICE * dag.reached())) {
            kept[p][i] = dag.stored();
          }
        }
        for (int v : dag.order()) {
          dist[v] = ShortestPaths.UNREACHABLE;
        }
      }
      if (traffic.length < kp.nodes()) {
        traffic = new double[kp.nodes()];
      }
      if (pulled[p].length < kp.nodes()) {
        pulled[p] = new double[kp.nodes()];
      }
      return kp;
    }

    /** Takes {@code bytes} from {@code budget}, if it has them. */
    private boolean take(AtomicLong budget, long bytes) {
      if (budget.addAndGet(-bytes) >= 0) {
        return true;
      }
      budget.addAndGet(bytes);
      return false;
    }

    void push(double[] x) {
      for (double[] l : load) {
        Arrays.fill(l, 0);
      }
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        for (int p = 0; p < parts.length; p++) {
          if (partPairs[p][i] == 0) {
            continue;
          }
          KeptPaths kp = paths(p, i);
          for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
            int l = pairLocal[k];
            if (inPart(l, p)) {
              traffic[node(l, p)] += x[k];
            }
          }
          walker.push(kp, traffic, load[p]);
        }
      }
      metAll = true;
    }

    void pull(double[] out) {
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        for (int p = 0; p < parts.length; p++) {
          if (partPairs[p][i] > 0) {
            walker.pull(paths(p, i), parts[p].slotWeight, pulled[p]);
          }
        }
        for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
          int l = pairLocal[k];
          out[k] = l >= 0 ? pulled[0][l] : l < -1 ? pulled[1][-2 - l] : 0;
        }
      }
      metAll = true;
    }
  }
}
