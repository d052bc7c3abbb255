package io.netimpact.deduce;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.MeasuredLoads;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.ReferenceRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Measurements of a snapshot's own demands, as a network would count them: the loads its
 * demands put on the arcs (routed by the independent reference router, or the kernel for large
 * networks) and each device's entering and leaving totals.
 */
public final class Measured {
  private Measured() {}

  /** Every usable arc measured, totals for every device. */
  public static MeasuredLoads of(Snapshot truth) {
    return of(truth, arc -> true, true);
  }

  /**
   * The arcs {@code measured} accepts (by arc index, {@code 2 l} for link l's a->b), and the
   * totals when {@code totals}; routed by the reference router (small networks only).
   */
  public static MeasuredLoads of(Snapshot truth, IntPredicate measured, boolean totals) {
    Network net = NetworkCompiler.compile(truth);
    return of(truth, net, ReferenceRouter.loads(net, new double[1]), measured, totals);
  }

  /** As {@link #of(Snapshot, IntPredicate, boolean)} with arc loads already routed. */
  public static MeasuredLoads of(Snapshot truth, Network net, double[] loads,
      IntPredicate measured, boolean totals) {
    List<MeasuredLoads.ArcLoad> arcs = new ArrayList<>();
    for (int a = 0; a < net.arcCount(); a++) {
      if (net.isUsable(a >> 1) && measured.test(a)) {
        arcs.add(new MeasuredLoads.ArcLoad(net.linkId(a >> 1), net.nodeId(net.tail(a)),
            loads[a], "test"));
      }
    }
    List<MeasuredLoads.DeviceTotal> rows = new ArrayList<>();
    if (totals) {
      Map<String, double[]> t = new LinkedHashMap<>();
      for (Device d : truth.devices()) {
        t.put(d.id(), new double[2]);
      }
      for (Demand d : truth.demands()) {
        t.get(d.src())[0] += d.gbps();
        t.get(d.dst())[1] += d.gbps();
      }
      t.forEach((id, v) -> rows.add(new MeasuredLoads.DeviceTotal(id, v[0], v[1], "test")));
    }
    return new MeasuredLoads(arcs, rows, List.of());
  }
}
