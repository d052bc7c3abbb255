package io.netimpact.importer;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts an SNDlib network (native text or XML) into contract records.
 *
 * <ul>
 *   <li>Units: the META {@code unit} (MBITPERSEC: abilene, geant; BITSPERSEC: brain); where the
 *       file states none, Mbit/s is assumed unless the caller gives a unit. Capacities and
 *       demands share that unit in SNDlib, so the assumption moves utilisations only when the
 *       demands are combined with data from elsewhere.</li>
 *   <li>Capacity: the pre-installed capacity where it is &gt; 0, else one unit of the first
 *       listed module; a link with neither is bad input.</li>
 *   <li>Links listed once per orientation (janos-us, brain) are folded into one full-duplex
 *       link ({@link LinkFolder}); same-orientation duplicates (zib54) stay parallel links.</li>
 *   <li>Demands: when no ordered pair's reverse is present the file holds one value per
 *       unordered pair (SNDlib's undirected model: france, germany50, nobel-eu, polska); each
 *       such value is offered in both directions. Otherwise the matrix is taken as directed,
 *       missing entries meaning no traffic.</li>
 *   <li>Metrics: hop count unless told otherwise; SNDlib has none. No latency is set.</li>
 * </ul>
 * O(V + E + D).
 */
public final class SndlibImporter {
  /** Unit assumed for SNDlib files that state none. */
  public static final RateUnit ASSUMED_UNIT = RateUnit.MBPS;

  private SndlibImporter() {}

  public static Imported read(Path file, ImportOptions options) {
    return convert(SndlibReader.read(file), options);
  }

  static Imported convert(SndlibNetwork net, ImportOptions options) {
    List<String> notes = new ArrayList<>();
    RateUnit unit = unit(net, options, notes);
    MetricRule metric = options.metric().orElse(MetricRule.HOP);
    if (metric == MetricRule.FILE) {
      throw new IllegalArgumentException("SNDlib files have no IGP metrics: use --metric hop or invcap");
    }
    List<Device> devices = net.nodes().stream().map(Device::of).toList();

    int pre = 0;
    int module = 0;
    double[] caps = new double[net.links().size()];
    for (int i = 0; i < caps.length; i++) {
      SndlibNetwork.LinkRow l = net.links().get(i);
      if (l.preInstalled() > 0) {
        caps[i] = unit.toGbps(l.preInstalled());
        pre++;
      } else if (!l.modules().isEmpty()) {
        caps[i] = unit.toGbps(l.modules().get(0));
        module++;
      } else {
        throw Problems.at(net.file(), l.line(), "pre_installed_capacity",
            "link " + l.id() + " has no pre-installed capacity and no module: no capacity to use");
      }
    }
    double maxCap = 0;
    for (double c : caps) {
      maxCap = Math.max(maxCap, c);
    }
    List<LinkFolder.Entry> entries = new ArrayList<>();
    for (int i = 0; i < caps.length; i++) {
      SndlibNetwork.LinkRow l = net.links().get(i);
      int m = metric == MetricRule.INVCAP ? MetricRule.invcap(caps[i], maxCap) : 1;
      entries.add(new LinkFolder.Entry(l.id(), l.source(), l.target(), m, caps[i], 0.0));
    }
    LinkFolder.Folded folded = LinkFolder.fold(entries);
    notes.add("capacity: pre-installed capacity where > 0 (" + pre + " links), else one unit of "
        + "the first listed module (" + module + " links); SNDlib capacities are planning "
        + "options, so these are assumptions");
    notes.add("links: " + net.links().size() + " listed, " + folded.links().size()
        + " full-duplex links; " + folded.foldedPairs() + " pairs listed once per orientation "
        + "were folded into one link (id of the first listed), same-orientation duplicates kept "
        + "as parallel links"
        + (folded.capacityMismatches() > 0 ? "; " + folded.capacityMismatches()
            + " folded pairs differed in capacity, the smaller was kept" : ""));
    notes.add(metric == MetricRule.HOP ? "metric: 1 on every link (hop count); SNDlib has no IGP "
        + "metrics" : "metric: inverse capacity, floor(10 x max capacity / capacity) in [1, 200]");
    notes.add("latency: not set (0 ms); SNDlib gives only drawing coordinates");

    List<Demand> demands = demands(net, unit, notes);
    return new Imported(devices, folded.links(), demands,
        "SNDlib network " + Path.of(net.file()).getFileName() + " (ZIB, sndlib.zib.de)"
            + net.metaValue("origin").map(o -> "; origin: " + o).orElse(""),
        notes);
  }

  private static RateUnit unit(SndlibNetwork net, ImportOptions options, List<String> notes) {
    var stated = net.metaValue("unit");
    if (stated.isPresent()) {
      RateUnit u = RateUnit.ofSndlib(stated.get()).orElseThrow(() -> Problems.at(net.file(), 0,
          "unit", "unknown SNDlib unit \"" + stated.get() + "\""));
      if (options.unit().isPresent() && options.unit().get() != u) {
        throw new IllegalArgumentException("--unit " + options.unit().get() + " contradicts the "
            + "unit " + stated.get() + " stated in " + net.file());
      }
      notes.add("units: " + stated.get() + " as stated in the file (" + u.label() + "), converted to Gbps");
      return u;
    }
    if (options.unit().isPresent()) {
      notes.add("units: the file states none; " + options.unit().get().label()
          + " as given by the user, converted to Gbps");
      return options.unit().get();
    }
    notes.add("units: the file states none; ASSUMED " + ASSUMED_UNIT.label() + " for capacities "
        + "and demands alike (they share one unit in SNDlib, so utilisations do not depend on "
        + "this, but absolute Gbps do)");
    return ASSUMED_UNIT;
  }

  private static List<Demand> demands(SndlibNetwork net, RateUnit unit, List<String> notes) {
    Set<String> pairs = new HashSet<>();
    for (SndlibNetwork.DemandRow d : net.demands()) {
      pairs.add(d.source() + '\u0000' + d.target());
    }
    boolean anyReverse = false;
    for (SndlibNetwork.DemandRow d : net.demands()) {
      if (pairs.contains(d.target() + '\u0000' + d.source())) {
        anyReverse = true;
        break;
      }
    }
    boolean undirected = !net.demands().isEmpty() && !anyReverse;
    List<Demand> out = new ArrayList<>(net.demands().size() * (undirected ? 2 : 1));
    for (SndlibNetwork.DemandRow d : net.demands()) {
      double g = unit.toGbps(d.value());
      out.add(Demand.of(d.source(), d.target(), g));
      if (undirected) {
        out.add(Demand.of(d.target(), d.source(), g));
      }
    }
    notes.add(undirected
        ? "demands: one value per unordered pair (SNDlib undirected model, no pair has its "
            + "reverse listed): each of the " + net.demands().size() + " values is offered in "
            + "both directions, " + out.size() + " demand rows"
        : "demands: directed matrix, " + out.size() + " rows as listed; a missing entry means "
            + "no traffic");
    return out;
  }
}
