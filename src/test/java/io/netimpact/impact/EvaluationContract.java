package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.Net;
import io.netimpact.testing.Topologies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import io.netimpact.te.TeOverlay;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every evaluation path must pass, in the manner of JGraphT's shared
 * {@code ShortestPathTestCase}: hand-worked changes on the named tiny topologies, each with
 * the utilisation, lost traffic, arc counts and (where the path reports them) arc loads and
 * verdict a network engineer works out on paper. The plain-Java full and incremental paths,
 * the Spark review, the Spark sweep and the traffic-series evaluator each extend it.
 */
public abstract class EvaluationContract {
  /**
   * What every path reports for one scenario. {@code loadsAfter} (arc {@code link:from>to} to
   * Gbps, loaded arcs only) and {@code verdict} are empty for paths that do not report them.
   */
  public record Outcome(double maxUtilBefore, double maxUtilAfter, double unroutableAfter,
      long arcsOverWarnAfter, long arcsOverCapacityAfter, String worstLink,
      Optional<Map<String, Double>> loadsAfter, Optional<Verdict> verdict) {

    /** The outcome of a full report (every field). */
    public static Outcome of(ImpactReport r) {
      ScenarioSummary s = r.summary();
      Map<String, Double> loads = new java.util.TreeMap<>();
      for (LinkImpact l : r.links()) {
        if (l.loadAfterGbps() > 0) {
          loads.put(l.linkId() + ":" + l.fromDevice() + ">" + l.toDevice(), l.loadAfterGbps());
        }
      }
      return new Outcome(s.maxUtilBefore(), s.maxUtilAfter(), s.unroutableGbpsAfter(),
          s.linksOverWarnAfter(), s.linksOverCapacityAfter(), s.worstLinkId(),
          Optional.of(loads), Optional.of(s.verdict()));
    }
  }

  /** The scenario of {@code c} with traffic engineering, registered in {@code overlay}. */
  protected static Scenario teScenario(TeOverlay overlay, Change c) {
    return overlay.scenario(c, ScenarioMask.of(overlay.network(), c));
  }

  /** Evaluates {@code scenario} (a mask of {@code base}) by the path under test. */
  protected abstract Outcome evaluate(Network base, Snapshot snapshot, Scenario scenario);

