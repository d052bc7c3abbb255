package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The driver's own task pool: results in task order, failures only once every task ended. */
class LocalTasksTest {
  @Test
  void results_comeInTheOrderOfTheTasks_whateverOrderTheyEndIn() {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int k = i;
      tasks.add(() -> {
        Thread.sleep(5L * (12 - k));
        return k * k;
      });
    }
    AtomicInteger done = new AtomicInteger();
    List<Integer> out = LocalTasks.run(3, tasks, done);
    for (int i = 0; i < 12; i++) {
      assertEquals(i * i, out.get(i));
    }
    assertEquals(12, done.get());
  }

  @Test
  void aFailure_isThrownAsItWas_onlyAfterTheOtherTasksEnded() {
    IllegalArgumentException boom = new IllegalArgumentException("bad input in task 0");
    AtomicBoolean slowEnded = new AtomicBoolean();
    // The failing task comes first: its failure is known before the slow one ends.
    List<Callable<Void>> tasks = List.of(() -> {
      throw boom;
    }, () -> {
      Thread.sleep(300);
      slowEnded.set(true);
      return null;
    });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LocalTasks.run(2, tasks, new AtomicInteger()));
    assertSame(boom, e);
    assertTrue(slowEnded.get(), "the slow task had ended before the failure was thrown");
  }
}
