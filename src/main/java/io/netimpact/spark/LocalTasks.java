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
 * Tasks run on the driver's own threads, for work a local master would run in the driver's
 * JVM anyway ({@link LocalReview#DRIVER}): a fixed pool of daemon threads, the results in the
 * order of the tasks, the first failure thrown as it was (the other tasks cancelled).
 */
final class LocalTasks {
  private LocalTasks() {}

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
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a driver task failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while driver tasks ran", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
