package io.netimpact.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Device;
import io.netimpact.model.Snapshot;
import io.netimpact.model.TrafficInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file of ../shared/data/real imports, with the node, link and demand counts of the
 * data README (links after folding per-orientation listings; demands after offering the
 * undirected SNDlib values in both directions).
 */
class RealDataImportTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, nodes, links (folded), demand rows
      "sndlib/native/abilene.txt, 12, 15, 132",
      "sndlib/native/atlanta.txt, 15, 22, 210",
      "sndlib/native/brain.txt, 161, 166, 14311",
      "sndlib/native/dfn-gwin.txt, 11, 47, 110",
      "sndlib/native/france.txt, 25, 45, 600",
      "sndlib/native/geant.txt, 22, 36, 462",
      "sndlib/native/germany50.txt, 50, 88, 1324",
      "sndlib/native/janos-us.txt, 26, 42, 650",
      "sndlib/native/nobel-eu.txt, 28, 41, 756",
      "sndlib/native/polska.txt, 12, 18, 132",
      "sndlib/native/ta2.txt, 65, 108, 1869",
      "sndlib/native/zib54.txt, 54, 81, 1501",
      "sndlib/xml/abilene.xml, 12, 15, 132",
      "sndlib/xml/geant.xml, 22, 36, 462",
      "sndlib/xml/germany50.xml, 50, 88, 1324",
  })
  void sndlibNetwork_importsWithTheReadmeCounts(String file, int nodes, int links, int demands) {
    Imported im = Importers.read(ImportSource.SNDLIB, List.of(RealData.of(file)), ImportOptions.DEFAULTS);
    assertCounts(im, nodes, links, demands);
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({
      "repetita/rocketfuel/rf1239_real_hard.graph, rf1239_real_hard.0000.demands, 315, 972, 98910",
      "repetita/rocketfuel/rf1755_real_hard.graph, rf1755_real_hard.0000.demands, 87, 161, 7482",
      "repetita/rocketfuel/rf1755_real_hard.graph, rf1755_real_hard.0001.demands, 87, 161, 7482",
      "repetita/rocketfuel/rf6461_real_hard.graph, rf6461_real_hard.0000.demands, 138, 372, 18906",
      // directed edges / 2: parallel edges stay parallel links (Cogentco 4, Garr 28, Ntt 306)
      "repetita/topologyzoo_invcap/Cogentco.graph, Cogentco.0000.demands, 197, 245, 38612",
      "repetita/topologyzoo_invcap/Garr201201.graph, Garr201201.0000.demands, 61, 89, 3660",
      "repetita/topologyzoo_invcap/Geant2009.graph, Geant2009.0000.demands, 34, 52, 1122",
      "repetita/topologyzoo_invcap/Ntt.graph, Ntt.0000.demands, 32, 216, 992",
      "repetita/topologyzoo_invcap/Uninett2010.graph, Uninett2010.0000.demands, 74, 101, 5402",
  })
  void repetitaInstance_importsWithTheReadmeCounts(String graph, String demands, int nodes,
      int links, int rows) {
    Path g = RealData.of(graph);
    Imported im = Importers.read(ImportSource.REPETITA, List.of(g, g.resolveSibling(demands)),
        ImportOptions.DEFAULTS);
    assertCounts(im, nodes, links, rows);
    assertTrue(im.notes().stream().noneMatch(n -> n.contains("no reverse twin")), "all edges paired");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Carnet, 44, 43",
      "Cogentco, 197, 245",
      "Garr201201, 61, 89",
      "Geant2009, 34, 52",
      "Janetlense, 20, 40",
      "Latnet, 69, 74",
      "Renater2010, 43, 56",
      "SwitchL3, 42, 63",
      "Uninett2010, 74, 101",
  })
  void topologyZooFile_importsWithTheReadmeCountsAndAGravityMatrix(String name, int nodes,
      int links) {
    Imported im = Importers.read(ImportSource.TOPOLOGYZOO,
        List.of(RealData.of("topologyzoo/gml/" + name + ".gml")),
        ImportOptions.DEFAULTS.withGravity(true));
    // every network is connected, so every ordered pair gets a gravity demand
    assertCounts(im, nodes, links, nodes * (nodes - 1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "abilene-5min-20040301, sndlib/native/abilene.txt, 288, 5, 131, 132",
      "geant-15min-20050505, sndlib/native/geant.txt, 96, 15, 409, 449",
      "germany50-1day-20050201-07, sndlib/native/germany50.txt, 7, 1440, 1888, 2028",
  })
  void sndlibDynamicMatrices_importAsAnOrderedSeries(String dir, String network, int intervals,
      int minutes, int minDemands, int maxDemands) {
    Imported im = SndlibImporter.read(RealData.of(network), ImportOptions.DEFAULTS);
    Set<String> devices = im.devices().stream().map(Device::id).collect(Collectors.toSet());
    SndlibTraffic.Result r = SndlibTraffic.read(List.of(RealData.of("sndlib/dynamic/" + dir)), devices);
    List<TrafficInterval> ints = r.series().intervals();
    assertEquals(intervals, ints.size());
    for (TrafficInterval t : ints) {
      assertEquals(minutes, t.minutes());
      assertTrue(t.demands().size() >= minDemands && t.demands().size() <= maxDemands,
          t.id() + " has " + t.demands().size() + " demands");
    }
  }

  @Test
  void everyDataFile_isCoveredByAnImporter() throws IOException {
    List<String> unhandled = new ArrayList<>();
    int imported = 0;
    try (Stream<Path> files = Files.walk(RealData.dir())) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = RealData.dir().relativize(p).toString().replace('\\', '/');
        String name = p.getFileName().toString();
        if (name.startsWith("LICENSE") || name.equals("README.md")) {
          continue;
        }
        if (rel.startsWith("sndlib/dynamic/")) {
          continue; // read as series by sndlibDynamicMatrices_importAsAnOrderedSeries
        } else if (rel.startsWith("sndlib/")) {
          Importers.read(ImportSource.SNDLIB, List.of(p), ImportOptions.DEFAULTS);
        } else if (name.endsWith(".graph")) {
          Importers.read(ImportSource.REPETITA, List.of(p), ImportOptions.DEFAULTS.withGravity(true));
        } else if (name.endsWith(".demands")) {
          String graph = name.substring(0, name.indexOf('.')) + ".graph";
          Importers.read(ImportSource.REPETITA, List.of(p.resolveSibling(graph), p), ImportOptions.DEFAULTS);
        } else if (name.endsWith(".gml")) {
          Importers.read(ImportSource.TOPOLOGYZOO, List.of(p), ImportOptions.DEFAULTS.withGravity(true));
        } else {
          unhandled.add(rel);
          continue;
        }
        imported++;
      }
    }
    assertEquals(List.of(), unhandled);
    // 15 SNDlib networks, 8 REPETITA graphs, 9 REPETITA demand files, 9 GML files
    assertEquals(41, imported);
  }

  @Test
  void scaleToUtil_setsTheBusiestArcOfAbileneToTheTarget() {
    Imported im = Importers.read(ImportSource.SNDLIB, List.of(RealData.of("sndlib/native/abilene.txt")),
        ImportOptions.DEFAULTS.withScaleToUtil(0.6));
    Snapshot s = im.toSnapshot("abilene", "");
    var net = io.netimpact.routing.NetworkCompiler.compile(s);
    assertEquals(0.6, io.netimpact.routing.BaselineLoads.of(net).maxUtilisation(net), 1e-9);
    assertTrue(s.info().notes().contains("scaling: demands multiplied by"));
  }

  private static void assertCounts(Imported im, int nodes, int links, int demands) {
    assertEquals(nodes, im.devices().size(), "nodes");
    assertEquals(links, im.links().size(), "links");
    assertEquals(demands, im.demands().size(), "demands");
    // the snapshot model accepts it: unique ids, known end points
    Snapshot s = im.toSnapshot("t", "");
    assertTrue(!s.info().notes().isEmpty() && !s.info().source().isEmpty());
  }
}
