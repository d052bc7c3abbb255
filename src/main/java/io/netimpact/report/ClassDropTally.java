package io.netimpact.report;

import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.ImpactReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which classes of service drop where over a sweep (docs/classes.md), tallied report by report
 * and mergeable, for the sweep's page: per class, the scenarios in which it drops on some arc
 * after the scenario, those in which that drop is new on some arc, and its worst drop (the
 * {@code class_impact} row of most Gbps dropped after; ties to the lowest scenario id, then
 * link and from device, so the result does not depend on how the reports are partitioned).
 * {@code add} is O(class rows of the report); the tally holds one entry per class.
 */
public final class ClassDropTally implements Serializable {
  /** One class's figures over the scenarios tallied. */
  private static final class Drops implements Serializable {
    long scenarios;
    long newScenarios;
    ClassImpact worst;

    void worse(ClassImpact r) {
      if (worst == null || r.droppedAfterGbps() > worst.droppedAfterGbps()
          || (r.droppedAfterGbps() == worst.droppedAfterGbps() && key(r).compareTo(key(worst))
              < 0)) {
        worst = r;
      }
    }

    private static String key(ClassImpact r) {
      return r.scenarioId() + "\u0000" + r.linkId() + "\u0000" + r.fromDevice();
    }
  }

  private final TreeMap<String, Drops> byClass = new TreeMap<>();

  /** Tallies one scenario's class rows (none without classes). */
  public ClassDropTally add(ImpactReport r) {
    return add(r.classes());
  }

  /** Tallies the class rows of one scenario. */
  public ClassDropTally add(io.netimpact.verdict.ClassReport scenario) {
    Set<String> dropping = new HashSet<>();
    Set<String> fresh = new HashSet<>();
    for (ClassImpact c : scenario.rows()) {
      if (c.droppedAfterGbps() <= 0) {
        continue;
      }
      Drops d = byClass.computeIfAbsent(c.trafficClass(), k -> new Drops());
      d.worse(c);
      if (dropping.add(c.trafficClass())) {
        d.scenarios++;
      }
      if (c.droppedBeforeGbps() == 0 && fresh.add(c.trafficClass())) {
        d.newScenarios++;
      }
    }
    return this;
  }

  /** This tally with {@code other}'s added (disjoint sets of scenarios). */
  public ClassDropTally merge(ClassDropTally other) {
    other.byClass.forEach((cls, o) -> {
      Drops d = byClass.computeIfAbsent(cls, k -> new Drops());
      d.scenarios += o.scenarios;
      d.newScenarios += o.newScenarios;
      d.worse(o.worst);
    });
    return this;
  }

  /**
   * One line per class that drops in some scenario, the class of the worst drop first:
   * "class best-effort drops in 2 scenarios (2 of them new drops), worst 83.8 Gbps on
   * lax-cr1->atl-cr1 (lag-atl-lax-cr1) in srlg_down:conduit-i80". Never a sum over scenarios (it would count the
   * same traffic once per scenario). Empty when no class drops anywhere.
   */
  public List<String> lines() {
    List<Drops> order = new ArrayList<>(byClass.values());
    List<String> names = new ArrayList<>(byClass.keySet());
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> {
      int c = Double.compare(order.get(b).worst.droppedAfterGbps(),
          order.get(a).worst.droppedAfterGbps());
      return c != 0 ? c : names.get(a).compareTo(names.get(b));
    });
    List<String> out = new ArrayList<>();
    for (int i : idx) {
      Drops d = order.get(i);
      ClassImpact w = d.worst;
      out.add(String.format(Locale.ROOT, "class %s drops in %d scenario%s (%d of them new "
          + "drops), worst %.1f Gbps on %s->%s (%s) in %s", names.get(i), d.scenarios,
          d.scenarios == 1 ? "" : "s", d.newScenarios, w.droppedAfterGbps(), w.fromDevice(),
          w.toDevice(), w.linkId(), w.scenarioId()));
    }
    return out;
  }
}
