package io.netimpact.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.cli.Main;
import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input files are reported with file, line and field, and exit code 2. */
class BadInputImportTest {
  @TempDir
  Path dir;

  @Test
  void sndlibLinkToAnUnknownNode_namesFileLineAndField() {
    Path f = Inline.sndlib(dir, "", new String[] {"L0 ( a z ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )"},
        new String[] {"D0 ( a b ) 1 1.0 UNLIMITED"});
    InputProblem p = problem(() -> SndlibImporter.read(f, ImportOptions.DEFAULTS));
    assertEquals(f.toString(), p.file());
    assertEquals("line 8", p.location());
    assertEquals("target", p.field());
  }

  @Test
  void sndlibDemandValueThatIsNotANumber_namesTheField() {
    Path f = Inline.sndlib(dir, "", new String[] {"L0 ( a b ) 0.00 0.00 0.00 0.00 ( 64.00 1.00 )"},
        new String[] {"D0 ( a b ) 1 lots UNLIMITED"});
    InputProblem p = problem(() -> SndlibImporter.read(f, ImportOptions.DEFAULTS));
    assertEquals("line 11", p.location());
    assertEquals("demand_value", p.field());
  }

  @Test
  void sndlibLinkWithoutAnyCapacity_isBadInput() {
    Path f = Inline.sndlib(dir, "", new String[] {"L0 ( a b ) 0.00 0.00 0.00 0.00 ( )"},
        new String[] {"D0 ( a b ) 1 1.0 UNLIMITED"});
    assertEquals("pre_installed_capacity", problem(() -> SndlibImporter.read(f, ImportOptions.DEFAULTS)).field());
  }

  @Test
  void repetitaEdgeToANodeIndexOutOfRange_namesLineAndField() {
    Path g = Inline.file(dir, "t.graph", "NODES 2", "label x y", "A 0.0 0.0", "B 0.0 0.0", "",
        "EDGES 1", "label src dest weight bw delay", "e0 0 7 10 1000 0");
    InputProblem p = problem(() -> RepetitaImporter.read(g, Optional.empty(), ImportOptions.DEFAULTS));
    assertEquals("line 8", p.location());
    assertEquals("dest", p.field());
  }

  @Test
  void repetitaWithFewerEdgesThanItsHeader_isBadInput() {
    Path g = Inline.file(dir, "t.graph", "NODES 2", "label x y", "A 0.0 0.0", "B 0.0 0.0", "",
        "EDGES 3", "label src dest weight bw delay", "e0 0 1 10 1000 0");
    assertTrue(problem(() -> RepetitaImporter.read(g, Optional.empty(), ImportOptions.DEFAULTS))
        .message().contains("fewer records than its header"));
  }

  @Test
  void gmlEdgeToAnUnknownNode_namesLineAndField() {
    Path f = Inline.file(dir, "z.gml", "graph [", "  node [ id 0 label \"A\" ]",
        "  node [ id 1 label \"B\" ]", "  edge [", "    source 0", "    target 9", "  ]", "]");
    InputProblem p = problem(() -> TopologyZooImporter.read(f, ImportOptions.DEFAULTS));
    assertEquals("line 6", p.location());
    assertEquals("target", p.field());
  }

  @Test
  void importCommand_exitsWithCode2OnBadInputAndOnAZooFileWithoutGravityDemands() {
    Path bad = Inline.file(dir, "bad.txt", "this is not SNDlib");
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("import", "--from", "sndlib", "--in",
        bad.toString(), "--out", dir.resolve("o1").toString()));
    Path zoo = Inline.file(dir, "z.gml", "graph [", "  node [ id 0 label \"A\" ]",
        "  node [ id 1 label \"B\" ]", "  edge [ source 0 target 1 ]", "]");
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("import", "--from", "topologyzoo", "--in",
        zoo.toString(), "--out", dir.resolve("o2").toString()));
  }

  private static InputProblem problem(Runnable r) {
    BadInputException e = assertThrows(BadInputException.class, r::run);
    List<InputProblem> ps = e.problems();
    return ps.get(0);
  }
}
