package io.netimpact.generate;

import static io.netimpact.input.SnapshotColumns.DEMANDS;
import static io.netimpact.input.SnapshotColumns.DEVICES;
import static io.netimpact.input.SnapshotColumns.LINKS;

import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.SnapshotInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Generates a snapshot for a preset and seed and streams it to a directory (local or any
 * Hadoop file system): {@code manifest.json}, the three tables (JSON lines or Parquet, by
 * preset) and suggested change requests under {@code changes/}. The same preset and seed give
 * byte-identical files.
 *
 * <p>Pipeline: {@link Plan} (sites, masses, conduits) -&gt; {@link Topology} streams devices
 * and links to the output while the routed part is kept for calibration -&gt; {@link
 * DemandMatrix} (gravity, primitive arrays) -&gt; {@link Calibration} routes it once at scale
 * 1 -&gt; demands written scaled so the busiest arc sits at the target utilisation (drawn in
 * 55-65 % from the seed). Memory: the routed topology as records (all of it up to large,
 * without the racks for xl) plus 17 bytes per demand row; time is dominated by calibration,
 * O(D (E log V)).
 */
public final class SnapshotGenerator {
  /** Fixed so that files are identical run to run: a generated snapshot has no real time. */
  static final String TAKEN_AT = "2026-01-01T00:00:00Z";

  private SnapshotGenerator() {}

  /** What was generated: counts, the scaling and the stage times in seconds. */
  public record Result(String snapshotId, long devices, long links, long demands, int endpoints,
      double targetUtilisation, double maxUtilisation, double scale, int calibrationChunks,
      int routedDevices, Map<String, Double> seconds) {}

  /** Table format: the preset's own (JSON lines up to medium, Parquet above) or forced. */
  public enum Format { AUTO, JSONL, PARQUET }

  /** {@link #generate(Preset, long, String, Configuration, Format, boolean)}, plain settings. */
  public static Result generate(Preset preset, long seed, String out, Map<String, String> hadoop,
      Format format, boolean te) {
    return generate(preset, seed, out, io.netimpact.snapshot.HadoopSettings.configuration(hadoop),
        format, te);
  }

  public static Result generate(Preset preset, long seed, String out, Configuration hadoop) {
    return generate(preset, seed, out, hadoop, Format.AUTO);
  }

  public static Result generate(Preset preset, long seed, String out, Configuration hadoop,
      Format format) {
    return generate(preset, seed, out, hadoop, format, false);
  }

  /**
   * A snapshot, with a generated TE overlay ({@code lsps.jsonl}, {@code sr_policies.jsonl};
   * see {@link TeOverlayGenerator}) when {@code te}.
   */
  public static Result generate(Preset preset, long seed, String out, Configuration conf,
      Format format, boolean te) {
    // Generated snapshots are edited by hand: no hidden checksum files beside them.
    Configuration hadoop = io.netimpact.snapshot.HadoopSettings.withoutChecksumFiles(conf);
    boolean parquet = format == Format.AUTO ? preset.parquet() : format == Format.PARQUET;
    long t0 = System.nanoTime();
    Generated g = generate(preset, seed, table -> TableOutput.open(out, table, parquet, hadoop),
        te, true);
    long t3 = System.nanoTime();
    SnapshotWriter.writeManifest(g.info(), out, hadoop);
    for (ChangeSuggestions.ChangeFile c : ChangeSuggestions.of(g.plan())) {
      writeText(new Path(new Path(out, "changes"), c.name()), c.json(), hadoop);
    }
    Map<String, Double> seconds = g.seconds();
    seconds.merge("write demands", lap(t3), Double::sum);
    if (te) {
      long t4 = System.nanoTime();
      TeOverlayGenerator.Counts n = TeOverlayGenerator.write(g.teSeen(), g.plan().endpoints.ids(),
          g.matrix(), g.scale(), out, hadoop);
      seconds.put("te " + n.lsps() + " lsps " + n.policies() + " policies", lap(t4));
    }
    seconds.put("total", lap(t0));
    return g.result();
  }

  /**
   * The snapshot {@link #generate(Preset, long, String, Configuration, Format, boolean)} writes
   * (without its TE overlay and suggested changes), built in memory: the same devices, links,
   * demands and manifest as the files read back, without the cost of writing and reading them
   * (for checks of the router on a preset). Memory: the whole snapshot as records.
   */
  public static io.netimpact.model.Snapshot snapshot(Preset preset, long seed) {
    InMemory tables = new InMemory();
    return inMemory(preset, seed, true);
  }

  /**
   * {@link #snapshot(Preset, long)} without calibration: the same devices and links, and the
   * demand matrix at its own scale instead of scaled to the preset's target utilisation (the
   * notes say so). For checks whose outcome does not depend on the volumes' scale, such as
   * flow conservation; it saves routing every destination once. Memory: as {@link #snapshot}.
   */
  public static io.netimpact.model.Snapshot uncalibrated(Preset preset, long seed) {
    return inMemory(preset, seed, false);
  }

  private static io.netimpact.model.Snapshot inMemory(Preset preset, long seed,
      boolean calibrate) {
    InMemory tables = new InMemory();
    Generated g = generate(preset, seed, tables::open, false, calibrate);
    return new io.netimpact.model.Snapshot(g.info(), tables.devices, tables.links,
        tables.demands);
  }

