package io.netimpact.input;

import static io.netimpact.input.SnapshotColumns.DST;
import static io.netimpact.input.SnapshotColumns.GBPS;
import static io.netimpact.input.SnapshotColumns.SRC;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.MeasuredInterval;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads measured loads (contract 7.4): a directory with {@code interface_loads} ({@code link},
 * {@code from}, {@code gbps}: one row per measured arc) and the optional {@code
 * device_totals} ({@code device}, {@code in_gbps}, {@code out_gbps}) and {@code known_demands}
 * (demands to keep as they are, the snapshot's demand columns), each as JSON lines or a
 * Parquet directory like a snapshot's tables, checked against a snapshot's devices and links.
 * An unknown link or device, an arc {@code from} a device that is not an end of its link, and a
 * second row for the same arc, device or pair are located problems (file, line or record,
 * field), reported together in one {@link BadInputException}.
 *
 * <p>A series is a directory with {@code index.json}, {@code {"intervals": [{"id", "start",
 * "minutes", "path"}]}}, whose {@code path} names each interval's directory of measurements,
 * relative to the series directory (the traffic series' index, with directories for files).
 * O(rows).
 */
public final class MeasuredLoadsReader {
  public static final String INTERFACE_LOADS = "interface_loads";
  public static final String DEVICE_TOTALS = "device_totals";
  public static final String KNOWN_DEMANDS = "known_demands";
  public static final String INDEX = "index.json";
  public static final String LINK = "link";
  public static final String FROM = "from";
  public static final String DEVICE = "device";
  public static final String IN_GBPS = "in_gbps";
  public static final String OUT_GBPS = "out_gbps";

  private final Configuration hadoop;

  public MeasuredLoadsReader(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** Whether {@code dir} is a series of measurements (it has an {@code index.json}). */
  public boolean isSeries(String dir) {
    return exists(new Path(dir, INDEX));
  }

  /**
   * The measurements of {@code dir} over the devices and links of {@code s}.
   *
   * @throws BadInputException naming file, line (or record) and field of each problem
   */
  public MeasuredLoads read(String dir, Snapshot s) {
    Map<String, String[]> ends = new HashMap<>();
    for (Link l : s.links()) {
      ends.put(l.id(), new String[] {l.a(), l.b()});
    }
    Set<String> devices = new HashSet<>();
    for (Device d : s.devices()) {
      devices.add(d.id());
    }
    return read(dir, devices, ends);
  }

  /**
   * As {@link #read(String, Snapshot)} over the devices {@code devices} and the links {@code
   * linkEnds} (each link's id to its two ends, a then b).
   */
  public MeasuredLoads read(String dir, Set<String> devices, Map<String, String[]> linkEnds) {
    Path root = new Path(dir);
    Path jsonl = new Path(root, INTERFACE_LOADS + ".jsonl");
    if (!exists(jsonl) && !exists(new Path(root, INTERFACE_LOADS))) {
      throw new BadInputException(new InputProblem(jsonl.toString(), "", "",
          "missing: measured loads need " + INTERFACE_LOADS + ".jsonl or a Parquet directory "
              + INTERFACE_LOADS + "/ (is " + dir + " a directory of measurements? it resolved "
              + "to " + Locations.qualified(hadoop, root) + ")"));
    }
    SnapshotReader reader = new SnapshotReader(hadoop);
    SnapshotReader.Rejects rejects = new SnapshotReader.Rejects(SnapshotReader.OnBadRecord.FAIL);
    List<MeasuredLoads.ArcLoad> arcs = new ArrayList<>();
    Set<String> arcKeys = new HashSet<>();
    String loadsFile = table(root, INTERFACE_LOADS);
    reader.readOptionalTable(root, INTERFACE_LOADS, List.of(LINK, FROM, GBPS),
        List.of(LINK, FROM, GBPS), n -> {
          Fields f = Fields.of(n, "a measured arc");
          return new MeasuredLoads.ArcLoad(f.requiredString(LINK), f.requiredString(FROM),
              f.requiredNumber(GBPS, false), loadsFile);
        }, rejects, a -> {
          String[] l = linkEnds.get(a.link());
          if (l == null) {
            throw new FieldException(LINK, "names unknown link \"" + a.link() + "\"");
          }
          if (!a.from().equals(l[0]) && !a.from().equals(l[1])) {
            throw new FieldException(FROM, (devices.contains(a.from()) ? "names device \""
                + a.from() + "\", which is not an end of link \"" + a.link() + "\""
                : "names unknown device \"" + a.from() + "\"") + " (its ends are \"" + l[0]
                + "\" and \"" + l[1] + "\")");
          }
          if (!arcKeys.add(a.link() + "\u0000" + a.from())) {
            throw new FieldException(FROM, "a second row for the arc of link \"" + a.link()
                + "\" from \"" + a.from() + "\"");
          }
          arcs.add(a);
        });
    List<MeasuredLoads.DeviceTotal> totals = new ArrayList<>();
    Set<String> totalKeys = new HashSet<>();
    String totalsFile = table(root, DEVICE_TOTALS);
    reader.readOptionalTable(root, DEVICE_TOTALS, List.of(DEVICE, IN_GBPS, OUT_GBPS),
        List.of(DEVICE, IN_GBPS, OUT_GBPS), n -> {
          Fields f = Fields.of(n, "a device total");
          return new MeasuredLoads.DeviceTotal(f.requiredString(DEVICE),
              f.requiredNumber(IN_GBPS, false), f.requiredNumber(OUT_GBPS, false), totalsFile);
        }, rejects, t -> {
          if (!devices.contains(t.device())) {
            throw new FieldException(DEVICE, "names unknown device \"" + t.device() + "\"");
          }
          if (!totalKeys.add(t.device())) {
            throw new FieldException(DEVICE, "a second row for device \"" + t.device() + "\"");
          }
          totals.add(t);
        });
    List<Demand> known = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    reader.readOptionalTable(root, KNOWN_DEMANDS, List.of(SRC, DST, GBPS),
        SnapshotRecords.DEMAND_COLUMNS, SnapshotRecords::demand, rejects, d -> {
          if (!devices.contains(d.src())) {
            throw new FieldException(SRC, "names unknown device \"" + d.src() + "\"");
          }
          if (!devices.contains(d.dst())) {
            throw new FieldException(DST, "names unknown device \"" + d.dst() + "\"");
          }
          if (!pairs.add(d.src() + "\u0000" + d.dst())) {
            throw new FieldException(DST, "a second known demand from \"" + d.src() + "\" to \""
                + d.dst() + "\"");
          }
          known.add(d);
        });
    if (rejects.count() > 0) {
      throw rejects.failure();
    }
    return new MeasuredLoads(arcs, totals, known);
  }

  /**
   * The intervals of the series in {@code dir}, each read as {@link #read}; every problem of
   * every interval is reported together.
   */
  public List<MeasuredInterval> readSeries(String dir, Snapshot s) {
    Path indexPath = new Path(dir, INDEX);
    String indexFile = indexPath.toString();
    List<Fields> entries = TrafficSeriesReader.entries(hadoop, indexPath,
        "the index of a series of measurements", "missing", "a series of measurements");
    List<InputProblem> problems = new ArrayList<>();
    List<MeasuredInterval> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Fields f = entries.get(i);
      String where = "intervals[" + i + "]";
      try {
        String id = f.requiredString("id");
        String start = f.requiredString("start");
        int minutes = f.positiveInt("minutes");
        String rel = f.requiredString("path");
        if (rel.startsWith("/") || rel.contains("..") || rel.contains(":")) {
          throw new FieldException("path", "must be a directory inside the series directory, "
              + "relative to it, got \"" + rel + "\"");
        }
        if (!ids.add(id)) {
          throw new FieldException("id", "a second interval \"" + id + "\"");
        }
        MeasuredLoads loads = read(new Path(dir, rel).toString(), s);
        out.add(new MeasuredInterval(id, start, minutes, loads));
      } catch (FieldException e) {
        problems.add(new InputProblem(indexFile, where, e.field(), e.getMessage()));
      } catch (BadInputException e) {
        problems.addAll(e.problems());
      } catch (IllegalArgumentException e) {
        problems.add(new InputProblem(indexFile, where, "", e.getMessage()));
      }
      if (problems.size() >= 100) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return out;
  }

  /** The table's file as messages name it: the JSON-lines file, or the Parquet directory. */
  private String table(Path root, String name) {
    Path jsonl = new Path(root, name + ".jsonl");
    return (exists(jsonl) ? jsonl : new Path(root, name)).toString();
  }

  private boolean exists(Path p) {
    try {
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(p.toString(), "", "", "cannot read: " + e));
    }
  }
}
