package io.netimpact.te;

import io.netimpact.model.Segment;
import io.netimpact.routing.DagWalk;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.EcmpPush;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.PathStats;
import io.netimpact.routing.ShortestPaths;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes the TE traffic of a {@link TeTable} on one network with the one kernel: LSPs are
 * placed by {@link TePlacement} and carry their rows as explicit loads on their paths (split
 * equally among the placed LSPs that match a row); a policy follows its first valid candidate
 * path (docs/semantics.md#traffic-engineering), each node segment a leg of IGP traffic towards the
 * segment's device
 * pushed by {@link EcmpPush} over that device's {@link DestinationDag} from {@link
 * ShortestPaths}, each adjacency segment an explicit load on one arc, and a last leg to the
 * endpoint. Leg latencies come from {@link PathStats}.
 *
 * <p>Per network: one Dijkstra, one push and one latency pass per distinct leg target, O(T E
 * log V) for T targets, plus the placement (see {@link TePlacement}) and O(segments) to check
 * the candidates. An instance is a reusable workspace for one node count; not thread-safe.
 */
public final class TeRouting {
  private static final long LSP_SEED = 0x2545F4914F6CDD1DL;
  private static final long POLICY_SEED = 0x9E3779B97F4A7C15L;

  private final ShortestPaths paths;
  private final EcmpPush push;
  private final Cspf cspf;
  private final DagWalk walk;
  private final int nodeCount;

  public TeRouting(int nodeCount) {
    this.nodeCount = nodeCount;
    this.paths = new ShortestPaths(nodeCount);
    this.push = new EcmpPush(nodeCount);
    this.cspf = new Cspf(nodeCount);
    this.walk = new DagWalk(nodeCount);
  }

  /** Where the LSPs were placed before a change: the table and its placement on the base. */
  public record Prior(TeTable table, LspPaths placed) {}

  /** One leg of a policy's path: IGP from {@code from} to {@code to}, or across {@code arc}. */
  record Leg(int from, int to, int arc) {
    boolean isIgp() {
      return arc < 0;
    }
  }

  /** The TE traffic of {@code t} on the base network ({@code g} shows no change). */
  public TeState route(MaskedView g, TeTable t) {
    return route(g, t, TePlacement.place(g, t, cspf));
  }

  /** The TE traffic of {@code t} on {@code g} after a change, LSPs re-placed from {@code prior}. */
  public TeState route(MaskedView g, TeTable t, Prior prior) {
    return route(g, t, TePlacement.replace(g, t, prior.table(), prior.placed(), cspf));
  }

  private TeState route(MaskedView g, TeTable t, LspPaths lsps) {
    Int2ObjectOpenHashMap<DestinationDag> dags = new Int2ObjectOpenHashMap<>();
    int np = t.policies().size();
    int[] candidate = new int[np];
    List<List<Leg>> legs = new ArrayList<>(np);
    for (int i = 0; i < np; i++) {
      candidate[i] = -1;
      List<Leg> chosen = List.of();
      if (t.policies().get(i).up()) {
        for (int c = 0; c < t.policies().get(i).candidatePaths().size(); c++) {
          Optional<List<Leg>> l = follow(g, t, i, c, dags);
          if (l.isPresent()) {
            candidate[i] = c;
            chosen = l.get();
            break;
          }
        }
      }
      legs.add(chosen);
    }
    // Latency and route fingerprint towards every leg target, from the DAGs the check made.
    Int2ObjectOpenHashMap<double[]> latencyTo = new Int2ObjectOpenHashMap<>();
    Int2ObjectOpenHashMap<long[]> fingerprintTo = new Int2ObjectOpenHashMap<>();
    for (int i = 0; i < np; i++) {
      for (Leg leg : legs.get(i)) {
        if (leg.isIgp() && !latencyTo.containsKey(leg.to())) {
          double[] lat = new double[nodeCount];
          long[] fp = new long[nodeCount];
          PathStats.computeAll(g, dags.get(leg.to()), lat, fp);
          latencyTo.put(leg.to(), lat);
          fingerprintTo.put(leg.to(), fp);
        }
      }
    }
    double[] load = new double[g.arcCount()];
    Int2DoubleOpenHashMap steered = new Int2DoubleOpenHashMap();
    Int2DoubleOpenHashMap latency = new Int2DoubleOpenHashMap();
    Int2LongOpenHashMap fingerprint = new Int2LongOpenHashMap();
    Int2ObjectOpenHashMap<IntOpenHashSet> arcs = new Int2ObjectOpenHashMap<>();
    // IGP legs by target: (from, Gbps) pairs, pushed once per target.
    Int2ObjectLinkedOpenHashMap<List<double[]>> byTarget = new Int2ObjectLinkedOpenHashMap<>();
    for (int grp = 0; grp < t.groupCount(); grp++) {
      int k = t.groupPair[grp];
      double gbps = volume(g, t, grp);
      int i = t.groupPolicy[grp];
      long fp;
      if (i >= 0) {
        if (candidate[i] < 0) {
          continue;
        }
        fp = POLICY_SEED * (i + 1) + candidate[i];
        for (Leg leg : legs.get(i)) {
          if (leg.isIgp()) {
            byTarget.computeIfAbsent(leg.to(), x -> new ArrayList<>())
                .add(new double[] {leg.from(), gbps});
            latency.addTo(k, gbps * latencyTo.get(leg.to())[leg.from()]);
            fp = fp * 31 + fingerprintTo.get(leg.to())[leg.from()];
            for (int a : walk.arcsBelow(g, leg.to(), dags.get(leg.to()).distances(),
                leg.from())) {
              arcsOf(arcs, k).add(a);
            }
          } else {
            load[leg.arc()] += gbps;
            arcsOf(arcs, k).add(leg.arc());
            latency.addTo(k, gbps * g.latencyMs(leg.arc()));
            fp = fp * 31 + ~leg.arc();
          }
        }
      } else {
        int up = 0;
        for (int j : t.groupLsps[grp]) {
          if (lsps.isUp(j)) {
            up++;
          }
        }
        if (up == 0) {
          continue;
        }
        double share = gbps / up;
        fp = LSP_SEED;
        for (int j : t.groupLsps[grp]) {
          int[] p = lsps.pathOrNull(j);
          if (p == null) {
            continue;
          }
          double lat = 0;
          for (int arc : p) {
            load[arc] += share;
            arcsOf(arcs, k).add(arc);
            lat += g.latencyMs(arc);
            fp = fp * 31 + arc;
          }
          latency.addTo(k, share * lat);
        }
      }
      steered.addTo(k, gbps);
      fingerprint.put(k, fingerprint.get(k) * 17 + fp);
    }
    LoadSink sink = LoadSink.into(load);
    for (int x : byTarget.keySet()) {
      DestinationDag dag = dags.get(x);
      for (double[] q : byTarget.get(x)) {
        push.queue(dag.distances(), (int) q[0], q[1]);
      }
      push.pushAll(g, dag, sink);
    }
    Int2ObjectOpenHashMap<int[]> arcArrays = new Int2ObjectOpenHashMap<>();
    for (var e : arcs.int2ObjectEntrySet()) {
      int[] a = e.getValue().toIntArray();
      java.util.Arrays.sort(a);
      arcArrays.put(e.getIntKey(), a);
    }
    return new TeState(t, lsps, candidate, load, steered, latency, fingerprint, arcArrays);
  }

