package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeReaderTest {
  @TempDir
  Path dir;

  private Change read(String json) throws IOException {
    Path f = dir.resolve("change.json");
    Files.writeString(f, json);
    return ChangeReader.read(f.toString(), new Configuration());
  }

  private InputProblem problem(String json) {
    return assertThrows(BadInputException.class, () -> read(json)).problems().get(0);
  }

  @Test
  void everyOpOfTheContract_parses() throws IOException {
    Change c = read("""
        {"id":"CR-1","title":"all","ops":[
          {"op":"drain_device","device":"r1"},{"op":"undrain_device","device":"r1"},
          {"op":"remove_device","device":"r1"},{"op":"link_down","link":"l"},
          {"op":"link_up","link":"l"},{"op":"member_down","link":"l","member":"m"},
          {"op":"member_up","link":"l","member":"m"},
          {"op":"set_metric","link":"l","metric":7,"direction":"ba"},
          {"op":"set_capacity","link":"l","member":"m","capacity_gbps":40},
          {"op":"add_link","link":{"id":"n","a":"x","b":"y","metric":3,"capacity_gbps":10}},
          {"op":"srlg_down","srlg":"g"},{"op":"site_down","site":"s"},
          {"op":"scale_demands","factor":1.5,"src_site":"s"}]}
        """);
    assertEquals(13, c.ops().size());
    assertEquals(new ChangeOp.SetMetric("l", 7, ChangeOp.Direction.BA), c.ops().get(7));
    assertEquals("scale_demands", c.ops().get(12).opName());
  }

  @Test
  void unknownOp_namesOpIndexAndField() {
    InputProblem p = problem("{\"id\":\"c\",\"ops\":[{\"op\":\"link_down\",\"link\":\"l\"},"
        + "{\"op\":\"reboot\",\"device\":\"r\"}]}");
    assertEquals("ops[1]", p.location());
    assertEquals("op", p.field());
    assertTrue(p.message().contains("unknown op \"reboot\""));
  }

  @Test
  void missingField_isNamed() {
    InputProblem p = problem("{\"id\":\"c\",\"ops\":[{\"op\":\"member_down\",\"link\":\"l\"}]}");
    assertEquals("member", p.field());
  }

  @Test
  void badFieldInsideAddedLink_isNamedWithItsPath() {
    InputProblem p = problem("{\"id\":\"c\",\"ops\":[{\"op\":\"add_link\",\"link\":"
        + "{\"id\":\"n\",\"a\":\"x\",\"b\":\"y\",\"metric\":0,\"capacity_gbps\":10}}]}");
    assertEquals("link.metric", p.field());
  }

  @Test
  void malformedJson_namesTheLine() {
    InputProblem p = problem("{\"id\":\"c\",\n\"ops\":[\n{\"op\":}]}");
    assertEquals("line 3", p.location());
  }

  @Test
  void badDirection_isNamed() {
    assertEquals("direction", problem("{\"id\":\"c\",\"ops\":[{\"op\":\"set_metric\","
        + "\"link\":\"l\",\"metric\":1,\"direction\":\"up\"}]}").field());
  }

  @Test
  void emptyOps_isRejected() {
    assertEquals("ops", problem("{\"id\":\"c\",\"ops\":[]}").field());
  }
}
