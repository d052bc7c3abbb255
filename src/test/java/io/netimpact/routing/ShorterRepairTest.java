package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.routes.PairResult;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.testing.ReferenceRouter;
import io.netimpact.testing.ReportAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The repair of changes that may shorten paths (added links, lowered metrics, undrains, stubs
 * given back, each alone or with changes that lengthen paths) gives the report of routing every
 * destination afresh, on fabrics with stubs and on random networks.
 */
class ShorterRepairTest {

  /** Both strategies on each change: the same report. Returns how many were shortening. */
  private static int assertRepairEqualsFull(Network net, List<Change> changes) {
    int shortening = 0;
    for (Change c : changes) {
      ScenarioMask mask = After.mask(net, c);
      shortening += mask.isIncreaseOnly() ? 0 : 1;
      Scenario s = new Scenario(c.id(), "", mask);
      ImpactReport full = Evaluator.review("r", "s", net, s, Evaluator.Strategy.FULL,
          Thresholds.DEFAULT);
      ImpactReport inc = Evaluator.review("r", "s", net, s, Evaluator.Strategy.INCREMENTAL,
          Thresholds.DEFAULT);
      ReportAssertions.assertSameReport(full, inc, c.toString());
    }
    return shortening;
  }

  @Test
  void addedLinksBetweenRacksWithOtherOps_equalRoutingAfresh() {
    Network net = TransitStubsTest.twoFabrics().compile();
    List<String> devices = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      devices.add(net.nodeId(v));
    }
    Random r = new Random(26);
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<ChangeOp> ops = new ArrayList<>();
      String a = devices.get(r.nextInt(devices.size()));
      String b = devices.get(r.nextInt(devices.size()));
      if (!a.equals(b)) {
        ops.add(new ChangeOp.AddLink(Link.simple("new" + i, a, b, 1 + r.nextInt(6), 100)));
      }
      for (int k = r.nextInt(3); k > 0; k--) {
        String link = net.linkId(r.nextInt(net.linkCount()));
        ops.add(switch (r.nextInt(4)) {
          case 0 -> new ChangeOp.SetLinkUp(link, false);
          case 1 -> new ChangeOp.SetMetric(link, 1 + r.nextInt(6),
              ChangeOp.Direction.values()[r.nextInt(3)]);
          case 2 -> new ChangeOp.SetDrained(devices.get(r.nextInt(devices.size())), true);
          default -> new ChangeOp.ScaleDemands(1.5, Optional.of(r.nextBoolean() ? "x" : "y"),
              Optional.empty());
        });
      }
      if (!ops.isEmpty()) {
        changes.add(new Change("c" + i, "", ops));
      }
    }
    assertTrue(assertRepairEqualsFull(net, changes) > 200, "most changes shorten paths");
  }

  @Test
  void shorteningChangesOnRandomNetworks_equalRoutingAfresh() {
    int shortening = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Snapshot s = RandomNetworks.snapshot(seed, 8 + (int) (seed % 10), 12 + (int) (seed % 15),
          10 + (int) (seed % 30));
      Network net = NetworkCompiler.compile(s);
      Random r = new Random(seed);
      List<Change> changes = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        // A random change, with a cheap added link or a lowered metric on top.
        Change c = RandomNetworks.change(seed * 1000 + k, s);
        List<ChangeOp> ops = new ArrayList<>(c.ops());
        String a = s.devices().get(r.nextInt(s.devices().size())).id();
        String b = s.devices().get(r.nextInt(s.devices().size())).id();
        ops.add(a.equals(b) || r.nextBoolean()
            ? new ChangeOp.SetMetric(s.links().get(r.nextInt(s.links().size())).id(), 1,
                ChangeOp.Direction.values()[r.nextInt(3)])
            : new ChangeOp.AddLink(Link.simple("extra", a, b, 1 + r.nextInt(3), 30)));
        changes.add(new Change(c.id(), "", ops));
      }
      shortening += assertRepairEqualsFull(net, changes);
    }
    assertTrue(shortening > 300, "shortening changes " + shortening);
  }

  @Test
  void anAddedShortcut_isRepairedWithoutRoutingTheDestinationAgain() {
    // A chain a-b-c-d-e towards e and a new link a-d of metric 2: only a comes nearer (3
    // instead of 4); b keeps its path (4 over a against 3).
    Network net = io.netimpact.testing.Net.create().device("a", "s").device("b", "s")
        .device("c", "s").device("d", "s").device("e", "s")
        .link("ab", "a", "b", 1, 100).link("bc", "b", "c", 1, 100).link("cd", "c", "d", 1, 100)
        .link("de", "d", "e", 1, 100).demand("a", "e", 10).demand("b", "e", 5).compile();
    ScenarioMask mask = After.mask(net, new Change("c", "",
        List.of(new ChangeOp.AddLink(Link.simple("ad", "a", "d", 2, 100)))));
    PairEvaluator pe = new PairEvaluator(net);
    DestinationBaseline b = pe.baseline(net.node("e").orElseThrow());
    double[] delta = new double[net.arcCount() + 2];
    PairResult r = pe.evaluate(b, mask, true, (arc, g) -> delta[arc] += g);
    double[] before = ReferenceRouter.loads(net, new double[1]);
    double[] after = ReferenceRouter.loads(MaskedView.of(net, mask), new double[1]);
    for (int arc = 0; arc < after.length; arc++) {
      double was = arc < before.length ? before[arc] : 0;
      assertEquals(after[arc] - was, delta[arc], 1e-12, "arc " + arc);
    }
    assertEquals(-10, delta[arcOf(net, "ab", "a")], 1e-12, "a's 10 Gbps leave a-b");
    assertEquals(10, delta[net.arcCount()], 1e-12, "and take the added arc a->d");
    assertEquals(1, r.changes().size(), "only a's route changed");
    assertEquals(0, pe.fallbacks());
  }

  private static int arcOf(Network net, String link, String from) {
    int l = net.link(link).orElseThrow();
    return net.nodeId(net.linkA(l)).equals(from) ? 2 * l : 2 * l + 1;
  }
}
