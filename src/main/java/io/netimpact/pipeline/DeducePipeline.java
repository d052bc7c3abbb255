package io.netimpact.pipeline;

import io.netimpact.deduce.Deduction;
import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Demand;
import io.netimpact.model.MeasuredInterval;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import io.netimpact.spark.Cluster;
import io.netimpact.publish.DeduceFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code deduce}: read the snapshot and the measured loads (every problem found before
 * anything is written), deduce the demands that best explain each set of measurements
 * ({@link Deduction}), then write a snapshot with the same devices and links, the deduced
 * demands, the method and fit in its manifest's notes, and its {@code deduce_fit} table. With
 * a series of measurements every interval is deduced and written as the snapshot's traffic
 * series, and the snapshot's own demands are those of the busiest interval. Prints nothing.
 */
public final class DeducePipeline {
  private DeducePipeline() {}

  /** The tables' format: as the input snapshot's demands, JSON lines, or Parquet. */
  public enum Format { AUTO, JSONL, PARQUET }

  /**
   * @param iterations the iteration budget ({@link Deduction.Options#withIterations}), or empty
   *                   for the defaults
   */
  public record Request(String snapshot, String loads, String out, Deduction.Pairs pairs,
      Format format, java.util.OptionalInt iterations) {
    /** With the default iterations. */
    public Request(String snapshot, String loads, String out, Deduction.Pairs pairs,
        Format format) {
      this(snapshot, loads, out, pairs, format, java.util.OptionalInt.empty());
    }
  }

  /** One deduction: the interval's id ("" for a single set of measurements) and its result. */
  public record Interval(String id, Deduction.Result result) {}

  /**
   * What was deduced and written.
   *
   * @param chosen the interval whose demands became the snapshot's ("" for a single set)
   */
  public record Outcome(SnapshotInfo written, List<Interval> intervals, String chosen,
      boolean parquet, String timings) {}

