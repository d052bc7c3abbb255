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
    List<Demand> demands) {

  public Snapshot {
    devices = List.copyOf(devices);
    links = List.copyOf(links);
    demands = List.copyOf(demands);
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
  }

  private static void requireDevice(Set<String> ids, String id, String what) {
    if (!ids.contains(id)) {
      throw new IllegalArgumentException(what + " names unknown device " + id);
    }
  }
}
