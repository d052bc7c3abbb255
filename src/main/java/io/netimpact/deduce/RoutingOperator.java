package io.netimpact.deduce;

import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.EcmpPull;
import io.netimpact.routing.EcmpPush;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ShortestPaths;
import java.util.stream.IntStream;

/**
 * The routing matrix A of a network's demand pairs (contract section 2: shortest paths, per-hop
 * ECMP), never built: column k is the share of pair k's traffic on each arc. {@link #apply}
 * pushes a volume per pair down each destination's DAG ({@link EcmpPush}), giving the arc loads
 * {@code A x}; {@link #adjoint} pulls arc weights back up the same DAGs ({@link EcmpPull}),
 * giving per pair the ECMP-weighted sum of the weights along its paths, {@code A^T y}.
 *
 * <p>The pairs are the network's demands (their volumes are ignored), indexed as {@link
 * Network#demandSrc}. Destinations are dealt to {@code threads} workers, each with its own
 * view, shortest paths and push; a worker keeps its DAGs between calls while the DAGs of all
 * destinations fit in {@link #CACHED_CELLS} distance cells, and routes them again on each call
 * otherwise, so memory stays O(workers x (V + E)) on any network.
 *
 * <p>One call is O(D (V + E)) for D destinations (plus O(D E log V) when the DAGs are not kept):
 * each destination's DAG is walked once, and nothing is O(pairs x arcs).
 */
final class RoutingOperator implements LinearMap {
  /** Distance cells (8 bytes each) of DAGs kept between calls: 128 MB. */
  static final long CACHED_CELLS = 1L << 24;

  private final Network net;
  private final int[] destinations;
  private final Worker[] workers;

  RoutingOperator(Network pairs, int threads) {
    this.net = pairs;
    this.destinations = pairs.destinations();
    int w = Math.max(1, Math.min(threads, destinations.length));
    boolean keep = (long) destinations.length * pairs.nodeCount() <= CACHED_CELLS;
    this.workers = new Worker[w];
    for (int i = 0; i < w; i++) {
      workers[i] = new Worker(i, keep);
    }
  }

  Network network() {
    return net;
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
    java.util.Arrays.fill(out, 0);
    for (Worker w : workers) {
      for (int a = 0; a < out.length; a++) {
        out[a] += w.load[a];
      }
    }
  }

  /** {@code out = A^T y}: per pair, the ECMP-weighted sum of {@code y} along its paths. */
  @Override
  public void adjoint(double[] y, double[] out) {
    IntStream.range(0, workers.length).parallel().forEach(w -> workers[w].pull(y, out));
  }

  /** One worker's share of the destinations (every {@code workers.length}-th) and scratch. */
  private final class Worker {
    private final int first;
    private final MaskedView view = net.view();
    private final ShortestPaths paths = new ShortestPaths(net.nodeCount());
    private final EcmpPush push = new EcmpPush(net.nodeCount());
    private final EcmpPull pull = new EcmpPull();
    private final double[] load = new double[net.arcCount()];
    private final double[] atNode = new double[net.nodeCount()];
    private final DestinationDag[] kept;

    Worker(int first, boolean keep) {
      this.first = first;
      this.kept = keep ? new DestinationDag[destinations.length] : null;
    }

    private DestinationDag dag(int i) {
      if (kept == null) {
        return paths.towardSources(view, destinations[i]);
      }
      if (kept[i] == null) {
        kept[i] = paths.towardSources(view, destinations[i]);
      }
      return kept[i];
    }

    void push(double[] x) {
      java.util.Arrays.fill(load, 0);
      LoadSink sink = LoadSink.into(load);
      for (int i = first; i < destinations.length; i += workers.length) {
        int d = destinations[i];
        DestinationDag dag = dag(i);
        long[] dist = dag.distances();
        for (int k = net.demandsTo(d); k < net.demandsTo(d + 1); k++) {
          push.queue(dist, net.demandSrc(k), x[k]);
        }
        push.pushAll(view, dag, sink);
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
      }
    }
  }
}