  private static IntOpenHashSet arcsOf(Int2ObjectOpenHashMap<IntOpenHashSet> arcs, int k) {
    IntOpenHashSet s = arcs.get(k);
    if (s == null) {
      s = new IntOpenHashSet();
      arcs.put(k, s);
    }
    return s;
  }

  /** A group's volume on {@code g}: its rows' Gbps times the factor the change puts on them. */
  static double volume(MaskedView g, TeTable t, int grp) {
    int k = t.groupPair[grp];
    Network b = g.base();
    double f = g.mask().demandFactor(b, b.demandSrc(k), b.demandDst(k));
    return f == 1.0 ? t.groupGbps[grp] : t.groupGbps[grp] * f;
  }

  /**
   * The legs of candidate path {@code c} of policy {@code i} on {@code g}, or empty when the
   * path is not valid there. O(segments) plus a Dijkstra per target not yet in {@code dags}.
   */
  Optional<List<Leg>> follow(MaskedView g, TeTable t, int i, int c,
      Int2ObjectOpenHashMap<DestinationDag> dags) {
    int at = t.policyHead[i];
    if (!g.isPresent(at)) {
      return Optional.empty();
    }
    List<Leg> out = new ArrayList<>();
    for (Segment s : t.candidate(i, c)) {
      if (s instanceof Segment.Node n) {
        Optional<Integer> x = g.node(n.device());
        if (x.isEmpty() || !g.isPresent(x.get())) {
          return Optional.empty();
        }
        int to = x.get();
        if (to != at) {
          if (!dag(g, to, dags).reaches(at)) {
            return Optional.empty();
          }
          out.add(new Leg(at, to, -1));
          at = to;
        }
      } else {
        Optional<Integer> link = g.link(s.target());
        if (link.isEmpty() || !g.isUsable(link.get())) {
          return Optional.empty();
        }
        int l = link.get();
        int arc;
        if (g.linkA(l) == at) {
          arc = 2 * l;
        } else if (g.linkB(l) == at) {
          arc = 2 * l + 1;
        } else {
          return Optional.empty();
        }
        out.add(new Leg(at, g.head(arc), arc));
        at = g.head(arc);
      }
    }
    int end = t.policyEnd[i];
    if (at != end) {
      if (!g.isPresent(end) || !dag(g, end, dags).reaches(at)) {
        return Optional.empty();
      }
      out.add(new Leg(at, end, -1));
    }
    return Optional.of(out);
  }

  private DestinationDag dag(MaskedView g, int target,
      Int2ObjectOpenHashMap<DestinationDag> dags) {
    DestinationDag d = dags.get(target);
    if (d == null) {
      d = paths.toward(g, target);
      dags.put(target, d);
    }
    return d;
  }
}
