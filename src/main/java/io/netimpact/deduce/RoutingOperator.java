package io.netimpact.deduce;

import io.netimpact.routes.StoredDag;
import io.netimpact.routing.DagWalk;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.KeptPaths;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ShortestPaths;
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
 * Network#demandSrc}. Devices that no pair's path can cross (the racks of a fabric whose
 * endpoints are elsewhere: {@link Network#coreView()}) are left out of every Dijkstra, push and
 * pull; arcs touching them get no load.
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
 * <p>Destinations are dealt to {@code threads} workers, each with its own view, shortest paths,
 * walk and one distance buffer, reset after each destination in O(its DAG) (no O(V) work per
 * destination). One call is O(D (V' + E') + P + E) for D destinations, the V' devices and E'
 * next-hop arcs of their paths and P pairs, plus O(V' log V' + E') for each destination whose
 * paths are not kept and O(E' log V') for each whose DAG is not either; nothing is O(pairs x
 * arcs) or O(D x V). Memory: O(workers x (V + E)) plus what is kept, plus an int per pair.
 */
final class RoutingOperator implements LinearMap {
  /** Bytes of a kept DAG per device: its index and its distance. */
  private static final long BYTES_PER_KEPT_DEVICE = 12;

  private final Network net;
  private final int[] destinations;
  private final Worker[] workers;
  /** Bytes left for kept paths (the budget), and for kept DAGs (half the budget). */
  private final AtomicLong pathsBudget;
  private final AtomicLong dagBudget;
  /** Per pair, its source's local node in its destination's paths (-1: unreachable). */
  private final int[] pairLocal;
  /**
   * The arcs of the core view's out-slots ({@link MaskedView#slotArcs}): kept paths push loads
   * and pull weights by out-slot, mapped to arcs once per call. {@code slotWeight} is the
   * pull's.
   */
  private final int[] slotArc;
  private final double[] slotWeight;

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
    this.slotArc = pairs.coreView().slotArcs();
    this.slotWeight = new double[slotArc.length];
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

  /** How many destinations' paths or DAGs are kept between calls (after the first call). */
  int keptDestinations() {
    int count = 0;
    for (Worker w : workers) {
      for (int i = 0; i < destinations.length; i++) {
        count += w.kept[i] != null || w.paths[i] != null ? 1 : 0;
      }
    }
    return count;
  }

  /** How many destinations' paths are kept as arrays (after the first call). */
  int keptPaths() {
    int count = 0;
    for (Worker w : workers) {
      for (KeptPaths p : w.paths) {
        count += p != null ? 1 : 0;
      }
    }
    return count;
  }

  /**
   * What the paths kept as arrays hold (after the first call): their bytes, devices and next
   * hops, summed over the destinations.
   */
  long[] keptPathSizes() {
    long[] sizes = new long[3];
    for (Worker w : workers) {
      for (KeptPaths p : w.paths) {
        if (p != null) {
          sizes[0] += p.bytes();
          sizes[1] += p.nodes();
          sizes[2] += p.arcCount();
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
    for (int j = 0; j < slotArc.length; j++) {
      double sum = 0;
      for (Worker w : workers) {
        sum += w.load[j];
      }
      out[slotArc[j]] = sum;
    }
  }

  /** {@code out = A^T y}: per pair, the ECMP-weighted sum of {@code y} along its paths. */
  @Override
  public void adjoint(double[] y, double[] out) {
    for (int j = 0; j < slotArc.length; j++) {
      slotWeight[j] = y[slotArc[j]];
    }
    IntStream.range(0, workers.length).parallel().forEach(w -> workers[w].pull(slotWeight, out));
  }

  /** One worker's share of the destinations (every {@code workers.length}-th) and scratch. */
  private final class Worker {
    private final int first;
    private final MaskedView view = net.coreView();
    private final ShortestPaths shortest = new ShortestPaths(net.nodeCount());
    private final DagWalk walk = new DagWalk(net.nodeCount());
    /** The loads of this worker's destinations, by out-slot. */
    private final double[] load = new double[slotArc.length];
    private final long[] dist = new long[net.nodeCount()];
    private final KeptPaths.Walker walker = new KeptPaths.Walker(net);
    private final KeptPaths[] paths = new KeptPaths[destinations.length];
    private final StoredDag[] kept = new StoredDag[destinations.length];
    private final boolean[] tried = new boolean[destinations.length];
    /**
     * Whether this worker has met each of its destinations once (after its first call): then
     * its kept paths take their heads as local nodes while the budget has room
     * ({@link KeptPaths.Walker#withHeads}), so that the paths of every destination are kept
     * first and the faster form only takes what is left.
     */
    private boolean metAll;
    private final boolean[] widened = new boolean[destinations.length];
    /** Per local node of the paths: the traffic pushed, and the pull's value. */
    private double[] traffic = new double[0];
    private double[] pulled = new double[0];
    private int[] sources = new int[0];

    Worker(int first) {
      this.first = first;
      Arrays.fill(dist, ShortestPaths.UNREACHABLE);
    }

    /**
     * Destination i's paths below its pairs' sources, each pair's local node in {@link
     * #pairLocal}: kept ones as they are, else walked from its kept DAG or a Dijkstra, and kept
     * (the paths, else the DAG) on the first call when they fit.
     */
    private KeptPaths paths(int i) {
      KeptPaths p = paths[i];
      if (p != null && metAll && !widened[i]) {
        widened[i] = true;
        if (take(pathsBudget, p.headBytes())) {
          paths[i] = p = walker.withHeads(p);
        }
      }
      if (p == null) {
        int d = destinations[i];
        int from = net.demandsTo(d);
        int count = net.demandsTo(d + 1) - from;
        if (sources.length < count) {
          sources = new int[count];
        }
        for (int k = 0; k < count; k++) {
          sources[k] = net.demandSrc(from + k);
        }
        DestinationDag dag = kept[i] != null ? DestinationDag.into(view, kept[i], dist)
            : shortest.towardSourcesInto(view, d, dist);
        int[] local = new int[count];
        p = walk.keptBelow(view, d, dag.distances(), sources, count, local);
        System.arraycopy(local, 0, pairLocal, from, count);
        if (!tried[i]) {
          tried[i] = true;
          if (take(pathsBudget, p.bytes())) {
            paths[i] = p;
          } else if (take(dagBudget, BYTES_PER_KEPT_DEVICE * dag.reached())) {
            kept[i] = dag.stored();
          }
        }
        for (int v : dag.order()) {
          dist[v] = ShortestPaths.UNREACHABLE;
        }
      }
      if (traffic.length < p.nodes()) {
        traffic = new double[p.nodes()];
        pulled = new double[p.nodes()];
      }
      return p;
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
      Arrays.fill(load, 0);
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        KeptPaths p = paths(i);
        for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
          if (pairLocal[k] >= 0) {
            traffic[pairLocal[k]] += x[k];
          }
        }
        walker.push(p, traffic, load);
      }
      metAll = true;
    }

    void pull(double[] y, double[] out) {
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        KeptPaths p = paths(i);
        walker.pull(p, y, pulled);
        for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
          out[k] = pairLocal[k] >= 0 ? pulled[pairLocal[k]] : 0;
        }
      }
      metAll = true;
    }
  }
}
