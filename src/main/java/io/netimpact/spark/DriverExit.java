package io.netimpact.spark;

import org.apache.spark.SparkUserAppException;
import org.apache.spark.sql.SparkSession;

/**
 * How a finished command's exit code leaves the driver, so that YARN and an EMR step see the
 * run's true outcome in either deploy mode.
 *
 * <ul>
 *   <li>Client mode (and local runs): the driver is the {@code spark-submit} JVM, so
 *       {@code System.exit(code)} is {@code spark-submit}'s exit code and hence the step's.
 *       The context is stopped with the code first: Spark's YARN client backend forwards it
 *       to the ApplicationMaster, which then reports FAILED for a non-zero code instead of
 *       SUCCEEDED (after waiting, for a non-zero code, until the ApplicationMaster is there to
 *       hear it: {@link #awaitApplicationMaster}).</li>
 *   <li>YARN cluster mode: the driver is a thread in the ApplicationMaster, which reads any
 *       {@code System.exit} (0 included) as "Shutdown hook called before final status was
 *       reported" (FAILED, exit 16) and, before the last attempt, starts the whole job again.
 *       So {@code main} returns for 0 and throws Spark's {@link SparkUserAppException} for any
 *       other code: the ApplicationMaster reports FAILED with "User application exited with
 *       status N" in the diagnostics and exits with N.</li>
 * </ul>
 */
public final class DriverExit {
  private DriverExit() {}

  /** True inside a YARN cluster-mode ApplicationMaster (it sets the submit's conf as system properties). */
  public static boolean inYarnClusterDriver() {
    return "cluster".equals(System.getProperty("spark.submit.deployMode"))
        && System.getProperty("spark.master", "").startsWith("yarn");
  }

  /** How long a failing YARN client-mode driver waits for its ApplicationMaster. */
  static final long AM_WAIT_MS = 30_000;

  /**
   * Waits, at most {@code ms}, until the first executor has registered. Spark forwards a
   * stopping driver's exit code to the ApplicationMaster only once the ApplicationMaster has
   * registered with the driver; a run that fails faster than that (bad input is found in
   * seconds) would be listed by YARN as SUCCEEDED. Executors are started by a registered
   * ApplicationMaster only, so the first one is the sign. Polls every 100 ms.
   */
  static void awaitApplicationMaster(org.apache.spark.SparkContext sc, long ms)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + ms;
    while (sc.statusTracker().getExecutorInfos().length < 2
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Stops the default session with {@code code}, then exits the way the deploy mode needs. */
  public static void exit(int code) throws Exception {
    System.out.flush();
    Cluster.awaitStarting();
    // Sessions outlive commands so that tests can share one; a real run stops it here.
    scala.Option<SparkSession> session = SparkSession.getDefaultSession();
    if (session.isDefined()) {
      org.apache.spark.SparkContext sc = session.get().sparkContext();
      if (code != 0 && sc.master().startsWith("yarn") && "client".equals(sc.deployMode())) {
        awaitApplicationMaster(sc, AM_WAIT_MS);
      }
      sc.stop(code);
    }
    if (inYarnClusterDriver()) {
      if (code != 0) {
        throw new SparkUserAppException(code);
      }
      return;
    }
    System.exit(code);
  }
}
