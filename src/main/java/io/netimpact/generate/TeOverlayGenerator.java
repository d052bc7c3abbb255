package io.netimpact.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.input.Json;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A generated TE overlay ({@code generate --te}): RSVP-TE LSPs between the PoPs of a region
 * (one per demand pair of two PoPs of the same region, reserving 1.2 times the pair's volume,
 * setup priorities spread over 0..7), and SR-TE policies on the long-haul links (for demand
 * pairs from a PoP of one region to a PoP of another joined by a long-haul conduit: first the
 * conduit's first LAG, pinned by an adjacency segment from its core, then its second, then
 * IGP). A pair gets an LSP or a policy, never both, so no row is steered two ways. At most
 * {@link #MAX_LSPS} LSPs and {@link #MAX_POLICIES} policies, in demand order: deterministic
 * for a seed. Written as {@code lsps.jsonl} and {@code sr_policies.jsonl}. O(demand rows).
 */
final class TeOverlayGenerator {
  static final int MAX_LSPS = 2000;
  static final int MAX_POLICIES = 1000;

  private TeOverlayGenerator() {}

  /** How many of each were written. */
  record Counts(int lsps, int policies) {}

  /** Devices and long-haul links seen while the topology streamed. */
  static final class Collected {
    final Map<String, Device> pops = new HashMap<>();
    /** Region pair "a\u0000b" (either order) to its long-haul LAGs. */
    final Map<String, List<Link>> longHaul = new LinkedHashMap<>();
    final Map<String, String> regionOf = new HashMap<>();

    void device(Device d) {
      if (d.role().equals("edge") && d.site().equals(d.id())) {
        pops.put(d.id(), d);
      }
      if (d.role().equals("core")) {
        regionOf.put(d.id(), d.region());
      }
    }

    void link(Link l) {
      if (l.id().startsWith("lh-")) {
        String ra = regionOf.get(l.a());
        String rb = regionOf.get(l.b());
        if (ra != null && rb != null) {
          longHaul.computeIfAbsent(key(ra, rb), k -> new ArrayList<>()).add(l);
          longHaul.computeIfAbsent(key(rb, ra), k -> new ArrayList<>()).add(l);
        }
      }
    }
  }

  private static String key(String a, String b) {
    return a + "\u0000" + b;
  }

  static Counts write(Collected c, String[] ids, DemandMatrix m, double scale, String out,
      Configuration hadoop) {
    Map<String, double[]> pairs = new LinkedHashMap<>();
    for (int i = 0; i < m.rows(); i++) {
      String s = ids[m.src[i]];
      String t = ids[m.dst[i]];
      if (c.pops.containsKey(s) && c.pops.containsKey(t)) {
        pairs.computeIfAbsent(s + "\u0000" + t, k -> new double[1])[0] +=
            SnapshotGenerator.roundGbps(m.gbps[i] * scale);
      }
    }
    StringBuilder lsps = new StringBuilder();
    StringBuilder policies = new StringBuilder();
    int nl = 0;
    int np = 0;
    for (Map.Entry<String, double[]> e : pairs.entrySet()) {
      String[] st = e.getKey().split("\u0000");
      Device s = c.pops.get(st[0]);
      Device t = c.pops.get(st[1]);
      if (s.region().equals(t.region()) && nl < MAX_LSPS) {
        ObjectNode l = Json.MAPPER.createObjectNode();
        l.put("id", "lsp-" + s.id() + "-" + t.id());
        l.put("head", s.id());
        l.put("tail", t.id());
        l.put("bandwidth_gbps", Math.round(e.getValue()[0] * 12) / 10.0);
        l.put("setup_priority", nl % 8);
        lsps.append(l).append('\n');
        nl++;
      } else if (!s.region().equals(t.region()) && np < MAX_POLICIES) {
        List<Link> lh = c.longHaul.get(key(s.region(), t.region()));
        if (lh == null || lh.size() < 2) {
          continue;
        }
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("id", "pol-" + s.id() + "-" + t.id());
        p.put("head", s.id());
        p.put("endpoint", t.id());
        ArrayNode candidates = p.putArray("candidate_paths");
        for (Link l : lh.subList(0, 2)) {
          String from = s.region().equals(c.regionOf.get(l.a())) ? l.a() : l.b();
          ArrayNode segs = candidates.addArray();
          segs.addObject().put("node", from);
          segs.addObject().put("adj", l.id());
        }
        policies.append(p).append('\n');
        np++;
      }
    }
    SnapshotGenerator.writeText(new Path(out, "lsps.jsonl"), lsps.toString(), hadoop);
    SnapshotGenerator.writeText(new Path(out, "sr_policies.jsonl"), policies.toString(), hadoop);
    return new Counts(nl, np);
  }
}
