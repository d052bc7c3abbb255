package io.netimpact.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Per-class deltas in a scenario's state: merged as the aggregate ones, and shipped intact. */
class ClassStateTest {
  @Test
  void classDeltas_mergeByArcAndClass_andSurviveSerialization() throws Exception {
    ScenarioState a = new ScenarioState(3);
    ScenarioState b = new ScenarioState(3);
    a.addClassLoad(0, 7, 1.5);
    a.addClassLoad(2, 7, -0.25);
    b.addClassLoad(0, 7, 2.0);
    b.addClassLoad(1, 1_000_000, 4.0);
    b.addClassLoad(1, 9, 1.0);
    ScenarioState m = a.merge(b);
    assertEquals(3.5, m.classDelta().get(ScenarioState.classKey(7, 0)), 0);
    assertEquals(-0.25, m.classDelta().get(ScenarioState.classKey(7, 2)), 0);
    assertEquals(4.0, m.classDelta().get(ScenarioState.classKey(1_000_000, 1)), 0);
    assertEquals(4, m.classDelta().size());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(m);
    }
    ScenarioState back;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ScenarioState) in.readObject();
    }
    assertEquals(m.classDelta(), back.classDelta());
    assertEquals(3, back.scenario());
  }
}
