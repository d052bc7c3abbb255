package io.netimpact.importer;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gravity traffic matrix: the demand from s to t is proportional to w(s) x w(t), where a
 * device's weight w is the total capacity of its links (a proxy for the traffic it
 * terminates). The result is normalised to 1 Gbps in total; scale it with {@link
 * DemandScaling} to a target utilisation. Every ordered pair of devices with links gets a
 * demand. O(V^2 + E).
 */
public final class GravityDemands {
  private GravityDemands() {}

  public static List<Demand> of(List<Device> devices, List<Link> links) {
    Map<String, Double> weight = new HashMap<>();
    for (Link l : links) {
      double cap = l.members().stream().mapToDouble(m -> m.capacityGbps()).sum();
      weight.merge(l.a(), cap, Double::sum);
      weight.merge(l.b(), cap, Double::sum);
    }
    double total = 0;
    for (Device s : devices) {
      for (Device t : devices) {
        if (!s.id().equals(t.id())) {
          total += weight.getOrDefault(s.id(), 0.0) * weight.getOrDefault(t.id(), 0.0);
        }
      }
    }
    List<Demand> out = new ArrayList<>();
    if (total == 0) {
      return out;
    }
    for (Device s : devices) {
      double ws = weight.getOrDefault(s.id(), 0.0);
      for (Device t : devices) {
        double wt = weight.getOrDefault(t.id(), 0.0);
        if (!s.id().equals(t.id()) && ws > 0 && wt > 0) {
          out.add(Demand.of(s.id(), t.id(), ws * wt / total));
        }
      }
    }
    return out;
  }
}
