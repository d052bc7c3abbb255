package io.netimpact.testing;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import io.netimpact.routing.EcmpPush;
import io.netimpact.routes.LoadSink;
import io.netimpact.routing.MaskedView;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.NetworkView;
import io.netimpact.routing.ShortestPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Builds small snapshots for tests: devices, links, LAGs and demands by name. */
public final class Net {
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final List<Link> links = new ArrayList<>();
  private final List<Demand> demands = new ArrayList<>();

  public static Net create() {
    return new Net();
  }

  public Net device(String id, String site) {
    devices.put(id, new Device(id, site, site.isEmpty() ? "" : "r-" + site, "core", false));
    return this;
  }

  public Net drained(String id) {
    ensure(id);
    devices.put(id, devices.get(id).withDrained(true));
    return this;
  }

  private void ensure(String id) {
    devices.putIfAbsent(id, new Device(id, "", "", "", false));
  }

  /** A single-circuit link of {@code cap} Gbps with the same metric both ways. */
  public Net link(String id, String a, String b, int metric, double cap) {
    return add(Link.simple(id, a, b, metric, cap));
  }

  public Net link(String id, String a, String b, int metric, int metricBa, double cap) {
    return add(Link.simple(id, a, b, metric, cap).withMetrics(metric, OptionalInt.of(metricBa)));
  }

  /** A LAG of {@code members} x {@code memberCap} Gbps, members named m0, m1, ... */
  public Net lag(String id, String a, String b, int metric, int members, double memberCap,
      int minLinks) {
    List<Member> ms = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ms.add(new Member("m" + i, memberCap, true));
    }
    return add(new Link(id, a, b, metric, OptionalInt.empty(), ms, minLinks, true, 0.0,
        List.of()));
  }

  public Net add(Link l) {
    ensure(l.a());
    ensure(l.b());
    links.add(l);
    return this;
  }

  public Net demand(String src, String dst, double gbps) {
    ensure(src);
    ensure(dst);
    demands.add(Demand.of(src, dst, gbps));
    return this;
  }

  /** A demand row of traffic class {@code trafficClass}. */
  public Net demand(String src, String dst, double gbps, String trafficClass) {
    ensure(src);
    ensure(dst);
    demands.add(new Demand(src, dst, gbps, trafficClass));
    return this;
  }

  public Snapshot snapshot() {
    return new Snapshot(SnapshotInfo.of("test"), List.copyOf(devices.values()), links, demands);
  }

  public Network compile() {
    return NetworkCompiler.compile(snapshot());
  }

  /** Loads of every arc that carries traffic, keyed {@code link:from>to}, routed by the engine. */
  public static Map<String, Double> loads(NetworkView net) {
    MaskedView g = net.view();
    double[] load = new double[g.arcCount()];
    ShortestPaths paths = new ShortestPaths(g.nodeCount());
    EcmpPush push = new EcmpPush(g.nodeCount());
    for (int dst : g.destinations()) {
      push.pushDemands(g, paths.toward(g, dst), LoadSink.into(load));
    }
    return byArc(net, load);
  }

  public static Map<String, Double> byArc(NetworkView net, double[] load) {
    Map<String, Double> out = new TreeMap<>();
    for (int a = 0; a < load.length; a++) {
      if (load[a] != 0) {
        out.put(arcName(net, a), load[a]);
      }
    }
    return out;
  }

  public static String arcName(NetworkView net, int arc) {
    return net.linkId(Network.linkOf(arc)) + ":" + net.nodeId(net.tail(arc)) + ">"
        + net.nodeId(net.head(arc));
  }
}
