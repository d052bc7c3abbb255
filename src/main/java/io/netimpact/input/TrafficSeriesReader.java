package io.netimpact.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Demand;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the traffic series of a snapshot directory, local or on any Hadoop file system.
 *
 * <p>Layout: {@code traffic/index.json} is
 * {@code {"intervals": [{"id": "20040301-0000", "start": "2004-03-01T00:00", "minutes": 5,
 * "path": "traffic/20040301-0000.jsonl"}, ...]}} with the intervals in increasing start
 * order; {@code path} is relative to the snapshot directory. Each interval file holds one
 * demand per line with the contract's demand columns ({@code src}, {@code dst},
 * {@code gbps}, optional {@code class}).
 *
 * <p>Every problem is located by file, line and field; all problems found (up to 100) are
 * reported together in one {@link BadInputException}. O(total demand rows).
 */
public final class TrafficSeriesReader {
  public static final String DIR = "traffic";
  public static final String INDEX = "index.json";
  private static final int MAX_PROBLEMS = 100;

  private final Configuration hadoop;

  public TrafficSeriesReader(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** Whether {@code snapshotDir} has a traffic series. */
  public boolean exists(String snapshotDir) {
    Path p = new Path(new Path(snapshotDir, DIR), INDEX);
    try {
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(p.toString(), "", "", "cannot read: " + e));
    }
  }

  /**
   * Reads the series; every demand must name a device of {@code devices}.
   *
   * @throws BadInputException naming file, line and field of each problem
   */
  public TrafficSeries read(String snapshotDir, Set<String> devices) {
    Path root = new Path(snapshotDir);
    Path indexPath = new Path(new Path(root, DIR), INDEX);
    String indexFile = indexPath.toString();
    List<Fields> entries = entries(hadoop, indexPath, "the traffic index",
        "missing: a traffic series needs " + DIR + "/" + INDEX, "a traffic series");
    List<InputProblem> problems = new ArrayList<>();
    List<TrafficInterval> intervals = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Fields f = entries.get(i);
      String where = "intervals[" + i + "]";
      String id;
      String start;
      int minutes;
      String rel;
      try {
        id = f.requiredString("id");
        start = f.requiredString("start");
        minutes = f.positiveInt("minutes");
        rel = f.requiredString("path");
      } catch (FieldException e) {
        problems.add(new InputProblem(indexFile, where, e.field(), e.getMessage()));
        continue;
      }
      if (rel.startsWith("/") || rel.contains("..") || rel.contains(":")) {
        problems.add(new InputProblem(indexFile, where, "path", "must be a path inside the "
            + "snapshot directory, relative to it, got \"" + rel + "\""));
        continue;
      }
      List<Demand> demands = readDemands(new Path(root, rel), devices, problems);
      try {
        intervals.add(new TrafficInterval(id, start, minutes, demands));
      } catch (IllegalArgumentException e) {
        problems.add(new InputProblem(indexFile, where, e.getMessage().startsWith("start") ? "start"
            : e.getMessage().startsWith("minutes") ? "minutes" : "id", e.getMessage()));
      }
      if (problems.size() >= MAX_PROBLEMS) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    try {
      return new TrafficSeries(intervals);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(indexFile, "", "intervals", e.getMessage()));
    }
  }

  /**
   * The {@code intervals} of a series' index file: each entry's fields, at least one; a file
   * that is missing ({@code missing} says so), unreadable or not such an index is bad input.
   */
  static List<Fields> entries(Configuration hadoop, Path indexPath, String what, String missing,
      String series) {
    String indexFile = indexPath.toString();
    JsonNode index;
    try (InputStream in = indexPath.getFileSystem(hadoop).open(indexPath)) {
      index = Json.MAPPER.readTree(in.readNBytes(64 << 20));
    } catch (FileNotFoundException e) {
      throw new BadInputException(new InputProblem(indexFile, "", "", missing));
    } catch (JsonProcessingException e) {
      throw new BadInputException(Json.problem(indexFile, Json.line(e), e));
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(indexFile, "", "", "cannot read: " + e));
    }
    List<Fields> entries;
    try {
      entries = Fields.of(index, what).objects("intervals");
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(indexFile, "", e.field(), e.getMessage()));
    }
    if (entries.isEmpty()) {
      throw new BadInputException(new InputProblem(indexFile, "", "intervals",
          "lists no interval; " + series + " needs at least one"));
    }
    return entries;
  }

  private List<Demand> readDemands(Path p, Set<String> devices, List<InputProblem> problems) {
    String file = p.toString();
    List<Demand> out = new ArrayList<>();
    double[] total = {0};
    try (BoundedLineReader r = new BoundedLineReader(open(p), SnapshotReader.MAX_LINE_CHARS)) {
      while (problems.size() < MAX_PROBLEMS) {
        String line;
        try {
          line = r.next();
        } catch (BoundedLineReader.LineException e) {
          problems.add(new InputProblem(file, "line " + e.line, "",
              e.getMessage().substring(("line " + e.line + " ").length())));
          if (e.fatal) {
            break;
          }
          continue;
        }
        if (line == null) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        String loc = "line " + r.lineNumber();
        try {
          Demand d = SnapshotRecords.demand(Json.MAPPER.readTree(line));
          if (!devices.contains(d.src())) {
            throw new FieldException("src", "names unknown device \"" + d.src() + "\"");
          }
          if (!devices.contains(d.dst())) {
            throw new FieldException("dst", "names unknown device \"" + d.dst() + "\"");
          }
          // As in the snapshot: a total within the bound keeps every utilisation finite.
          if (!(total[0] + d.gbps() <= Demand.MAX_TOTAL_GBPS)) {
            throw new FieldException("gbps", "the demands up to this one sum to more than "
                + Demand.MAX_TOTAL_GBPS + " Gbps (utilisations would overflow)");
          }
          total[0] += d.gbps();
          out.add(d);
        } catch (JsonProcessingException e) {
          problems.add(Json.problem(file, loc, e));
        } catch (FieldException e) {
          problems.add(new InputProblem(file, loc, e.field(), e.getMessage()));
        } catch (IllegalArgumentException e) {
          problems.add(new InputProblem(file, loc, "", e.getMessage()));
        }
      }
    } catch (FileNotFoundException e) {
      problems.add(new InputProblem(file, "", "", "missing: listed in " + DIR + "/" + INDEX));
    } catch (IOException e) {
      problems.add(new InputProblem(file, "", "", "cannot read: " + e));
    }
    return out;
  }

  private InputStream open(Path p) throws IOException {
    return InputFiles.open(hadoop, p);
  }
}
