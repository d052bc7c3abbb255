package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** Long Spark work prints tasks done with rate and ETA; short work prints nothing. */
class StageProgressTest {
  @Test
  void slowStage_printsTasksDoneRateAndEta() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(
        SparkTestSession.get().sparkContext());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true);
    List<Integer> items = IntStream.range(0, 8).boxed().toList();
    long n = StageProgress.during(jsc, console::println, "review: routing", 300,
        () -> jsc.parallelize(items, 8).map(i -> {
          Thread.sleep(250);
          return i;
        }).count());
    assertEquals(8, n);
    String out = bytes.toString();
    // Before the job's first stage is up, the driver's seconds so far; then the stage's tasks.
    assertTrue(out.matches("(?s)(review: routing: \\d+ s so far\n)*"
        + "review: routing: \\d/8 tasks \\(\\d+ %\\), \\d+\\.\\d tasks/s, "
        + "ETA (\\d+ s|unknown)\n.*"), out);
  }

  @Test
  void quickWork_printsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(
        SparkTestSession.get().sparkContext());
    StageProgress.during(jsc, new PrintStream(bytes, true)::println, "review: routing", 60_000,
        () -> jsc.parallelize(List.of(1, 2, 3)).count());
    assertEquals("", bytes.toString());
  }

  @Test
  void slowDriverWork_printsTheSecondsSoFar() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(
        SparkTestSession.get().sparkContext());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StageProgress.during(jsc, new PrintStream(bytes, true)::println, "sweep: writing", 200,
        () -> {
          try {
            Thread.sleep(700);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        });
    String out = bytes.toString();
    assertTrue(out.matches("(?s)sweep: writing: \\d+ s so far\n.*"), out);
  }

  @Test
  void line_givesRateAndEtaFromTheRateSoFar() {
    assertEquals("review: routing: 30/120 tasks (25 %), 3.0 tasks/s, ETA 30 s",
        StageProgress.line("review: routing", 30, 120, 10));
    assertEquals("x: 0/4 tasks (0 %), 0.0 tasks/s, ETA unknown", StageProgress.line("x", 0, 4, 2));
  }
}