  private Outcome run(Net net, ChangeOp... ops) {
    Snapshot s = net.snapshot();
    Network base = NetworkCompiler.compile(s);
    Change c = new Change("c", "", List.of(ops));
    return evaluate(base, s, new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
  }

  /**
   * Evaluates {@code change} with traffic engineering: the path makes its scenario (or
   * scenarios) with {@link TeOverlay#scenario} over {@code overlay.network()}. Paths that do
   * not evaluate TE leave it as it is and skip the TE cases.
   */
  protected Outcome evaluateTe(TeOverlay overlay, Change change) {
    Assumptions.abort("this path does not evaluate traffic engineering");
    return null;
  }

  private Outcome runTe(Net net, List<SrPolicy> policies, List<Lsp> lsps, ChangeOp... ops) {
    Snapshot plain = net.snapshot();
    Snapshot s = plain.withTe(new TrafficEngineering(policies, lsps));
    TeOverlay ov = TeOverlay.of(s, true);
    return evaluateTe(ov, new Change("c", "", List.of(ops)));
  }

  private static SrPolicy policy(String head, String end, List<Segment> path) {
    return new SrPolicy("p", head, end, List.of(), true, List.of(path));
  }

  private static Lsp lsp(String head, String tail, double bw) {
    return new Lsp("l", head, tail, bw, 7, List.of(), true);
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  /** Loads changed by the change (arcs whose load is unchanged have no row). */
  private static void loads(Outcome o, Map<String, Double> expected) {
    o.loadsAfter().ifPresent(got -> {
      for (var e : expected.entrySet()) {
        assertTrue(got.containsKey(e.getKey()), e.getKey() + " missing in " + got);
        close(e.getValue(), got.get(e.getKey()), e.getKey());
      }
    });
  }

  private static void verdict(Outcome o, Verdict v) {
    o.verdict().ifPresent(got -> assertEquals(v, got, "verdict"));
  }

  @Test
  void linkCut_onTheSquare_movesAllTrafficToTheOtherPath() {
    Outcome o = run(Topologies.square().demand("a", "d", 10), new ChangeOp.SetLinkUp("ab", false));
    close(0.05, o.maxUtilBefore(), "max util before");
    close(0.10, o.maxUtilAfter(), "max util after");
    close(0, o.unroutableAfter(), "lost");
    assertEquals(0, o.arcsOverWarnAfter());
    loads(o, Map.of("ac:a>c", 10.0, "cd:c>d", 10.0));
    verdict(o, Verdict.SAFE);
  }

  @Test
  void linkCut_abovewarn_isRisk() {
    Outcome o = run(Topologies.square().demand("a", "d", 90), new ChangeOp.SetLinkUp("ab", false));
    close(0.90, o.maxUtilAfter(), "max util after");
    assertEquals(2, o.arcsOverWarnAfter(), "a>c and c>d above 80 %");
    assertEquals(0, o.arcsOverCapacityAfter());
    verdict(o, Verdict.RISK);
  }

  @Test
  void linkCut_overCapacity_isBlock() {
    Outcome o = run(Topologies.square().demand("a", "d", 150),
        new ChangeOp.SetLinkUp("ab", false));
    close(0.75, o.maxUtilBefore(), "max util before");
    close(1.5, o.maxUtilAfter(), "max util after");
    assertEquals(2, o.arcsOverCapacityAfter());
    assertEquals(2, o.arcsOverWarnAfter());
    assertEquals("ac", o.worstLink());
    verdict(o, Verdict.BLOCK);
  }

  @Test
  void drain_onPerHopEcmp_sendsEverythingTheOtherWay() {
    Outcome o = run(Topologies.perHop().demand("a", "d", 8), new ChangeOp.SetDrained("b", true));
    close(0.04, o.maxUtilBefore(), "a>b and a>c carry half");
    close(0.08, o.maxUtilAfter(), "a>c>d carries all");
    loads(o, Map.of("ac:a>c", 8.0, "cd:c>d", 8.0));
    verdict(o, Verdict.SAFE);
  }

  @Test
  void drain_ofTheTransitDevice_takesTheDetour() {
    Outcome o = run(Topologies.transit().demand("a", "b", 10), new ChangeOp.SetDrained("t", true));
    loads(o, Map.of("ax:a>x", 10.0, "xb:x>b", 10.0));
    close(0.10, o.maxUtilAfter(), "max util after");
    close(0, o.unroutableAfter(), "lost");
  }

  @Test
  void cutOfASingleHomedDevice_makesItsTrafficUnroutable() {
    Net net = Topologies.square().link("dx", "d", "x", 1, 100).demand("a", "x", 5)
        .demand("a", "d", 10);
    Outcome o = run(net, new ChangeOp.SetLinkUp("dx", false));
    close(5, o.unroutableAfter(), "a>x lost whole");
    verdict(o, Verdict.BLOCK);
  }

  @Test
  void removedDestination_losesItsTraffic() {
    Outcome o = run(Topologies.square().demand("a", "d", 10).demand("a", "b", 2),
        new ChangeOp.RemoveDevice("d"));
    close(10, o.unroutableAfter(), "a>d lost");
    close(0.02, o.maxUtilAfter(), "a>b still carried");
    verdict(o, Verdict.BLOCK);
  }

  @Test
  void scaledDemands_scaleEveryPathsLoad() {
    Outcome o = run(Topologies.square().demand("a", "d", 40),
        new ChangeOp.ScaleDemands(2, Optional.empty(), Optional.empty()));
    close(0.2, o.maxUtilBefore(), "max util before");
    close(0.4, o.maxUtilAfter(), "the factor applies");
    loads(o, Map.of("ab:a>b", 40.0, "cd:c>d", 40.0));
    verdict(o, Verdict.SAFE);
  }

  @Test
  void scaledDemandsWithACut_compound() {
    Outcome o = run(Topologies.square().demand("a", "d", 30),
        new ChangeOp.SetLinkUp("ab", false),
        new ChangeOp.ScaleDemands(3, Optional.empty(), Optional.empty()));
    close(0.9, o.maxUtilAfter(), "90 Gbps on a>c");
    verdict(o, Verdict.RISK);
  }

  @Test
  void addedShortcut_takesTheTraffic() {
    Outcome o = run(Topologies.transit().demand("a", "b", 10),
        new ChangeOp.AddLink(Link.simple("ab", "a", "b", 1, 20)));
    close(0.5, o.maxUtilAfter(), "10 of 20 on the new a>b");
    loads(o, Map.of("ab:a>b", 10.0));
    assertEquals("ab", o.worstLink());
    verdict(o, Verdict.SAFE);
  }

  @Test
  void parallelLinkDown_leavesItsTwinWithAll() {
    Outcome o = run(Topologies.parallel().demand("a", "c", 10),
        new ChangeOp.SetLinkUp("ab1", false));
    loads(o, Map.of("ab2:a>b", 10.0)); // b>c carries the same 10 and has no row
    close(0.1, o.maxUtilAfter(), "max util after");
  }

  @Test
  void lowerMetric_movesTrafficOntoTheLongerPath() {
    Outcome o = run(Topologies.transit().demand("a", "b", 10),
        new ChangeOp.SetMetric("ax", 1, ChangeOp.Direction.BOTH));
    // a-x-b now costs 2 like a-t-b: per-hop ECMP halves at a.
    loads(o, Map.of("ax:a>x", 5.0, "at:a>t", 5.0, "xb:x>b", 5.0, "tb:t>b", 5.0));
    close(0.05, o.maxUtilAfter(), "max util after");
  }

  @Test
  void te_policyLegsSurviveAFailure_theLastLegDetours() {
    // The policy sends all of a>d via c; with c-d down its last leg goes c>a>b>d.
    Outcome o = runTe(Topologies.square().demand("a", "d", 10),
        List.of(policy("a", "d", List.of(new Segment.Node("c")))), List.of(),
        new ChangeOp.SetLinkUp("cd", false));
    close(0.1, o.maxUtilBefore(), "a>c and c>d carry all 10 before");
    loads(o, Map.of("ac:c>a", 10.0, "ab:a>b", 10.0, "bd:b>d", 10.0));
    close(0, o.unroutableAfter(), "lost");
    verdict(o, Verdict.SAFE);
  }

  @Test
  void te_policyWithoutAValidPath_fallsBackToIgp() {
    Outcome o = runTe(Topologies.square().demand("a", "d", 10),
        List.of(policy("a", "d", List.of(new Segment.Node("c"), new Segment.Adj("cd")))),
        List.of(), new ChangeOp.SetLinkUp("cd", false));
    loads(o, Map.of("ab:a>b", 10.0, "bd:b>d", 10.0));
    assertTrue(o.loadsAfter().map(m -> !m.containsKey("ac:a>c")).orElse(true), "a>c empty");
    verdict(o, Verdict.SAFE);
  }

  @Test
  void te_lspThatCannotBeReplaced_fallsBackToIgpAndBlocks() {
    Net net = Net.create().link("ht", "h", "t", 1, 10).link("hx", "h", "x", 1, 5)
        .link("xt", "x", "t", 1, 5).demand("h", "t", 8);
    Outcome o = runTe(net, List.of(), List.of(lsp("h", "t", 8)),
        new ChangeOp.SetLinkUp("ht", false));
    close(0.8, o.maxUtilBefore(), "the LSP's 8 on h>t");
    close(1.6, o.maxUtilAfter(), "8 Gbps of IGP over 5 G");
    loads(o, Map.of("hx:h>x", 8.0, "xt:x>t", 8.0));
    assertEquals(2, o.arcsOverCapacityAfter());
    verdict(o, Verdict.BLOCK);
  }

  @Test
  void te_lspDown_handsItsRowsBackToIgpEcmp() {
    // The LSP takes a>b>d ("ab" < "ac" breaks the tie); down, IGP splits at a.
    Outcome o = runTe(Topologies.square().demand("a", "d", 10), List.of(),
        List.of(lsp("a", "d", 10)), new ChangeOp.SetLspUp("l", false));
    close(0.1, o.maxUtilBefore(), "all 10 on a>b>d");
    close(0.05, o.maxUtilAfter(), "half each way");
    loads(o, Map.of("ab:a>b", 5.0, "ac:a>c", 5.0, "bd:b>d", 5.0, "cd:c>d", 5.0));
  }
}
