package io.netimpact.input;

import static io.netimpact.input.SnapshotColumns.BANDWIDTH_GBPS;
import static io.netimpact.input.SnapshotColumns.CANDIDATE_PATHS;
import static io.netimpact.input.SnapshotColumns.CLASSES;
import static io.netimpact.input.SnapshotColumns.ENDPOINT;
import static io.netimpact.input.SnapshotColumns.HEAD;
import static io.netimpact.input.SnapshotColumns.ID;
import static io.netimpact.input.SnapshotColumns.LSPS;
import static io.netimpact.input.SnapshotColumns.SR_POLICIES;
import static io.netimpact.input.SnapshotColumns.TAIL;

import io.netimpact.model.Demand;
import io.netimpact.model.Link;
import io.netimpact.model.Lsp;
import io.netimpact.model.Segment;
import io.netimpact.model.SrPolicy;
import io.netimpact.model.TrafficEngineering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * Reads the optional TE tables of a snapshot, {@code sr_policies} and {@code lsps}
 * (docs/inputs.md#sr-te-policy,
 * docs/semantics.md#traffic-engineering), JSON lines or Parquet, each record checked where it is
 * read: unknown devices or
 * links, duplicate ids, head equal to endpoint or tail, priorities out of range, negative
 * bandwidth, and a demand row that two policies, or a policy and an LSP, could steer (blamed
 * on the record that makes the second way). O(records + demand rows).
 */
final class TeTables {
  private TeTables() {}

  static TrafficEngineering read(SnapshotReader reader, Path root, Set<String> deviceIds,
      List<Link> links, List<Demand> demands, SnapshotReader.Rejects rejects) {
    Set<String> linkIds = new HashSet<>();
    for (Link l : links) {
      linkIds.add(l.id());
    }
    RowsByPair rowsByPair = new RowsByPair(demands);
    List<SrPolicy> policies = new ArrayList<>();
    Map<String, List<SrPolicy>> policiesByPair = new HashMap<>();
    Set<String> policyIds = new HashSet<>();
    reader.readOptionalTable(root, SR_POLICIES, List.of(ID, HEAD, ENDPOINT,
        CANDIDATE_PATHS), TeRecords.POLICY_COLUMNS, TeRecords::policy, rejects, p -> {
          requireDevice(deviceIds, p.head(), HEAD);
          requireDevice(deviceIds, p.endpoint(), ENDPOINT);
          for (int c = 0; c < p.candidatePaths().size(); c++) {
            List<Segment> path = p.candidatePaths().get(c);
            for (int s = 0; s < path.size(); s++) {
              String at = "candidate_paths[" + c + "][" + s + "]";
              Segment seg = path.get(s);
              if (seg instanceof Segment.Node n) {
                requireDevice(deviceIds, n.device(), at + ".node");
              } else if (!linkIds.contains(seg.target())) {
                throw new FieldException(at + ".adj", "names unknown link \"" + seg.target()
                    + "\"");
              }
            }
          }
          if (!policyIds.add(p.id())) {
            throw new FieldException(ID, "duplicate policy id \"" + p.id() + "\"");
          }
          String key = p.head() + "\u0000" + p.endpoint();
          List<SrPolicy> same = policiesByPair.computeIfAbsent(key, k -> new ArrayList<>());
          conflict(rowsByPair.get(key), with(same, p), List.of()).ifPresent(c -> {
            policyIds.remove(p.id());
            throw new FieldException(CLASSES, c);
          });
          same.add(p);
          policies.add(p);
        });
    List<Lsp> lsps = new ArrayList<>();
    Set<String> lspIds = new HashSet<>();
    reader.readOptionalTable(root, LSPS, List.of(ID, HEAD, TAIL, BANDWIDTH_GBPS),
        TeRecords.LSP_COLUMNS, TeRecords::lsp, rejects, l -> {
          requireDevice(deviceIds, l.head(), HEAD);
          requireDevice(deviceIds, l.tail(), TAIL);
          if (!lspIds.add(l.id())) {
            throw new FieldException(ID, "duplicate LSP id \"" + l.id() + "\"");
          }
          String key = l.head() + "\u0000" + l.tail();
          conflict(rowsByPair.get(key), policiesByPair.getOrDefault(key, List.of()), List.of(l))
              .ifPresent(c -> {
                lspIds.remove(l.id());
                throw new FieldException(CLASSES, c);
              });
          lsps.add(l);
        });
    return new TrafficEngineering(policies, lsps);
  }

  /**
   * Demand rows by {@code src + "\0" + dst}, indexed on the first TE record: a snapshot
   * without TE tables (most) does not pay for it (a JFR profile of a large review's read put
   * two thirds of the read stage, 1M demands, in building this map). O(demands) once.
   */
  private static final class RowsByPair {
    private final List<Demand> demands;
    private Map<String, List<Demand>> byPair;

    RowsByPair(List<Demand> demands) {
      this.demands = demands;
    }

    /** The rows of the pair, or null when it has none. */
    List<Demand> get(String key) {
      if (byPair == null) {
        byPair = new HashMap<>();
        for (Demand d : demands) {
          byPair.computeIfAbsent(d.src() + "\u0000" + d.dst(), k -> new ArrayList<>()).add(d);
        }
      }
      return byPair.get(key);
    }
  }

  private static List<SrPolicy> with(List<SrPolicy> some, SrPolicy p) {
    List<SrPolicy> out = new ArrayList<>(some);
    out.add(p);
    return out;
  }

  private static Optional<String> conflict(List<Demand> rows, List<SrPolicy> policies,
      List<Lsp> lsps) {
    if (rows == null) {
      return Optional.empty();
    }
    for (Demand d : rows) {
      Optional<String> c = TrafficEngineering.conflict(policies, lsps, d);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  private static void requireDevice(Set<String> ids, String id, String field) {
    if (!ids.contains(id)) {
      throw new FieldException(field, "names unknown device \"" + id + "\"");
    }
  }
}
