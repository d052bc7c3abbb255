package io.netimpact.testing;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random TE tables over a random snapshot, and random changes with TE ops: policies
 * with node and adjacency segments (some invalid), LSPs with tight bandwidths so that CSPF
 * detours, priorities and failures to place are common. No row can be steered two ways: a
 * pair gets either policies of disjoint classes or LSPs.
 */
public final class RandomTe {
  private RandomTe() {}

  /** {@code s} with classes on its rows and random TE tables. */
  public static Snapshot withTe(long seed, Snapshot s) {
    Random r = new Random(seed * 7919 + 3);
    List<Demand> rows = new ArrayList<>();
    for (Demand d : s.demands()) {
      rows.add(new Demand(d.src(), d.dst(), d.gbps(), r.nextInt(3) == 0 ? "gold" : ""));
    }
    List<SrPolicy> policies = new ArrayList<>();
    List<Lsp> lsps = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    int id = 0;
    for (Demand d : rows) {
      String pair = d.src() + ">" + d.dst();
      if (taken.contains(pair) || r.nextInt(3) != 0) {
        continue;
      }
      taken.add(pair);
      if (r.nextBoolean()) {
        List<String> classes = r.nextBoolean() ? List.of() : List.of("gold");
        policies.add(new SrPolicy("p" + id++, d.src(), d.dst(), classes, r.nextInt(6) != 0,
            candidates(r, s, d.src())));
      } else {
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          lsps.add(new Lsp("l" + id++, d.src(), d.dst(), 5 * r.nextInt(8), r.nextInt(8),
              r.nextInt(3) == 0 ? List.of("gold") : List.of(), r.nextInt(8) != 0));
        }
      }
    }
    return new Snapshot(s.info(), s.devices(), s.links(), rows,
        new TrafficEngineering(policies, lsps));
  }

  private static List<List<Segment>> candidates(Random r, Snapshot s, String head) {
    List<List<Segment>> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int c = 0; c < n; c++) {
      List<Segment> segs = new ArrayList<>();
      int m = 1 + r.nextInt(3);
      String at = head;
      for (int i = 0; i < m; i++) {
        if (r.nextInt(3) == 0) {
          Link l = s.links().get(r.nextInt(s.links().size()));
          // Mostly a link that starts where the path stands (when there is one).
          for (Link x : s.links()) {
            if ((x.a().equals(at) || x.b().equals(at)) && r.nextInt(2) == 0) {
              l = x;
              break;
            }
          }
          segs.add(new Segment.Adj(l.id()));
          at = l.a().equals(at) ? l.b() : l.b().equals(at) ? l.a() : at;
        } else {
          Device d = s.devices().get(r.nextInt(s.devices().size()));
          segs.add(new Segment.Node(d.id()));
          at = d.id();
        }
      }
      out.add(segs);
    }
    return out;
  }

  /** A random change: the network ops of {@link RandomNetworks#change} plus TE ops. */
  public static Change change(long seed, Snapshot s) {
    Change base = RandomNetworks.change(seed, s);
    Random r = new Random(seed * 131 + 17);
    List<ChangeOp> ops = new ArrayList<>(r.nextInt(3) == 0 ? List.of() : base.ops());
    TrafficEngineering te = s.te();
    int count = ops.isEmpty() ? 1 + r.nextInt(2) : r.nextInt(2);
    for (int i = 0; i < count; i++) {
      int kind = r.nextInt(7);
      if (kind <= 1 && !te.policies().isEmpty()) {
        SrPolicy p = te.policies().get(r.nextInt(te.policies().size()));
        ops.add(new ChangeOp.SetPolicyUp(p.id(), kind == 1));
      } else if (kind <= 4 && !te.lsps().isEmpty()) {
        Lsp l = te.lsps().get(r.nextInt(te.lsps().size()));
        ops.add(kind == 2 ? new ChangeOp.SetLspUp(l.id(), false)
            : kind == 3 ? new ChangeOp.SetLspUp(l.id(), true)
            : new ChangeOp.SetLspBandwidth(l.id(), 5 * r.nextInt(8)));
      } else if (kind == 5) {
        // An LSP on a pair no policy steers (no conflict possible).
        for (Demand d : s.demands()) {
          boolean policyPair = te.policies().stream()
              .anyMatch(p -> p.head().equals(d.src()) && p.endpoint().equals(d.dst()));
          if (!policyPair && r.nextInt(4) == 0) {
            ops.add(new ChangeOp.AddLsp(new Lsp("new-lsp" + i, d.src(), d.dst(),
                5 * r.nextInt(8), r.nextInt(8), List.of(), true)));
            break;
          }
        }
      } else {
        for (Demand d : s.demands()) {
          boolean used = te.policies().stream()
              .anyMatch(p -> p.head().equals(d.src()) && p.endpoint().equals(d.dst()))
              || te.lsps().stream()
              .anyMatch(l -> l.head().equals(d.src()) && l.tail().equals(d.dst()));
          if (!used && r.nextInt(4) == 0) {
            ops.add(new ChangeOp.AddPolicy(new SrPolicy("new-policy" + i, d.src(), d.dst(),
                List.of(), true, candidates(r, s, d.src()))));
            break;
          }
        }
      }
    }
    if (ops.isEmpty()) {
      ops.addAll(base.ops());
    }
    return new Change("te-" + seed, "random TE change " + seed, ops);
  }
}