  public static Outcome run(Cluster cluster, Request req) {
    Stopwatch sw = new Stopwatch();
    DeduceFiles.checkOutput(cluster, req.out(), req.snapshot(), req.loads());
    Snapshot s = topology(cluster, req);
    boolean series = DeduceFiles.isSeries(cluster, req.loads());
    Deduction.Options defaults = Deduction.Options.defaults(req.pairs())
        .withProgress(cluster::note);
    Deduction.Options options = req.iterations().isPresent()
        ? defaults.withIterations(req.iterations().getAsInt()) : defaults;
    List<MeasuredInterval> measured = series
        ? DeduceFiles.readSeries(cluster, req.loads(), s) : List.of();
    List<Interval> results = new ArrayList<>();
    if (series) {
      sw.lap("read");
      List<Deduction.Result> deduced = cluster.during("deduce: fitting " + measured.size()
          + " intervals as a series", () -> Deduction.deduceSeries(s,
              measured.stream().map(MeasuredInterval::loads).toList(), options));
      for (int i = 0; i < measured.size(); i++) {
        results.add(new Interval(measured.get(i).id(), deduced.get(i)));
      }
    } else {
      results.add(new Interval("", deduceOne(cluster, req, s, options, sw)));
    }
    sw.lap("deduce");
    int chosen = busiest(results);
    Deduction.Result main = results.get(chosen).result();
    String takenAt = series ? measured.get(chosen).start() : s.info().takenAt();
    SnapshotInfo info = new SnapshotInfo(s.info().snapshotId() + "-deduced", takenAt,
        "netimpact deduce: the devices and links of " + req.snapshot() + ", the demands "
            + "deduced from the measured loads of " + req.loads(),
        notes(s, results, chosen, series));
    Snapshot out = new Snapshot(info, s.devices(), s.links(), main.demands());
    Optional<TrafficSeries> ts = Optional.empty();
    List<DeduceFiles.FitLine> fit = new ArrayList<>();
    if (series) {
      List<TrafficInterval> intervals = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        MeasuredInterval m = measured.get(i);
        intervals.add(new TrafficInterval(m.id(), m.start(), m.minutes(),
            results.get(i).result().demands()));
        for (Deduction.FitRow r : results.get(i).result().fit()) {
          fit.add(new DeduceFiles.FitLine(r, m.id()));
        }
      }
      ts = Optional.of(new TrafficSeries(intervals));
    } else {
      main.fit().forEach(r -> fit.add(new DeduceFiles.FitLine(r, "")));
    }
    boolean parquet = switch (req.format()) {
      case PARQUET -> true;
      case JSONL -> false;
      case AUTO -> DeduceFiles.hasParquetDemands(cluster, req.snapshot());
    };
    Optional<TrafficSeries> series2 = ts;
    cluster.during("deduce: writing", () -> {
      DeduceFiles.write(cluster, req.out(), out, parquet, fit, series2);
      return null;
    });
    sw.lap("write");
    return new Outcome(info, results, series ? measured.get(chosen).id() : "", parquet,
        sw.toString());
  }

  /**
   * The snapshot without its demands, which are not deduction's input (its devices and links
   * are written out again, its TE named in the notes): they are let go on return.
   */
  private static Snapshot topology(Cluster cluster, Request req) {
    Snapshot read = cluster.during("deduce: reading the snapshot",
        () -> cluster.readSnapshot(req.snapshot(), SnapshotReader.OnBadRecord.FAIL)).snapshot();
    return new Snapshot(read.info(), read.devices(), read.links(), List.of(), read.te());
  }

  /**
   * The deduction of one set of measurements: what it holds (the measurements as read, then its
   * paths) is let go on return, before the writing.
   */
  private static Deduction.Result deduceOne(Cluster cluster, Request req, Snapshot s,
      Deduction.Options options, Stopwatch sw) {
    Deduction.Prepared p = prepare(cluster, req, s, options, sw);
    return cluster.during("deduce: fitting the demands", p::solve);
  }

  /**
   * Reads the measured loads and sets their deduction up; the rows as read are let go on return
   * (the deduction keeps arrays), before its paths take their heap.
   */
  private static Deduction.Prepared prepare(Cluster cluster, Request req, Snapshot s,
      Deduction.Options options, Stopwatch sw) {
    MeasuredLoads m = DeduceFiles.read(cluster, req.loads(), s);
    sw.lap("read");
    return Deduction.prepare(s, m, options);
  }

  /** The interval with the most deduced traffic (the first of equals). */
  private static int busiest(List<Interval> results) {
    int best = 0;
    double most = -1;
    for (int i = 0; i < results.size(); i++) {
      double sum = results.get(i).result().demands().stream().mapToDouble(Demand::gbps).sum();
      if (sum > most) {
        most = sum;
        best = i;
      }
    }
    return best;
  }

  private static String notes(Snapshot s, List<Interval> results, int chosen, boolean series) {
    List<String> lines = new ArrayList<>();
    Deduction.Result r = results.get(chosen).result();
    lines.add("method: " + r.method());
    if (series) {
      lines.add(String.format("series: %d intervals deduced, written as the traffic series "
          + "(traffic/index.json); the demands are those of interval %s, the busiest",
          results.size(), results.get(chosen).id()));
      double worst = results.stream().mapToDouble(i -> i.result().fitL2()).max().orElse(0);
      lines.add(String.format("fit over the intervals: worst relative L2 residual %.3g",
          worst));
    }
    lines.add(fitLine(r));
    lines.add(findingsLine(r));
    if (!s.te().policies().isEmpty() || !s.te().lsps().isEmpty()) {
      lines.add("the snapshot's SR-TE policies and RSVP-TE LSPs are not carried over: the "
          + "demands were deduced by IGP routing alone");
    }
    return String.join("\n", lines);
  }

  /** The fit in one line: what the manifest and the console say. */
  public static String fitLine(Deduction.Result r) {
    return String.format("fit: relative L2 residual over %d measured arcs %.3g (the gravity "
        + "prior alone: %.3g); the deduced demands leave %.3g %% of the measured traffic "
        + "unexplained", r.fit().stream().filter(f -> f.measuredGbps().isPresent()).count(),
        r.fitL2(), r.gravityFitL2(), 100 * r.unexplained());
  }

  /** The findings' counts in one line. */
  public static String findingsLine(Deduction.Result r) {
    return String.format("findings: %d usable arcs unmeasured, %d devices whose counters do "
        + "not balance, %d counters no routing of the pairs can produce",
        r.findings(Deduction.FindingKind.UNMEASURED).size(),
        r.findings(Deduction.FindingKind.INCONSISTENT).size(),
        r.findings(Deduction.FindingKind.UNREACHABLE).size());
  }
}
