package io.netimpact.series;

import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Demand;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import io.netimpact.routing.DestinationDag;
import io.netimpact.routing.EcmpPush;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkView;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.routing.ShortestPaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes every interval of a traffic series on a network before and after a change
 * (docs/semantics.md#routing: shortest paths, per-hop equal ECMP, drained devices carry no transit)
 * and reports per interval the busiest arc and the arcs above warn or over capacity.
 *
 * <p>The topology is the same for all intervals, so each destination's shortest-path DAG is
 * computed once per network and every interval's demands towards it are pushed down that
 * DAG. For T intervals, V devices, E links and R demand rows in all: O(V (E log V) + T V E
 * + R) time per network, O(T E) memory for the arc loads.
 *
 * <p>The demands of the compiled network are ignored: the series supplies them. Every part of
 * the change applies to every interval, its {@code scale_demands} factors included (the
 * {@link ScenarioMask}'s {@link ScenarioMask#demandFactor}). Routing is the kernel's: one
 * {@link ShortestPaths} DAG per destination, one {@link EcmpPush} per interval.
 */
public final class SeriesEvaluator {
  private SeriesEvaluator() {}

  /**
   * @throws IllegalArgumentException when a demand names a device the network lacks, or the
   *     networks do not share an index space
   */
  public static SeriesReport evaluate(Network before, NetworkView afterChange,
      TrafficSeries series, Thresholds thresholds) {
    MaskedView after = afterChange.view();
    if (after.base() != before) {
      throw new IllegalArgumentException("after must be a view of before, not of another network");
    }
    return evaluate(before, prepare(before, series, thresholds), after.mask());
  }

  /**
   * The before side of an evaluation: the series indexed on the network and routed once.
   * Shared by every scenario of a sweep (broadcast), so the baseline is never routed again.
   */
  public static final class Prepared implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int nodeCount;
    private final int linkCount;
    private final String[] ids;
    private final String[] starts;
    private final int[] minutes;
    private final Thresholds thresholds;
    private final Indexed demands;
    private final Stats[] before;
    private final double[] lostBefore;

    private Prepared(Network net, TrafficSeries series, Thresholds thresholds) {
      this.nodeCount = net.nodeCount();
      this.linkCount = net.linkCount();
      List<TrafficInterval> ints = series.intervals();
      this.ids = ints.stream().map(TrafficInterval::id).toArray(String[]::new);
      this.starts = ints.stream().map(TrafficInterval::start).toArray(String[]::new);
      this.minutes = ints.stream().mapToInt(TrafficInterval::minutes).toArray();
      this.thresholds = thresholds;
      this.demands = Indexed.of(net, series.intervals());
      MaskedView g = MaskedView.of(net);
      Routed b = route(g, demands);
      this.before = new Stats[b.load.length];
      for (int i = 0; i < before.length; i++) {
        before[i] = Stats.of(g, b.load[i], thresholds);
      }
      this.lostBefore = b.lost;
    }

    public int intervals() {
      return before.length;
    }
  }

  /** Routes the series on the network before any change. O(V (E log V) + T V E + R). */
  public static Prepared prepare(Network before, TrafficSeries series, Thresholds thresholds) {
    return new Prepared(before, series, thresholds);
  }

  /** Routes the series after a change and compares with the prepared before side. */
  public static SeriesReport evaluate(Network base, Prepared p, ScenarioMask change) {
    if (base.nodeCount() != p.nodeCount || base.linkCount() != p.linkCount) {
      throw new IllegalArgumentException("the series was prepared on another network: "
          + p.nodeCount + " vs " + base.nodeCount() + " devices");
    }
    MaskedView after = MaskedView.of(base, change);
    Routed a = route(after, p.demands);
    List<IntervalResult> out = new ArrayList<>(p.ids.length);
    double riskBefore = 0;
    double riskAfter = 0;
    double overAfter = 0;
    double total = 0;
    IntervalResult worst = null;
    for (int i = 0; i < p.ids.length; i++) {
      Stats sb = p.before[i];
      Stats sa = Stats.of(after, a.load[i], p.thresholds);
      IntervalResult r = new IntervalResult(p.ids[i], p.starts[i], p.minutes[i],
          p.demands.offered[i],
          sb.maxUtil, sa.maxUtil, sb.overWarn, sa.overWarn, sb.overCap, sa.overCap,
          p.lostBefore[i], a.lost[i],
          sa.worstArc < 0 ? "" : after.linkId(Network.linkOf(sa.worstArc)));
      out.add(r);
      total += p.minutes[i] / 60.0;
      if (r.atRiskBefore()) {
        riskBefore += p.minutes[i] / 60.0;
      }
      if (r.atRiskAfter()) {
        riskAfter += p.minutes[i] / 60.0;
      }
      if (r.overCapacityAfter()) {
        overAfter += p.minutes[i] / 60.0;
      }
      if (worst == null || r.maxUtilAfter() > worst.maxUtilAfter()) {
        worst = r;
      }
    }
    return new SeriesReport(out, worst, riskBefore, riskAfter, overAfter, total);
  }

  /** Demands of all intervals as node indices, grouped by destination (CSR per interval). */
  private record Indexed(int[][] byDstStart, int[][] src, double[][] gbps, double[] offered)
      implements java.io.Serializable {
    static Indexed of(Network net, List<TrafficInterval> ints) {
      int n = net.nodeCount();
      int[][] start = new int[ints.size()][];
      int[][] src = new int[ints.size()][];
      double[][] gbps = new double[ints.size()][];
      double[] offered = new double[ints.size()];
      for (int i = 0; i < ints.size(); i++) {
        List<Demand> ds = ints.get(i).demands();
        int[] s = new int[ds.size()];
        int[] d = new int[ds.size()];
        int[] st = new int[n + 1];
        for (int k = 0; k < ds.size(); k++) {
          Demand dem = ds.get(k);
          s[k] = node(net, dem.src(), ints.get(i));
          d[k] = node(net, dem.dst(), ints.get(i));
          st[d[k] + 1]++;
          offered[i] += dem.gbps();
        }
        for (int v = 0; v < n; v++) {
          st[v + 1] += st[v];
        }
        int[] fill = Arrays.copyOf(st, n);
        int[] so = new int[ds.size()];
        double[] go = new double[ds.size()];
        for (int k = 0; k < ds.size(); k++) {
          int at = fill[d[k]]++;
          so[at] = s[k];
          go[at] = ds.get(k).gbps();
        }
        start[i] = st;
        src[i] = so;
        gbps[i] = go;
      }
      return new Indexed(start, src, gbps, offered);
    }

    private static int node(Network net, String id, TrafficInterval t) {
      return net.node(id).orElseThrow(() -> new IllegalArgumentException("interval " + t.id()
          + ": demand names device \"" + id + "\", which the network does not have"));
    }
  }

  private record Routed(double[][] load, double[] lost) {}

  /**
   * Every interval routed on {@code g}, each demand times the factor the view's change puts on
   * it. One DAG per destination, one push per interval and destination.
   */
  private static Routed route(MaskedView g, Indexed dem) {
    Network net = g.base();
    ScenarioMask change = g.mask();
    int n = net.nodeCount();
    int t = dem.offered.length;
    double[][] load = new double[t][g.arcCount()];
    double[] lost = new double[t];
    ShortestPaths paths = new ShortestPaths(n);
    EcmpPush push = new EcmpPush(n);
    for (int dst = 0; dst < n; dst++) {
      boolean any = false;
      for (int i = 0; i < t && !any; i++) {
        any = dem.byDstStart[i][dst + 1] > dem.byDstStart[i][dst];
      }
      if (!any) {
        continue;
      }
      DestinationDag dag = paths.toward(g, dst);
      long[] dist = dag.distances();
      for (int i = 0; i < t; i++) {
        int from = dem.byDstStart[i][dst];
        int to = dem.byDstStart[i][dst + 1];
        if (from == to) {
          continue;
        }
        for (int k = from; k < to; k++) {
          int s = dem.src[i][k];
          lost[i] += push.queue(dist, s, dem.gbps[i][k] * change.demandFactor(net, s, dst));
        }
        push.pushAll(g, dag, LoadSink.into(load[i]));
      }
    }
    return new Routed(load, lost);
  }

  private record Stats(double maxUtil, int worstArc, int overWarn, int overCap)
      implements java.io.Serializable {
    static Stats of(MaskedView net, double[] load, Thresholds th) {
      double max = 0;
      int worst = -1;
      int warn = 0;
      int over = 0;
      for (int a = 0; a < load.length; a++) {
        double cap = net.arcCapacity(a);
        if (cap <= 0) {
          continue;
        }
        double u = load[a] / cap;
        if (u > max) {
          max = u;
          worst = a;
        }
        if (th.aboveWarn(load[a], cap)) {
          warn++;
        }
        if (Thresholds.over(load[a], cap)) {
          over++;
        }
      }
      return new Stats(max, worst, warn, over);
    }
  }
}
