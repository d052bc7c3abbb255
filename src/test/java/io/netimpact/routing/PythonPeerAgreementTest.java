package io.netimpact.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.ChangeReader;
import io.netimpact.input.SnapshotReader;
import io.netimpact.generate.Preset;
import io.netimpact.generate.SnapshotGenerator;
import io.netimpact.model.Change;
import io.netimpact.testing.After;
import io.netimpact.testing.ExternalTools;
import io.netimpact.testing.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's Python peer (bench/peer_router.py) routes like the job: on the
 * bundled sample with its four changes and on a generated small snapshot with its suggested
 * changes, every arc's load before and after agrees with the routing kernel's within 1e-6
 * relative, and so does the lost traffic. Skipped when python3 is missing (fails under CI).
 */
@Tag("slow")
class PythonPeerAgreementTest {
  static final Path PEER = Path.of("bench/peer_router.py");
  static final double REL = 1e-6;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void needsPython() {
    ExternalTools.require("python3", "python3", "--version");
  }

  @Test
  void peerAgreesWithTheKernel_onTheSampleBackboneAndItsChanges() throws IOException {
    int changes = agree(Path.of("src/main/resources/samples/backbone"),
        Path.of("src/main/resources/samples/changes"));
    assertEquals(4, changes);
  }

  @Test
  void peerAgreesWithTheKernel_onTheSmallPresetAndItsSuggestedChanges() throws IOException {
    Path small = tmp.resolve("small-1");
    SnapshotGenerator.generate(Preset.SMALL, 1, small.toString(), new Configuration());
    assertTrue(agree(small, small.resolve("changes")) >= 2, "the generator suggests changes");
  }

  /** One change per line: every op the peer implements, on the sample backbone. */
  static final String OPS = """
      {"id": "min-links", "ops": [{"op": "member_down", "link": "lag-chi-den-cr1", "member": "et-0/0/0"}, {"op": "member_down", "link": "lag-chi-den-cr1", "member": "et-0/0/1"}, {"op": "member_down", "link": "lag-chi-den-cr1", "member": "et-0/0/2"}]}
      {"id": "member-up", "ops": [{"op": "member_down", "link": "lag-chi-den-cr1", "member": "et-0/0/0"}, {"op": "member_down", "link": "lag-chi-den-cr1", "member": "et-0/0/1"}, {"op": "member_down", "link": "lag-chi-den-cr1", "member": "et-0/0/2"}, {"op": "member_up", "link": "lag-chi-den-cr1", "member": "et-0/0/1"}]}
      {"id": "metrics", "ops": [{"op": "set_metric", "link": "lag-nyc-chi-cr1", "metric": 40, "direction": "ab"}, {"op": "set_metric", "link": "lag-chi-den-cr2", "metric": 300}, {"op": "set_metric", "link": "lag-sfo-den-cr1", "metric": 1, "direction": "ba"}]}
      {"id": "links", "ops": [{"op": "link_down", "link": "lag-iad-atl-cr1"}, {"op": "link_down", "link": "lag-chi-atl-cr1"}, {"op": "link_up", "link": "lag-chi-atl-cr1"}]}
      {"id": "remove", "ops": [{"op": "remove_device", "device": "den-cr1"}, {"op": "remove_device", "device": "sea-er1"}]}
      {"id": "site", "ops": [{"op": "site_down", "site": "atl"}]}
      {"id": "scale", "ops": [{"op": "scale_demands", "factor": 1.7, "src_site": "nyc"}, {"op": "scale_demands", "factor": 0.5, "dst_site": "sfo"}, {"op": "scale_demands", "factor": 1.1}]}
      {"id": "capacity", "ops": [{"op": "set_capacity", "link": "lag-chi-den-cr1", "member": "et-0/0/0", "capacity_gbps": 50}, {"op": "add_member", "link": "lag-sfo-den-cr1", "member": {"id": "et-9/0/0", "capacity_gbps": 400}}]}
      {"id": "drains", "ops": [{"op": "drain_device", "device": "chi-cr1"}, {"op": "drain_device", "device": "den-cr2"}, {"op": "undrain_device", "device": "chi-cr1"}]}
      {"id": "stranded", "ops": [{"op": "drain_device", "device": "nyc-cr1"}, {"op": "drain_device", "device": "nyc-cr2"}]}
      """;

