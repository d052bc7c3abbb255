package io.netimpact.spark;

import io.netimpact.input.ChangeReader;
import io.netimpact.input.SnapshotDigest;
import io.netimpact.input.SnapshotReader;
import io.netimpact.input.SweepReader;
import io.netimpact.input.TrafficSeriesReader;
import io.netimpact.model.Change;
import io.netimpact.model.Device;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.model.TrafficSeries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The Spark edge as the pipelines and the command line see it: one session, its storage (the
 * Hadoop configuration every reader and writer uses) and the sink for progress lines. Nothing
 * Spark- or Hadoop-typed crosses this class's public methods, so the pipelines stay plain Java;
 * the Spark layer's own classes reach the session through the package-private accessors.
 */
public final class Cluster {
  /** Sessions being started in the background, which a driver exit waits for. */
  private static final java.util.Set<CompletableFuture<SparkSession>> STARTING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final CompletableFuture<SparkSession> spark;
  /** Starts the session's thread, once; a no-op for a joined session. */
  private final Runnable launch;
  /** The storage configuration every driver-side reader and writer uses. */
  private final Configuration storage;
  /** What a session started here was asked for; empty when this cluster joined a session. */
  private final Optional<SparkConf> asked;
  private final Consumer<String> progress;

  private Cluster(CompletableFuture<SparkSession> spark, Runnable launch, Configuration storage,
      Optional<SparkConf> asked, Consumer<String> progress) {
    this.spark = spark;
    this.launch = launch;
    this.storage = storage;
    this.asked = asked;
    this.progress = progress;
  }

  /** {@link #start(SubmitSettings, String, Consumer, boolean)}, started at once. */
  public static Cluster start(SubmitSettings settings, String appName,
      Consumer<String> progress) {
    return start(settings, appName, progress, false);
  }

  /**
   * Starts (or joins) the session for {@code settings}: Kryo with netimpact's registrator,
   * eight shuffle partitions and no console progress bar unless the settings say otherwise.
   *
   * <p>A new session starts on a thread of its own (about 0.8 s on a laptop-sized machine)
   * while the driver goes on reading its inputs, which need only the storage configuration:
   * the one Spark derives from the same settings ({@code SparkHadoopUtil.newConfiguration},
   * what the {@code SparkContext} itself uses). The first call that needs Spark waits for it,
   * and a failed start is thrown there. An existing session is joined at once.
   *
   * <p>With {@code deferLocal} and a local master, the session is not started here but by the
   * first call that needs it ({@link #startSession} starts it ahead): a review evaluated on the
   * driver's threads ({@link LocalReview#DRIVER}) needs none, and its inputs are read without
   * a {@code SparkContext} starting beside them on the same cores.
   */
  public static Cluster start(SubmitSettings settings, String appName,
      Consumer<String> progress, boolean deferLocal) {
    return start(settings, appName, progress, deferLocal, false);
  }

  /**
   * A cluster whose session, whatever the master, starts only when something needs it: for
   * commands that mostly read on the driver ({@code show}), so that reading a run's tables
   * starts no Spark application, local or on YARN.
   */
  public static Cluster onDemand(SubmitSettings settings, String appName,
      Consumer<String> progress) {
    return start(settings, appName, progress, true, true);
  }

  private static Cluster start(SubmitSettings settings, String appName,
      Consumer<String> progress, boolean deferLocal, boolean deferAlways) {
    SparkConf conf = sparkConf(settings, appName);
    if (SparkSession.getDefaultSession().isDefined()
        || SparkSession.getActiveSession().isDefined()) {
      return of(SparkSession.builder().config(conf).getOrCreate(), progress);
    }
    CompletableFuture<SparkSession> session = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean launched =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable launch = () -> {
      if (!launched.compareAndSet(false, true)) {
        return;
      }
      STARTING.add(session);
      Thread t = new Thread(() -> {
        try {
          session.complete(SparkSession.builder().config(conf).getOrCreate());
        } catch (Throwable e) {
          session.completeExceptionally(e);
        } finally {
          STARTING.remove(session);
        }
      }, "netimpact-spark-start");
      t.setDaemon(true);
      t.start();
    };
    Cluster c = new Cluster(session, launch,
        org.apache.spark.deploy.SparkHadoopUtil.get().newConfiguration(conf),
        Optional.of(conf.clone()), progress);
    if (!deferAlways && (!deferLocal || c.localThreads().isEmpty())) {
      launch.run();
    }
    return c;
  }

  /** Starts the session in the background now, unless it is started (or joined) already. */
  public void startSession() {
    launch.run();
  }

