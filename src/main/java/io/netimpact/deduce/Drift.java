package io.netimpact.deduce;

import io.netimpact.model.MeasuredLoads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a model's predicted base loads and the measured loads disagree (contract 7.4): a
 * measured arc drifts when its predicted and measured loads differ by more than {@link
 * #SHARE} of the larger of the two and by more than {@link #MIN_GBPS}. O(arcs + measured).
 */
public final class Drift {
  /** Differences below this many Gbps never count (counter noise on idle links). */
  public static final double MIN_GBPS = 0.01;
  /** A difference counts above this share of the larger of the two loads. */
  public static final double SHARE = 0.10;

  private Drift() {}

  /** One arc's predicted base load as the model computes it, Gbps. */
  public record Predicted(String linkId, String fromDevice, String toDevice, double gbps) {}

  /** A drifting arc: a row of {@code drift}; ratio is predicted / measured (none at 0). */
  public record Row(String runId, String linkId, String fromDevice, String toDevice,
      double predictedGbps, double measuredGbps, java.util.OptionalDouble ratio) {}

  /**
   * The drifting arcs, in the order of {@code predicted}, and the totals the console states.
   *
   * @param mispredictedGbps sum over the drifting arcs of |predicted - measured|
   * @param measuredGbps     sum of every measured arc's load
   * @param unmatched        measured arcs the model has no usable arc for (their predicted
   *                         load is 0: they drift when they carry traffic)
   */
  public record Report(List<Row> rows, double mispredictedGbps, double measuredGbps,
      int measuredArcs, int unmatched) {
    public Report {
      rows = List.copyOf(rows);
    }

    /** The share of the measured traffic the model mispredicts (0 when nothing is measured). */
    public double mispredictedShare() {
      return measuredGbps == 0 ? 0 : mispredictedGbps / measuredGbps;
    }

    /** One line for the console. */
    public String line() {
      return String.format("drift: %d of %d measured arcs differ from the model by more than "
          + "%.0f %% and %.2f Gbps; the model mispredicts %.4g of %.4g measured Gbps (%.1f %%)",
          rows.size(), measuredArcs, 100 * SHARE, MIN_GBPS, mispredictedGbps, measuredGbps,
          100 * mispredictedShare());
    }
  }

  /** {@link #compare} with the base loads of a run's {@code link_baseline} rows. */
  public static Report ofBaseline(String runId, List<io.netimpact.verdict.LinkBaseline> baseline,
      MeasuredLoads m) {
    List<Predicted> predicted = new java.util.AbstractList<>() {
      @Override
      public Predicted get(int i) {
        io.netimpact.verdict.LinkBaseline b = baseline.get(i);
        return new Predicted(b.linkId(), b.fromDevice(), b.toDevice(), b.loadBeforeGbps());
      }

      @Override
      public int size() {
        return baseline.size();
      }
    };
    return compare(runId, predicted, m);
  }

  /** Whether a predicted and a measured load drift apart. */
  public static boolean drifts(double predicted, double measured) {
    double diff = Math.abs(predicted - measured);
    return diff > MIN_GBPS && diff > SHARE * Math.max(predicted, measured);
  }

  /**
   * Compares the model's base loads with the measured ones. A measured arc absent from
   * {@code predicted} (an unusable link's arc) is predicted 0.
   */
  public static Report compare(String runId, List<Predicted> predicted, MeasuredLoads m) {
    Map<String, MeasuredLoads.ArcLoad> byArc = new HashMap<>(2 * m.arcs().size());
    for (MeasuredLoads.ArcLoad a : m.arcs()) {
      byArc.put(key(a.link(), a.from()), a);
    }
    List<Row> rows = new ArrayList<>();
    double wrong = 0;
    double total = 0;
    int matched = 0;
    for (Predicted p : predicted) {
      MeasuredLoads.ArcLoad a = byArc.get(key(p.linkId(), p.fromDevice()));
      if (a == null) {
        continue;
      }
      matched++;
      total += a.gbps();
      if (drifts(p.gbps(), a.gbps())) {
        wrong += Math.abs(p.gbps() - a.gbps());
        rows.add(new Row(runId, p.linkId(), p.fromDevice(), p.toDevice(), p.gbps(), a.gbps(),
            ratio(p.gbps(), a.gbps())));
      }
    }
    int unmatched = m.arcs().size() - matched;
    if (unmatched > 0) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Predicted p : predicted) {
        seen.add(key(p.linkId(), p.fromDevice()));
      }
      for (MeasuredLoads.ArcLoad a : m.arcs()) {
        if (!seen.contains(key(a.link(), a.from()))) {
          total += a.gbps();
          if (drifts(0, a.gbps())) {
            wrong += a.gbps();
            rows.add(new Row(runId, a.link(), a.from(), "", 0, a.gbps(), ratio(0, a.gbps())));
          }
        }
      }
    }
    return new Report(rows, wrong, total, m.arcs().size(), unmatched);
  }

  private static java.util.OptionalDouble ratio(double predicted, double measured) {
    return measured == 0 ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(predicted / measured);
  }

  private static String key(String link, String from) {
    return link + "\u0000" + from;
  }
}
