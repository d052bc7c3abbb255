package io.netimpact.generate;

/**
 * The size of a generated network. Every region has the same structure; counts follow from
 * these numbers (see {@link #devices()}, {@link #links()}, {@link #endpoints()}).
 *
 * @param regions        regions, joined by long-haul links; &gt;= 2
 * @param dcsPerRegion   data centres per region, each a Clos fabric; &gt;= 1
 * @param podsPerDc      pods per data centre; &gt;= 1
 * @param torsPerPod     racks (ToR switches) per pod; &gt;= 1
 * @param planes         leaves per pod = spine planes per data centre; every ToR has one uplink
 *                       LAG per plane; &gt;= 2 so that a ToR is never single-homed
 * @param spinesPerPlane spines per plane; &gt;= 2 so that draining one spine keeps every leaf
 *                       connected
 * @param servicePods    pods per data centre whose leaves exchange WAN traffic (demand
 *                       endpoints); the others carry only intra-DC traffic; 1..podsPerDc
 * @param coresPerRegion backbone core routers per region, on a ring; &gt;= 2
 * @param popsPerRegion  metro points of presence (edge routers with their own site and
 *                       demands) per region; &gt;= 1
 * @param demandsPerSrc  destinations drawn for each demand endpoint (one demand row each)
 */
public record Shape(int regions, int dcsPerRegion, int podsPerDc, int torsPerPod, int planes,
    int spinesPerPlane, int servicePods, int coresPerRegion, int popsPerRegion,
    int demandsPerSrc) {

  public Shape {
    atLeast(regions, 2, "regions");
    atLeast(dcsPerRegion, 1, "dcsPerRegion");
    atLeast(podsPerDc, 1, "podsPerDc");
    atLeast(torsPerPod, 1, "torsPerPod");
    atLeast(planes, 2, "planes");
    atLeast(spinesPerPlane, 2, "spinesPerPlane");
    atLeast(servicePods, 1, "servicePods");
    if (servicePods > podsPerDc) {
      throw new IllegalArgumentException(
          "servicePods " + servicePods + " is above podsPerDc " + podsPerDc);
    }
    atLeast(coresPerRegion, 2, "coresPerRegion");
    atLeast(popsPerRegion, 1, "popsPerRegion");
    atLeast(demandsPerSrc, 1, "demandsPerSrc");
  }

  private static void atLeast(int v, int min, String name) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }
  }

  /** Data-centre border edge routers per region: two per data centre. */
  public int bordersPerRegion() {
    return 2 * dcsPerRegion;
  }

  public int devicesPerDc() {
    return podsPerDc * (torsPerPod + planes) + planes * spinesPerPlane;
  }

  /** Exact device count. */
  public long devices() {
    return (long) regions * (coresPerRegion + bordersPerRegion() + popsPerRegion
        + (long) dcsPerRegion * devicesPerDc());
  }

  /** Fabric links per data centre: ToR-leaf, leaf-spine, spine-border. */
  public long linksPerDc() {
    return (long) podsPerDc * torsPerPod * planes + (long) podsPerDc * planes * spinesPerPlane
        + 2L * planes * spinesPerPlane;
  }

  /** Exact link count: fabrics, backbone (see {@link Plan}) and long-haul. */
  public long links() {
    long backbonePerRegion = 2L * coresPerRegion // ring with two parallel LAGs per hop
        + (coresPerRegion >= 4 ? coresPerRegion / 2 : 0) // chords across the ring
        + 2L * (bordersPerRegion() + popsPerRegion); // every edge router dual-homed
    return regions * (dcsPerRegion * linksPerDc() + backbonePerRegion) + Plan.longHaulLinks(this);
  }

  /** Demand endpoints: the leaves of the service pods and the PoP edge routers. */
  public int endpoints() {
    return regions * (dcsPerRegion * servicePods * planes + popsPerRegion);
  }
}
