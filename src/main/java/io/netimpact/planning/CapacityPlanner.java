package io.netimpact.planning;

import io.netimpact.impact.CapacityCurve;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.ScenarioSummary;
import io.netimpact.verdict.Verdict;
import io.netimpact.impact.WorstCase;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The augmentation plan of a sweep (docs/semantics.md#the-augmentation-plan-sweep---plan): members
 * to add per link so that, in
 * the base network and in every scenario of the sweep where the link is usable, both its arcs
 * stay at or below a target utilisation; repeated in rounds, because added members can make a
 * link usable where min-links had taken it down, and so move traffic.
 *
 * <p>A round sizes every link from the last evaluation ({@link LinkSizing}, from the
 * evaluation's {@link CapacityCurve} and base loads), adds the members to the accumulated plan,
 * and evaluates the sweep's changes on the augmented snapshot (the base plus every member added
 * so far) through {@link Rounds}, that is, through the one evaluator. Rounds stop when one adds
 * nothing, or after {@link #MAX_ROUNDS}; the scenarios still RISK or BLOCK in the last
 * evaluation are the residual (stranded traffic, for one, which capacity cannot fix).
 *
 * <p><b>When the sweep is not routed again, and why that is exact.</b> Routing depends on which
 * arcs are usable, their IGP metrics, drains and removals, never on capacity. Adding members to
 * a link changes its capacity; it changes its usability only where the link is admin up with
 * both ends present and had fewer than min-links members up. So when, in the base network and
 * in every scenario, each link that got members this round is usable after exactly when it was
 * before (checked in O(scenarios x links augmented) on the scenarios' masks), every
 * destination's shortest paths, ECMP splits and therefore every arc's load are the same as in
 * the previous evaluation, and only capacities differ: {@link Rounds#evaluate} is told it may
 * reuse the previous routing (the merged scenario states and baseline loads) and only assemble
 * the reports again against the augmented capacities. The next round's sizing then sees the
 * same loads over larger capacities, which by construction fit, so it adds nothing. Otherwise
 * the sweep is routed again on the augmented network. (This holds for IGP routing: a sweep with
 * traffic engineering is refused with {@code --plan}. RSVP-TE placement
 * (docs/semantics.md#traffic-engineering) reserves bandwidth out of capacity, so added capacity
 * can move an LSP: a snapshot with LSPs would have to count as a usability change here.)
 *
 * <p>Cost: per round O(L x points) to size, O(S x ops + L + M) to build the masks, O(S x
 * links augmented) for the usability check, plus the evaluation (an assembly pass when routing
 * is reused, a full sweep otherwise); at most {@link #MAX_ROUNDS} rounds.
 */
public final class CapacityPlanner {
  public static final int MAX_ROUNDS = 5;

  private CapacityPlanner() {}

  /**
   * One evaluation of the sweep: the base loads (Gbps per base arc), the worst case folded over
   * the scenarios, and every scenario's summary (any order).
   */
  public record Evaluated(double[] baseLoad, WorstCase worst, List<ScenarioSummary> summaries) {}

  /** The one evaluator, as the planner calls it between rounds. */
  @FunctionalInterface
  public interface Rounds {
    /**
     * Evaluates the scenarios (the sweep's changes as masks over {@code base}, in sweep order)
     * on the augmented network {@code base}.
     *
     * @param reroute false when routing is provably that of the previous evaluation (only
     *     capacities changed): the previous merged states may be assembled again against
     *     {@code base}; true when the sweep must be routed again
     */
    Evaluated evaluate(Network base, List<Scenario> scenarios, boolean reroute);
  }

  /** What to plan for. {@code changes} are the sweep's scenarios as changes, in sweep order. */
  public record Request(String runId, String sweepId, Snapshot snapshot, List<Change> changes,
      double targetUtil) {
    public Request {
      changes = List.copyOf(changes);
      if (!(targetUtil > 0 && targetUtil <= 1)) {
        throw new IllegalArgumentException("target utilisation must be in (0, 1], got "
            + targetUtil);
      }
    }
  }

  /**
   * Plans from the sweep's own evaluation {@code first} of {@code scenarios} over {@code base}
   * (the compiled {@code req.snapshot()}). See the class comment for the rounds and the cost.
   */
  public static AugmentPlan plan(Request req, Network base, List<Scenario> scenarios,
      Evaluated first, Rounds rounds) {
    int links = base.linkCount();
    Augmentation names = new Augmentation(req.snapshot(), req.changes());
    int[] total = new int[links];
    int[] driving = new int[links];
    double[] utilBefore = null;
    Network net = base;
    List<Scenario> current = scenarios;
    Evaluated eval = first;
    int round = 0;
    int reswept = 0;
    while (round < MAX_ROUNDS) {
      round++;
      int[] added = new int[links];
      double[] util = new double[links];
      boolean any = false;
      for (int l = 0; l < links; l++) {
        LinkSizing z = LinkSizing.of(points(net, eval, l), names.memberGbps(l), req.targetUtil());
        util[l] = z.utilBefore();
        if (z.members() > 0) {
          added[l] = z.members();
          total[l] += z.members();
          driving[l] = z.driving();
          any = true;
        }
      }
      if (utilBefore == null) {
        utilBefore = util;
      }
      if (!any) {
        break;
      }
      Network next = NetworkCompiler.compile(names.apply(total));
      List<Scenario> masks = new ArrayList<>(current.size());
      for (int i = 0; i < current.size(); i++) {
        Change c = req.changes().get(i);
        masks.add(new Scenario(c.id(), c.title(), ScenarioMask.of(next, c)));
      }
      boolean reroute = usabilityChanges(net, current, next, masks, added);
      eval = rounds.evaluate(next, masks, reroute);
      if (reroute) {
        reswept++;
      }
      net = next;
      current = masks;
    }
    List<AugmentRow> rows = new ArrayList<>();
    for (int l = 0; l < links; l++) {
      if (total[l] > 0) {
        LinkSizing after = LinkSizing.of(points(net, eval, l), names.memberGbps(l),
            req.targetUtil());
        rows.add(new AugmentRow(req.runId(), base.linkId(l), total[l], names.memberGbps(l),
            base.linkCapacity(l), net.linkCapacity(l), utilBefore[l], after.utilBefore(),
            driving[l] == LinkSizing.BASE ? req.sweepId()
                : scenarios.get(driving[l]).id()));
      }
    }
    Optional<Change> change = rows.isEmpty() ? Optional.empty()
        : Optional.of(names.change(req.runId() + "-augment", String.format(Locale.ROOT,
            "Augmentation plan of sweep %s: at most %.0f %% utilisation in every scenario",
            req.sweepId(), 100 * req.targetUtil()), total));
    return new AugmentPlan(rows, residual(req.runId(), scenarios, eval.summaries()), change,
        round, reswept, req.targetUtil());
  }

  /** Link {@code l}'s points: the base's (when usable there) and the evaluation's curve. */
  private static CapacityCurve.Point[] points(Network net, Evaluated eval, int l) {
    CapacityCurve.Point[] curve = eval.worst().curve().points(l);
    if (!net.isUsable(l)) {
      return curve;
    }
    CapacityCurve.Point[] out = Arrays.copyOf(curve, curve.length + 1);
    out[curve.length] = new CapacityCurve.Point(net.linkCapacity(l),
        Math.max(eval.baseLoad()[2 * l], eval.baseLoad()[2 * l + 1]), LinkSizing.BASE);
    return out;
  }

  /**
   * Whether a link that got members is usable in the base or a scenario where it was not (the
   * reverse cannot happen). O(S x links augmented).
   */
  static boolean usabilityChanges(Network before, List<Scenario> was, Network after,
      List<Scenario> is, int[] added) {
    int[] augmented = java.util.stream.IntStream.range(0, added.length)
        .filter(l -> added[l] > 0).toArray();
    MaskedView b = MaskedView.of(before);
    MaskedView a = MaskedView.of(after);
    for (int l : augmented) {
      if (b.isUsable(l) != a.isUsable(l)) {
        return true;
      }
    }
    for (int i = 0; i < was.size(); i++) {
      b.show(was.get(i).mask());
      a.show(is.get(i).mask());
      for (int l : augmented) {
        if (b.isUsable(l) != a.isUsable(l)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The scenarios not SAFE in the last evaluation, in scenario order. O(S log S). */
  private static List<ResidualRow> residual(String runId, List<Scenario> scenarios,
      List<ScenarioSummary> summaries) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < scenarios.size(); i++) {
      order.put(scenarios.get(i).id(), i);
    }
    return summaries.stream().filter(s -> s.verdict() != Verdict.SAFE)
        .sorted(Comparator.comparingInt(s -> order.getOrDefault(s.scenarioId(), -1)))
        .map(s -> new ResidualRow(runId, s.scenarioId(), s.verdict(), s.reason()))
        .toList();
  }
}
