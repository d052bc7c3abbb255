package io.netimpact.input;

import static io.netimpact.input.SnapshotColumns.A;
import static io.netimpact.input.SnapshotColumns.B;
import static io.netimpact.input.SnapshotColumns.DEMANDS;
import static io.netimpact.input.SnapshotColumns.DEVICES;
import static io.netimpact.input.SnapshotColumns.DST;
import static io.netimpact.input.SnapshotColumns.GBPS;
import static io.netimpact.input.SnapshotColumns.ID;
import static io.netimpact.input.SnapshotColumns.LATENCY_MS;
import static io.netimpact.input.SnapshotColumns.LINKS;
import static io.netimpact.input.SnapshotColumns.METRIC;
import static io.netimpact.input.SnapshotColumns.SRC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.model.TrafficEngineering;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads and validates a snapshot directory (docs/inputs.md#topology-snapshot), local or on any
 * Hadoop file
 * system ({@code s3a://}). Each table is {@code NAME.jsonl} or a Parquet directory
 * {@code NAME/}. Every problem is located by file, line (JSON lines) or record (Parquet row
 * number, from 1) and field.
 *
 * <p>With {@link OnBadRecord#FAIL} any problem ends the read with a {@link
 * BadInputException} listing the problems found; with {@link OnBadRecord#QUARANTINE} bad
 * records are set aside as {@link Reject}s, and so are links and demands that name a device
 * that was set aside. Problems of the snapshot as a whole (no manifest, wrong format, a
 * missing or empty table) are always fatal. O(records) time; the records are held once.
 */
public final class SnapshotReader {
  /** Longest JSON line accepted: longer ones are rejected as records, not read into memory. */
  public static final int MAX_LINE_CHARS = 8 << 20;
  /** With FAIL, reading stops after this many problems. */
  private static final int MAX_PROBLEMS = 100;

  /** What to do with an invalid record. */
  public enum OnBadRecord { FAIL, QUARANTINE }

  /** A record set aside, with why and its text (possibly cut to 10,000 characters). */
  public record Reject(InputProblem problem, String record) {}

  /** A snapshot and the records set aside to get it (empty with {@code FAIL}). */
  public record Loaded(Snapshot snapshot, List<Reject> rejects) {}

  private final Configuration hadoop;

  /** Reads through {@code hadoop}'s file systems; Parquet tables need no Spark session. */
  public SnapshotReader(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  public Loaded read(String dir, OnBadRecord policy) {
    Path root = new Path(dir);
    Rejects rejects = new Rejects(policy);
    SnapshotInfo info = readManifest(root);

    List<Device> devices = new ArrayList<>();
    Set<String> deviceIds = new HashSet<>();
    readTable(root, DEVICES, List.of(ID), SnapshotRecords.DEVICE_COLUMNS,
        SnapshotRecords::device, rejects, d -> {
          if (!deviceIds.add(d.id())) {
            throw new FieldException(ID, "duplicate device id \"" + d.id() + "\"");
          }
          devices.add(d);
        });
    List<Link> links = new ArrayList<>();
    Set<String> linkIds = new HashSet<>();
    // Loads are at most the demand total and path latencies at most the latency total (a
    // path is simple), so with both totals finite no sum the job makes can overflow.
    double[] totals = new double[2];
    readTable(root, LINKS, List.of(ID, A, B, METRIC), SnapshotRecords.LINK_COLUMNS,
        SnapshotRecords::link, rejects,
        l -> {
          requireDevice(deviceIds, l.a(), A);
          requireDevice(deviceIds, l.b(), B);
          if (!linkIds.add(l.id())) {
            throw new FieldException(ID, "duplicate link id \"" + l.id() + "\"");
          }
          if (!Double.isFinite(totals[0] + l.latencyMs())) {
            throw new FieldException(LATENCY_MS, "the latencies of the links up to this one "
                + "sum to infinity (more than 1.8e308 ms)");
          }
          totals[0] += l.latencyMs();
          links.add(l);
        });
    List<Demand> demands = new ArrayList<>();
    readTable(root, DEMANDS, List.of(SRC, DST, GBPS), SnapshotRecords.DEMAND_COLUMNS,
        SnapshotRecords::demand, rejects,
        d -> {
          requireDevice(deviceIds, d.src(), SRC);
          requireDevice(deviceIds, d.dst(), DST);
          // Capacities are at least 1 bit/s: a total within the bound keeps every
          // utilisation finite.
          if (!(totals[1] + d.gbps() <= Demand.MAX_TOTAL_GBPS)) {
            throw new FieldException(GBPS, "the demands up to this one sum to more than "
                + Demand.MAX_TOTAL_GBPS + " Gbps (utilisations would overflow)");
          }
          totals[1] += d.gbps();
          demands.add(d);
        });
    TrafficEngineering te = TeTables.read(this, root, deviceIds, links, demands, rejects);
    if (policy == OnBadRecord.FAIL && !rejects.list.isEmpty()) {
      throw rejects.failure();
    }
    requireNonEmpty(root, DEVICES, devices.size());
    requireNonEmpty(root, LINKS, links.size());
    requireNonEmpty(root, DEMANDS, demands.size());
    return new Loaded(new Snapshot(info, devices, links, demands, te),
        List.copyOf(rejects.list));
  }

  private static void requireDevice(Set<String> ids, String id, String field) {
    if (!ids.contains(id)) {
      throw new FieldException(field, "names unknown device \"" + id + "\"");
    }
  }

  private void requireNonEmpty(Path root, String table, int count) {
    if (count == 0) {
      throw new BadInputException(new InputProblem(new Path(root, table).toString(), "", "",
          "the table has no valid records; a snapshot needs at least one"));
    }
  }

  /**
   * Only the manifest of snapshot directory {@code dir} (its id and {@code taken_at}),
   * validated as {@link #read} validates it; the tables are not read. O(manifest).
   */
  public SnapshotInfo manifest(String dir) {
    return readManifest(new Path(dir));
  }

  private SnapshotInfo readManifest(Path root) {
    Path p = new Path(root, "manifest.json");
    String file = p.toString();
    JsonNode node = Json.readSmall(hadoop, p, file, () -> InputFiles.notFound(p)
        .startsWith("missing")
        ? new InputProblem(file, "", "", "missing: a snapshot directory needs manifest.json (is "
            + root + " a snapshot? it resolved to " + Locations.qualified(hadoop, root) + ")")
        : new InputProblem(file, "", "", InputFiles.notFound(p)));
    try {
      Fields f = Fields.of(node, "the manifest");
      String format = f.requiredString("format");
      if (!format.equals("netimpact-snapshot")) {
        throw new FieldException("format", "must be \"netimpact-snapshot\", got \"" + format + "\"");
      }
      int version = f.positiveInt("version");
      if (version != 1) {
        throw new FieldException("version", "this job reads version 1, got " + version);
      }
      return new SnapshotInfo(f.requiredString("snapshot_id"), f.optionalString("taken_at"),
          f.optionalString("source"), f.optionalString("notes"));
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, "", e.field(), e.getMessage()));
    }
  }

  private InputStream open(Path p) throws IOException {
    return InputFiles.open(hadoop, p);
  }

  private boolean exists(Path p) {
    try {
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(p.toString(), "", "", "cannot read: " + e));
    }
  }

  /** Reads an optional table (absent: nothing); otherwise as {@link #readTable}. */
  <T> void readOptionalTable(Path root, String table, List<String> required,
      List<String> columns, Function<JsonNode, T> parse, Rejects rejects, Consumer<T> accept) {
    if (exists(new Path(root, table + ".jsonl")) || exists(new Path(root, table))) {
      readTable(root, table, required, columns, parse, rejects, accept);
    }
  }

  /**
   * Parses each record of a table and hands it to {@code accept}; a {@link FieldException}
   * from either becomes a located problem.
   *
   * @param required columns a Parquet table must have (JSON lines: checked per record)
   * @param columns every field {@code parse} reads: the columns read of a Parquet table
   */
  private <T> void readTable(Path root, String table, List<String> required,
      List<String> columns, Function<JsonNode, T> parse, Rejects rejects, Consumer<T> accept) {
    Path jsonl = new Path(root, table + ".jsonl");
    Path dir = new Path(root, table);
    if (exists(jsonl) && exists(dir)) {
      throw new BadInputException(new InputProblem(jsonl + " and " + dir, "", "",
          "both exist: a snapshot gives each table once, as JSON lines or as a Parquet "
              + "directory; remove the one that is not meant"));
    }
    if (exists(jsonl)) {
      readJsonLines(jsonl, parse, rejects, accept);
    } else if (exists(dir)) {
      String file = dir.toString();
      ReadProgress progress = ReadProgress.of(file);
      long[] n = {0};
      ParquetRows.read(hadoop, dir, required, columns, row -> {
        n[0]++;
        progress.record();
        handle(file, "record " + n[0], row, () -> ParquetRows.sparkJson(row), parse, rejects,
            accept);
      });
    } else if (!InputFiles.notFound(jsonl).startsWith("missing")) {
      throw new BadInputException(new InputProblem(jsonl.toString(), "", "",
          InputFiles.notFound(jsonl)));
    } else {
      throw new BadInputException(new InputProblem(jsonl.toString(), "", "",
          "missing: the snapshot needs " + table + ".jsonl or a Parquet directory " + table + "/"));
    }
  }

  private <T> void readJsonLines(Path p, Function<JsonNode, T> parse, Rejects rejects,
      Consumer<T> accept) {
    String file = p.toString();
    ReadProgress progress = ReadProgress.of(file);
    try (BoundedLineReader r = new BoundedLineReader(open(p), MAX_LINE_CHARS)) {
      while (true) {
        progress.record();
        String line;
        try {
          line = r.next();
        } catch (BoundedLineReader.LineException e) {
          InputProblem problem = new InputProblem(file, "line " + e.line, "",
              e.getMessage().substring(("line " + e.line + " ").length()));
          if (e.fatal) {
            throw new BadInputException(problem);
          }
          rejects.add(problem, "");
          continue;
        }
        if (line == null) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        handle(file, "line " + r.lineNumber(), line, parse, rejects, accept);
      }
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
  }

  private <T> void handle(String file, String location, String text, Function<JsonNode, T> parse,
      Rejects rejects, Consumer<T> accept) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      rejects.add(Json.problem(file, location, e), text);
      return;
    }
    handle(file, location, node, () -> text, parse, rejects, accept);
  }

  /** A parsed record: {@code text} is its text for a reject, made only for one. */
  private <T> void handle(String file, String location, JsonNode node, Supplier<String> text,
      Function<JsonNode, T> parse, Rejects rejects, Consumer<T> accept) {
    try {
      accept.accept(parse.apply(node));
    } catch (FieldException e) {
      rejects.add(new InputProblem(file, location, e.field(), e.getMessage()), text.get());
    } catch (IllegalArgumentException e) {
      rejects.add(new InputProblem(file, location, "", e.getMessage()), text.get());
    }
  }

  /** Records set aside so far; with FAIL, reading stops once enough are known to report. */
  static final class Rejects {
    private final OnBadRecord policy;
    private final List<Reject> list = new ArrayList<>();

    Rejects(OnBadRecord policy) {
      this.policy = policy;
    }

    void add(InputProblem p, String text) {
      list.add(new Reject(p, text.length() > 10_000 ? text.substring(0, 10_000) : text));
      if (policy == OnBadRecord.FAIL && list.size() >= MAX_PROBLEMS) {
        throw failure();
      }
    }

    BadInputException failure() {
      return new BadInputException(list.stream().map(Reject::problem).toList());
    }

    int count() {
      return list.size();
    }
  }
}
