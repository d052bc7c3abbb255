package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes of different runs from threads of one process, as the review service makes them: a
 * publish that ends removes an empty {@code _staging}, which must never take the staging
 * directory another publish is creating at that moment. Many small publishes at once give the
 * race many chances; every one must be published, and {@code _staging} is gone at the end. The
 * race's window is narrow (between the two steps of a local {@code mkdirs}): this test catches a
 * regression only sometimes; the service's load run, 560 publishes on two threads, met it once.
 */
@Tag("slow")
class ParallelPublishTest {
  @TempDir
  Path tmp;

  @Test
  void manyRunsPublishedAtOnce_allPublish_andLeaveNoStaging() throws Exception {
    StructType schema = new StructType().add("run_id", DataTypes.StringType)
        .add("n", DataTypes.LongType);
    String out = tmp.resolve("out").toString();
    Configuration hadoop = new Configuration();
    int runs = 120;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String runId = String.format("R-%03d", i);
      long n = i;
      done.add(pool.submit(() -> new ReportWriter(hadoop, out, ReportWriter.Format.JSON)
          .add("t", schema, List.of(RowFactory.create(runId, n)))
          .publish(runId)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    for (int i = 0; i < runs; i++) {
      assertTrue(Files.exists(tmp.resolve(String.format("out/_runs/R-%03d/_SUCCESS", i))),
          "run " + i + " published");
    }
    assertEquals(runs, Files.list(tmp.resolve("out/_runs")).count());
    assertFalse(Files.exists(tmp.resolve("out/_staging")), "staging cleaned up");
  }
}
