package io.netimpact.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Demand;
import io.netimpact.model.Link;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source units to the contract's Gbps and ms, and the documented capacity rules. */
class UnitConversionImportTest {
  @TempDir
  Path dir;

  private static final String[] LINKS = {
      "L0 ( a b ) 9920.00 0.00 0.00 0.00 ( 40000.00 1.00 )",
      "L1 ( b c ) 0.00 0.00 0.00 0.00 ( 2500.00 1.00 10000.00 2.00 )"};
  private static final String[] DEMANDS = {"D0 ( a c ) 1 500.0 UNLIMITED", "D1 ( c a ) 1 250.0 UNLIMITED"};

  @Test
  void sndlibMbitPerSec_isDividedByAThousand_andModulesGiveCapacityWhenNothingIsInstalled() {
    Imported im = SndlibImporter.read(Inline.sndlib(dir, "unit = MBITPERSEC", LINKS, DEMANDS),
        ImportOptions.DEFAULTS);
    assertEquals(9.92, cap(im.links().get(0)), 1e-12);
    assertEquals(2.5, cap(im.links().get(1)), 1e-12);
    assertEquals(0.5, im.demands().get(0).gbps(), 1e-12);
  }

  @Test
  void sndlibBitsPerSec_isDividedByABillion() {
    Imported im = SndlibImporter.read(Inline.sndlib(dir, "unit = BITSPERSEC", LINKS, DEMANDS),
        ImportOptions.DEFAULTS);
    assertEquals(9.92e-6, cap(im.links().get(0)), 1e-18);
  }

  @Test
  void sndlibWithoutUnit_assumesMbitPerSecAndSaysSo() {
    Imported im = SndlibImporter.read(Inline.sndlib(dir, "", LINKS, DEMANDS), ImportOptions.DEFAULTS);
    assertEquals(9.92, cap(im.links().get(0)), 1e-12);
    assertTrue(im.notes().stream().anyMatch(n -> n.contains("ASSUMED Mbit/s")));
    Imported gbps = SndlibImporter.read(Inline.sndlib(dir, "", LINKS, DEMANDS),
        ImportOptions.DEFAULTS.withUnit(RateUnit.GBPS));
    assertEquals(9920, cap(gbps.links().get(0)), 1e-9);
  }

  @Test
  void sndlibUndirectedMatrix_isOfferedInBothDirections() {
    Imported im = SndlibImporter.read(Inline.sndlib(dir, "", LINKS,
        new String[] {"D0 ( a c ) 1 500.0 UNLIMITED", "D1 ( a b ) 1 100.0 UNLIMITED"}),
        ImportOptions.DEFAULTS);
    assertEquals(4, im.demands().size());
    assertEquals(Demand.of("c", "a", 0.5), im.demands().get(1));
  }

  @Test
  void repetitaKbitPerSecAndMicroseconds_becomeGbpsAndMilliseconds() {
    Path g = Inline.file(dir, "t.graph", "NODES 2", "label x y", "A 0.0 0.0", "B 0.0 0.0", "",
        "EDGES 2", "label src dest weight bw delay", "e0 0 1 10 2400000 1500", "e1 1 0 10 2400000 1500");
    Path d = Inline.file(dir, "t.0000.demands", "DEMANDS 2", "label src dest bw",
        "d0 0 1 56070", "d1 1 0 0");
    Imported im = RepetitaImporter.read(g, Optional.of(d), ImportOptions.DEFAULTS);
    assertEquals(2.4, cap(im.links().get(0)), 1e-12);
    assertEquals(1.5, im.links().get(0).latencyMs(), 1e-12);
    assertEquals(0.05607, im.demands().get(0).gbps(), 1e-12);
  }

  @Test
  void topologyZooSpeed_isBitPerSec_andAMissingSpeedTakesTheMostCommonOne() {
    Path f = Inline.file(dir, "z.gml", "graph [",
        "  node [ id 0 label \"A\" ]", "  node [ id 1 label \"B\" ]", "  node [ id 2 label \"C\" ]",
        "  node [ id 3 label \"D\" ]",
        "  edge [ source 0 target 1 LinkSpeedRaw 155000000.0 ]",
        "  edge [ source 1 target 2 LinkSpeedRaw 155000000.0 ]",
        "  edge [ source 2 target 3 LinkSpeedRaw 10000000000.0 ]",
        "  edge [ source 3 target 0 LinkLabel \"unknown\" ]",
        "]");
    Imported im = TopologyZooImporter.read(f, ImportOptions.DEFAULTS);
    assertEquals(10.0, cap(im.links().get(2)), 1e-12);
    assertEquals(0.155, cap(im.links().get(3)), 1e-12);
    assertTrue(im.notes().stream().anyMatch(n -> n.contains("1 edges without a speed got 0.155 Gbps")));
    Imported given = TopologyZooImporter.read(f, ImportOptions.DEFAULTS.withDefaultCapacityGbps(40));
    assertEquals(40.0, cap(given.links().get(3)), 1e-12);
  }

  @Test
  void gravityMatrix_isScaledToTheTargetUtilisation() {
    Path f = Inline.file(dir, "z.gml", "graph [",
        "  node [ id 0 label \"A\" ]", "  node [ id 1 label \"B\" ]", "  node [ id 2 label \"C\" ]",
        "  edge [ source 0 target 1 LinkSpeedRaw 10000000000.0 ]",
        "  edge [ source 1 target 2 LinkSpeedRaw 10000000000.0 ]", "]");
    Imported im = Importers.read(ImportSource.TOPOLOGYZOO, java.util.List.of(f),
        ImportOptions.DEFAULTS.withGravity(true));
    // weights 10, 20, 10: the arc A->B carries A->B and A->C, (200 + 100) / 1000 of the total
    var net = io.netimpact.routing.NetworkCompiler.compile(im.toSnapshot("z", ""));
    assertEquals(ImportOptions.GRAVITY_DEFAULT_UTIL,
        io.netimpact.routing.BaselineLoads.of(net).maxUtilisation(net), 1e-9);
    assertEquals(6, im.demands().size());
  }

  private static double cap(Link l) {
    return l.members().get(0).capacityGbps();
  }
}
