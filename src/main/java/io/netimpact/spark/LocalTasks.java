package io.netimpact.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks run on the driver's own threads: work a local master would run in the driver's JVM
 * anyway ({@link LocalReview#DRIVER}), a review's report tables. A fixed pool of daemon threads,
 * the results in the order of the tasks; the first failure is thrown as it was once every task
 * has ended (so nothing a task writes outlives the call).
 */
public final class LocalTasks {
  private LocalTasks() {}

  /** {@link #run(int, List, AtomicInteger)} with no one counting. */
  public static <T> List<T> run(int threads, List<Callable<T>> tasks) {
    return run(threads, tasks, new AtomicInteger());
  }

  /**
   * Runs {@code tasks} on {@code threads} threads, counting each finished one in {@code done}.
   * O(sum of the tasks) over the threads.
   */
  static <T> List<T> run(int threads, List<Callable<T>> tasks, AtomicInteger done) {
    AtomicInteger named = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads,
        tasks.size())), r -> {
          Thread t = new Thread(r, "netimpact-local-task-" + named.getAndIncrement());
          t.setDaemon(true);
          return t;
        });
    try {
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          T result = task.call();
          done.incrementAndGet();
          return result;
        }));
      }
      List<T> out = new ArrayList<>(tasks.size());
      Throwable first = null;
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          first = first != null ? first : e.getCause();
        }
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
      if (first != null) {
        throw new IllegalStateException("a driver task failed: " + first, first);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while driver tasks ran", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
