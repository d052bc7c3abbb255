package io.netimpact.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The small, seed-determined skeleton of a generated network: where regions, data centres,
 * core routers and PoPs are (planar km coordinates), how big each site is (gravity masses),
 * which long-haul conduits join which regions, which devices are drained and which devices
 * are demand endpoints. Everything bulky (racks, fabric links, demands) is derived from it
 * while streaming, so a plan is O(regions * (data centres + cores + PoPs) + endpoints) in size
 * whatever the device count.
 */
final class Plan {
  /** Speed of light in fibre, km per ms. */
  static final double FIBRE_KM_PER_MS = 200.0;
  /** Fibre runs longer than the straight line between sites. */
  static final double ROUTE_FACTOR = 1.5;

  final Shape shape;
  final long seed;
  final Region[] regions;
  final List<Conduit> longHaul;
  final Endpoints endpoints;
  /** Ids of the devices generated drained (a rack, a spine, a core router when there are 4+). */
  final List<String> drained;

  record Point(double x, double y) {
    double km(Point o) {
      return Math.hypot(x - o.x, y - o.y);
    }
  }

  record Dc(String name, Point at, double mass, boolean legacyRacks) {}

  record Pop(String name, Point at, double mass) {}

  record Region(String name, Point centre, Point[] cores, Dc[] dcs, Pop[] pops) {
    String core(int c) {
      return name + "-core" + (c + 1);
    }
  }

  /** A long-haul conduit between two regions: two links, on different core pairs, sharing it. */
  record Conduit(int a, int b, String srlg) {}

  /** Demand endpoints: device id, site index (for the same-site rule) and gravity mass. */
  record Endpoints(String[] ids, int[] site, double[] mass) {
    int count() {
      return ids.length;
    }
  }

  Plan(Shape shape, long seed) {
    this.shape = shape;
    this.seed = seed;
    SplittableRandom rnd = Rng.stream(seed, "plan");
    int r = shape.regions();
    regions = new Region[r];
    // Region centres on a rough world map (km), spread around a ring so that the long-haul
    // ring is geographically sensible: region i sits at angle i/r with some jitter.
    for (int i = 0; i < r; i++) {
      double angle = 2 * Math.PI * (i + 0.3 * rnd.nextDouble()) / r;
      double radius = 3500 + 2500 * rnd.nextDouble();
      Point centre = new Point(6000 + radius * Math.cos(angle), 4000 + 0.6 * radius * Math.sin(angle));
      String name = "r" + (i + 1);
      Point[] cores = new Point[shape.coresPerRegion()];
      for (int c = 0; c < cores.length; c++) {
        cores[c] = around(rnd, centre, 150, 600);
      }
      Dc[] dcs = new Dc[shape.dcsPerRegion()];
      for (int d = 0; d < dcs.length; d++) {
        dcs[d] = new Dc(name + "-dc" + (d + 1), around(rnd, centre, 50, 400),
            Math.exp(0.5 * rnd.nextGaussian()), rnd.nextDouble() < 0.3);
      }
      Pop[] pops = new Pop[shape.popsPerRegion()];
      for (int p = 0; p < pops.length; p++) {
        pops[p] = new Pop(name + "-pop" + (p + 1), around(rnd, centre, 100, 800),
            0.25 * Math.exp(-0.3 + 0.6 * rnd.nextGaussian()));
      }
      regions[i] = new Region(name, centre, cores, dcs, pops);
    }
    longHaul = conduits(r);
    endpoints = endpoints(shape, regions, rnd);
    drained = drainedDevices(shape, regions);
  }

  private static Point around(SplittableRandom rnd, Point c, double min, double max) {
    double angle = 2 * Math.PI * rnd.nextDouble();
    double dist = min + (max - min) * rnd.nextDouble();
    return new Point(c.x + dist * Math.cos(angle), c.y + dist * Math.sin(angle));
  }

  /** Ring of regions plus chords across it, so one cut conduit never partitions the world. */
  private static List<Conduit> conduits(int r) {
    List<Conduit> out = new ArrayList<>();
    int ring = r == 2 ? 1 : r;
    for (int i = 0; i < ring; i++) {
      out.add(conduit(i, (i + 1) % r));
    }
    if (r >= 4) {
      for (int i = 0; i < r / 2; i++) {
        out.add(conduit(i, i + r / 2));
      }
    }
    return List.copyOf(out);
  }

  private static Conduit conduit(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return new Conduit(lo, hi, "conduit-lh-r" + (lo + 1) + "-r" + (hi + 1));
  }

  /** Long-haul links of a shape: two per conduit. */
  static long longHaulLinks(Shape s) {
    return 2L * conduits(s.regions()).size();
  }

  private static Endpoints endpoints(Shape s, Region[] regions, SplittableRandom rnd) {
    int n = s.endpoints();
    String[] ids = new String[n];
    int[] site = new int[n];
    double[] mass = new double[n];
    int k = 0;
    int siteIndex = 0;
    int leavesPerDc = s.servicePods() * s.planes();
    for (Region reg : regions) {
      for (Dc dc : reg.dcs()) {
        for (int pod = 0; pod < s.servicePods(); pod++) {
          for (int plane = 0; plane < s.planes(); plane++) {
            ids[k] = Names.leaf(dc.name(), pod, plane);
            site[k] = siteIndex;
            mass[k] = dc.mass() / leavesPerDc * Math.exp(0.3 * rnd.nextGaussian());
            k++;
          }
        }
        siteIndex++;
      }
      for (Pop pop : reg.pops()) {
        ids[k] = pop.name();
        site[k] = siteIndex++;
        mass[k] = pop.mass();
        k++;
      }
    }
    return new Endpoints(ids, site, mass);
  }

  private static List<String> drainedDevices(Shape s, Region[] regions) {
    List<String> out = new ArrayList<>();
    Region first = regions[0];
    Region last = regions[regions.length - 1];
    // A rack under maintenance in the first data centre.
    out.add(Names.tor(first.dcs()[0].name(), 0, Math.min(1, s.torsPerPod() - 1)));
    // A spine being replaced in the last data centre: the others of its plane carry on.
    Dc lastDc = last.dcs()[last.dcs().length - 1];
    out.add(Names.spine(lastDc.name(), s.planes() - 1, s.spinesPerPlane() - 1));
    if (s.coresPerRegion() >= 4) {
      out.add(last.core(s.coresPerRegion() - 1));
    }
    return List.copyOf(out);
  }

  /** Indices of the two cores of {@code reg} nearest to {@code p}, nearest first. */
  static int[] nearestCores(Region reg, Point p) {
    int best = -1;
    int second = -1;
    for (int c = 0; c < reg.cores().length; c++) {
      double d = reg.cores()[c].km(p);
      if (best < 0 || d < reg.cores()[best].km(p)) {
        second = best;
        best = c;
      } else if (second < 0 || d < reg.cores()[second].km(p)) {
        second = c;
      }
    }
    return new int[] {best, second};
  }

  /** One-way latency (ms) of a fibre between two sites. */
  static double latencyMs(Point a, Point b) {
    return Math.max(0.05, a.km(b) * ROUTE_FACTOR / FIBRE_KM_PER_MS);
  }
}
