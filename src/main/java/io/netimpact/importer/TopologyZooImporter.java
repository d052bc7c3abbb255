package io.netimpact.importer;

import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an Internet Topology Zoo GML file (https://topology-zoo.org).
 *
 * <ul>
 *   <li>Nodes are keyed by their GML {@code id}; device ids are the labels when those are
 *       unique in the file, else {@code <id>-<label>} for every node (labels repeat: SwitchL3,
 *       Cogentco). {@code Internal 0} nodes get role {@code external}, {@code hyperedge 1}
 *       nodes role {@code junction}.</li>
 *   <li>Edges are undirected: one full-duplex link each; parallel edges stay parallel links
 *       (ids {@code a--b}, then {@code a--b#2}, ...). Self-loops are dropped.</li>
 *   <li>Capacity: {@code LinkSpeedRaw} bit/s to Gbps; an edge without it gets the file's most
 *       common speed (ties: the lower), or 1 Gbps when the file has no speed at all, unless
 *       the caller gives a default.</li>
 *   <li>Latency: great-circle distance between the end points at 200 km/ms (light in fibre),
 *       0 when an end has no coordinates. Real fibre paths are longer.</li>
 *   <li>Metrics: hop count unless told otherwise. No demands: the file has none.</li>
 * </ul>
 * O(V + E).
 */
public final class TopologyZooImporter {
  /** Capacity used when a file has no speed at all (REPETITA made the same choice). */
  public static final double NO_SPEED_DEFAULT_GBPS = 1.0;
  /** Propagation speed in fibre, km per ms. */
  static final double FIBRE_KM_PER_MS = 200.0;

  private TopologyZooImporter() {}

  private record ZooNode(String gmlId, String label, Optional<Double> lon, Optional<Double> lat,
      String role) {}

  public static Imported read(Path path, ImportOptions options) {
    String file = path.toString();
    MetricRule metric = options.metric().orElse(MetricRule.HOP);
    if (metric == MetricRule.FILE) {
      throw new IllegalArgumentException("Topology Zoo files have no IGP metrics: use --metric hop or invcap");
    }
    Gml.Block top = Gml.read(path);
    List<Gml.Block> graphs = top.blocks("graph");
    if (graphs.size() != 1) {
      throw Problems.at(file, 1, "graph", "expected one graph [ ... ] block, found " + graphs.size());
    }
    Gml.Block g = graphs.get(0);
    if (g.number("directed").orElse(0.0) != 0.0) {
      throw Problems.at(file, g.first("directed").get().line(), "directed",
          "a directed graph: the Topology Zoo importer reads undirected graphs only");
    }
    Map<String, ZooNode> nodes = new java.util.LinkedHashMap<>();
    for (Gml.Block n : g.blocks("node")) {
      String id = n.text("id").orElseThrow(() -> Problems.at(file, n.line(), "id", "node without an id"));
      String label = n.text("label").orElse(id);
      String role = n.number("hyperedge").orElse(0.0) == 1.0 ? "junction"
          : n.number("Internal").orElse(1.0) == 0.0 ? "external" : "";
      if (nodes.put(id, new ZooNode(id, label, n.number("Longitude"), n.number("Latitude"), role)) != null) {
        throw Problems.at(file, n.line(), "id", "duplicate node id " + id);
      }
    }
    Set<String> labels = new HashSet<>();
    boolean unique = nodes.values().stream().allMatch(n -> labels.add(n.label()));
    Map<String, String> deviceId = new HashMap<>();
    List<Device> devices = new ArrayList<>();
    for (ZooNode n : nodes.values()) {
      String id = unique ? n.label() : n.gmlId() + "-" + n.label();
      deviceId.put(n.gmlId(), id);
      devices.add(new Device(id, "", "", n.role(), false));
    }

    List<Gml.Block> edges = g.blocks("edge");
    List<Double> speeds = new ArrayList<>();
    for (Gml.Block e : edges) {
      Optional<Double> raw = e.number("LinkSpeedRaw");
      if (raw.isPresent() && !(raw.get() > 0)) {
        throw Problems.at(file, e.first("LinkSpeedRaw").get().line(), "LinkSpeedRaw",
            "must be > 0 bit/s, got " + raw.get());
      }
      raw.ifPresent(speeds::add);
    }
    double fallback;
    String fallbackWhy;
    if (options.defaultCapacityGbps().isPresent()) {
      fallback = options.defaultCapacityGbps().getAsDouble();
      fallbackWhy = "given by the user";
    } else if (!speeds.isEmpty()) {
      fallback = RateUnit.BPS.toGbps(mode(speeds));
      fallbackWhy = "the file's most common speed";
    } else {
      fallback = NO_SPEED_DEFAULT_GBPS;
      fallbackWhy = "the file has no speeds at all";
    }
    double maxCap = fallback;
    for (double s : speeds) {
      maxCap = Math.max(maxCap, RateUnit.BPS.toGbps(s));
    }

    List<Link> links = new ArrayList<>();
    Map<String, Integer> pairCount = new HashMap<>();
    int parallel = 0;
    int defaulted = 0;
    int selfLoops = 0;
    int noLatency = 0;
    for (Gml.Block e : edges) {
      String s = endpoint(file, e, "source", deviceId);
      String t = endpoint(file, e, "target", deviceId);
      if (s.equals(t)) {
        selfLoops++;
        continue;
      }
      Optional<Double> raw = e.number("LinkSpeedRaw");
      double cap = raw.map(RateUnit.BPS::toGbps).orElse(fallback);
      if (raw.isEmpty()) {
        defaulted++;
      }
      String pair = s.compareTo(t) <= 0 ? s + "\u0000" + t : t + "\u0000" + s;
      int k = pairCount.merge(pair, 1, Integer::sum);
      if (k > 1) {
        parallel++;
      }
      String id = s + "--" + t + (k > 1 ? "#" + k : "");
      int m = metric == MetricRule.INVCAP ? MetricRule.invcap(cap, maxCap) : 1;
      java.util.OptionalDouble km = distanceKm(nodes.get(e.text("source").get()), nodes.get(e.text("target").get()));
      if (km.isEmpty()) {
        noLatency++;
      }
      double latency = km.isPresent() ? km.getAsDouble() / FIBRE_KM_PER_MS : 0.0;
      links.add(new Link(id, s, t, m, OptionalInt.empty(), List.of(new Member(id, cap, true)), 1,
          true, latency, List.of()));
    }
    List<String> notes = new ArrayList<>();
    notes.add("nodes: " + devices.size() + " keyed by GML id; " + (unique ? "device ids are the "
        + "labels" : "labels repeat, so device ids are <gml id>-<label>") + "; Internal 0 -> role "
        + "external, hyperedge 1 -> role junction");
    notes.add("links: " + links.size() + " full-duplex links from " + edges.size()
        + " undirected edges; " + parallel + " parallel edges kept as parallel links (id a--b#k)"
        + (selfLoops > 0 ? "; " + selfLoops + " self-loops dropped" : ""));
    notes.add("capacity: LinkSpeedRaw bit/s -> Gbps; " + defaulted + " edges without a speed got "
        + fallback + " Gbps (" + fallbackWhy + ")");
    notes.add(metric == MetricRule.HOP ? "metric: 1 on every link (hop count); the Zoo has no IGP "
        + "metrics" : "metric: inverse capacity, floor(10 x max capacity / capacity) in [1, 200]");
    notes.add("latency: great-circle distance / " + FIBRE_KM_PER_MS + " km per ms; " + noLatency
        + " links with an end point without coordinates have 0 ms");
    notes.add("demands: none in the file");
    String network = g.text("Network").orElse(path.getFileName().toString());
    return new Imported(devices, links, List.of(), "Internet Topology Zoo " + path.getFileName()
        + " (" + network.trim() + ", " + g.text("NetworkDate").orElse("date unknown")
        + "; topology-zoo.org, CC BY 4.0)", notes);
  }

  private static String endpoint(String file, Gml.Block e, String key, Map<String, String> ids) {
    String v = e.text(key).orElseThrow(() -> Problems.at(file, e.line(), key, "edge without a " + key));
    String id = ids.get(v);
    if (id == null) {
      throw Problems.at(file, e.first(key).get().line(), key, "names unknown node id " + v);
    }
    return id;
  }

  /** Most common value; ties go to the lower one so the choice does not depend on order. */
  static double mode(List<Double> values) {
    Map<Double, Integer> count = new TreeMap<>();
    values.forEach(v -> count.merge(v, 1, Integer::sum));
    double best = Double.NaN;
    int bestCount = 0;
    for (Map.Entry<Double, Integer> c : count.entrySet()) {
      if (c.getValue() > bestCount) {
        best = c.getKey();
        bestCount = c.getValue();
      }
    }
    return best;
  }

  private static java.util.OptionalDouble distanceKm(ZooNode a, ZooNode b) {
    if (a.lat().isEmpty() || a.lon().isEmpty() || b.lat().isEmpty() || b.lon().isEmpty()) {
      return java.util.OptionalDouble.empty();
    }
    double p1 = Math.toRadians(a.lat().get());
    double p2 = Math.toRadians(b.lat().get());
    double dp = p2 - p1;
    double dl = Math.toRadians(b.lon().get() - a.lon().get());
    double h = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return java.util.OptionalDouble.of(2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h))));
  }
}
