package io.netimpact.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A topology snapshot: devices, links and the demand matrix, referentially consistent.
 *
 * <p>The constructor checks unique device and link ids and that every link and demand names
 * known devices; readers that need file and line in their messages check first themselves.
 */
public record Snapshot(SnapshotInfo info, List<Device> devices, List<Link> links,
    List<Demand> demands, TrafficEngineering te) {

  /** A snapshot without TE tables. */
  public Snapshot(SnapshotInfo info, List<Device> devices, List<Link> links,
      List<Demand> demands) {
    this(info, devices, links, demands, TrafficEngineering.NONE);
  }

  public Snapshot {
    devices = List.copyOf(devices);
    links = List.copyOf(links);
    demands = List.copyOf(demands);
    te = java.util.Objects.requireNonNull(te, "te");
    Set<String> deviceIds = new HashSet<>(devices.size() * 2);
    for (Device d : devices) {
      if (!deviceIds.add(d.id())) {
        throw new IllegalArgumentException("duplicate device id " + d.id());
      }
    }
    Set<String> linkIds = new HashSet<>(links.size() * 2);
    for (Link l : links) {
      if (!linkIds.add(l.id())) {
        throw new IllegalArgumentException("duplicate link id " + l.id());
      }
      requireDevice(deviceIds, l.a(), "link " + l.id() + " a");
      requireDevice(deviceIds, l.b(), "link " + l.id() + " b");
    }
    for (Demand d : demands) {
      requireDevice(deviceIds, d.src(), "demand src");
      requireDevice(deviceIds, d.dst(), "demand dst");
    }
    for (SrPolicy p : te.policies()) {
      requireDevice(deviceIds, p.head(), "policy " + p.id() + " head");
      requireDevice(deviceIds, p.endpoint(), "policy " + p.id() + " endpoint");
      for (List<Segment> path : p.candidatePaths()) {
        for (Segment seg : path) {
          if (seg instanceof Segment.Node n) {
            requireDevice(deviceIds, n.device(), "policy " + p.id() + " node segment");
          } else if (!linkIds.contains(seg.target())) {
            throw new IllegalArgumentException("policy " + p.id()
                + " adjacency segment names unknown link " + seg.target());
          }
        }
      }
    }
    for (Lsp l : te.lsps()) {
      requireDevice(deviceIds, l.head(), "LSP " + l.id() + " head");
      requireDevice(deviceIds, l.tail(), "LSP " + l.id() + " tail");
    }
    te.conflicts(demands).ifPresent(c -> {
      throw new IllegalArgumentException(c);
    });
  }

  public Snapshot withTe(TrafficEngineering next) {
    return new Snapshot(info, devices, links, demands, next);
  }

  private static void requireDevice(Set<String> ids, String id, String what) {
    if (!ids.contains(id)) {
      throw new IllegalArgumentException(what + " names unknown device " + id);
    }
  }
}
