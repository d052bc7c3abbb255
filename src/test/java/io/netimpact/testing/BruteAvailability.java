package io.netimpact.testing;

import io.netimpact.verdict.ArcStatus;
import io.netimpact.verdict.ClassImpact;
import io.netimpact.impact.ClassInput;
import io.netimpact.impact.Evaluator;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.impact.Overlay;
import io.netimpact.impact.Scenario;
import io.netimpact.verdict.Thresholds;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Device;
import io.netimpact.model.FailureModel;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every demand's availability by brute force (contract 7.6): every set of at most two failed
 * elements of a failure model (no cutoff) is an explicit change reviewed on its own by the
 * evaluator's reference strategy ({@link Evaluator.Strategy#FULL}); its probability is the
 * product over every element; a demand's paths in it come from the naive {@link
 * ReferenceRouter}; the demand is hit when it has no path, or when one of its path arcs is OVER
 * in the review's {@code link_impact} rows (without classes) or drops one of its classes in the
 * review's {@code class_impact} rows (with classes). The base's drops are the rows' "before"
 * side. Sums are taken directly, scenario by scenario.
 */
public final class BruteAvailability {
  private BruteAvailability() {}

  /** Per demand (network order): availability and expected unroutable Gbps; and covered. */
  public record Result(double[] availability, double[] unroutable, double covered) {}

  public static Result of(Snapshot s, Network base, FailureModel m,
      Optional<ClassInput> classes) {
    List<ChangeOp> elements = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    Set<String> srlgs = new LinkedHashSet<>();
    Set<String> sites = new LinkedHashSet<>();
    for (Link l : s.links()) {
      elements.add(new ChangeOp.SetLinkUp(l.id(), false));
      ps.add(m.p(Sweep.Each.LINK, l.id()));
      srlgs.addAll(l.srlgs());
    }
    for (String g : srlgs) {
      elements.add(new ChangeOp.SrlgDown(g));
      ps.add(m.p(Sweep.Each.SRLG, g));
    }
    for (Device d : s.devices()) {
      elements.add(new ChangeOp.RemoveDevice(d.id()));
      ps.add(m.p(Sweep.Each.DEVICE, d.id()));
      if (!d.site().isEmpty()) {
        sites.add(d.site());
      }
    }
    for (String site : sites) {
      elements.add(new ChangeOp.SiteDown(site));
      ps.add(m.p(Sweep.Each.SITE, site));
    }
    int n = elements.size();
    double[] avail = new double[base.demandCount()];
    double[] unroutable = new double[base.demandCount()];
    double covered = 0;
    List<int[]> subsets = new ArrayList<>();
    subsets.add(new int[] {-1, -1});
    for (int i = 0; i < n; i++) {
      subsets.add(new int[] {i, -1});
      for (int j = i + 1; j < n; j++) {
        subsets.add(new int[] {i, j});
      }
    }
    for (int[] sub : subsets) {
      List<ChangeOp> ops = new ArrayList<>();
      double p = 1;
      for (int e = 0; e < n; e++) {
        boolean failed = e == sub[0] || e == sub[1];
        p *= failed ? ps.get(e) : 1 - ps.get(e);
        if (failed) {
          ops.add(elements.get(e));
        }
      }
      if (p == 0) {
        continue;
      }
      covered += p;
      boolean isBase = ops.isEmpty();
      // The base is read from the "before" side of a review of any change.
      Change change = new Change("x", "x", isBase ? List.of(elements.get(0)) : ops);
      ScenarioMask mask = ScenarioMask.of(base, change);
      ImpactReport r = Evaluator.evaluate("r", "s", base, List.of(new Scenario("x", "x", mask)),
          Evaluator.Strategy.FULL, Thresholds.DEFAULT, null, Overlay.NONE, classes).get(0);
      Set<String> drops = new HashSet<>();
      if (classes.isPresent()) {
        for (ClassImpact c : r.classes().rows()) {
          if ((isBase ? c.droppedBeforeGbps() : c.droppedAfterGbps()) > 0) {
            drops.add(c.linkId() + "|" + c.fromDevice() + "|" + c.toDevice() + "|"
                + c.trafficClass());
          }
        }
      } else {
        for (LinkImpact l : r.links()) {
          if ((isBase ? l.statusBefore() : l.statusAfter()) == ArcStatus.OVER) {
            drops.add(l.linkId() + "|" + l.fromDevice() + "|" + l.toDevice() + "|");
          }
        }
      }
      MaskedView v = isBase ? MaskedView.of(base) : MaskedView.of(base, mask);
      for (int k = 0; k < base.demandCount(); k++) {
        boolean[] arcs = ReferenceRouter.arcsOf(v, k);
        boolean hit = arcs == null;
        for (int a = 0; !hit && a < arcs.length; a++) {
          if (arcs[a]) {
            String arc = v.linkId(Network.linkOf(a)) + "|" + v.nodeId(v.tail(a)) + "|"
                + v.nodeId(v.head(a)) + "|";
            for (String cls : classesOf(classes, k)) {
              hit |= drops.contains(arc + cls);
            }
          }
        }
        if (!hit) {
          avail[k] += p;
        } else if (arcs == null) {
          unroutable[k] += p * v.demandGbps(k);
        }
      }
    }
    return new Result(avail, unroutable, covered);
  }

  /** The class names demand k carries ({@code ""} alone without classes). */
  private static List<String> classesOf(Optional<ClassInput> classes, int k) {
    if (classes.isEmpty()) {
      return List.of("");
    }
    ClassInput in = classes.get();
    int kc = in.shares().count();
    List<String> out = new ArrayList<>();
    for (int c = 0; c < kc; c++) {
      if (in.shares().share()[k * kc + c] > 0) {
        out.add(in.classes().name(c));
      }
    }
    return out;
  }
}
