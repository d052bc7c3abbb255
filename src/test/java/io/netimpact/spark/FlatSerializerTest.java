package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import io.netimpact.impact.Assembler;
import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.impact.ScenarioState;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * A scenario's mask and a scenario's state cross processes through Spark's Kryo in their own
 * flat form: every one of a random network's random changes (every op kind) comes back so that
 * evaluating and assembling it gives the very report the original gives.
 */
class FlatSerializerTest {
  private static final KryoSerializer SERIALIZER = new KryoSerializer(new SparkConf()
      .set("spark.kryo.registrator", NetimpactKryoRegistrator.class.getName()));
  private static final SerializerInstance KRYO = SERIALIZER.newInstance();

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    ByteBuffer bytes = KRYO.serialize(value, ClassTag$.MODULE$.Object());
    return (T) KRYO.deserialize(bytes, ClassTag$.MODULE$.Object());
  }

  private static int kryoBytes(Object value) {
    return KRYO.serialize(value, ClassTag$.MODULE$.Object()).remaining();
  }

  @SuppressWarnings("unchecked")
  private static <T> T javaRoundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(
        bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  /** A random network and its valid random changes, as scenarios (every op kind drawn). */
  private record Case(Network base, List<Scenario> scenarios) {
    static Case of(long seed) {
      Snapshot s = RandomNetworks.snapshot(seed, 14, 28, 60);
      Network base = NetworkCompiler.compile(s);
      List<Scenario> scenarios = new ArrayList<>();
      for (int k = 0; k < 60; k++) {
        Change c = RandomNetworks.change(seed * 100 + k, s);
        try {
          scenarios.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
        } catch (RuntimeException notForThisNetwork) {
          // an op this network cannot take (an added link's id taken, say)
        }
      }
      return new Case(base, scenarios);
    }

    /** Each scenario's state summed over every destination, as the evaluators sum it. */
    List<ScenarioState> states() {
      PairEvaluator pe = new PairEvaluator(base);
      List<ScenarioState> out = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        ScenarioState st = new ScenarioState(i);
        for (int t : base.destinations()) {
          Evaluator.evaluatePair(pe, pe.baselineForNow(t), scenarios.get(i).mask(),
              Evaluator.Strategy.INCREMENTAL, st);
        }
        out.add(st);
      }
      return out;
    }

    List<ImpactReport> reports(List<Scenario> of) {
      return Evaluator.evaluate("r", "s", base, of, Evaluator.Strategy.INCREMENTAL,
          Thresholds.DEFAULT);
    }
  }

  @Test
  void scenarioMasks_crossKryoFlat_andEvaluateToTheSameReports() {
    Case c = Case.of(3);
    assertTrue(c.scenarios().size() >= 40, "most random changes apply");
    Kryo kryo = SERIALIZER.newKryo();
    assertInstanceOf(NetimpactKryoRegistrator.FlatSerializer.class,
        kryo.getSerializer(ScenarioMask.class));
    // A scenario is a record of plain components now: its mask goes flat inside it.
    assertTrue(NetimpactKryoRegistrator.RecordSerializer.supported(Scenario.class));
    List<Scenario> back = roundTrip(new ArrayList<>(c.scenarios()));
    assertEquals(c.scenarios().size(), back.size());
    for (int i = 0; i < back.size(); i++) {
      assertNotSame(c.scenarios().get(i).mask(), back.get(i).mask());
      assertEquals(c.scenarios().get(i).id(), back.get(i).id());
      assertEquals(c.scenarios().get(i).mask().toString(), back.get(i).mask().toString());
    }
    assertEquals(c.reports(c.scenarios()), c.reports(back));
  }

  @Test
  void scenarioStates_crossKryoFlat_andAssembleToTheSameReports() throws Exception {
    Case c = Case.of(5);
    List<ScenarioState> states = c.states();
    Assembler asm = new Assembler(c.base(), Evaluator.evaluated("r", "s", c.base(), List.of(),
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT, null, io.netimpact.impact.Overlay
            .NONE, Optional.empty(), io.netimpact.impact.PairComposition.none()).baseline(),
        Thresholds.DEFAULT);
    long changes = 0;
    int smaller = 0;
    for (int i = 0; i < states.size(); i++) {
      ScenarioState st = states.get(i);
      ScenarioState back = roundTrip(st);
      ScenarioState viaJava = javaRoundTrip(st);
      assertEquals(st.scenario(), back.scenario());
      assertEquals(st.pairs(), back.pairs());
      assertEquals(st.changes().size(), back.changes().size());
      Scenario sc = c.scenarios().get(i);
      ImpactReport expected = asm.assemble("r", "s", sc, st);
      assertEquals(expected, asm.assemble("r", "s", sc, back));
      assertEquals(expected, asm.assemble("r", "s", sc, viaJava));
      changes += st.changes().size();
      smaller += kryoBytes(st) < javaBytes(st) ? 1 : 0;
    }
    assertTrue(changes > 0, "the states carry route changes and their paths");
    assertEquals(states.size(), smaller, "flat Kryo is smaller than Java serialization");
  }

  private static int javaBytes(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.size();
  }
}