  @Test
  void peerAgreesWithTheKernel_onEveryOpItImplements() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("ops"));
    for (String line : OPS.strip().split("\n")) {
      String id = line.replaceAll("^\\{\"id\": \"([a-z-]+)\".*$", "$1");
      Files.writeString(dir.resolve(id + ".json"), line);
    }
    assertEquals(10, agree(Path.of("src/main/resources/samples/backbone"), dir));
  }

  @Test
  void peerRefusesAnOpItDoesNotImplement_withExitCode2() throws IOException {
    Path change = tmp.resolve("lsp.json");
    Files.writeString(change, "{\"id\": \"x\", \"ops\": [{\"op\": \"lsp_down\", \"lsp\": \"l1\"}]}");
    ExternalTools.Result r = ExternalTools.run(Path.of("."), Map.of(), 60, "python3",
        PEER.toString(), "src/main/resources/samples/backbone", "--change", change.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("'lsp_down' is not implemented"), r.err());
  }

  /** Runs the peer on every change of {@code changes}; returns how many were compared. */
  private static int agree(Path snapshotDir, Path changes) throws IOException {
    Configuration conf = new Configuration();
    Network before = NetworkCompiler.compile(new SnapshotReader(conf)
        .read(snapshotDir.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot());
    List<Path> files;
    try (Stream<Path> s = Files.list(changes)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      Change change = ChangeReader.read(file.toString(), conf);
      Path loads = tmp.resolve(file.getFileName() + ".tsv");
      ExternalTools.Result r = ExternalTools.run(Path.of("."), Map.of(), 300, "python3",
          PEER.toString(), snapshotDir.toString(), "--change", file.toString(), "--loads-out",
          loads.toString());
      assertEquals(0, r.code(), file + ": peer failed: " + r.err());
      Map<String, Map<String, Double>> peer = readLoads(loads);
      double[] lostBefore = new double[1];
      double[] lostAfter = new double[1];
      compare(file + " before", kernelLoads(before, lostBefore), peer.get("before"));
      compare(file + " after", kernelLoads(After.of(before, change), lostAfter),
          peer.get("after"));
      assertClose(file + " lost before", lostBefore[0], peerLost(r.out(), "before"));
      assertClose(file + " lost after", lostAfter[0], peerLost(r.out(), "after"));
    }
    return files.size();
  }

  /** Every arc's load through the kernel, by "link_id from to"; lost Gbps into lost[0]. */
  private static Map<String, Double> kernelLoads(NetworkView n, double[] lost) {
    double[] load = new double[n.arcCount()];
    Router r = new Router(n.nodeCount());
    for (int dst : n.destinations()) {
      r.shortestPaths(n, dst);
      lost[0] += r.push(n, load);
    }
    Map<String, Double> m = new HashMap<>();
    for (int a = 0; a < load.length; a++) {
      if (n.isPresent(n.tail(a)) && n.isPresent(n.head(a))) {
        m.put(n.linkId(Network.linkOf(a)) + " " + n.nodeId(n.tail(a)) + " "
            + n.nodeId(n.head(a)), load[a]);
      }
    }
    return m;
  }

  private static Map<String, Map<String, Double>> readLoads(Path tsv) throws IOException {
    Map<String, Map<String, Double>> sides = new HashMap<>();
    sides.put("before", new HashMap<>());
    sides.put("after", new HashMap<>());
    List<String> lines = Files.readAllLines(tsv);
    assertEquals("side\tlink_id\tfrom\tto\tcapacity_gbps\tload_gbps", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      sides.get(f[0]).put(f[1] + " " + f[2] + " " + f[3], Double.parseDouble(f[5]));
    }
    return sides;
  }

  private static double peerLost(String summaryJson, String side) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\"" + side + "\": \\{[^}]*\"lost_gbps\": ([-0-9.eE+]+)").matcher(summaryJson);
    assertTrue(m.find(), "no " + side + ".lost_gbps in the peer's summary: " + summaryJson);
    return Double.parseDouble(m.group(1));
  }

  /** Same arcs on both sides (an arc one side lacks counts as load 0), loads within REL. */
  private static void compare(String what, Map<String, Double> kernel, Map<String, Double> peer) {
    Set<String> keys = new HashSet<>(kernel.keySet());
    keys.addAll(peer.keySet());
    List<String> wrong = new ArrayList<>();
    double total = 0;
    for (String k : keys) {
      double a = kernel.getOrDefault(k, 0.0);
      double b = peer.getOrDefault(k, 0.0);
      total += a;
      if (Math.abs(a - b) > REL * Math.max(Math.abs(a), Math.abs(b)) + 1e-9) {
        wrong.add(k + ": kernel " + a + ", peer " + b);
      }
    }
    assertTrue(wrong.isEmpty(), what + ": " + wrong.size() + " of " + keys.size()
        + " arcs differ, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
    assertTrue(total > 0, what + ": nothing loaded, nothing compared");
  }

  private static void assertClose(String what, double kernel, double peer) {
    assertEquals(kernel, peer, REL * Math.max(1, Math.abs(kernel)), what);
  }
}
