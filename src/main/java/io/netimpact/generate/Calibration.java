package io.netimpact.generate;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds how busy the busiest arc is under a demand matrix, with the job's own router
 * ({@link BaselineLoads} on a {@link NetworkCompiler}-compiled network), so that the generator
 * can scale the matrix to a target utilisation. ECMP routing is linear in the volumes, so
 * scaling every demand by {@code f} scales every arc load by exactly {@code f}.
 *
 * <p>Destinations are routed in chunks of at most {@link #ROWS_PER_CHUNK} demand rows, each
 * compiled with only its own demands, and the arc loads summed: the same loads as one big run
 * (arc indices depend only on the link order) with at most one chunk of demand objects alive.
 *
 * <p>The routed topology may omit the ToRs (xl): racks are not demand endpoints, every fabric
 * metric is 1 and every spine reaches both DC borders directly, so a path through a ToR
 * (leaf - ToR - leaf of another plane) is always at least two metric units longer than the
 * leaf - spine - border path, and no inter-site shortest path crosses a ToR. Routing without
 * them gives the same loads on every other arc and a ToR arc carries nothing; a test checks
 * this on the small preset. Cost: O(D (E log V)) for D destinations.
 */
final class Calibration {
  static final int ROWS_PER_CHUNK = 1_000_000;

  /** Busiest-arc utilisation and the demand that found no path, both at scale 1. */
  record Result(double maxUtilisation, double lostGbps, double offeredGbps, int chunks) {}

  private Calibration() {}

  static Result route(List<Device> devices, List<Link> links, Plan.Endpoints ep,
      DemandMatrix m) {
    int n = ep.count();
    int[] rowsTo = new int[n];
    for (int i = 0; i < m.rows(); i++) {
      rowsTo[m.dst[i]]++;
    }
    BaselineLoads.Sum sum = null;
    double offered = 0;
    Network net = null;
    int chunks = 0;
    int from = 0;
    while (from < n) {
      int to = from;
      long rows = 0;
      while (to < n && (to == from || rows + rowsTo[to] <= ROWS_PER_CHUNK)) {
        rows += rowsTo[to++];
      }
      List<Demand> demands = new ArrayList<>((int) rows);
      for (int i = 0; i < m.rows(); i++) {
        if (m.dst[i] >= from && m.dst[i] < to) {
          demands.add(Demand.of(ep.ids()[m.src[i]], ep.ids()[m.dst[i]], m.gbps[i]));
        }
      }
      from = to;
      if (demands.isEmpty()) {
        continue;
      }
      net = NetworkCompiler.compile(new Snapshot(SnapshotInfo.of("calibration"), devices, links,
          demands));
      BaselineLoads part = BaselineLoads.of(net);
      sum = sum == null ? new BaselineLoads.Sum(part.load(), part.lostGbps())
          : sum.add(part.load(), part.lostGbps());
      offered += part.offeredGbps();
      chunks++;
    }
    if (net == null) {
      throw new IllegalStateException("the demand matrix is empty");
    }
    return new Result(new BaselineLoads(sum.load(), sum.lost(), offered).maxUtilisation(net),
        sum.lost(), offered, chunks);
  }
}
