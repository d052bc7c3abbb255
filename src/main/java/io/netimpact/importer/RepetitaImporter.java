package io.netimpact.importer;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a REPETITA instance (https://repetita.info.ucl.ac.be/DataFormat.html): a
 * {@code .graph} file and optionally a {@code .demands} file.
 *
 * <ul>
 *   <li>Node ids: the labels when they are unique in the file, else {@code <index>-<label>};
 *       edges and demands name nodes by 0-based index.</li>
 *   <li>Edges are directed; each u-&gt;v is folded with a v-&gt;u twin into one full-duplex
 *       link carrying both weights ({@code metric}, {@code metric_ba}); parallel edges stay
 *       parallel links ({@link LinkFolder}); an edge without a twin becomes a full-duplex link
 *       on its own, and the notes count them.</li>
 *   <li>Units: bw in kbit/s (capacities and demands) to Gbps; delay in microseconds to ms.</li>
 *   <li>Demand rows with src == dest (the DEFO files have them) are dropped: they cross no
 *       link.</li>
 * </ul>
 * O(V + E + D).
 */
public final class RepetitaImporter {
  private RepetitaImporter() {}

  public static Imported read(Path graph, Optional<Path> demandsFile, ImportOptions options) {
    MetricRule metric = options.metric().orElse(MetricRule.FILE);
    List<String> notes = new ArrayList<>();
    String file = graph.toString();
    List<LinkFolder.Entry> entries = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (Lines in = new Lines(graph)) {
      int n = header(in, "NODES");
      in.skipMemo();
      for (int i = 0; i < n; i++) {
        labels.add(in.record(3, "label x y")[0]);
      }
      String[] ids = nodeIds(labels);
      int m = header(in, "EDGES");
      in.skipMemo();
      double[] bw = new double[m];
      int[] weight = new int[m];
      int[] src = new int[m];
      int[] dst = new int[m];
      double[] delay = new double[m];
      String[] edgeLabel = new String[m];
      for (int i = 0; i < m; i++) {
        String[] t = in.record(6, "label src dest weight bw delay");
        edgeLabel[i] = t[0];
        src[i] = index(file, in.lineNo, "src", t[1], n);
        dst[i] = index(file, in.lineNo, "dest", t[2], n);
        if (src[i] == dst[i]) {
          throw Problems.at(file, in.lineNo, "dest", "equals src " + src[i] + ": a self-loop");
        }
        weight[i] = Problems.integer(file, in.lineNo, "weight", t[3]);
        if (weight[i] < 1) {
          throw Problems.at(file, in.lineNo, "weight", "must be >= 1, got " + t[3]);
        }
        bw[i] = Problems.number(file, in.lineNo, "bw", t[4]);
        if (!(bw[i] > 0)) {
          throw Problems.at(file, in.lineNo, "bw", "a capacity must be > 0 kbit/s, got " + t[4]);
        }
        delay[i] = Problems.number(file, in.lineNo, "delay", t[5]);
        if (delay[i] < 0) {
          throw Problems.at(file, in.lineNo, "delay", "must be >= 0 microseconds, got " + t[5]);
        }
      }
      in.requireEnd("EDGES " + m);
      double maxCap = 0;
      for (double b : bw) {
        maxCap = Math.max(maxCap, RateUnit.KBPS.toGbps(b));
      }
      Set<String> used = new HashSet<>();
      for (int i = 0; i < m; i++) {
        double cap = RateUnit.KBPS.toGbps(bw[i]);
        int w = switch (metric) {
          case FILE -> weight[i];
          case HOP -> 1;
          case INVCAP -> MetricRule.invcap(cap, maxCap);
        };
        // Edge labels name the link; they are unique in REPETITA but a clash must not abort.
        String id = used.add(edgeLabel[i]) ? edgeLabel[i] : edgeLabel[i] + "#" + i;
        used.add(id);
        entries.add(new LinkFolder.Entry(id, ids[src[i]], ids[dst[i]], w, cap, delay[i] / 1000.0));
      }
      LinkFolder.Folded folded = LinkFolder.fold(entries);
      List<Device> devices = new ArrayList<>();
      for (String id : ids) {
        devices.add(Device.of(id));
      }
      boolean unique = ids.length == 0 || ids[0].equals(labels.get(0));
      notes.add("nodes: " + n + (unique ? ", ids are the file's labels" : ", labels repeat: ids are "
          + "<index>-<label>"));
      notes.add("links: " + m + " directed edges folded into " + folded.links().size()
          + " full-duplex links (" + folded.foldedPairs() + " u->v/v->u pairs, metric = weight "
          + "u->v, metric_ba = weight v->u where different; parallel edges kept as parallel "
          + "links; id = label of the u->v edge)"
          + (folded.unpaired() > 0 ? "; " + folded.unpaired() + " edges had no reverse twin and "
              + "were imported as full-duplex links" : "")
          + (folded.capacityMismatches() > 0 ? "; " + folded.capacityMismatches()
              + " pairs differed in bw, the smaller was kept" : "")
          + (folded.latencyMismatches() > 0 ? "; " + folded.latencyMismatches()
              + " pairs differed in delay, the larger was kept" : ""));
      notes.add("units: bw kbit/s -> Gbps (/1e6), delay microseconds -> latency_ms (/1000)");
      notes.add(switch (metric) {
        case FILE -> "metric: the file's IGP weights";
        case HOP -> "metric: 1 on every link (hop count), the file's weights ignored";
        case INVCAP -> "metric: inverse capacity, floor(10 x max capacity / capacity) in [1, 200]";
      });
      List<Demand> demands = new ArrayList<>();
      if (demandsFile.isPresent()) {
        demands = demands(demandsFile.get(), ids, notes);
      }
      String source = "REPETITA instance " + graph.getFileName()
          + demandsFile.map(d -> " + " + d.getFileName()).orElse("")
          + " (repetita.info.ucl.ac.be)";
      return new Imported(devices, folded.links(), demands, source, notes);
    }
  }

  private static List<Demand> demands(Path path, String[] ids, List<String> notes) {
    String file = path.toString();
    List<Demand> out = new ArrayList<>();
    int self = 0;
    try (Lines in = new Lines(path)) {
      int k = header(in, "DEMANDS");
      in.skipMemo();
      for (int i = 0; i < k; i++) {
        String[] t = in.record(4, "label src dest bw");
        int s = index(file, in.lineNo, "src", t[1], ids.length);
        int d = index(file, in.lineNo, "dest", t[2], ids.length);
        double bw = Problems.number(file, in.lineNo, "bw", t[3]);
        if (bw < 0) {
          throw Problems.at(file, in.lineNo, "bw", "must be >= 0 kbit/s, got " + t[3]);
        }
        if (s == d) {
          self++;
          continue;
        }
        out.add(Demand.of(ids[s], ids[d], RateUnit.KBPS.toGbps(bw)));
      }
      in.requireEnd("DEMANDS " + k);
    }
    notes.add("demands: " + out.size() + " rows from " + path.getFileName() + ", bw kbit/s -> Gbps"
        + (self > 0 ? "; " + self + " rows with src == dest dropped (they cross no link)" : ""));
    return out;
  }

  /** Labels if unique, else index-label: labels are display names in REPETITA. */
  private static String[] nodeIds(List<String> labels) {
    Set<String> seen = new HashSet<>();
    boolean unique = true;
    for (String l : labels) {
      unique &= seen.add(l);
    }
    String[] ids = new String[labels.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = unique ? labels.get(i) : i + "-" + labels.get(i);
    }
    return ids;
  }

  private static int header(Lines in, String keyword) {
    String[] t = in.nextNonBlank();
    if (t == null || t.length != 2 || !t[0].equals(keyword)) {
      throw Problems.at(in.file, in.lineNo, keyword,
          "expected \"" + keyword + " <count>\"" + (t == null ? ", got the end of the file"
              : ", got \"" + String.join(" ", t) + "\""));
    }
    int count = Problems.integer(in.file, in.lineNo, keyword, t[1]);
    if (count < 0) {
      throw Problems.at(in.file, in.lineNo, keyword, "count must be >= 0, got " + t[1]);
    }
    return count;
  }

  private static int index(String file, long line, String field, String text, int n) {
    int v = Problems.integer(file, line, field, text);
    if (v < 0 || v >= n) {
      throw Problems.at(file, line, field, "node index " + v + " is outside 0.." + (n - 1));
    }
    return v;
  }

  /** Blank-separated records of a line-oriented file, blank lines skipped. */
  private static final class Lines implements AutoCloseable {
    final String file;
    final BufferedReader r;
    long lineNo;

    Lines(Path p) {
      file = p.toString();
      try {
        r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
      }
    }

    String[] nextNonBlank() {
      try {
        String s;
        while ((s = r.readLine()) != null) {
          lineNo++;
          if (!s.isBlank()) {
            return s.trim().split("\\s+");
          }
        }
        return null;
      } catch (IOException e) {
        throw new BadInputException(new InputProblem(file, "line " + (lineNo + 1), "",
            "cannot read: " + e));
      }
    }

    void skipMemo() {
      if (nextNonBlank() == null) {
        throw Problems.at(file, lineNo, "", "the file ends before the column memo line");
      }
    }

    String[] record(int fields, String layout) {
      String[] t = nextNonBlank();
      if (t == null) {
        throw Problems.at(file, lineNo, "", "the file ends early: fewer records than its "
            + "header counts (expected \"" + layout + "\")");
      }
      if (t.length != fields) {
        throw Problems.at(file, lineNo, "", "expected " + fields + " fields \"" + layout
            + "\", got " + t.length + ": \"" + String.join(" ", t) + "\"");
      }
      return t;
    }

    void requireEnd(String header) {
      String[] t = nextNonBlank();
      if (t != null) {
        throw Problems.at(file, lineNo, "", "more records than the header \"" + header
            + "\" counts: \"" + String.join(" ", t) + "\"");
      }
    }

    @Override
    public void close() {
      try {
        r.close();
      } catch (IOException e) {
        throw new BadInputException(new InputProblem(file, "", "", "cannot close: " + e));
      }
    }
  }
}
