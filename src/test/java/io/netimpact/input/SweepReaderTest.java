package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netimpact.model.Change;
import io.netimpact.model.Sweep;
import io.netimpact.testing.Net;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReaderTest {
  @TempDir
  Path dir;

  private Sweep read(String json) throws IOException {
    Path f = dir.resolve("sweep.json");
    Files.writeString(f, json);
    return SweepReader.read(f.toString(), new Configuration());
  }

  @Test
  void generators_expandInOrderWithOpElementIds() throws IOException {
    Sweep s = read("""
        {"id":"n","changes":[{"id":"CR-1","ops":[{"op":"link_down","link":"ab"}]}],
         "generators":[{"each":"device","op":"remove_device","role":"core","site":"s1"},
                       {"each":"link"},{"each":"srlg"},{"each":"site"}]}
        """);
    Net net = Net.create().device("a", "s1").device("b", "s1").device("c", "s2")
        .add(io.netimpact.model.Link.simple("ab", "a", "b", 1, 10).withSrlgs(List.of("g")))
        .link("bc", "b", "c", 1, 10).demand("a", "c", 1);
    List<String> ids = s.expand(net.snapshot()).stream().map(Change::id).toList();
    assertEquals(List.of("CR-1", "remove_device:a", "remove_device:b", "link_down:ab",
        "link_down:bc", "srlg_down:g", "site_down:s1", "site_down:s2"), ids);
  }

  @Test
  void deviceGeneratorDefaultsToDrain() throws IOException {
    Sweep s = read("{\"id\":\"n\",\"generators\":[{\"each\":\"device\",\"region\":\"r-s2\"}]}");
    Net net = Net.create().device("a", "s1").device("c", "s2").link("ac", "a", "c", 1, 1)
        .demand("a", "c", 1);
    assertEquals(List.of("drain_device:c"),
        s.expand(net.snapshot()).stream().map(Change::id).toList());
  }

  @Test
  void badGenerator_isNamed() {
    var e = assertThrows(BadInputException.class,
        () -> read("{\"id\":\"n\",\"generators\":[{\"each\":\"link\"},{\"each\":\"rack\"}]}"));
    assertEquals("generators[1]", e.problems().get(0).location());
    assertEquals("each", e.problems().get(0).field());
    var op = assertThrows(BadInputException.class,
        () -> read("{\"id\":\"n\",\"generators\":[{\"each\":\"link\",\"op\":\"drain_device\"}]}"));
    assertEquals("op", op.problems().get(0).field());
  }

  @Test
  void badOpInsideAnExplicitChange_isLocated() {
    var e = assertThrows(BadInputException.class, () -> read(
        "{\"id\":\"n\",\"changes\":[{\"id\":\"c\",\"ops\":[{\"op\":\"explode\"}]}]}"));
    assertEquals("changes[0].ops[0]", e.problems().get(0).location());
  }

  @Test
  void duplicateScenarioIds_areRejected() throws IOException {
    Sweep s = read("{\"id\":\"n\",\"changes\":[{\"id\":\"link_down:ab\",\"ops\":[{\"op\":"
        + "\"link_down\",\"link\":\"ab\"}]}],\"generators\":[{\"each\":\"link\"}]}");
    Net net = Net.create().link("ab", "a", "b", 1, 1).demand("a", "b", 1);
    assertThrows(IllegalArgumentException.class, () -> s.expand(net.snapshot()));
  }
}
