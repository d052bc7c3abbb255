package io.netimpact.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateSnapshotTest {
  @TempDir
  static Path tmp;
  static Path small;
  static SnapshotGenerator.Result result;
  static Snapshot snapshot;

  @BeforeAll
  static void generateSmall() {
    small = tmp.resolve("small-7");
    result = SnapshotGenerator.generate(Preset.SMALL, 7, small.toString(), new Configuration());
    snapshot = read(small);
  }

  static Snapshot read(Path dir) {
    return new SnapshotReader(new Configuration())
        .read(dir.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
  }

  @Test
  void small_isValidJsonLinesByTheJobsOwnReader() {
    assertTrue(Files.exists(small.resolve("devices.jsonl")));
    assertTrue(Files.exists(small.resolve("links.jsonl")));
    assertTrue(Files.exists(small.resolve("demands.jsonl")));
    assertEquals("gen-small-s7", snapshot.info().snapshotId());
    assertTrue(snapshot.info().source().contains("generated preset small seed 7"));
    assertTrue(snapshot.info().notes().startsWith("generated preset small seed 7"));
  }

  @Test
  void small_countsMatchThePresetAndItsBand() {
    Shape shape = Preset.SMALL.shape();
    assertEquals(shape.devices(), snapshot.devices().size());
    assertEquals(shape.links(), snapshot.links().size());
    assertEquals(result.demands(), snapshot.demands().size());
    Set<String> endpoints = new HashSet<>();
    for (Demand d : snapshot.demands()) {
      endpoints.add(d.src());
      endpoints.add(d.dst());
    }
    assertEquals(shape.endpoints(), endpoints.size());
    assertTrue(snapshot.devices().size() >= 250 && snapshot.devices().size() <= 350,
        "~300 devices, got " + snapshot.devices().size());
    assertTrue(endpoints.size() >= 40 && endpoints.size() <= 60,
        "~50 endpoints, got " + endpoints.size());
  }

  @Test
  void largerPresets_haveTheSizesTheyAdvertise() {
    assertBand(Preset.MEDIUM.shape().devices(), 10_000, "medium devices");
    assertBand(Preset.MEDIUM.shape().links(), 40_000, "medium links");
    assertBand(Preset.MEDIUM.shape().endpoints(), 500, "medium endpoints");
    assertBand((long) Preset.MEDIUM.shape().endpoints() * Preset.MEDIUM.shape().demandsPerSrc(),
        100_000, "medium demands");
    assertBand(Preset.LARGE.shape().devices(), 100_000, "large devices");
    assertBand(Preset.LARGE.shape().links(), 400_000, "large links");
    assertBand(Preset.LARGE.shape().endpoints(), 2_000, "large endpoints");
    assertBand((long) Preset.LARGE.shape().endpoints() * Preset.LARGE.shape().demandsPerSrc(),
        1_000_000, "large demands");
    assertBand(Preset.XL.shape().devices(), 1_000_000, "xl devices");
    assertBand(Preset.XL.shape().links(), 4_000_000, "xl links");
    assertBand(Preset.XL.shape().endpoints(), 5_000, "xl endpoints");
    assertBand((long) Preset.XL.shape().endpoints() * Preset.XL.shape().demandsPerSrc(),
        5_000_000, "xl demands");
    assertTrue(Preset.LARGE.parquet() && Preset.XL.parquet());
    assertFalse(Preset.SMALL.parquet() || Preset.MEDIUM.parquet());
  }

  private static void assertBand(long actual, long nominal, String what) {
    assertTrue(actual >= nominal * 0.85 && actual <= nominal * 1.15,
        what + ": " + actual + " is not within 15 % of " + nominal);
  }

  @Test
  void sameSeed_givesByteIdenticalFiles() throws IOException {
    Path again = tmp.resolve("small-7-again");
    SnapshotGenerator.generate(Preset.SMALL, 7, again.toString(), new Configuration());
    Map<String, byte[]> a = files(small);
    Map<String, byte[]> b = files(again);
    assertEquals(a.keySet(), b.keySet());
    for (String f : a.keySet()) {
      assertArrayEquals(a.get(f), b.get(f), f);
    }
  }

  @Test
  void differentSeed_givesADifferentNetworkAndMatrix() throws IOException {
    Path other = tmp.resolve("small-8");
    SnapshotGenerator.generate(Preset.SMALL, 8, other.toString(), new Configuration());
    Map<String, byte[]> a = files(small);
    Map<String, byte[]> b = files(other);
    for (String table : List.of("links.jsonl", "demands.jsonl", "manifest.json")) {
      assertFalse(java.util.Arrays.equals(a.get(table), b.get(table)), table);
    }
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void baseline_busiestArcRunsBetween50And70Percent_withNothingLost() {
    Network net = NetworkCompiler.compile(snapshot);
    BaselineLoads loads = BaselineLoads.of(net);
    double max = loads.maxUtilisation(net);
    assertTrue(max >= 0.50 && max <= 0.70, "max utilisation " + max);
    assertEquals(result.maxUtilisation(), max, 0.005);
    assertEquals(0.0, loads.lostGbps());
  }

  @Test
  void calibrationWithoutRacks_givesTheSameLoadsAsTheWholeNetwork() {
    // The xl preset scales its demands on the network without ToRs: this is the evidence that
    // racks carry no inter-site traffic, so both give the same load on every other arc.
    Network whole = NetworkCompiler.compile(snapshot);
    BaselineLoads full = BaselineLoads.of(whole);
    Set<String> racks = snapshot.devices().stream().filter(d -> d.role().equals("tor"))
        .map(Device::id).collect(Collectors.toSet());
    List<Device> devices = snapshot.devices().stream().filter(d -> !racks.contains(d.id()))
        .toList();
    List<Link> links = snapshot.links().stream()
        .filter(l -> !racks.contains(l.a()) && !racks.contains(l.b())).toList();
    Network reduced = NetworkCompiler.compile(new Snapshot(snapshot.info(), devices, links,
        snapshot.demands()));
    BaselineLoads part = BaselineLoads.of(reduced);
    Map<String, Integer> reducedLink = new HashMap<>();
    for (int l = 0; l < reduced.linkCount(); l++) {
      reducedLink.put(reduced.linkId(l), l);
    }
    for (int l = 0; l < whole.linkCount(); l++) {
      Integer r = reducedLink.get(whole.linkId(l));
      for (int dir = 0; dir < 2; dir++) {
        double expected = full.load()[2 * l + dir];
        double actual = r == null ? 0.0 : part.load()[2 * r + dir];
        assertEquals(expected, actual, 1e-9 * (1 + expected), whole.linkId(l));
      }
    }
    assertEquals(full.maxUtilisation(whole), part.maxUtilisation(reduced), 1e-12);
  }

  @Test
  void network_looksLikeAProviderBackbone() {
    Map<String, Long> roles = snapshot.devices().stream()
        .collect(Collectors.groupingBy(Device::role, Collectors.counting()));
    assertEquals(Set.of("tor", "leaf", "spine", "edge", "core"), roles.keySet());
    assertTrue(snapshot.devices().stream().anyMatch(Device::drained), "some drained devices");
    for (Link l : snapshot.links()) {
      assertTrue(l.members().size() >= 2 && l.members().size() <= 16, l.id());
      assertTrue(l.minLinks() >= 1 && l.minLinks() <= l.members().size(), l.id());
    }
    assertTrue(snapshot.links().stream().anyMatch(l -> l.metricBa().isPresent()),
        "some asymmetric metrics");
    Map<String, Long> perSrlg = snapshot.links().stream().filter(l -> l.id().startsWith("lh-"))
        .flatMap(l -> l.srlgs().stream())
        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertFalse(perSrlg.isEmpty());
    assertTrue(perSrlg.values().stream().allMatch(n -> n >= 2),
        "long-haul links share their conduit's SRLG: " + perSrlg);
    Map<List<String>, Long> parallel = snapshot.links().stream()
        .filter(l -> l.id().contains("-ring-"))
        .collect(Collectors.groupingBy(l -> List.of(l.a(), l.b()), Collectors.counting()));
    assertTrue(parallel.values().stream().anyMatch(n -> n >= 2), "parallel backbone links");
    Set<Double> capacities = snapshot.links().stream()
        .flatMap(l -> l.members().stream().map(m -> m.capacityGbps()))
        .collect(Collectors.toSet());
    assertTrue(capacities.containsAll(Set.of(100.0, 400.0)), "capacities " + capacities);
    assertNotEquals(0, snapshot.demands().stream().filter(d -> !d.trafficClass().isEmpty())
        .count());
  }
}
