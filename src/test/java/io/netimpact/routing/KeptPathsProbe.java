package io.netimpact.routing;

/**
 * What demand deduction's kept paths take on a snapshot: for every {@code step}-th destination
 * of its demands, the paths below every other demand endpoint on the core view ({@link
 * DagWalk#keptBelow}, every pair over one core view; deduction routes the pairs between sites
 * and those within a site apart, each over its own), their devices, next hops and bytes,
 * summed and scaled to all the destinations. {@code java -cp ...
 * io.netimpact.routing.KeptPathsProbe SNAPSHOT STEP}.
 */
public final class KeptPathsProbe {
  private KeptPathsProbe() {}

  public static void main(String[] args) {
    Network net = ServeRoutingProbe.network(args[0]);
    int step = Integer.parseInt(args[1]);
    boolean[] endpoint = new boolean[net.nodeCount()];
    for (int k = 0; k < net.demandCount(); k++) {
      endpoint[net.demandSrc(k)] = true;
      endpoint[net.demandDst(k)] = true;
    }
    int[] endpoints = java.util.stream.IntStream.range(0, net.nodeCount())
        .filter(v -> endpoint[v]).toArray();
    int[] destinations = net.destinations();
    MaskedView view = net.coreView();
    ShortestPaths sp = new ShortestPaths(net.nodeCount());
    DagWalk walk = new DagWalk(net.nodeCount());
    long devices = 0;
    long hops = 0;
    long bytes = 0;
    int sampled = 0;
    long started = System.nanoTime();
    for (int i = 0; i < destinations.length; i += step) {
      int t = destinations[i];
      int[] sources = java.util.Arrays.stream(endpoints).filter(v -> v != t).toArray();
      KeptPaths p = walk.keptBelow(view, t, sp.toward(view, t).distances(), sources,
          sources.length, new int[sources.length]);
      devices += p.nodes();
      hops += p.arcCount();
      bytes += p.bytes();
      sampled++;
    }
    double scale = (double) destinations.length / sampled;
    System.out.printf(java.util.Locale.ROOT, "%d of %d destinations (%d endpoints, %d core "
        + "slots) in %.1f s: per destination %.0f devices, %.0f next hops, %.0f bytes; all: "
        + "%.0f MB%n", sampled, destinations.length, endpoints.length, view.slotArcs().length,
        (System.nanoTime() - started) / 1e9, devices / (double) sampled,
        hops / (double) sampled, bytes / (double) sampled, bytes * scale / (1 << 20));
  }
}
