package io.netimpact.generate;

import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Streams the devices and links of a {@link Plan}, one record at a time, in a fixed order.
 * Nothing is retained: memory is O(plan) whatever the size of the network, and O(V + E) time.
 *
 * <p>Tiers and their LAGs (members x member capacity, min_links):
 * <ul>
 *   <li>ToR - leaf: one LAG per plane, 2 x 100G (min 1), or 4 x 10G (min 2) in legacy DCs</li>
 *   <li>leaf - spine: every spine of the leaf's plane, 4 x 400G (min 2)</li>
 *   <li>spine - border: both DC border routers, 8 x 400G (min 4)</li>
 *   <li>border / PoP - core: the two nearest cores, 8-16 x 400G / 2-8 x 100G</li>
 *   <li>core ring: two parallel 8-16 x 400G LAGs per hop in one conduit; chords across rings
 *       of 4+ cores</li>
 *   <li>long-haul: two 4-12 x 100G LAGs per region pair, on different cores, in one conduit
 *       (shared SRLG)</li>
 * </ul>
 * Backbone metrics are latency in units of 10 microseconds (so IGP follows geography); some
 * core and long-haul links carry a traffic-engineered reverse metric ({@code metric_ba}).
 * Fabric metrics are 1 and uniform per tier, which is what keeps the ToRs out of every
 * inter-site shortest path (see {@link Calibration}).
 */
final class Topology {
  static final String ROLE_TOR = "tor";
  private static final double MS_TO_METRIC = 100.0;
  /** Share of core and long-haul links with a traffic-engineered reverse metric. */
  private static final double ASYMMETRIC_SHARE = 0.15;

  private final Plan plan;
  private final Shape s;
  private final Set<String> drained;

  Topology(Plan plan) {
    this.plan = plan;
    this.s = plan.shape;
    this.drained = new HashSet<>(plan.drained);
  }

  void devices(Consumer<Device> out) {
    for (Plan.Region reg : plan.regions) {
      for (int c = 0; c < s.coresPerRegion(); c++) {
        device(out, reg.core(c), reg.core(c), reg.name(), "core");
      }
      for (Plan.Pop pop : reg.pops()) {
        device(out, pop.name(), pop.name(), reg.name(), "edge");
      }
      for (Plan.Dc dc : reg.dcs()) {
        for (int b = 0; b < 2; b++) {
          device(out, Names.border(dc.name(), b), dc.name(), reg.name(), "edge");
        }
        for (int plane = 0; plane < s.planes(); plane++) {
          for (int i = 0; i < s.spinesPerPlane(); i++) {
            device(out, Names.spine(dc.name(), plane, i), dc.name(), reg.name(), "spine");
          }
        }
        for (int pod = 0; pod < s.podsPerDc(); pod++) {
          for (int plane = 0; plane < s.planes(); plane++) {
            device(out, Names.leaf(dc.name(), pod, plane), dc.name(), reg.name(), "leaf");
          }
          for (int t = 0; t < s.torsPerPod(); t++) {
            device(out, Names.tor(dc.name(), pod, t), dc.name(), reg.name(), ROLE_TOR);
          }
        }
      }
    }
  }

  private void device(Consumer<Device> out, String id, String site, String region, String role) {
    out.accept(new Device(id, site, region, role, drained.contains(id)));
  }

  void links(Consumer<Link> out) {
    for (int r = 0; r < plan.regions.length; r++) {
      backbone(plan.regions[r], out);
    }
    longHaul(out);
    for (Plan.Region reg : plan.regions) {
      for (Plan.Dc dc : reg.dcs()) {
        fabric(dc, out);
      }
    }
  }

  private void backbone(Plan.Region reg, Consumer<Link> out) {
    SplittableRandom rnd = Rng.stream(plan.seed, "backbone/" + reg.name());
    int cores = s.coresPerRegion();
    for (int c = 0; c < cores; c++) {
      int d = (c + 1) % cores;
      String conduit = "conduit-" + reg.name() + "-c" + (c + 1) + "-c" + (d + 1);
      double ms = Plan.latencyMs(reg.cores()[c], reg.cores()[d]);
      int n = 8 + 2 * rnd.nextInt(5);
      for (String side : new String[] {"a", "b"}) {
        // Operators raise one direction of a parallel link to steer traffic; every region has
        // at least one such link (the first hop's "b"), others get one by chance.
        double asymmetric = c == 0 && side.equals("b") ? 1.0 : ASYMMETRIC_SHARE;
        out.accept(lag(rnd, reg.name() + "-ring-c" + (c + 1) + "-c" + (d + 1) + "-" + side,
            reg.core(c), reg.core(d), ms, n, 400, asymmetric, List.of(conduit)));
      }
    }
    if (cores >= 4) {
      for (int c = 0; c < cores / 2; c++) {
        int d = c + cores / 2;
        String id = reg.name() + "-chord-c" + (c + 1) + "-c" + (d + 1);
        out.accept(lag(rnd, id, reg.core(c), reg.core(d),
            Plan.latencyMs(reg.cores()[c], reg.cores()[d]), 4 + 2 * rnd.nextInt(3), 400,
            ASYMMETRIC_SHARE,
            List.of("conduit-" + id)));
      }
    }
    for (int p = 0; p < reg.pops().length; p++) {
      Plan.Pop pop = reg.pops()[p];
      int[] near = Plan.nearestCores(reg, pop.at());
      int n = 2 + 2 * rnd.nextInt(4);
      for (int k = 0; k < 2; k++) {
        // The first PoP of each region is the classic trap: two uplinks to different cores
        // that share one conduit out of the building, so one SRLG cut isolates it.
        String srlg = p == 0 ? "conduit-" + pop.name() + "-access"
            : "conduit-" + pop.name() + "-c" + (near[k] + 1);
        out.accept(lag(rnd, pop.name() + "-c" + (near[k] + 1), pop.name(), reg.core(near[k]),
            Plan.latencyMs(pop.at(), reg.cores()[near[k]]), n, 100, 0, List.of(srlg)));
      }
    }
    for (Plan.Dc dc : reg.dcs()) {
      int[] near = Plan.nearestCores(reg, dc.at());
      for (int b = 0; b < 2; b++) {
        String border = Names.border(dc.name(), b);
        int n = 8 + 2 * rnd.nextInt(5);
        for (int k = 0; k < 2; k++) {
          out.accept(lag(rnd, border + "-c" + (near[k] + 1), border, reg.core(near[k]),
              Plan.latencyMs(dc.at(), reg.cores()[near[k]]), n, 400, 0,
              List.of("conduit-" + dc.name() + "-c" + (near[k] + 1))));
        }
      }
    }
  }

