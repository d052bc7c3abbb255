package io.netimpact.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Mutable arrays from which a {@link Network} is built; used by the compiler and by change
 * application (which starts from a copy of an existing network's arrays).
 */
final class NetworkDraft {
  String[] nodeIds;
  int[] nodeSite;
  int[] nodeRegion;
  int[] nodeRole;
  String[] sites;
  String[] regions;
  String[] roles;
  boolean[] drained;
  boolean[] present;

  int links;
  String[] linkIds;
  int[] linkA;
  int[] linkB;
  int[] metricAb;
  int[] metricBa;
  double[] latencyMs;
  boolean[] adminUp;
  int[] minLinks;
  int[] memberStart;
  int members;
  String[] memberIds;
  double[] memberCap;
  boolean[] memberUp;
  int[] srlgStart;
  int srlgRefs;
  int[] srlgOf;
  String[] srlgs;

  int[] demSrc;
  int[] demDst;
  double[] demGbps;
  int[] demByDstStart;

  private Map<String, Integer> srlgIndex;
  private Map<String, Integer> linkIndex;
  private Map<String, Integer> siteIndex;

  /** O(1) after a one-time O(E) index build per draft. */
  java.util.Optional<Integer> findLink(String id) {
    if (linkIndex == null) {
      linkIndex = new HashMap<>(links * 2);
      for (int l = 0; l < links; l++) {
        linkIndex.put(linkIds[l], l);
      }
    }
    return java.util.Optional.ofNullable(linkIndex.get(id));
  }

  java.util.Optional<Integer> findSrlg(String name) {
    if (srlgIndex == null) {
      srlgIndex = new HashMap<>(Network.indexOf(srlgs));
    }
    return java.util.Optional.ofNullable(srlgIndex.get(name));
  }

  java.util.Optional<Integer> findSite(String name) {
    if (siteIndex == null) {
      siteIndex = Network.indexOf(sites);
    }
    return java.util.Optional.ofNullable(siteIndex.get(name));
  }

  static NetworkDraft copyOf(Network n) {
    NetworkDraft d = new NetworkDraft();
    d.nodeIds = n.nodeIds;
    d.nodeSite = n.nodeSite;
    d.nodeRegion = n.nodeRegion;
    d.nodeRole = n.nodeRole;
    d.sites = n.sites;
    d.regions = n.regions;
    d.roles = n.roles;
    // Shared with the source network until an op writes them (see the *W accessors): a change
    // touches few elements, and copying every array per scenario dominated large sweeps.
    d.drained = n.drained;
    d.present = n.present;
    d.links = n.linkIds.length;
    d.linkIds = n.linkIds;
    d.linkA = n.linkA;
    d.linkB = n.linkB;
    d.metricAb = n.metricAb;
    d.metricBa = n.metricBa;
    d.latencyMs = n.latencyMs;
    d.adminUp = n.adminUp;
    d.minLinks = n.minLinks;
    d.memberStart = n.memberStart;
    d.members = n.memberIds.length;
    d.memberIds = n.memberIds;
    d.memberCap = n.memberCap;
    d.memberUp = n.memberUp;
    d.srlgStart = n.srlgStart;
    d.srlgRefs = n.srlgOf.length;
    d.srlgOf = n.srlgOf;
    d.srlgs = n.srlgs;
    d.demSrc = n.demSrc;
    d.demDst = n.demDst;
    d.demGbps = n.demGbps;
    d.demByDstStart = n.demByDstStart;
    d.shared = true;
    return d;
  }

  /** Whether the mutable arrays may still be the source network's. */
  private boolean shared;
  private final java.util.Set<Object> owned =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private <T> T own(T array, java.util.function.UnaryOperator<T> copy,
      java.util.function.Consumer<T> store) {
    if (!shared || owned.contains(array)) {
      return array;
    }
    T c = copy.apply(array);
    owned.add(c);
    store.accept(c);
    return c;
  }

  boolean[] drainedW() {
    return own(drained, boolean[]::clone, a -> drained = a);
  }

  boolean[] presentW() {
    return own(present, boolean[]::clone, a -> present = a);
  }

  int[] metricAbW() {
    return own(metricAb, int[]::clone, a -> metricAb = a);
  }

  int[] metricBaW() {
    return own(metricBa, int[]::clone, a -> metricBa = a);
  }

  boolean[] adminUpW() {
    return own(adminUp, boolean[]::clone, a -> adminUp = a);
  }

  double[] memberCapW() {
    return own(memberCap, double[]::clone, a -> memberCap = a);
  }

  boolean[] memberUpW() {
    return own(memberUp, boolean[]::clone, a -> memberUp = a);
  }

  double[] demGbpsW() {
    return own(demGbps, double[]::clone, a -> demGbps = a);
  }

  /**
   * Appends a link; arrays that the draft shares with its source network are copied first.
   * Amortised O(members + srlgs) per link.
   */
  int appendLink(String id, int a, int b, int mAb, int mBa, double latency, boolean up,
      int minLinksValue, String[] mIds, double[] mCaps, boolean[] mUps, String[] srlgNames) {
    int l = links;
    if (l == linkIds.length) {
      int cap = Math.max(4, l + (l >> 1) + 1);
      linkIds = Arrays.copyOf(linkIds, cap);
      linkA = Arrays.copyOf(linkA, cap);
      linkB = Arrays.copyOf(linkB, cap);
      metricAb = Arrays.copyOf(metricAb, cap);
      metricBa = Arrays.copyOf(metricBa, cap);
      owned.add(metricAb);
      owned.add(metricBa);
      latencyMs = Arrays.copyOf(latencyMs, cap);
      adminUp = Arrays.copyOf(adminUp, cap);
      owned.add(adminUp);
      minLinks = Arrays.copyOf(minLinks, cap);
      memberStart = Arrays.copyOf(memberStart, cap + 1);
      srlgStart = Arrays.copyOf(srlgStart, cap + 1);
    }
    linkIds[l] = id;
    if (linkIndex != null) {
      linkIndex.put(id, l);
    }
    linkA[l] = a;
    linkB[l] = b;
    metricAb[l] = mAb;
    metricBa[l] = mBa;
    latencyMs[l] = latency;
    adminUp[l] = up;
    minLinks[l] = minLinksValue;
    int need = members + mIds.length;
    if (need > memberIds.length) {
      int cap = Math.max(need, memberIds.length + (memberIds.length >> 1) + 4);
      memberIds = Arrays.copyOf(memberIds, cap);
      memberCap = Arrays.copyOf(memberCap, cap);
      memberUp = Arrays.copyOf(memberUp, cap);
      owned.add(memberCap);
      owned.add(memberUp);
    }
    for (int i = 0; i < mIds.length; i++) {
      memberIds[members] = mIds[i];
      memberCap[members] = mCaps[i];
      memberUp[members] = mUps[i];
      members++;
    }
    memberStart[l + 1] = members;
    if (srlgRefs + srlgNames.length > srlgOf.length) {
      srlgOf = Arrays.copyOf(srlgOf, Math.max(srlgRefs + srlgNames.length,
          srlgOf.length + (srlgOf.length >> 1) + 4));
    }
    for (String s : srlgNames) {
      srlgOf[srlgRefs++] = srlg(s);
    }
    srlgStart[l + 1] = srlgRefs;
    links++;
    return l;
  }

  /** Index of an SRLG name, adding it to the dictionary when new. */
  int srlg(String name) {
    java.util.Optional<Integer> known = findSrlg(name);
    if (known.isPresent()) {
      return known.get();
    }
    int idx = srlgs.length;
    srlgs = Arrays.copyOf(srlgs, idx + 1);
    srlgs[idx] = name;
    srlgIndex.put(name, idx);
    return idx;
  }

  Network build() {
    return new Network(nodeIds, nodeSite, nodeRegion, nodeRole, sites, regions, roles, drained,
        present, fit(linkIds, links), fit(linkA, links), fit(linkB, links),
        fit(metricAb, links), fit(metricBa, links), fit(latencyMs, links), fit(adminUp, links),
        fit(minLinks, links), fit(memberStart, links + 1), fit(memberIds, members),
        fit(memberCap, members), fit(memberUp, members), fit(srlgStart, links + 1),
        fit(srlgOf, srlgRefs), srlgs, demSrc, demDst, demGbps, demByDstStart);
  }

  /** The array itself when it has the right length (arrays are never written once built). */
  private static String[] fit(String[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static int[] fit(int[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static double[] fit(double[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static boolean[] fit(boolean[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }
}
