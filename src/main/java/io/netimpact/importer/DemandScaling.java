package io.netimpact.importer;

import io.netimpact.model.Demand;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.util.List;

/**
 * Scales a demand matrix so that the busiest arc's baseline utilisation (no change applied,
 * shortest-path ECMP) equals a target. Routing is linear in the demand volumes, so one
 * routing pass gives the factor: target / current maximum. O(D (E log V)) for the pass.
 */
public final class DemandScaling {
  private DemandScaling() {}

  /**
   * The demands of {@code in} multiplied by target / baseline max utilisation, with a note.
   *
   * @throws IllegalArgumentException when the demands load no arc (nothing to scale)
   */
  public static Imported scaleToUtil(Imported in, double target) {
    Snapshot s = new Snapshot(SnapshotInfo.of("scaling"), in.devices(), in.links(), in.demands());
    Network net = NetworkCompiler.compile(s);
    double max = BaselineLoads.of(net).maxUtilisation(net);
    if (!(max > 0)) {
      throw new IllegalArgumentException("cannot scale to utilisation " + target
          + ": the demands load no arc (no demand, or all zero or unroutable)");
    }
    double factor = target / max;
    List<Demand> scaled = in.demands().stream()
        .map(d -> new Demand(d.src(), d.dst(), d.gbps() * factor, d.trafficClass())).toList();
    return in.withDemands(scaled, String.format(java.util.Locale.ROOT,
        "scaling: demands multiplied by %.6g so that the busiest arc's baseline utilisation "
            + "(hop-by-hop ECMP, no change) is %.3g instead of %.6g", factor, target, max));
  }
}
