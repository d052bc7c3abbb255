package io.netimpact.model;

import java.util.Objects;

/**
 * A router or switch. Optional attributes are empty strings when absent.
 *
 * @param id      unique, non-empty
 * @param site    site name, or "" when unknown
 * @param region  region name, or ""
 * @param role    role (core, edge, spine...), or ""
 * @param drained true when the device carries no transit traffic (IS-IS overload bit)
 */
public record Device(String id, String site, String region, String role, boolean drained) {
  public Device {
    Checks.id(id, "device id");
    site = Objects.requireNonNullElse(site, "");
    region = Objects.requireNonNullElse(region, "");
    role = Objects.requireNonNullElse(role, "");
  }

  public static Device of(String id) {
    return new Device(id, "", "", "", false);
  }

  public Device withDrained(boolean value) {
    return new Device(id, site, region, role, value);
  }
}
