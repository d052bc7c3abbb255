package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.impact.Evaluator;
import io.netimpact.impact.Scenario;
import io.netimpact.model.Change;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.testing.RandomNetworks;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.Thresholds;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * Records cross processes through Spark's Kryo as the job configures it: a record of plain
 * components is written as its components and rebuilt through its canonical constructor, any
 * other through Java serialization; both come back equal.
 */
class RecordSerializerTest {
  private static final SerializerInstance KRYO = new KryoSerializer(new SparkConf()
      .set("spark.kryo.registrator", NetimpactKryoRegistrator.class.getName())).newInstance();

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    ByteBuffer bytes = KRYO.serialize(value, ClassTag$.MODULE$.Object());
    return (T) KRYO.deserialize(bytes, ClassTag$.MODULE$.Object());
  }

  @Test
  void sweepReports_comeBackEqual_withTheirLinkAndDemandRows() {
    Snapshot s = RandomNetworks.snapshot(7, 9, 15, 30);
    Network base = NetworkCompiler.compile(s);
    List<Scenario> scenarios = new ArrayList<>();
    for (Change c : Sweep.failures(List.of(Sweep.Each.LINK, Sweep.Each.DEVICE),
        Optional.empty(), Optional.empty(), Optional.empty(), s)) {
      scenarios.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
    }
    List<ImpactReport> reports = Evaluator.evaluate("r", "s", base, scenarios,
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT);
    long rows = 0;
    for (ImpactReport r : reports) {
      ImpactReport back = roundTrip(r);
      assertEquals(r, back);
      rows += r.links().size() + r.demands().size();
    }
    assertTrue(rows > 0, "the reports carry rows");
    assertTrue(NetimpactKryoRegistrator.RecordSerializer.supported(ImpactReport.class));
  }

  /** A record with a map: not written by components, still round-trips. */
  record WithMap(String name, Map<String, Integer> counts) implements java.io.Serializable {}

  /** A record whose constructor validates. */
  record Positive(double gbps, List<String> ids) implements java.io.Serializable {
    Positive {
      if (gbps < 0) {
        throw new IllegalArgumentException("gbps must be >= 0, got " + gbps);
      }
      ids = List.copyOf(ids);
    }
  }

  @Test
  void recordWithAMap_fallsBackToJavaSerialization_andComesBackEqual() {
    assertFalse(NetimpactKryoRegistrator.RecordSerializer.supported(WithMap.class));
    WithMap m = new WithMap("a", Map.of("x", 1, "y", 2));
    assertEquals(m, roundTrip(m));
  }

  @Test
  void rebuiltRecord_goesThroughItsConstructor_soItsListIsImmutableAgain() {
    Positive p = roundTrip(new Positive(2.5, List.of("a", "b")));
    assertEquals(new Positive(2.5, List.of("a", "b")), p);
    assertThrows(UnsupportedOperationException.class, () -> p.ids().add("c"));
    assertInstanceOf(Positive.class, roundTrip(new Positive(0, List.of())));
  }

  @Test
  void assembledPart_comesBackWithItsReportsExtrasAndWorstCase() {
    Snapshot s = RandomNetworks.snapshot(11, 9, 15, 30);
    Network base = NetworkCompiler.compile(s);
    List<Scenario> scenarios = new ArrayList<>();
    for (Change c : Sweep.failures(List.of(Sweep.Each.LINK), Optional.empty(),
        Optional.empty(), Optional.empty(), s)) {
      scenarios.add(new Scenario(c.id(), c.title(), ScenarioMask.of(base, c)));
    }
    io.netimpact.impact.WorstCase worst = new io.netimpact.impact.WorstCase(base.arcCount());
    List<ImpactReport> reports = Evaluator.evaluate("r", "s", base, scenarios,
        Evaluator.Strategy.INCREMENTAL, Thresholds.DEFAULT, worst);
    ArrayList<scala.Tuple2<ImpactReport, Object>> rows = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      rows.add(new scala.Tuple2<>(reports.get(i), i % 2 == 0 ? (Object) i : "extra " + i));
    }
    SparkEvaluator.AssembledPart<Object> back =
        roundTrip(new SparkEvaluator.AssembledPart<>(rows, worst));
    assertEquals(rows, back.scenarios());
    double[] load = new double[base.arcCount()];
    assertEquals(worst.rows("r", base, load, scenarios), back.worst().rows("r", base, load,
        scenarios));
    assertTrue(reports.stream().anyMatch(r -> !r.links().isEmpty()), "some rows were shipped");
  }
}