  /**
   * Waits for sessions still starting (a run that ends before its session is up): the driver
   * then stops it and exits, instead of exiting under a half-made {@code SparkContext}.
   */
  static void awaitStarting() {
    for (CompletableFuture<SparkSession> s : List.copyOf(STARTING)) {
      try {
        s.get(120, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // A start that failed or hangs has nothing to stop.
      }
    }
  }

  /** The Spark configuration {@link #start} uses for {@code settings}. */
  public static SparkConf sparkConf(SubmitSettings settings, String appName) {
    SparkConf sc = new SparkConf();
    settings.conf().forEach(sc::set);
    if (settings.master().isPresent()) {
      sc.setMaster(settings.master().get());
    } else if (!sc.contains("spark.master")) {
      sc.setMaster("local[*]");
    }
    sc.setAppName(appName);
    sc.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    sc.setIfMissing("spark.kryo.registrator", NetimpactKryoRegistrator.class.getName());
    sc.setIfMissing("spark.sql.shuffle.partitions", "8");
    sc.setIfMissing("spark.ui.showConsoleProgress", "false");
    return sc;
  }

  /** A cluster over a session the caller owns (tests, notebooks, embedding). */
  public static Cluster of(SparkSession spark, Consumer<String> progress) {
    return new Cluster(CompletableFuture.completedFuture(spark), () -> { },
        spark.sparkContext().hadoopConfiguration(), Optional.empty(), progress);
  }

  /** The session, once started (waits for a start under way; rethrows its failure). */
  public SparkSession session() {
    launch.run();
    try {
      return spark.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw Cluster.<RuntimeException>unchecked(e.getCause());
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E unchecked(Throwable e) throws E {
    throw (E) e;
  }

  public JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(session().sparkContext());
  }

  /** The storage (Hadoop) configuration; needs no session. */
  public Configuration hadoop() {
    return storage;
  }

  /** The session's Spark configuration (a copy). */
  SparkConf conf() {
    return session().sparkContext().getConf();
  }

  /**
   * The Spark configuration the run asked for (a copy): the session's own settings less what
   * Spark adds when it starts, so encoders that need only settings (Kryo, LZ4) need not wait for
   * the session. The session's configuration when this cluster joined one.
   */
  SparkConf askedConf() {
    return asked.isPresent() ? asked.get().clone() : conf();
  }

  /**
   * The task slots of a local master, whose tasks all run in the driver's JVM: {@code local}
   * (1), {@code local[N]} and {@code local[N,F]} (N), {@code local[*]} (this machine's
   * processors). Empty for any other master, {@code local-cluster} included (its executors are
   * JVMs of their own).
   */
  java.util.OptionalInt localThreads() {
    return localThreads(askedConf().get("spark.master", ""));
  }

  /** {@link #localThreads()} of the master URL {@code master}. */
  static java.util.OptionalInt localThreads(String master) {
    master = master.trim();
    if (master.equals("local")) {
      return java.util.OptionalInt.of(1);
    }
    java.util.regex.Matcher m = LOCAL_MASTER.matcher(master);
    if (!m.matches()) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(m.group(1).equals("*")
        ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(m.group(1))));
  }

  /**
   * The task slots of a local master, whose tasks run in the driver's JVM (see {@link
   * #localThreads()}); empty on a cluster. Starts no session.
   */
  public java.util.OptionalInt localSlots() {
    return localThreads();
  }

  /**
   * Warms the driver's Parquet writer on a daemon thread ({@link
   * io.netimpact.report.DriverTables#warmUp}), for a run that will write its tables on the
   * driver: started while the inputs are read, it takes the first table's set-up cost off the
   * write. Writes nothing that stays.
   */
  public void warmDriverWriters() {
    Thread t = new Thread(() -> io.netimpact.report.DriverTables.warmUp(storage),
        "netimpact-writer-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * The bytes of the files under {@code dir} (0 when it does not exist, {@link Long#MAX_VALUE}
   * when it cannot be listed: reading it will say why): the size of a snapshot before it is
   * read. One listing; starts no session.
   */
  public long bytesUnder(String dir) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
      org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(storage);
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (java.io.IOException | RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }

  private static final java.util.regex.Pattern LOCAL_MASTER =
      java.util.regex.Pattern.compile("local\\[(\\*|[0-9]+)(,[0-9]+)?\\]");

  /** One line for whoever watches the run (the command line prints it). */
  public void note(String line) {
    progress.accept(line);
  }

  Consumer<String> progress() {
    return progress;
  }

  /**
   * Runs {@code action}, reporting the tasks of its Spark stages every few seconds. Work that
   * begins while the session is still starting is driver work (reading inputs): it runs at
   * once, without stage lines.
   */
  public <T> T during(String what, Supplier<T> action) {
    if (!spark.isDone()) {
      return action.get();
    }
    return StageProgress.during(jsc(), progress, what, action);
  }

  /**
   * Runs {@code body} on this thread with its Spark jobs in job group {@code group} and in
   * scheduler pool {@code group} (with {@code spark.scheduler.mode=FAIR} that pool shares the
   * executors with the default pool instead of queueing ahead of it), so that work in the
   * background does not hold up the jobs of other threads, and {@link #cancel} can stop it.
   */
  public <T> T inBackground(String group, Supplier<T> body) {
    org.apache.spark.SparkContext sc = session().sparkContext();
    sc.setLocalProperty("spark.scheduler.pool", group);
    sc.setJobGroup(group, "netimpact " + group, true);
    try {
      return body.get();
    } finally {
      sc.clearJobGroup();
      sc.setLocalProperty("spark.scheduler.pool", null);
    }
  }

  /** Cancels the running jobs of job group {@code group} ({@link #inBackground}). */
  public void cancel(String group) {
    session().sparkContext().cancelJobGroup(group);
  }

  /** Task slots of the cluster (Spark's default parallelism). */
  public int parallelism() {
    return jsc().defaultParallelism();
  }

  /** Refuses an output location that cannot take a report (see {@link ReportWriter}). */
  public void checkOutput(String out) {
    ReportWriter.checkOutput(hadoop(), out);
  }

  /**
   * The {@link SnapshotDigest} of the snapshot directory {@code dir}'s files (what a stored
   * baseline's network was compiled from); empty when {@code dir} is no directory (reading
   * the snapshot then fails, saying what is missing). O(bytes of the snapshot).
   */
  public Optional<SnapshotDigest> snapshotDigest(String dir) {
    return SnapshotDigest.of(hadoop(), dir);
  }

  public SnapshotReader.Loaded readSnapshot(String dir, SnapshotReader.OnBadRecord policy) {
    return new SnapshotReader(hadoop()).read(dir, policy);
  }

  /** The snapshot's {@code classes.json}, or no classes when it has none (docs/classes.md). */
  public io.netimpact.model.ServiceClasses readClasses(String snapshotDir) {
    return io.netimpact.input.ClassesReader.read(hadoop(),
        new org.apache.hadoop.fs.Path(snapshotDir));
  }

  public Change readChange(String file) {
    return ChangeReader.read(file, hadoop());
  }

  /** {@link #readChange} with the snapshot the change is pinned to, if any. */
  public io.netimpact.input.ChangeReader.Pinned readPinnedChange(String file) {
    return ChangeReader.readPinned(file, hadoop());
  }

  public Sweep readSweep(String file) {
    return SweepReader.read(file, hadoop());
  }

  /** The failure model of {@code file}, its overrides checked against {@code s}. */
  public io.netimpact.model.FailureModel readFailureModel(String file, Snapshot s) {
    return io.netimpact.input.FailureModelReader.read(file, hadoop(), s);
  }

  /** The series of {@code dir} (the snapshot directory when empty), over the snapshot's devices. */
  public TrafficSeries readSeries(String dir, String snapshotDir, Snapshot s) {
    Set<String> ids = s.devices().stream().map(Device::id).collect(Collectors.toSet());
    return new TrafficSeriesReader(hadoop()).read(dir.isEmpty() ? snapshotDir : dir, ids);
  }

  /** The published run {@code runId} of {@code out}. */
  public PublishedRun published(String out, String runId) {
    return PublishedRun.read(hadoop(), out, runId);
  }

  /** Every published run of {@code out}, newest first. */
  public List<PublishedRun> publishedRuns(String out) {
    return PublishedRun.all(hadoop(), out);
  }

  /** The Spark settings in effect, sorted by key (waits for a session still starting). */
  public Map<String, String> sparkSettings() {
    return sorted(conf());
  }

  /**
   * The Spark settings the run asked for, sorted by key: those of {@link #sparkSettings}
   * without what Spark adds when it starts (its application id, ports, start time), so that
   * the job's own settings can be resolved before the session is up. A joined session's
   * settings when this cluster did not start one.
   */
  public Map<String, String> askedSettings() {
    return asked.isPresent() ? sorted(asked.get()) : sparkSettings();
  }

  private static Map<String, String> sorted(SparkConf sc) {
    Map<String, String> conf = new TreeMap<>();
    for (Tuple2<String, String> kv : sc.getAll()) {
      conf.put(kv._1(), kv._2());
    }
    return conf;
  }

  /**
   * The S3A, EMRFS and committer settings that are set or differ from Hadoop's defaults, sorted
   * by key: what decides where and how reports are written.
   */
  public Map<String, String> storageSettings() {
    Configuration hadoop = hadoop();
    Configuration defaults = new Configuration();
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : hadoop) {
      String k = e.getKey();
      boolean relevant = k.startsWith("fs.s3a.") || k.startsWith("mapreduce.outputcommitter.")
          || k.startsWith("fs.s3.");
      if (relevant && !e.getValue().equals(defaults.get(k))) {
        out.put(k, hadoop.get(k));
      }
    }
    return out;
  }

  /** {@link Encryption#apply} on this session's storage, for reports written to {@code out}. */
  public void encryptReports(String out, Encryption.Sse sse, java.util.Optional<String> kmsKey) {
    Encryption.apply(storage, out, sse, kmsKey.orElse(null));
    // Spark's own writers use the session's configuration: encrypted the same way.
    Configuration sessions = session().sparkContext().hadoopConfiguration();
    if (sessions != storage) {
      Encryption.apply(sessions, out, sse, kmsKey.orElse(null));
    }
  }
}