  private void longHaul(Consumer<Link> out) {
    SplittableRandom rnd = Rng.stream(plan.seed, "long-haul");
    for (Plan.Conduit c : plan.longHaul) {
      Plan.Region a = plan.regions[c.a()];
      Plan.Region b = plan.regions[c.b()];
      int[] ca = Plan.nearestCores(a, b.centre());
      int[] cb = Plan.nearestCores(b, a.centre());
      int n = 4 + rnd.nextInt(9);
      for (int k = 0; k < 2; k++) {
        String id = "lh-" + a.name() + "-" + b.name() + "-" + (k + 1);
        out.accept(lag(rnd, id, a.core(ca[k]), b.core(cb[k]),
            Plan.latencyMs(a.cores()[ca[k]], b.cores()[cb[k]]), n, 100, ASYMMETRIC_SHARE,
            List.of(c.srlg())));
      }
    }
  }

  /** A backbone LAG: metric from latency, min_links half or three quarters of the members. */
  private Link lag(SplittableRandom rnd, String id, String a, String b, double latencyMs,
      int members, double memberGbps, double asymmetric, List<String> srlgs) {
    int metric = Math.max(1, (int) Math.round(latencyMs * MS_TO_METRIC));
    OptionalInt metricBa = OptionalInt.empty();
    if (rnd.nextDouble() < asymmetric) {
      metricBa = OptionalInt.of(metric + Math.max(1, (int) (metric * (0.1 + 0.4 * rnd.nextDouble()))));
    }
    int minLinks = (int) Math.ceil(members * (rnd.nextBoolean() ? 0.5 : 0.75));
    // An occasional failed member that has not yet taken the LAG below min_links.
    int down = members - minLinks >= 1 && rnd.nextDouble() < 0.05 ? 1 : 0;
    double ms = Math.round(latencyMs * 1000) / 1000.0;
    return new Link(id, a, b, metric, metricBa, members(members, memberGbps, down), minLinks,
        true, ms, srlgs);
  }

  private void fabric(Plan.Dc dc, Consumer<Link> out) {
    String name = dc.name();
    List<Member> torUplink = dc.legacyRacks() ? members(4, 10, 0) : members(2, 100, 0);
    int torMin = dc.legacyRacks() ? 2 : 1;
    List<Member> leafUplink = members(4, 400, 0);
    List<Member> spineUplink = members(8, 400, 0);
    for (int plane = 0; plane < s.planes(); plane++) {
      for (int i = 0; i < s.spinesPerPlane(); i++) {
        String spine = Names.spine(name, plane, i);
        for (int b = 0; b < 2; b++) {
          out.accept(new Link(spine + "-b" + (b + 1), spine, Names.border(name, b), 1,
              OptionalInt.empty(), spineUplink, 4, true, 0.01, List.of()));
        }
      }
    }
    for (int pod = 0; pod < s.podsPerDc(); pod++) {
      for (int plane = 0; plane < s.planes(); plane++) {
        String leaf = Names.leaf(name, pod, plane);
        for (int i = 0; i < s.spinesPerPlane(); i++) {
          out.accept(new Link(leaf + "-s" + (i + 1), leaf, Names.spine(name, plane, i), 1,
              OptionalInt.empty(), leafUplink, 2, true, 0.005, List.of()));
        }
      }
      for (int t = 0; t < s.torsPerPod(); t++) {
        String tor = Names.tor(name, pod, t);
        for (int plane = 0; plane < s.planes(); plane++) {
          out.accept(new Link(tor + "-l" + (plane + 1), tor, Names.leaf(name, pod, plane), 1,
              OptionalInt.empty(), torUplink, torMin, true, 0.002, List.of()));
        }
      }
    }
  }

  /** Members {@code et-0/0/0..n-1}; the last {@code down} of them operationally down. */
  private static List<Member> members(int n, double gbps, int down) {
    List<Member> ms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ms.add(new Member("et-0/0/" + i, gbps, i < n - down));
    }
    return List.copyOf(ms);
  }
}
