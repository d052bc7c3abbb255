package io.netimpact.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Link;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folding per-direction listings into full-duplex links, and keeping parallel links. */
class LinkFoldingImportTest {
  @TempDir
  Path dir;

  @Test
  void sndlibLinkListedInBothOrientations_becomesOneLink() {
    Path f = Inline.sndlib(dir, "", new String[] {
        "L0 ( a b ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )",
        "L1 ( b a ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )",
        "L2 ( b c ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )"},
        new String[] {"D0 ( a c ) 1 10.0 UNLIMITED", "D1 ( c a ) 1 5.0 UNLIMITED"});
    Imported im = SndlibImporter.read(f, ImportOptions.DEFAULTS);
    assertEquals(List.of("L0", "L2"), im.links().stream().map(Link::id).toList());
    assertEquals(OptionalInt.empty(), im.links().get(0).metricBa());
  }

  @Test
  void sndlibSameOrientationDuplicate_staysAParallelLink() {
    Path f = Inline.sndlib(dir, "", new String[] {
        "L0 ( a b ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )",
        "L1 ( a b ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )",
        "L2 ( b c ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )"},
        new String[] {"D0 ( a c ) 1 10.0 UNLIMITED", "D1 ( c a ) 1 5.0 UNLIMITED"});
    assertEquals(3, SndlibImporter.read(f, ImportOptions.DEFAULTS).links().size());
  }

  @Test
  void repetitaEdgePair_foldsIntoOneLinkWithBothMetrics() {
    Path g = Inline.file(dir, "t.graph", "NODES 2", "label x y", "A 0.0 0.0", "B 0.0 0.0", "",
        "EDGES 2", "label src dest weight bw delay", "e0 0 1 10 1000000 1500",
        "e1 1 0 30 1000000 1500");
    Imported im = RepetitaImporter.read(g, Optional.empty(), ImportOptions.DEFAULTS);
    assertEquals(1, im.links().size());
    Link l = im.links().get(0);
    assertEquals("A", l.a());
    assertEquals(10, l.metric());
    assertEquals(OptionalInt.of(30), l.metricBa());
  }

  @Test
  void repetitaParallelArcs_stayParallelLinksPairedByWeight() {
    Path g = Inline.file(dir, "t.graph", "NODES 2", "label x y", "A 0.0 0.0", "B 0.0 0.0", "",
        "EDGES 4", "label src dest weight bw delay",
        "e0 0 1 10 1000000 0", "e1 0 1 20 2000000 0", "e2 1 0 20 2000000 0", "e3 1 0 10 1000000 0");
    Imported im = RepetitaImporter.read(g, Optional.empty(), ImportOptions.DEFAULTS);
    assertEquals(List.of("e0", "e1"), im.links().stream().map(Link::id).toList());
    // e0 pairs with e3 (same weight and bw), not with the first reverse arc e2
    assertEquals(OptionalInt.empty(), im.links().get(0).metricBa());
    assertEquals(1.0, im.links().get(0).members().get(0).capacityGbps(), 1e-12);
    assertEquals(OptionalInt.empty(), im.links().get(1).metricBa());
    assertEquals(2.0, im.links().get(1).members().get(0).capacityGbps(), 1e-12);
  }

  @Test
  void repetitaArcWithoutTwin_isKeptAndCountedInTheNotes() {
    Path g = Inline.file(dir, "t.graph", "NODES 2", "label x y", "A 0.0 0.0", "B 0.0 0.0", "",
        "EDGES 1", "label src dest weight bw delay", "e0 0 1 10 1000000 0");
    Imported im = RepetitaImporter.read(g, Optional.empty(), ImportOptions.DEFAULTS);
    assertEquals(1, im.links().size());
    assertTrue(im.notes().stream().anyMatch(n -> n.contains("1 edges had no reverse twin")));
  }

  @Test
  void topologyZooParallelEdgesAndRepeatedLabels_areKept() {
    Path f = Inline.file(dir, "z.gml", "graph [",
        "  node [ id 0 label \"X\" Longitude 0.0 Latitude 0.0 ]",
        "  node [ id 1 label \"X\" Longitude 1.0 Latitude 0.0 ]",
        "  node [ id 2 label \"Y\" Internal 0 ]",
        "  edge [ source 0 target 1 LinkSpeedRaw 10000000000.0 ]",
        "  edge [ source 1 target 0 LinkSpeedRaw 1000000000.0 ]",
        "  edge [ source 1 target 2 ]",
        "]");
    Imported im = TopologyZooImporter.read(f, ImportOptions.DEFAULTS);
    assertEquals(List.of("0-X", "1-X", "2-Y"), im.devices().stream().map(d -> d.id()).toList());
    assertEquals(List.of("0-X--1-X", "1-X--0-X#2", "1-X--2-Y"),
        im.links().stream().map(Link::id).toList());
    assertEquals("external", im.devices().get(2).role());
    // one degree of longitude on the equator is 111.2 km: 0.556 ms at 200 km/ms
    assertEquals(0.556, im.links().get(0).latencyMs(), 0.001);
  }
}