  /** What one generation made, for the callers that write the rest beside the tables. */
  private record Generated(Result result, SnapshotInfo info, Plan plan, DemandMatrix matrix,
      double scale, TeOverlayGenerator.Collected teSeen) {
    Map<String, Double> seconds() {
      return result.seconds();
    }
  }

  /**
   * Streams the three tables to {@code open(table)}: the topology as it is planned, the demands
   * once calibration has found their scale.
   */
  private static Generated generate(Preset preset, long seed,
      java.util.function.Function<String, TableOutput> open, boolean te, boolean calibrate) {
    TeOverlayGenerator.Collected teSeen = new TeOverlayGenerator.Collected();
    long t0 = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Plan plan = new Plan(preset.shape(), seed);
    Topology topo = new Topology(plan);
    boolean withoutRacks = preset.calibrateWithoutRacks();

    List<Device> routedDevices = new ArrayList<>();
    Set<String> racks = new HashSet<>();
    long devices;
    try (TableOutput w = open.apply(DEVICES)) {
      topo.devices(d -> {
        w.device(d);
        if (te) {
          teSeen.device(d);
        }
        if (withoutRacks && d.role().equals(Topology.ROLE_TOR)) {
          racks.add(d.id());
        } else {
          routedDevices.add(d);
        }
      });
      devices = w.count();
    }
    List<Link> routedLinks = new ArrayList<>();
    long links;
    try (TableOutput w = open.apply(LINKS)) {
      topo.links(l -> {
        w.link(l);
        if (te) {
          teSeen.link(l);
        }
        if (!racks.contains(l.a()) && !racks.contains(l.b())) {
          routedLinks.add(l);
        }
      });
      links = w.count();
    }
    racks.clear();
    seconds.put("topology", lap(t0));

    long t1 = System.nanoTime();
    DemandMatrix matrix = DemandMatrix.gravity(plan);
    seconds.put("demands", lap(t1));

    long t2 = System.nanoTime();
    double target = 0.55 + 0.10 * Rng.stream(seed, "target").nextDouble();
    // Uncalibrated: the busiest arc taken to be at the target already, so the scale is 1.
    Calibration.Result cal = calibrate ? Calibration.route(routedDevices, routedLinks,
        plan.endpoints, matrix) : new Calibration.Result(target, 0, 0, 0);
    if (cal.lostGbps() > 0) {
      throw new IllegalStateException("generator bug: " + cal.lostGbps()
          + " Gbps of the baseline has no path in preset " + preset.label() + " seed " + seed);
    }
    double scale = target / cal.maxUtilisation();
    int routed = routedDevices.size();
    routedDevices.clear();
    routedLinks.clear();
    seconds.put("calibrate", lap(t2));

    long t3 = System.nanoTime();
    long demands;
    try (TableOutput w = open.apply(DEMANDS)) {
      String[] ids = plan.endpoints.ids();
      for (int i = 0; i < matrix.rows(); i++) {
        w.demand(new Demand(ids[matrix.src[i]], ids[matrix.dst[i]],
            roundGbps(matrix.gbps[i] * scale), DemandMatrix.CLASSES[matrix.cls[i]]));
      }
      demands = w.count();
    }
    String id = "gen-" + preset.label() + "-s" + seed;
    String source = "generated preset " + preset.label() + " seed " + seed;
    String notes = source + ": " + plan.shape + (!calibrate
        ? "; demands at the matrix's own scale (not calibrated)"
        : "; demands scaled x" + String.format("%.6g", scale) + " so the busiest arc runs at "
        + String.format("%.1f %%", 100 * target)
        + (withoutRacks ? "; calibrated on the network without ToRs (racks carry no "
            + "inter-site transit)" : "; calibrated on the whole network"));
    seconds.put("write demands", lap(t3));
    return new Generated(new Result(id, devices, links, demands, plan.endpoints.count(), target,
        cal.maxUtilisation() * scale, scale, cal.chunks(), routed, seconds),
        new SnapshotInfo(id, TAKEN_AT, source, notes), plan, matrix, scale, teSeen);
  }

  /** Tables kept as records instead of written. */
  private static final class InMemory {
    final List<Device> devices = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final List<Demand> demands = new ArrayList<>();

    TableOutput open(String table) {
      return new TableOutput() {
        long count;

        @Override
        public void device(Device d) {
          devices.add(d);
          count++;
        }

        @Override
        public void link(Link l) {
          links.add(l);
          count++;
        }

        @Override
        public void demand(Demand d) {
          demands.add(d);
          count++;
        }

        @Override
        public long count() {
          return count;
        }

        @Override
        public void close() {}
      };
    }
  }

  /**
   * Gbps to 1 kbps resolution, never below it: the written matrix routes as the calibrated one
   * did. (A coarser grid does not: at xl's scale most rows are below 1 Mbps, and lifting each to
   * a floor of 1 Mbps doubles the load of the long-haul links the calibration had sized.)
   */
  static double roundGbps(double g) {
    return Math.max(1e-6, Math.round(g * 1e6) / 1e6);
  }

  private static double lap(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Writes {@code text} as UTF-8 to {@code p} (replacing it) on any Hadoop file system. */
  static void writeText(Path p, String text, Configuration hadoop) {
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      try (Writer w = new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8)) {
        w.write(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
