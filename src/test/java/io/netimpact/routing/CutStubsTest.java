package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.NetworkCompiler.AfterChange;
import io.netimpact.testing.After;
import io.netimpact.testing.RandomNetworks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stubs a failure that only cuts arcs gives back, found from the site's kept stretches
 * ({@link TransitStubs.Stretches}, {@link TransitStubs.Workspace#markCut}), against the sites
 * routed again in full ({@link TransitStubs#returningRoutedAgain}): every link and SRLG down,
 * and every leaf cut from all its spines, on random Clos data centres, on the network as it is
 * and on the network after a spine drain and after a leaf uplink down ({@link AfterChange}).
 */
class CutStubsTest {
  @Test
  void stubsGivenBackByCuts_equalTheSitesRoutedAgain_onRandomFabrics() {
    int compared = 0;
    int givingBack = 0;
    int kept = 0;
    for (long seed = 1; seed <= 16; seed++) {
      Snapshot s = RandomNetworks.fabrics(seed);
      Network base = NetworkCompiler.compile(s);
      List<Network> nets = new ArrayList<>(List.of(base));
      List<Optional<ScenarioMask>> changes = new ArrayList<>(List.of(Optional.empty()));
      for (ChangeOp op : List.of(new ChangeOp.SetDrained("dc0-s11", true),
          new ChangeOp.SetLinkUp("dc1-l01-s1", false))) {
        ScenarioMask cm = After.mask(base, op);
        nets.add(AfterChange.network(base, cm).orElseThrow());
        changes.add(Optional.of(cm));
      }
      List<ScenarioMask> failures = failures(base, s);
      for (int i = 0; i < nets.size(); i++) {
        Network net = nets.get(i);
        TransitStubs.Workspace w = new TransitStubs.Workspace(net.nodeCount());
        for (ScenarioMask f : failures) {
          ScenarioMask m = changes.get(i).isEmpty() ? f
              : AfterChange.failure(base, net, changes.get(i).get(), f).orElseThrow();
          int[] cut = TransitStubs.returning(net, m, MaskedView.of(net, m), w);
          int[] routed = TransitStubs.returningRoutedAgain(net, m, MaskedView.of(net, m), w);
          assertArrayEquals(routed, cut, "seed " + seed + " network " + i + " failure "
              + java.util.Arrays.toString(m.offArcs));
          compared++;
          givingBack += cut.length > 0 ? 1 : 0;
        }
        for (int site = 0; site < net.siteCount(); site++) {
          kept += net.stretches(site).isPresent() ? 1 : 0;
        }
      }
    }
    assertTrue(givingBack > 20, "failures giving stubs back: " + givingBack + " of "
        + compared);
    assertTrue(kept > 0, "sites whose stretches are kept: " + kept);
  }

  /** Every link down, every SRLG down, and every leaf cut from all of its spines. */
  private static List<ScenarioMask> failures(Network base, Snapshot s) {
    List<ScenarioMask> out = new ArrayList<>();
    Set<String> srlgs = new LinkedHashSet<>();
    List<ChangeOp> uplinks = new ArrayList<>();
    String leaf = "";
    for (Link l : s.links()) {
      out.add(After.mask(base, new ChangeOp.SetLinkUp(l.id(), false)));
      srlgs.addAll(l.srlgs());
      String a = l.a();
      if (a.contains("-l") && l.b().contains("-s") && !l.id().contains("-x")) {
        if (!a.equals(leaf) && !uplinks.isEmpty()) {
          out.add(After.mask(base, new Change("up", "", List.copyOf(uplinks))));
          uplinks.clear();
        }
        leaf = a;
        uplinks.add(new ChangeOp.SetLinkUp(l.id(), false));
      }
    }
    if (!uplinks.isEmpty()) {
      out.add(After.mask(base, new Change("up", "", List.copyOf(uplinks))));
    }
    for (String g : srlgs) {
      out.add(After.mask(base, new ChangeOp.SrlgDown(g)));
    }
    return out;
  }
}
