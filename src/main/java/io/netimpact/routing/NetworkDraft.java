package io.netimpact.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Mutable arrays from which {@link NetworkCompiler} builds a {@link Network}. */
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

  java.util.Optional<Integer> findSrlg(String name) {
    if (srlgIndex == null) {
      srlgIndex = new HashMap<>(Network.indexOf(srlgs));
    }
    return java.util.Optional.ofNullable(srlgIndex.get(name));
  }

  /**
   * Appends a link. Amortised O(members + srlgs) per link.
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
      latencyMs = Arrays.copyOf(latencyMs, cap);
      adminUp = Arrays.copyOf(adminUp, cap);
      minLinks = Arrays.copyOf(minLinks, cap);
      memberStart = Arrays.copyOf(memberStart, cap + 1);
      srlgStart = Arrays.copyOf(srlgStart, cap + 1);
    }
    linkIds[l] = id;
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

  /** The network, its transit stubs found once here, so that every copy broadcast has them. */
  Network build() {
    Network net = new Network(
        new Network.Devices(nodeIds, nodeSite, nodeRegion, nodeRole, sites, regions, roles,
            drained, present),
        new Network.Links(fit(linkIds, links), fit(linkA, links), fit(linkB, links),
            fit(metricAb, links), fit(metricBa, links), fit(latencyMs, links),
            fit(adminUp, links), fit(minLinks, links)),
        new Network.Members(fit(memberStart, links + 1), fit(memberIds, members),
            fit(memberCap, members), fit(memberUp, members)),
        new Network.Srlgs(fit(srlgStart, links + 1), fit(srlgOf, srlgRefs), srlgs),
        new Network.Demands(demSrc, demDst, demGbps, demByDstStart));
    net.transitStubs();
    return net;
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
