package io.netimpact.deduce;

import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.EcmpPull;
import io.netimpact.routing.EcmpPush;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ShortestPaths;
import io.netimpact.routes.StoredDag;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The routing matrix A of a network's demand pairs (contract section 2: shortest paths, per-hop
 * ECMP), never built: column k is the share of pair k's traffic on each arc. {@link #apply}
 * pushes a volume per pair down each destination's DAG ({@link EcmpPush}), giving the arc loads
 * {@code A x}; {@link #adjoint} pulls arc weights back up the same DAGs ({@link EcmpPull}),
 * giving per pair the ECMP-weighted sum of the weights along its paths, {@code A^T y}.
 *
 * <p>The pairs are the network's demands (their volumes are ignored), indexed as {@link
 * Network#demandSrc}. Devices that no pair's path can cross (the racks of a fabric whose
 * endpoints are elsewhere: {@link Network#coreView()}) are left out of every Dijkstra, push and
 * pull; arcs touching them get no load.
 *
 * <p>Destinations are dealt to {@code threads} workers, each with its own view, shortest paths,
 * push and one distance buffer, reset after each destination in O(its DAG) (no O(V) work per
 * destination). A worker keeps each destination's DAG in its compact stored form (its settle
 * order and distances, 12 bytes a device: {@link StoredDag}) while the kept DAGs of all workers
 * fit in {@link #keptBudgetBytes}, rebuilding it in O(DAG) on later calls instead of running
 * Dijkstra again; the others are routed again on each call.
 *
 * <p>One call is O(D (V' + E')) for D destinations and the V' devices and E' arcs of their
 * DAGs, plus O(D E' log V') for the destinations not kept; nothing is O(pairs x arcs) or
 * O(D x V). Memory: O(workers x (V + E)) plus the kept DAGs.
 */
final class RoutingOperator implements LinearMap {
  /** Bytes of a kept DAG per device: its index and its distance. */
  private static final long BYTES_PER_KEPT_DEVICE = 12;

  private final Network net;
  private final int[] destinations;
  private final Worker[] workers;
  private final AtomicLong budget;

  RoutingOperator(Network pairs, int threads) {
    this(pairs, threads, keptBudgetBytes());
  }

  /** With {@code keepBytes} for kept DAGs (0: route every destination on every call). */
  RoutingOperator(Network pairs, int threads, long keepBytes) {
    this.net = pairs;
    this.destinations = pairs.destinations();
    this.budget = new AtomicLong(keepBytes);
    int w = Math.max(1, Math.min(threads, destinations.length));
    this.workers = new Worker[w];
    for (int i = 0; i < w; i++) {
      workers[i] = new Worker(i);
    }
  }

  /** The bytes kept DAGs may take: an eighth of the heap. */
  static long keptBudgetBytes() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  Network network() {
    return net;
  }

  /** How many destinations' DAGs are kept between calls (after the first call). */
  int keptDestinations() {
    int count = 0;
    for (Worker w : workers) {
      for (StoredDag d : w.kept) {
        count += d != null ? 1 : 0;
      }
    }
    return count;
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
    java.util.stream.IntStream.range(0, workers.length).parallel()
        .forEach(w -> workers[w].push(x));
    Arrays.fill(out, 0);
    for (Worker w : workers) {
      for (int a = 0; a < out.length; a++) {
        out[a] += w.load[a];
      }
    }
  }

  /** {@code out = A^T y}: per pair, the ECMP-weighted sum of {@code y} along its paths. */
  @Override
  public void adjoint(double[] y, double[] out) {
    java.util.stream.IntStream.range(0, workers.length).parallel()
        .forEach(w -> workers[w].pull(y, out));
  }

  /** One worker's share of the destinations (every {@code workers.length}-th) and scratch. */
  private final class Worker {
    private final int first;
    private final MaskedView view = net.coreView();
    private final ShortestPaths paths = new ShortestPaths(net.nodeCount());
    private final EcmpPush push = new EcmpPush(net.nodeCount());
    private final EcmpPull pull = new EcmpPull();
    private final double[] load = new double[net.arcCount()];
    private final double[] atNode = new double[net.nodeCount()];
    private final long[] dist = new long[net.nodeCount()];
    private final StoredDag[] kept = new StoredDag[destinations.length];
    private final boolean[] refused = new boolean[destinations.length];

    Worker(int first) {
      this.first = first;
      Arrays.fill(dist, ShortestPaths.UNREACHABLE);
    }

    /** Destination i's DAG in {@link #dist}, valid until {@link #release}; kept if it fits. */
    private DestinationDag dag(int i) {
      if (kept[i] != null) {
        return DestinationDag.into(view, kept[i], dist);
      }
      DestinationDag dag = paths.towardSourcesInto(view, destinations[i], dist);
      if (!refused[i]) {
        long bytes = BYTES_PER_KEPT_DEVICE * dag.reached();
        if (budget.addAndGet(-bytes) >= 0) {
          kept[i] = dag.stored();
        } else {
          budget.addAndGet(bytes);
          refused[i] = true;
        }
      }
      return dag;
    }

    /** Resets {@link #dist} after a DAG: O(DAG). */
    private void release(DestinationDag dag) {
      for (int v : dag.order()) {
        dist[v] = ShortestPaths.UNREACHABLE;
      }
    }

    void push(double[] x) {
      Arrays.fill(load, 0);
      LoadSink sink = LoadSink.into(load);
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        DestinationDag dag = dag(i);
        long[] distances = dag.distances();
        for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
          push.queue(distances, net.demandSrc(k), x[k]);
        }
        push.pushAll(view, dag, sink);
        release(dag);
      }
    }

    void pull(double[] y, double[] out) {
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        DestinationDag dag = dag(i);
        pull.pullAll(view, dag, y, atNode);
        for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
          int s = net.demandSrc(k);
          out[k] = dag.reaches(s) ? atNode[s] : 0;
        }
        release(dag);
      }
    }
  }
}
