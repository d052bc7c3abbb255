package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.PairComposition;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.SurviveComposition;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The stubs a change then a failure gives back, shared from the two ({@link
 * PairEvaluator#shareStubsGivenBack}), and the survival composition on a network with stubs,
 * on the two Clos data centres of {@link TransitStubsTest#twoFabrics} (racks and pod 2's
 * leaves are stubs; each data centre is one site).
 */
class SharedStubsTest {
  @Test
  void sharedStubs_areThoseTheTwoOpMaskFindsItself() {
    Network net = TransitStubsTest.twoFabrics().compile();
    PairEvaluator pe = new PairEvaluator(net);
    DestinationDag dag = pe.route(net.destinations()[0]);
    int shared = 0;
    int found = 0;
    int givenBack = 0;
    // Drains, and a leaf cut from both its spines (its racks carry its traffic then).
    List<List<ChangeOp>> changes = new ArrayList<>();
    for (String drained : List.of("x-s11", "x-l01", "x-l21", "y-s22")) {
      changes.add(List.of(new ChangeOp.SetDrained(drained, true)));
    }
    changes.add(List.of(new ChangeOp.SetLinkUp("x-l01-s1", false),
        new ChangeOp.SetLinkUp("x-l01-s2", false)));
    for (List<ChangeOp> c : changes) {
      String drained = c.toString();
      for (int l = 0; l < net.linkCount(); l++) {
        ChangeOp f = new ChangeOp.SetLinkUp(net.linkId(l), false);
        ScenarioMask cm = mask(net, c.toArray(ChangeOp[]::new));
        ScenarioMask fm = mask(net, f);
        List<ChangeOp> two = new ArrayList<>(c);
        two.add(f);
        ScenarioMask both = mask(net, two.toArray(ChangeOp[]::new));
        pe.shareStubsGivenBack(cm, fm, both);
        boolean wasShared = both.returningStubs != null;
        ScenarioMask fresh = mask(net, two.toArray(ChangeOp[]::new));
        pe.affects(dag, fresh);
        int[] own = fresh.returningStubs;
        pe.affects(dag, both);
        assertArrayEquals(own, both.returningStubs, drained + " then " + net.linkId(l));
        givenBack += wasShared && own.length > 0 ? 1 : 0;
        shared += wasShared ? 1 : 0;
        found += wasShared ? 0 : 1;
      }
    }
    assertTrue(shared > 0 && found > 0, "shared " + shared + ", found by the mask " + found);
    assertTrue(givenBack > 0, "some shared union gives stubs back: " + givenBack);
  }

  @Test
  void drainingASpine_thenEachLinkDown_composedEqualsTheTwoOpChangesRoutedFromScratch() {
    Network net = TransitStubsTest.twoFabrics().compile();
    for (String drained : List.of("x-s11", "y-l02")) {
      ChangeOp c = new ChangeOp.SetDrained(drained, true);
      List<ScenarioMask> alone = new ArrayList<>();
      List<ScenarioMask> then = new ArrayList<>();
      List<Scenario> brute = new ArrayList<>();
      for (int l = 0; l < net.linkCount(); l++) {
        ChangeOp f = new ChangeOp.SetLinkUp(net.linkId(l), false);
        alone.add(mask(net, f));
        then.add(mask(net, c, f));
        brute.add(new Scenario(net.linkId(l), "", mask(net, c, f)));
      }
      Thresholds th = new Thresholds(0.2);
      Evaluator.Evaluated full = Evaluator.evaluated("r", "s", net, brute,
          Evaluator.Strategy.FULL, th, null, Overlay.NONE, Optional.empty(),
          PairComposition.none());
      SurviveComposition plan = SurviveComposition.of(net, Optional.of(mask(net, c)), alone,
          then).orElseThrow();
      List<SurviveComposition.Figures> got = plan.figures(net, full.baseline(), th,
          plan.evaluate(net));
      for (int i = 0; i < brute.size(); i++) {
        ImpactReport r = full.reports().get(i);
        SurviveComposition.Figures g = got.get(i);
        String w = drained + " then " + brute.get(i).id();
        assertEquals(r.summary().maxUtilAfter(), g.maxUtil(), 1e-9, w);
        assertEquals(r.summary().worstLinkId(), g.worstLinkId(), w);
        assertEquals(r.summary().strandedGbpsAfter(), g.strandedGbps(), 1e-9, w);
        boolean over = r.links().stream().anyMatch(x -> x.statusAfter()
            == io.netimpact.verdict.ArcStatus.OVER && x.statusBefore()
            != io.netimpact.verdict.ArcStatus.OVER);
        assertEquals(over, g.newlyOver(), w);
      }
    }
  }

  private static ScenarioMask mask(Network net, ChangeOp... ops) {
    return ScenarioMask.of(net, new Change("c", "", List.of(ops)));
  }
}
