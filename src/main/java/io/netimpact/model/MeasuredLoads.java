package io.netimpact.model;

import java.util.List;

/**
 * Measured traffic of a network at one time (contract 7.4): the load of some of its arcs, and
 * optionally the traffic entering and leaving it at each device. Arcs without a row are
 * unmeasured, and so are devices without a total.
 *
 * @param arcs   one row per measured arc, at most one per (link, from)
 * @param totals one row per device with known totals, at most one per device; may be empty
 * @param known  demands known for sure (pinned: deduction keeps them as they are); may be empty
 */
public record MeasuredLoads(List<ArcLoad> arcs, List<DeviceTotal> totals, List<Demand> known) {
  public MeasuredLoads {
    arcs = List.copyOf(arcs);
    totals = List.copyOf(totals);
    known = List.copyOf(known);
  }

  /**
   * The measured load of one arc: the link, the device the arc leaves, and the Gbps it carries.
   *
   * @param location where the row was read ("interface_loads.jsonl, line 3"), for messages
   */
  public record ArcLoad(String link, String from, double gbps, String location) {
    public ArcLoad {
      Checks.id(link, "link");
      Checks.id(from, "from");
      Checks.nonNegativeFinite(gbps, "gbps");
      location = java.util.Objects.requireNonNullElse(location, "");
    }
  }

  /**
   * Traffic entering the network at a device (the sum of the demands it sources) and leaving it
   * there (the sum of the demands it sinks), Gbps.
   */
  public record DeviceTotal(String device, double inGbps, double outGbps, String location) {
    public DeviceTotal {
      Checks.id(device, "device");
      Checks.nonNegativeFinite(inGbps, "in_gbps");
      Checks.nonNegativeFinite(outGbps, "out_gbps");
      location = java.util.Objects.requireNonNullElse(location, "");
    }
  }
}
