package io.netimpact.cli;

import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.snapshot.TrafficSeriesWriter;
import io.netimpact.importer.ImportOptions;
import io.netimpact.importer.ImportSource;
import io.netimpact.importer.Imported;
import io.netimpact.importer.Importers;
import io.netimpact.importer.MetricRule;
import io.netimpact.importer.RateUnit;
import io.netimpact.importer.SndlibTraffic;
import io.netimpact.model.Device;
import io.netimpact.model.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netimpact import}: converts public network data into a contract snapshot. Runs on
 * the driver only (no Spark job); the Spark options are accepted for the output file system
 * ({@code spark.hadoop.*} settings, e.g. for {@code s3a://}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import an SNDlib, REPETITA or Topology Zoo network as a snapshot; every "
        + "assumption made is written into the manifest's notes.")
public final class ImportCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "sndlib|repetita|topologyzoo",
      description = "Source format.")
  ImportSource from;

  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE",
      description = "Input files: SNDlib .txt or .xml; REPETITA .graph [+ .demands]; Zoo .gml.")
  List<Path> in;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Snapshot directory to write (local, file: or s3a://).")
  String out;

  @Option(names = "--snapshot-id", paramLabel = "ID",
      description = "Snapshot id (default: the first input's file name without extension).")
  String snapshotId;

  @Option(names = "--taken-at", defaultValue = "", paramLabel = "ISO-8601",
      description = "taken_at of the manifest (default: empty, the sources do not say).")
  String takenAt;

  @Option(names = "--metric", paramLabel = "hop|file|invcap",
      description = "IGP metrics: hop count, the file's (REPETITA), or inverse capacity "
          + "(default: file for REPETITA, hop otherwise).")
  MetricRule metric;

  @Option(names = "--unit", paramLabel = "bps|kbps|mbps|gbps",
      description = "Unit of an SNDlib file that states none (default: Mbit/s assumed).")
  RateUnit unit;

  @Option(names = "--default-capacity-gbps", paramLabel = "GBPS",
      description = "Capacity of a Topology Zoo edge without a speed (default: the file's "
          + "most common speed, 1 Gbps if it has none).")
  Double defaultCapacityGbps;

  @Option(names = "--gravity-demands",
      description = "Use a synthetic gravity demand matrix (required for Topology Zoo, which "
          + "has no demands); scaled to --scale-to-util, default 0.5.")
  boolean gravity;

  @Option(names = "--scale-to-util", paramLabel = "X",
      description = "Scale the demands so the busiest arc's baseline utilisation is X.")
  Double scaleToUtil;

  @Option(names = "--traffic", arity = "1..*", paramLabel = "FILE|DIR",
      description = "SNDlib dynamic demand matrices (XML files or directories of them) to "
          + "store as a traffic series under traffic/ (SNDlib only).")
  List<Path> traffic = new ArrayList<>();

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    ImportOptions options = new ImportOptions(Optional.ofNullable(metric),
        Optional.ofNullable(unit),
        defaultCapacityGbps == null ? OptionalDouble.empty() : OptionalDouble.of(defaultCapacityGbps),
        gravity, scaleToUtil == null ? OptionalDouble.empty() : OptionalDouble.of(scaleToUtil));
    if (!traffic.isEmpty() && from != ImportSource.SNDLIB) {
      throw new IllegalArgumentException("--traffic reads SNDlib dynamic demand matrices: use it "
          + "with --from sndlib");
    }
    Imported imported = Importers.read(from, in, options);
    Optional<SndlibTraffic.Result> series = Optional.empty();
    if (!traffic.isEmpty()) {
      Set<String> devices = imported.devices().stream().map(Device::id).collect(Collectors.toSet());
      SndlibTraffic.Result r = SndlibTraffic.read(traffic, devices);
      for (String note : r.notes()) {
        imported = imported.withNote(note);
      }
      series = Optional.of(r);
    }
    String id = snapshotId != null ? snapshotId : baseName(in.get(0));
    Snapshot snapshot = imported.toSnapshot(id, takenAt);
    Map<String, String> hadoop = spark.settings().hadoop();
    SnapshotWriter.write(snapshot, out, hadoop);
    series.ifPresent(r -> TrafficSeriesWriter.write(r.series(), out, hadoop));
    System.out.printf("imported %s: %d devices, %d links, %d demands%s -> %s%n",
        io.netimpact.report.TerminalText.escape(id),
        snapshot.devices().size(), snapshot.links().size(), snapshot.demands().size(),
        series.map(r -> ", " + r.series().intervals().size() + " traffic intervals").orElse(""),
        out);
    for (String note : imported.notes()) {
      System.out.println("  " + io.netimpact.report.TerminalText.escape(note));
    }
    return Main.EXIT_OK;
  }

  private static String baseName(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
