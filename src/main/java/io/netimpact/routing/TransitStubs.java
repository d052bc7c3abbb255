package io.netimpact.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Devices that can never carry traffic of the network's demands ("stubs": in the generated
 * fabrics, the racks), found exactly so that the per-destination work can leave them out.
 *
 * <p>The <em>border</em> of a site is its devices with a usable arc to or from another site
 * (or a device without a site); devices without a site are never stubs. A shortest path that
 * carries a demand's traffic visits a site in stretches, each entering at a border device or
 * at the demand's source and leaving at a border device or at its destination, with every
 * device in between inside the site; such a stretch is a shortest path of the site's own
 * sub-network. So a device that is no demand endpoint and lies strictly inside no shortest
 * path of its site's sub-network from (a border device or a source in the site) to (a border
 * device or a destination in the site) that some demand could use (a border device to a
 * border device or to a destination, a source to a border device, a source to its own
 * destination in the same site) is on no path that carries traffic: a stub. Leaving stubs out
 * of every destination's Dijkstra changes no source's distance, next hops, loads, latency or
 * fingerprint.
 *
 * <p>A change keeps this true in every site it does not touch (the site's sub-network stays
 * as it was and its border can only shrink). In a site it touches, a change gives back only
 * the site's stubs that may carry traffic after it: {@link #returning} for an increase-only
 * change, {@link #givenBackAfterShortening} for one that can shorten paths (whose new arcs
 * between sites may also make new border devices); a change of demands gives back every stub
 * of its sites ({@link #touched}). The evaluator routes the stubs given back as ordinary
 * devices.
 *
 * <p>Cost: one Dijkstra inside the site towards each border device and destination of a site
 * that has other devices, O(sum over such sites of T_s (E_s log V_s)) for T_s such targets,
 * V_s devices and E_s arcs; O(V) memory.
 */
public final class TransitStubs {
  /** At most this many threads find the stubs (each holds O(V) scratch). */
  private static final int MAX_THREADS = 8;

  private TransitStubs() {}

  /**
   * Which of a network's demands the stubs are found for. A site's devices that carry traffic
   * between two of its own devices (a fabric's racks between two of its leaves) may carry no
   * other demand's: pairs taken apart by whether their ends share a site each leave out far
   * more devices than all of them together.
   */
  public enum Among {
    /** Every demand. */
    ALL,
    /** The demands whose ends are not in one site (or an end without a site). */
    BETWEEN_SITES,
    /** The demands whose ends are in one site. */
    WITHIN_A_SITE;

    /** Whether this set takes the pair from {@code src} to {@code dst} of {@code net}. O(1). */
    public boolean takes(Network net, int src, int dst) {
      if (this == ALL) {
        return true;
      }
      boolean within = net.nodeSite[src] >= 0 && net.nodeSite[src] == net.nodeSite[dst];
      return within == (this == WITHIN_A_SITE);
    }
  }

  /**
   * The stubs of {@code net} (indexed by device). Sites are independent: they are handled on
   * up to {@link #MAX_THREADS} threads (each with its own O(V) workspace), every site by one.
   */
  static boolean[] find(Network net) {
    return find(net, Among.ALL);
  }

  /**
   * The devices that can never carry traffic of the demands of {@code net} that {@code among}
   * takes (the other demands ignored), as {@link #find(Network)}: leaving them out changes no
   * such demand's distances, next hops or loads.
   */
  static boolean[] find(Network net, Among among) {
    Roles roles = Roles.of(net, among);
    MaskedView g = MaskedView.of(net);
    boolean[] stub = new boolean[net.nodeCount()];
    IntArrayList sites = new IntArrayList();
    for (int s = 0; s < net.siteCount(); s++) {
      if (roles.hasCandidates(net, net.devicesOfSite(s))) {
        sites.add(s);
      }
    }
    int threads = Math.max(1, Math.min(Math.min(MAX_THREADS,
        Runtime.getRuntime().availableProcessors()), sites.size()));
    // Every site's devices are written by the one thread that handles the site.
    java.util.stream.IntStream.range(0, threads).parallel().forEach(c -> {
      Workspace w = new Workspace(net.nodeCount());
      for (int i = c; i < sites.size(); i += threads) {
        int s = sites.getInt(i);
        int[] devices = net.devicesOfSite(s);
        w.markTransit(net, g, s, devices, roles);
        for (int v : devices) {
          stub[v] = roles.candidate(net, v) && !w.transit[v];
          w.transit[v] = false;
        }
      }
    });
    return stub;
  }

  /**
   * Sources, destinations and border devices of a network: what decides, with the sites'
   * sub-networks, which devices are stubs. O(V + E + D) once.
   */
  static final class Roles {
    final boolean[] source;
    final boolean[] destination;
    final boolean[] border;
    /** The demands these roles are of. */
    final Among among;

    private Roles(boolean[] source, boolean[] destination, boolean[] border, Among among) {
      this.source = source;
      this.destination = destination;
      this.border = border;
      this.among = among;
    }

    static Roles of(Network net) {
      return of(net, Among.ALL);
    }

    /** The roles of the demands {@code among} takes. */
    static Roles of(Network net, Among among) {
      int n = net.nodeCount();
      boolean[] source = new boolean[n];
      boolean[] destination = new boolean[n];
      for (int k = 0; k < net.demandCount(); k++) {
        if (among.takes(net, net.demSrc[k], net.demDst[k])) {
          source[net.demSrc[k]] = true;
          destination[net.demDst[k]] = true;
        }
      }
      boolean[] border = new boolean[n];
      for (int v = 0; v < n; v++) {
        if (net.nodeSite[v] < 0 || !net.present[v]) {
          continue;
        }
        for (int j = net.outStart[v]; j < net.outStart[v + 1]; j++) {
          border[v] |= net.nodeSite[net.outHead[j]] != net.nodeSite[v];
        }
        for (int i = net.inStart[v]; i < net.inStart[v + 1]; i++) {
          border[v] |= net.nodeSite[net.inTail[i]] != net.nodeSite[v];
        }
      }
      return new Roles(source, destination, border, among);
    }

    /** Whether {@code v} is a present device that is no border and no demand endpoint. */
    boolean candidate(Network net, int v) {
      return net.present[v] && !border[v] && !source[v] && !destination[v];
    }

    boolean hasCandidates(Network net, int[] devices) {
      for (int v : devices) {
        if (candidate(net, v)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Scratch for one site at a time, O(V), reused; {@link #transit} is left for the caller. */
  static final class Workspace {
    private final ShortestPaths paths;
    private final long[] dist;
    private final int[] order;
    private final boolean[] region;
    private final boolean[] entry;
    private final boolean[] inside;
    /** Devices of the last site marked strictly inside a usable stretch; reset by the caller. */
    final boolean[] transit;
    private final boolean[] inA;
    private final IntArrayList aList = new IntArrayList();
    private final IntArrayList walked = new IntArrayList();
    /** The devices whose distance {@link #markCut} has read in, for one target. */
    private final IntArrayList read = new IntArrayList();

    Workspace(int n) {
      paths = new ShortestPaths(n);
      dist = new long[n];
      Arrays.fill(dist, ShortestPaths.UNREACHABLE);
      order = new int[n];
      region = new boolean[n];
      entry = new boolean[n];
      inside = new boolean[n];
      transit = new boolean[n];
      inA = new boolean[n];
    }

    /**
     * Marks in {@link #transit} the devices of site {@code s} that lie strictly inside a
     * shortest path of the site's sub-network, as {@code g} shows it, that a demand could use
     * (class comment). O(T_s E_s log V_s).
     */
    void markTransit(Network net, MaskedView g, int s, int[] devices, Roles roles) {
      IntArrayList targets = new IntArrayList();
      for (int v : devices) {
        if (roles.border[v] || roles.destination[v]) {
          targets.add(v);
        }
      }
      for (int v : devices) {
        region[v] = true;
      }
      for (int q : targets) {
        IntArrayList entries = entries(net, s, devices, roles, q);
        for (int e : entries) {
          entry[e] = true;
        }
        int reached = paths.towardWithin(g, q, region, dist, order);
        // Farthest first: an entry, or a device an entry's paths reach, hands the mark on to
        // its next hops; every marked device but q lies strictly inside such a path.
        for (int i = reached - 1; i > 0; i--) {
          int u = order[i];
          if (entry[u] || inside[u]) {
            for (int j = net.outStart[u]; j < net.outStart[u + 1]; j++) {
              if (g.isNextHopSlot(q, dist, u, j)) {
                int v = net.outHead[j];
                inside[v] = true;
                transit[v] |= v != q;
              }
            }
          }
        }
        for (int i = 0; i < reached; i++) {
          dist[order[i]] = ShortestPaths.UNREACHABLE;
          inside[order[i]] = false;
        }
        for (int e : entries) {
          entry[e] = false;
        }
      }
      for (int v : devices) {
        region[v] = false;
      }
    }

    /**
     * Where a stretch of site {@code s} towards its target {@code q} can start: any border
     * device; towards a border device also any source of the site; towards a destination the
     * site's sources of its demands. O(V_s + demands towards q).
     */
    IntArrayList entries(Network net, int s, int[] devices, Roles roles, int q) {
      IntArrayList entries = new IntArrayList();
      for (int v : devices) {
        if (roles.border[v]) {
          entries.add(v);
        }
      }
      if (roles.border[q]) {
        for (int v : devices) {
          if (roles.source[v]) {
            entries.add(v);
          }
        }
      }
      if (roles.destination[q]) {
        for (int k = net.demByDstStart[q]; k < net.demByDstStart[q + 1]; k++) {
          if (net.nodeSite[net.demSrc[k]] == s && roles.among.takes(net, net.demSrc[k], q)) {
            entries.add(net.demSrc[k]);
          }
        }
      }
      return entries;
    }

    /**
     * {@link #markTransit} of a site whose stretches {@code st} keeps, on a view {@code g} that
     * differs from the network only by the arcs {@code cuts} switched off, marking only what
     * may be new: the network's stubs are on no stretch of the network as it is, so a stub is
     * marked only by a target q whose stretches the cuts change. Switching arcs off can only
     * lengthen paths, so towards q only the ancestors A, on q's DAG within the site, of the
     * cut arcs on it can change distance or next hops; every other device keeps both, and so
     * do the devices its next hops lead to, so the paths from an entry outside A are the
     * network's and mark no stub. Per such q: A re-solved from its border ({@link
     * ShortestPaths#resettle}), then the paths after from the entries in A walked and marked.
     * The marks differ from {@link #markTransit}'s only on devices that are no stubs.
     * O(T_s V_s + per q cut, |A| log |A| plus the DAG after below A's entries).
     */
    void markCut(Network net, MaskedView g, Stretches st, int[] cuts) {
      final long inf = ShortestPaths.UNREACHABLE;
      for (int qi = 0; qi < st.targets.length; qi++) {
        int q = st.targets[qi];
        long[] dq = st.dist[qi];
        aList.clear();
        for (int a : cuts) {
          int u = net.tail(a);
          int v = net.head(a);
          int iu = st.index(net, u);
          int iv = st.index(net, v);
          if (iu < 0 || iv < 0 || u == q || dq[iu] == inf || dq[iv] == inf
              || (v != q && net.drained[v])) {
            continue;
          }
          if (dq[iu] == dq[iv] + net.arcMetric(a)) {
            addToA(u);
          }
        }
        if (aList.isEmpty()) {
          continue;
        }
        // A: the ancestors of the cut arcs' tails on q's DAG before (net's arcs, all usable).
        for (int i = 0; i < aList.size(); i++) {
          int x = aList.getInt(i);
          if (x != q && net.drained[x]) {
            continue;
          }
          long dx = dq[st.index(net, x)];
          for (int j = net.inStart[x]; j < net.inStart[x + 1]; j++) {
            int u = net.inTail[j];
            int iu = st.index(net, u);
            if (iu >= 0 && u != q && dq[iu] != inf && dq[iu] == dx + net.inMetric[j]) {
              addToA(u);
            }
          }
        }
        // Distances are read where the re-solving and the walk look: A (re-solved) and the
        // heads of the arcs out of the devices they look at (the site's as kept, others
        // unreachable, as outside the site's region).
        int[] aNodes = aList.toIntArray();
        for (int x : aNodes) {
          known(x, inf);
          dist[x] = inf;
          knowHeads(net, st, dq, x);
        }
        paths.resettle(g, q, dist, inA, aNodes, aNodes.length, order);
        // The paths after from the entries in A: every device they pass but q is marked.
        for (int e : st.entries[qi]) {
          if (!inA[e] || inside[e] || dist[e] == inf) {
            continue;
          }
          inside[e] = true;
          walked.add(e);
          for (int i = walked.size() - 1; i < walked.size(); i++) {
            int u = walked.getInt(i);
            knowHeads(net, st, dq, u);
            for (int j = net.outStart[u]; j < net.outStart[u + 1]; j++) {
              if (g.isNextHopSlot(q, dist, u, j)) {
                int v = net.outHead[j];
                transit[v] |= v != q;
                if (!inside[v]) {
                  inside[v] = true;
                  walked.add(v);
                }
              }
            }
          }
        }
        for (int i = 0; i < walked.size(); i++) {
          inside[walked.getInt(i)] = false;
        }
        walked.clear();
        for (int x : aNodes) {
          inA[x] = false;
        }
        for (int i = 0; i < read.size(); i++) {
          int v = read.getInt(i);
          dist[v] = inf;
          region[v] = false;
        }
        read.clear();
      }
      aList.clear();
    }

    /** Gives the heads of {@code u}'s arcs their kept distance, once per target. */
    private void knowHeads(Network net, Stretches st, long[] dq, int u) {
      for (int j = net.outStart[u]; j < net.outStart[u + 1]; j++) {
        int v = net.outHead[j];
        if (!region[v]) {
          int iv = st.index(net, v);
          known(v, iv < 0 ? ShortestPaths.UNREACHABLE : dq[iv]);
        }
      }
    }

    /** Sets {@code v}'s distance, once per target ({@link #region} marks it read). */
    private void known(int v, long d) {
      if (!region[v]) {
        region[v] = true;
        read.add(v);
        dist[v] = d;
      }
    }

    private void addToA(int x) {
      if (!inA[x]) {
        inA[x] = true;
        aList.add(x);
      }
    }
  }

  /**
   * A site's shortest-path distances towards each of its targets (its border devices and
   * destinations) within its own sub-network, on the network as it is (every device shown, the
   * network's roles): what {@link Workspace#markTransit} computes first for every target,
   * kept so that a mask that only switches arcs off needs the targets whose stretches it cuts
   * only, and of those only the devices whose paths it cuts ({@link Workspace#markCut}).
   * O(T_s V_s) memory.
   */
  static final class Stretches {
    /** At most this many (target, device) distances are kept for one site (8 bytes each). */
    static final long MAX_ENTRIES = 1L << 21;

    private final int site;
    /** The site's devices, ascending. */
    private final int[] devices;
    private final int[] targets;
    /** Per target, where a stretch towards it can start (as {@link Workspace#markTransit}). */
    private final int[][] entries;
    /** Per target, per device (as indexed in {@link #devices}), its distance. */
    private final long[][] dist;

    private Stretches(int site, int[] devices, int[] targets, int[][] entries, long[][] dist) {
      this.site = site;
      this.devices = devices;
      this.targets = targets;
      this.entries = entries;
      this.dist = dist;
    }

    /**
     * Site {@code s}'s stretches on {@code net}; empty when it has more than {@link
     * #MAX_ENTRIES} (target, device) pairs. O(T_s E_s log V_s).
     */
    static java.util.Optional<Stretches> of(Network net, int s) {
      Roles roles = net.stubRoles();
      int[] devices = net.devicesOfSite(s);
      IntArrayList targets = new IntArrayList();
      for (int v : devices) {
        if (roles.border[v] || roles.destination[v]) {
          targets.add(v);
        }
      }
      if ((long) targets.size() * devices.length > MAX_ENTRIES) {
        return java.util.Optional.empty();
      }
      Workspace w = new Workspace(net.nodeCount());
      MaskedView g = MaskedView.of(net);
      int[][] entries = new int[targets.size()][];
      long[][] dist = new long[targets.size()][];
      for (int v : devices) {
        w.region[v] = true;
      }
      for (int i = 0; i < targets.size(); i++) {
        int q = targets.getInt(i);
        entries[i] = w.entries(net, s, devices, roles, q).toIntArray();
        w.paths.towardWithin(g, q, w.region, w.dist, w.order);
        dist[i] = new long[devices.length];
        for (int k = 0; k < devices.length; k++) {
          dist[i][k] = w.dist[devices[k]];
          w.dist[devices[k]] = ShortestPaths.UNREACHABLE;
        }
      }
      return java.util.Optional.of(new Stretches(s, devices, targets.toIntArray(), entries,
          dist));
    }

    /** Where {@code v} is in {@link #devices}, or negative when it is not of the site. O(1). */
    private int index(Network net, int v) {
      return net.nodeSite[v] == site ? net.positionsInSite()[v] : -1;
    }
  }

  /**
   * The stubs of the sites {@code m} touches (an end of an arc it switches off or on or whose
   * metric it changes, a device it drains, undrains or removes), ascending; empty when those
   * sites have none. O(changed elements + those sites' stubs).
   */
  static int[] touched(Network net, ScenarioMask m, MaskedView after) {
    IntArrayList sites = touchedSites(net, m, after);
    if (sites.isEmpty()) {
      return new int[0];
    }
    // The network's stubs, grouped by site once: no scan of the sites' devices per call.
    int[][] bySite = net.stubsBySite();
    if (sites.size() == 1) {
      return bySite[sites.getInt(0)];
    }
    IntArrayList out = new IntArrayList();
    for (int s : sites) {
      out.addElements(out.size(), bySite[s]);
    }
    return sorted(out);
  }

  /**
   * The stubs of the sites an increase-only mask {@code m} without switched-on arcs touches
   * that are no longer stubs after it: the ones the after view must route again. The sites'
   * stubs are found again on {@code after} (which shows {@code m}) with the base's roles, a
   * superset of the after network's borders, so that nothing is left out that could carry
   * traffic after: in a site where every stub stays a stub (draining a spine of a fabric
   * with spare planes, say), the after view leaves out the same devices as the base, and a
   * pair can be repaired. Only the sites whose own stretches the change may reshape are
   * looked at again (see {@link #sitesReshaped}: a rack drained, or a link between sites cut,
   * gives nothing back and costs nothing). O(sum over those sites with stubs of T_s E_s log
   * V_s), once per scenario ({@link PairEvaluator} keeps it with the mask).
   *
   * @throws IllegalArgumentException when {@code m} may shorten paths or switches arcs on
   */
  static int[] returning(Network net, ScenarioMask m, MaskedView after, Workspace w) {
    if (!m.isIncreaseOnly() || m.onArcs.length > 0) {
      throw new IllegalArgumentException("only an increase-only mask that switches no arc on "
          + "keeps the base's stubs apart from those found again");
    }
    return foundAgain(net, sitesReshaped(net, m, after), after, net.stubRoles(), w,
        cutsOnly(m) ? m.offArcs : null);
  }

  /**
   * {@link #returning} with every reshaped site routed again in full, as a mask that does more
   * than switch arcs off is: the reference the tests hold the cut path to.
   */
  static int[] returningRoutedAgain(Network net, ScenarioMask m, MaskedView after,
      Workspace w) {
    return foundAgain(net, sitesReshaped(net, m, after), after, net.stubRoles(), w, null);
  }

  /**
   * Whether {@code m} changes routing only by switching arcs off (links, members below their
   * minimum, SRLGs down): no metric, drain, removal, added arc or demand. What {@link
   * Workspace#markCut} covers.
   */
  private static boolean cutsOnly(ScenarioMask m) {
    return m.anyMetricArcs.length == 0 && m.drained.length == 0 && m.undrained.length == 0
        && m.removed.length == 0 && m.onArcs.length == 0 && m.demands.length == 0
        && m.added.count() == 0;
  }

  /**
   * The stubs of the sites a mask {@code m} that may shorten paths (or switches arcs on)
   * touches that may carry traffic after it: those that lie strictly inside a usable stretch
   * of their site on {@code after}, or that stop being candidates because an arc {@code m}
   * switches on joins them to another site (a new border device). The roles are the base's
   * with those new borders added, a superset of the after network's, so nothing is left out
   * that could carry traffic after; a mask that changes demands gives back every stub of its
   * sites ({@link #touched}), as their endpoints may change. Every stub not given back lies on
   * no used shortest path after the change, so leaving it out changes no distance, next hop or
   * load. O(changed elements + V + sum over the touched sites with stubs of T_s E_s log V_s),
   * once per scenario ({@link PairEvaluator} keeps it with the mask).
   */
  static int[] givenBackAfterShortening(Network net, ScenarioMask m, MaskedView after,
      Workspace w) {
    if (m.demands.length > 0) {
      return touched(net, m, after);
    }
    IntArrayList sites = touchedSites(net, m, after);
    Roles base = net.stubRoles();
    boolean[] border = base.border;
    for (int a : m.onArcs) {
      int u = after.tail(a);
      int v = after.head(a);
      if (net.nodeSite[u] != net.nodeSite[v]) {
        if (border == base.border) {
          border = base.border.clone();
        }
        border[u] = true;
        border[v] = true;
      }
    }
    Roles roles = border == base.border ? base : new Roles(base.source, base.destination, border,
        base.among);
    return foundAgain(net, sites, after, roles, w, null);
  }

  /**
   * The base's stubs of {@code sites} that {@code after} (with every device shown) and {@code
   * roles} make no stubs: strictly inside a usable stretch of their site, or no candidate any
   * more (a new border device). O(sum over those sites with stubs of T_s E_s log V_s); with
   * {@code cuts} (the arcs {@code after} switches off, when that is all it changes and the
   * roles are the network's) a site whose {@link Stretches} the network keeps is looked at
   * through {@link Workspace#markCut} instead: O(T_s (V_s + the region the cuts reach)).
   */
  private static int[] foundAgain(Network net, IntArrayList sites, MaskedView after,
      Roles roles, Workspace w, int[] cuts) {
    int[][] bySite = net.stubsBySite();
    IntArrayList out = new IntArrayList();
    boolean[] leftOut = after.stubs;
    Network.Slots walked = after.slots;
    after.leaveOut(null);
    try {
      for (int s : sites) {
        if (bySite[s].length == 0) {
          continue;
        }
        int[] devices = net.devicesOfSite(s);
        java.util.Optional<Stretches> st = cuts == null ? java.util.Optional.empty()
            : net.stretches(s);
        if (st.isPresent()) {
          w.markCut(net, after, st.get(), cuts);
        } else {
          w.markTransit(net, after, s, devices, roles);
        }
        for (int v : bySite[s]) {
          if (w.transit[v] || !roles.candidate(net, v)) {
            out.add(v);
          }
        }
        for (int v : devices) {
          w.transit[v] = false;
        }
      }
    } finally {
      after.leaveOut(leftOut, walked);
    }
    return sorted(out);
  }

  /**
   * The sites whose own stretches {@code m} may change: those with an arc inside the site, both
   * of whose ends are no stubs, switched off or given another metric, or with a device that is
   * no stub drained or removed. An arc between sites is in no site's sub-network, and a stub
   * or an arc of a stub is inside no stretch a demand can use, so changing them leaves every
   * stretch, and so every stub, as it was. O(changed elements).
   */
  private static IntArrayList sitesReshaped(Network net, ScenarioMask m, MaskedView after) {
    boolean[] stub = net.transitStubs();
    IntArrayList sites = new IntArrayList();
    for (int[] arcs : new int[][] {m.offArcs, m.anyMetricArcs}) {
      for (int a : arcs) {
        int u = after.tail(a);
        int v = after.head(a);
        int s = net.nodeSite[u];
        if (s >= 0 && s == net.nodeSite[v] && !stub[u] && !stub[v] && !sites.contains(s)) {
          sites.add(s);
        }
      }
    }
    for (int[] devices : new int[][] {m.drained, m.removed}) {
      for (int v : devices) {
        int s = net.nodeSite[v];
        if (s >= 0 && !stub[v] && !sites.contains(s)) {
          sites.add(s);
        }
      }
    }
    return sites;
  }

  /**
   * Whether {@code m} may reshape a site (see {@link #sitesReshaped}) that {@code other}
   * touches (an end of an arc it switches off or re-weights, a device it drains or removes).
   * O(changed elements of both).
   */
  static boolean reshapesWhatTouches(Network net, ScenarioMask m, ScenarioMask other,
      MaskedView view) {
    IntArrayList reshaped = sitesReshaped(net, m, view);
    if (reshaped.isEmpty()) {
      return false;
    }
    IntArrayList touched = touchedSites(net, other, view);
    for (int s : reshaped) {
      if (touched.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code a} and {@code b} touch a common site (an end of an arc either switches off,
   * on or re-weights, a device either drains, undrains or removes). O(changed elements of
   * both).
   */
  static boolean shareSite(Network net, ScenarioMask a, ScenarioMask b) {
    IntArrayList x = baseSites(net, a);
    if (x == null) {
      return true;
    }
    if (x.isEmpty()) {
      return false;
    }
    IntArrayList y = baseSites(net, b);
    if (y == null) {
      return true;
    }
    for (int s : y) {
      if (x.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #touchedSites} of a mask of base arcs only, read on the base; null otherwise. */
  private static IntArrayList baseSites(Network net, ScenarioMask m) {
    int arcs = 2 * net.linkCount();
    for (int[] as : new int[][] {m.offArcs, m.onArcs, m.anyMetricArcs}) {
      for (int a : as) {
        if (a >= arcs) {
          return null;
        }
      }
    }
    return sitesOf(net, m, net::tail, net::head);
  }

  private static IntArrayList touchedSites(Network net, ScenarioMask m, MaskedView after) {
    return sitesOf(net, m, after::tail, after::head);
  }

  /** The sites of the ends of {@code m}'s changed arcs and of its changed devices. */
  private static IntArrayList sitesOf(Network net, ScenarioMask m,
      java.util.function.IntUnaryOperator tail, java.util.function.IntUnaryOperator head) {
    IntArrayList sites = new IntArrayList();
    java.util.function.IntConsumer site = v -> {
      int s = net.nodeSite[v];
      if (s >= 0 && !sites.contains(s)) {
        sites.add(s);
      }
    };
    for (int[] arcs : new int[][] {m.offArcs, m.onArcs, m.anyMetricArcs}) {
      for (int a : arcs) {
        site.accept(tail.applyAsInt(a));
        site.accept(head.applyAsInt(a));
      }
    }
    for (int[] devices : new int[][] {m.drained, m.undrained, m.removed}) {
      for (int v : devices) {
        site.accept(v);
      }
    }
    return sites;
  }


  private static int[] sorted(IntArrayList list) {
    int[] r = list.toIntArray();
    Arrays.sort(r);
    return r;
  }
}
