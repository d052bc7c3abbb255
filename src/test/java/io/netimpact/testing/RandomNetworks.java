package io.netimpact.testing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Seeded random snapshots and changes for differential tests: small metric ranges so that
 * equal-cost ties (ECMP) are common, parallel links, LAGs, SRLGs, drained devices, sites.
 */
public final class RandomNetworks {
  private RandomNetworks() {}

  public static Snapshot snapshot(long seed, int devices, int links, int demands) {
    Random r = new Random(seed);
    List<Device> ds = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      ds.add(new Device("n" + i, "s" + (i % Math.max(1, devices / 3)), "", "core",
          r.nextInt(8) == 0));
    }
    List<Link> ls = new ArrayList<>();
    for (int i = 0; i < links; i++) {
      int a = i < devices - 1 ? i + 1 : r.nextInt(devices);
      int b = i < devices - 1 ? r.nextInt(i + 1) : r.nextInt(devices);
      if (a == b) {
        b = (a + 1) % devices;
      }
      int members = 1 + r.nextInt(3);
      List<Member> ms = new ArrayList<>();
      for (int m = 0; m < members; m++) {
        ms.add(new Member("m" + m, 10 + 10 * r.nextInt(4), r.nextInt(10) != 0));
      }
      OptionalInt ba = r.nextInt(5) == 0 ? OptionalInt.of(1 + r.nextInt(4)) : OptionalInt.empty();
      List<String> srlgs = r.nextInt(3) == 0 ? List.of("g" + r.nextInt(3)) : List.of();
      ls.add(new Link("l" + i, "n" + a, "n" + b, 1 + r.nextInt(4), ba, ms,
          1 + r.nextInt(members), r.nextInt(12) != 0, r.nextInt(20) / 2.0, srlgs));
    }
    List<Demand> dm = new ArrayList<>();
    for (int i = 0; i < demands; i++) {
      int s = r.nextInt(devices);
      int t = r.nextInt(devices);
      if (s == t) {
        t = (s + 1) % devices;
      }
      dm.add(Demand.of("n" + s, "n" + t, r.nextInt(50) / 2.0));
    }
    return new Snapshot(SnapshotInfo.of("random-" + seed), ds, ls, dm);
  }

  /** A change of 1-3 random ops, every op kind possible, naming elements that exist. */
  public static Change change(long seed, Snapshot s) {
    Random r = new Random(seed * 31 + 7);
    List<ChangeOp> ops = new ArrayList<>();
    int count = 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      Device d = s.devices().get(r.nextInt(s.devices().size()));
      Link l = s.links().get(r.nextInt(s.links().size()));
      Member m = l.members().get(r.nextInt(l.members().size()));
      ops.add(switch (r.nextInt(13)) {
        case 0 -> new ChangeOp.SetDrained(d.id(), true);
        case 1 -> new ChangeOp.SetDrained(d.id(), false);
        case 2 -> new ChangeOp.RemoveDevice(d.id());
        case 3 -> new ChangeOp.SetLinkUp(l.id(), false);
        case 4 -> new ChangeOp.SetLinkUp(l.id(), true);
        case 5 -> new ChangeOp.SetMemberUp(l.id(), m.id(), false);
        case 6 -> new ChangeOp.SetMemberUp(l.id(), m.id(), true);
        case 7 -> new ChangeOp.SetMetric(l.id(), 1 + r.nextInt(5),
            ChangeOp.Direction.values()[r.nextInt(3)]);
        case 8 -> new ChangeOp.SetCapacity(l.id(), m.id(), 5 + r.nextInt(40));
        case 9 -> {
          Device b = s.devices().get(r.nextInt(s.devices().size()));
          yield b.id().equals(d.id()) ? new ChangeOp.SetLinkUp(l.id(), false)
              : new ChangeOp.AddLink(Link.simple("new" + i, d.id(), b.id(), 1 + r.nextInt(4),
                  20 + r.nextInt(40)));
        }
        case 10 -> l.srlgs().isEmpty() ? new ChangeOp.SetLinkUp(l.id(), false)
            : new ChangeOp.SrlgDown(l.srlgs().get(0));
        case 11 -> new ChangeOp.SiteDown(d.site());
        default -> new ChangeOp.ScaleDemands(0.5 + r.nextInt(4),
            r.nextBoolean() ? Optional.of(d.site()) : Optional.empty(), Optional.empty());
      });
    }
    return new Change("rc-" + seed, "random change " + seed, ops);
  }

  /**
   * A random {@link io.netimpact.routes.PathsAfter} of {@code nodes} local nodes, each but the
   * first with fewer than {@code maxOut} arcs to nodes before it; the arcs numbered in order
   * when {@code arcRange} is 0, drawn from {@code [0, arcRange)} otherwise.
   */
  public static io.netimpact.routes.PathsAfter paths(java.util.SplittableRandom rnd, int nodes,
      int maxOut, int arcRange) {
    int[] start = new int[nodes + 1];
    it.unimi.dsi.fastutil.ints.IntArrayList arcs = new it.unimi.dsi.fastutil.ints.IntArrayList();
    it.unimi.dsi.fastutil.ints.IntArrayList heads = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int v = 0; v < nodes; v++) {
      for (int j = 0; v > 0 && j < rnd.nextInt(maxOut); j++) {
        arcs.add(arcRange == 0 ? arcs.size() : rnd.nextInt(arcRange));
        heads.add(rnd.nextInt(v));
      }
      start[v + 1] = arcs.size();
    }
    return new io.netimpact.routes.PathsAfter(start, arcs.toIntArray(), heads.toIntArray());
  }

  /**
   * Seeded random Clos data centres, each a site, behind two core routers: 1-2 borders, 1-2
   * planes of 1-3 spines on the borders, 2-4 pods of a leaf per plane on its plane's spines and
   * 2-4 racks on the pod's leaves, metrics 1-2 (ties everywhere), a few random links inside a
   * site (rack to rack, leaf to leaf, rack to spine; metric 1-3), SRLGs over some uplinks and a
   * drained device now and then; demands between random leaves (and a few racks) across sites
   * and inside them. Most racks are stubs (routing.TransitStubs), and cutting links gives some
   * of them back. Spines are named {@code dcD-sPK}, leaves {@code dcD-lNP}, racks
   * {@code dcD-rNR}.
   */
  public static Snapshot fabrics(long seed) {
    Random r = new Random(seed);
    List<Device> ds = new ArrayList<>();
    List<Link> ls = new ArrayList<>();
    List<String> endpoints = new ArrayList<>();
    ds.add(new Device("c1", "core1", "", "core", false));
    ds.add(new Device("c2", "core2", "", "core", false));
    ls.add(fabricLink("c1-c2", "c1", "c2", 1 + r.nextInt(5), List.of()));
    for (int dc = 0; dc < 3; dc++) {
      String site = "dc" + dc;
      List<String> devices = new ArrayList<>();
      java.util.function.Consumer<String> device = id -> {
        ds.add(new Device(id, site, "", "core", r.nextInt(25) == 0));
        devices.add(id);
      };
      int borders = 1 + r.nextInt(2);
      int planes = 1 + r.nextInt(2);
      int spines = 1 + r.nextInt(3);
      int pods = 2 + r.nextInt(3);
      int racks = 2 + r.nextInt(3);
      for (int b = 1; b <= borders; b++) {
        String border = site + "-b" + b;
        device.accept(border);
        ls.add(fabricLink(border + "-c" + b, border, "c" + b, 1 + r.nextInt(2), List.of()));
      }
      for (int p = 1; p <= planes; p++) {
        for (int k = 1; k <= spines; k++) {
          String spine = site + "-s" + p + k;
          device.accept(spine);
          for (int b = 1; b <= borders; b++) {
            ls.add(fabricLink(spine + "-b" + b, spine, site + "-b" + b, 1 + r.nextInt(2),
                r.nextInt(3) == 0 ? List.of(site + "-g" + b) : List.of()));
          }
        }
      }
      for (int n = 0; n < pods; n++) {
        for (int p = 1; p <= planes; p++) {
          String leaf = site + "-l" + n + p;
          device.accept(leaf);
          for (int k = 1; k <= spines; k++) {
            ls.add(fabricLink(leaf + "-s" + k, leaf, site + "-s" + p + k, 1 + r.nextInt(2),
                r.nextInt(4) == 0 ? List.of(site + "-u" + k) : List.of()));
          }
          if (r.nextInt(5) < 3) {
            endpoints.add(leaf);
          }
        }
        for (int k = 0; k < racks; k++) {
          String rack = site + "-r" + n + k;
          device.accept(rack);
          for (int p = 1; p <= planes; p++) {
            if (p == 1 || r.nextInt(4) != 0) {
              ls.add(fabricLink(rack + "-" + p, rack, site + "-l" + n + p, 1 + r.nextInt(2),
                  List.of()));
            }
          }
          if (r.nextInt(15) == 0) {
            endpoints.add(rack);
          }
        }
      }
      for (int x = r.nextInt(4); x > 0; x--) {
        String a = devices.get(r.nextInt(devices.size()));
        String b = devices.get(r.nextInt(devices.size()));
        if (!a.equals(b)) {
          ls.add(fabricLink(site + "-x" + x, a, b, 1 + r.nextInt(3), List.of()));
        }
      }
    }
    List<Demand> dm = new ArrayList<>();
    for (String a : endpoints) {
      for (String b : endpoints) {
        if (!a.equals(b) && r.nextInt(3) == 0) {
          dm.add(Demand.of(a, b, 1 + r.nextInt(20)));
        }
      }
    }
    return new Snapshot(SnapshotInfo.of("fabrics-" + seed), ds, ls, dm);
  }

  private static Link fabricLink(String id, String a, String b, int metric,
      List<String> srlgs) {
    return new Link(id, a, b, metric, OptionalInt.empty(), List.of(new Member("m0", 100, true)),
        1, true, 0.0, srlgs);
  }
}
