package io.netimpact.impact;

import io.netimpact.model.ServiceClasses;
import io.netimpact.routing.DemandClasses;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.verdict.ClassImpact;
import io.netimpact.verdict.ClassReport;
import io.netimpact.verdict.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict-priority service of classes on each arc (docs/classes.md): classes are served in
 * priority order, each given min(its offered load, the capacity less what higher priorities
 * were given, at least 0); the rest of it is dropped. An arc drops nothing unless its total
 * load is over its capacity beyond rounding ({@link Thresholds#over}), and a class's drop below
 * the same tolerance counts as none, so that ECMP sums in another order never make a drop.
 *
 * <p>An instance holds the classes, the demands' shares and the base's per-class arc loads
 * ({@code [class][arc]}, flat, Gbps), and turns a scenario's per-class deltas into its {@link
 * ClassReport}: O(C x K) for the C arcs the assembler looks at and K classes.
 */
public final class ClassService implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final ServiceClasses classes;
  private final DemandClasses shares;
  private final double[] baseLoad;
  private final int arcs;

  /**
   * @param baseLoad per-class base loads, {@code baseLoad[c * arcs + a]} Gbps, for the {@code
   *                 arcs} base arcs
   */
  public ClassService(ServiceClasses classes, DemandClasses shares, double[] baseLoad,
      int arcs) {
    if (!classes.present() || shares.count() != classes.count()
        || baseLoad.length != classes.count() * arcs) {
      throw new IllegalArgumentException("class service needs present classes, " + classes.count()
          + " shares and " + classes.count() + " x " + arcs + " base loads");
    }
    this.classes = classes;
    this.shares = shares;
    this.baseLoad = baseLoad;
    this.arcs = arcs;
  }

  public ServiceClasses classes() {
    return classes;
  }

  public DemandClasses shares() {
    return shares;
  }

  /** The base load of class {@code c} on base arc {@code a}, Gbps. */
  public double baseLoad(int c, int a) {
    return baseLoad[c * arcs + a];
  }

  /**
   * Strict priority on one arc: {@code offered[c]} Gbps per class, highest priority first,
   * into {@code dropped[c]}; returns the total dropped. Nothing drops unless the total is over
   * {@code capacity} beyond rounding. O(classes).
   */
  public static double serve(double[] offered, double capacity, double[] dropped) {
    double total = 0;
    for (double o : offered) {
      total += o;
    }
    boolean over = Thresholds.over(total, capacity);
    double left = Math.max(0, capacity);
    double tolerance = Thresholds.EPSILON * Math.max(1.0, capacity);
    double sum = 0;
    for (int c = 0; c < offered.length; c++) {
      double given = Math.min(offered[c], left);
      left = Math.max(0, left - given);
      double d = offered[c] - given;
      dropped[c] = over && d > tolerance ? d : 0.0;
      sum += dropped[c];
    }
    return sum;
  }

  /**
   * The classes that drop on one arc of {@code capacity} Gbps offered {@code offered[c]} per
   * class: bit c set when class c drops. The question an availability count asks of an arc in
   * a scenario ("is this demand's class served on every arc of its paths?"); classes past 63
   * are not reported. O(classes).
   */
  public static long droppingClasses(double[] offered, double capacity) {
    double[] dropped = new double[offered.length];
    serve(offered, capacity, dropped);
    long bits = 0;
    for (int c = 0; c < Math.min(64, offered.length); c++) {
      if (dropped[c] > 0) {
        bits |= 1L << c;
      }
    }
    return bits;
  }

  /**
   * The per-class loads offered to arc {@code a} after the scenario of {@code state} (base
   * loads plus its deltas; an added arc starts at 0), into {@code out}. O(classes).
   */
  public void offeredAfter(ScenarioState state, int a, double[] out) {
    var delta = state.classDelta();
    for (int c = 0; c < out.length; c++) {
      double v = (a < arcs ? baseLoad[c * arcs + a] : 0.0)
          + delta.get(ScenarioState.classKey(a, c));
      // Pushed before and after in other orders: a rounding error below zero where all left.
      out[c] = v < 0 && v > -1e-9 ? 0 : v;
    }
  }

  /**
   * The classes that drop on arc {@code a} of {@code capacity} Gbps after the scenario of
   * {@code state} (bit c for class c, {@link #droppingClasses}). O(classes).
   */
  public long droppingAfter(ScenarioState state, int a, double capacity) {
    double[] offered = new double[classes.count()];
    offeredAfter(state, a, offered);
    return droppingClasses(offered, capacity);
  }

  /** The classes that drop on base arc {@code a} of {@code capacity} Gbps before. O(classes). */
  public long droppingBefore(int a, double capacity) {
    double[] offered = new double[classes.count()];
    for (int c = 0; c < offered.length; c++) {
      offered[c] = baseLoad[c * arcs + a];
    }
    return droppingClasses(offered, capacity);
  }

  /**
   * The scenario's class report over the arcs {@code looked} (ascending; every arc that can
   * drop before or after: those over capacity before, those the scenario changes, the added
   * ones), {@code after} showing the scenario. O(|looked| x classes).
   */
  public ClassReport assess(String runId, String scenarioId, Network base, MaskedView after,
      int[] looked, ScenarioState state) {
    int k = classes.count();
    double[] offB = new double[k];
    double[] offA = new double[k];
    double[] dropB = new double[k];
    double[] dropA = new double[k];
    List<ClassImpact> rows = new ArrayList<>();
    double protectedAfter = 0;
    double allAfter = 0;
    boolean newlyProtected = false;
    boolean newlyOther = false;
    for (int a : looked) {
      boolean existed = a < arcs;
      for (int c = 0; c < k; c++) {
        offB[c] = existed ? baseLoad[c * arcs + a] : 0.0;
      }
      offeredAfter(state, a, offA);
      double capB = existed ? base.arcCapacity(a) : 0.0;
      double capA = after.arcCapacity(a);
      double before = existed ? serve(offB, capB, dropB) : clear(dropB);
      double afterDrop = serve(offA, capA, dropA);
      if (before == 0 && afterDrop == 0) {
        continue;
      }
      for (int c = 0; c < k; c++) {
        if (dropA[c] > 0) {
          allAfter += dropA[c];
          if (classes.isProtected(c)) {
            protectedAfter += dropA[c];
          }
          if (dropB[c] == 0) {
            if (classes.isProtected(c)) {
              newlyProtected = true;
            } else {
              newlyOther = true;
            }
          }
        }
        if (dropA[c] > 0 || dropB[c] > 0) {
          rows.add(new ClassImpact(runId, scenarioId, after.linkId(Network.linkOf(a)),
              after.nodeId(after.tail(a)), after.nodeId(after.head(a)), classes.name(c), offB[c],
              offA[c], dropB[c], dropA[c]));
        }
      }
    }
    return new ClassReport(true, rows, protectedAfter, allAfter, newlyProtected, newlyOther);
  }

  private static double clear(double[] x) {
    java.util.Arrays.fill(x, 0.0);
    return 0;
  }
}
