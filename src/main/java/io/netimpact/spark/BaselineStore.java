package io.netimpact.spark;

import io.netimpact.input.BadInputException;
import io.netimpact.store.BaselineFiles;
import io.netimpact.store.BaselineManifest;
import io.netimpact.report.DriverTables;
import io.netimpact.input.InputProblem;
import io.netimpact.input.Locations;
import io.netimpact.impact.Baseline;
import io.netimpact.routing.Network;
import io.netimpact.routes.StoredDag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A stored baseline: what any review of one snapshot needs to route only what a change
 * touches. Layout of a store directory (local or {@code s3a://}):
 * <ul>
 *   <li>{@code manifest.json}: {@link BaselineManifest} (snapshot id, content hash, sizes,
 *       base traffic without a path, bucket count);</li>
 *   <li>{@code arc_load/}: Parquet, one row per base arc: {@code arc} (int), {@code load_gbps}
 *       (double), written by the driver;</li>
 *   <li>{@code destinations/bucket=K/}: Parquet, one row per destination: {@code destination}
 *       (int), {@code truncated} (boolean), {@code settle_order} (list of int: the devices
 *       that reach it, nearest first) and {@code distance} (list of long, aligned), written by
 *       the executors one bucket per task, so that a reader's task reads whole buckets;</li>
 *   <li>{@code network.kryo.lz4} (when the snapshot read had no rejected records): the compiled
 *       network, serialized with the job's Kryo serializer in LZ4 ({@link NetworkFile}), written by
 *       the driver; the manifest then holds the snapshot file digest it was compiled from, so
 *       that a review of the same files takes it instead of reading and compiling them.</li>
 * </ul>
 * The files are read and written with parquet-hadoop ({@link BaselineFiles}), not Spark SQL:
 * a warm review would otherwise pay Spark SQL's start-up (seconds) for two small reads.
 * A store is written into a temporary sibling directory and renamed into place once complete
 * (its manifest last), so a failed run leaves no store behind; the temporary directory is
 * removed on failure, and one that a killed run left behind is removed by the next write of
 * the same store once its owner is known to be gone.
 */
public final class BaselineStore {
  static final StructType ARC_LOAD_SCHEMA = new StructType()
      .add(BaselineFiles.ARC, DataTypes.IntegerType, false)
      .add(BaselineFiles.LOAD_GBPS, DataTypes.DoubleType, false);

  /** The staging directory's owner (host, pid, start), removed before it becomes the store. */
  private static final String OWNER = "_owner";

  private BaselineStore() {}

  /** A store opened for reading: where it is (as given) and its manifest. */
  public record Opened(String dir, BaselineManifest manifest) {}

  /**
   * Where a run writes a store and for what.
   *
   * @param dir            the store directory (empty or missing)
   * @param snapshotId     the snapshot's id
   * @param contentHash    the compiled network's {@link io.netimpact.routing.ContentHash}
   * @param writtenBy      what writes it ({@code baseline}, {@code sweep ID})
   * @param snapshotDigest the {@link io.netimpact.input.SnapshotDigest} of the snapshot's files, taken before they
   *                       were read, when the network compiled from them is to be stored too
   *                       (only from a read without rejected records and without TE)
   */
  public record Target(String dir, String snapshotId, String contentHash, String writtenBy,
      Optional<String> snapshotDigest) {
    /** A store without the compiled network. */
    public Target(String dir, String snapshotId, String contentHash, String writtenBy) {
      this(dir, snapshotId, contentHash, writtenBy, Optional.empty());
    }
  }


  /**
   * The store's N-1 results and the failures' stubs given back ({@link
   * io.netimpact.store.SurvivalFile.Stored}) for warn utilisation {@code warnUtil}; empty when
   * it has none for it.
   */
  public static Optional<io.netimpact.store.SurvivalFile.Stored> survivalStored(
      Cluster cluster, Opened store, double warnUtil) {
    return io.netimpact.store.SurvivalFile.readStored(cluster.hadoop(), store.dir(), warnUtil);
  }

  /**
   * Writes (replaces) the store's N-1 results with the failures' stubs given back (by failure
   * id, device ids; {@link io.netimpact.store.SurvivalFile}).
   */
  public static void writeSurvival(Cluster cluster, Opened store, List<String> kinds,
      double warnUtil, List<io.netimpact.survival.FailureResult> results,
      java.util.Map<String, List<String>> stubsGivenBack) {
    io.netimpact.store.SurvivalFile.write(cluster.hadoop(), store.dir(), kinds, warnUtil,
        results, stubsGivenBack);
  }


  /** Opens the store at {@code dir}: reads and checks its manifest (exit 2 when it is none). */
  public static Opened open(Cluster cluster, String dir) {
    return new Opened(dir, BaselineManifest.read(cluster.hadoop(), new Path(dir)));
  }

  /**
   * What is at {@code dir} before a store is written there: nothing (missing or an empty
   * directory), or the manifest of the store already there. Anything else is refused (exit 2):
   * a store is never written over other files.
   */
  public static Optional<BaselineManifest> existing(Cluster cluster, String dir) {
    Configuration hadoop = cluster.hadoop();
    Path p = new Path(dir);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        // Writable, and not a dangling link: found now, not after the computation.
        ReportWriter.checkOutput(hadoop, dir, "the baseline store");
        return Optional.empty();
      }
      FileStatus st = fs.getFileStatus(p);
      if (st.isDirectory() && fs.listStatus(p).length == 0) {
        return Optional.empty();
      }
      if (st.isDirectory() && fs.exists(new Path(p, BaselineManifest.FILE))) {
        return Optional.of(BaselineManifest.read(hadoop, p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + dir, e);
    }
    throw new BadInputException(new InputProblem(Locations.qualified(hadoop, p), "", "",
        "exists and is not a baseline store; give an empty or new directory"));
  }

  /**
   * Whether to write a store of snapshot {@code snapshotId} (content hash {@code hash}) at
   * {@code dir}, given what {@link #existing} found there: yes when nothing is there; no when
   * that snapshot's store is there already (left as it is); a store of another snapshot or
   * content is refused (exit 2; {@code option} names where {@code dir} came from), as a store
   * is never replaced.
   */
  public static boolean toWrite(Optional<BaselineManifest> existing, String dir, String option,
      String snapshotId, String hash) {
    if (existing.isEmpty()) {
      return true;
    }
    BaselineManifest m = existing.get();
    if (m.snapshotId().equals(snapshotId) && m.contentHash().equals(hash)) {
      return false;
    }
    throw new BadInputException(new InputProblem(dir, "", "", "holds the baseline store of "
        + "snapshot " + m.snapshotId() + " (content hash " + m.contentHash() + "), not of "
        + snapshotId + " (content hash " + hash + "); a store is never replaced: remove it or "
        + "give another " + option));
  }

  /**
   * The compiled network the store holds, if it holds one that this build can read ({@link
   * NetworkFile#layout}: written by a build of the same network layout); empty otherwise (a
   * store without it, or of another layout: the caller compiles the snapshot). The network is
   * checked against the manifest's sizes; a file cut short or unreadable is bad input, exit 2.
   * The caller decides whether it is the snapshot's (by the digest). O(size of the network).
   */
  public static Optional<Network> network(Cluster cluster, Opened store) {
    Optional<BaselineManifest.Compiled> compiled = store.manifest().compiled();
    if (compiled.isEmpty()) {
      return Optional.empty();
    }
    NetworkFile.Encoding enc = NetworkFile.Encoding.of(cluster.askedConf());
    if (!NetworkFile.layout(enc).equals(compiled.get().networkLayout())) {
      return Optional.empty();
    }
    Path file = new Path(store.dir(), BaselineFiles.NETWORK);
    Network net = NetworkFile.read(enc, cluster.hadoop(), file, compiled.get().networkBytes());
    BaselineManifest m = store.manifest();
    if (net.nodeCount() != m.nodes() || net.arcCount() != m.arcs()
        || net.demandCount() != m.demands()) {
      throw new BadInputException(new InputProblem(Locations.qualified(cluster.hadoop(), file),
          "", "", "holds a network of " + net.nodeCount() + " devices, " + net.arcCount()
          + " arcs and " + net.demandCount() + " demands, the manifest says " + m.nodes()
          + ", " + m.arcs() + " and " + m.demands() + " (write the store again)"));
    }
    return Optional.of(net);
  }

  /** The base arc loads and traffic without a path of an opened store. O(arcs). */
  static Baseline baseline(Cluster cluster, Opened store, Network base) {
    BaselineManifest m = store.manifest();
    if (m.arcs() != base.arcCount()) {
      throw new BadInputException(new InputProblem(store.dir(), "", "", "the manifest says "
          + m.arcs() + " arcs, the network has " + base.arcCount()));
    }
    return new Baseline(BaselineFiles.readArcLoads(cluster.hadoop(),
        new Path(store.dir(), BaselineFiles.ARC_LOAD), base.arcCount()), m.unroutableGbps());
  }

  /**
   * The stored DAGs of an opened store, read on the executors with parquet-hadoop: one task
   * per bucket file, so each task reads whole buckets and nothing else. O(stored DAG sizes).
   */
  static JavaRDD<StoredDag> destinations(Cluster cluster, Opened store) {
    List<String> files = destinationFiles(cluster, store).stream().map(Path::toString).toList();
    Broadcast<SerializableConfiguration> conf = hadoopOnExecutors(cluster);
    return cluster.jsc().parallelize(files, Math.max(1, files.size())).flatMap(f ->
        BaselineFiles.readDags(conf.value().value(), new Path(f))
            .iterator());
  }

  /** The bucket files of an opened store's DAGs, by name. */
  static List<Path> destinationFiles(Cluster cluster, Opened store) {
    return BaselineFiles.files(cluster.hadoop(), new Path(store.dir(),
        BaselineFiles.DESTINATIONS));
  }

  /** The driver's Hadoop configuration, for the executors' readers and writers. */
  private static Broadcast<SerializableConfiguration> hadoopOnExecutors(Cluster cluster) {
    return cluster.jsc().broadcast(new SerializableConfiguration(cluster.hadoop()));
  }

  /**
   * Writes the store of {@code base} at {@code target}: {@code dags} (partition k holding the
   * destinations of bucket k, as {@link SparkEvaluator} routes them) by the executors, the
   * arc loads and the manifest by the driver, into a temporary sibling directory that is
   * renamed into place at the end; with the target's snapshot digest, the compiled network
   * too ({@code network.kryo.lz4}, by the driver). O(stored DAG sizes + arcs + size of the
   * network).
   *
   * @return the manifest written
   */
  static BaselineManifest write(Cluster cluster, Target target, Network base,
      JavaRDD<StoredDag> dags, int buckets, Baseline baseline) {
    Configuration hadoop = cluster.hadoop();
    Path out;
    FileSystem fs;
    try {
      fs = new Path(target.dir()).getFileSystem(hadoop);
      out = fs.makeQualified(new Path(target.dir()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + target.dir(), e);
    }
    String staging = "." + out.getName() + ".tmp-";
    Path tmp = new Path(out.getParent(), staging + UUID.randomUUID());
    int[] dsts = base.destinations();
    BaselineManifest m;
    Broadcast<SerializableConfiguration> conf = hadoopOnExecutors(cluster);
    try {
      removeDeadStaging(fs, out.getParent(), staging);
      // Whose staging this is, so that a later run can tell a dead one (killed) from a live one.
      try (java.io.OutputStream o = fs.create(new Path(tmp, OWNER), false)) {
        o.write(io.netimpact.input.Json.MAPPER.writeValueAsBytes(ProcessOwner.current().json()));
      }
      // Partition k of dags is bucket k: each task writes its bucket's one file.
      String tmpDir = tmp.toString();
      long written = dags.mapPartitionsWithIndex((k, it) -> List.of((long) BaselineFiles
          .writeDags(conf.value().value(),
              BaselineFiles.bucketFile(new Path(tmpDir), k), () -> it)).iterator(), true).collect().stream().mapToLong(Long::longValue).sum();
      if (written != dsts.length) {
        throw new IllegalStateException("wrote " + written + " destinations of "
            + dsts.length);
      }
      double[] load = baseline.load();
      List<Row> arcRows = new ArrayList<>(load.length);
      for (int a = 0; a < load.length; a++) {
        arcRows.add(RowFactory.create(a, load[a]));
      }
      DriverTables.write(fs, hadoop, new Path(tmp, BaselineFiles.ARC_LOAD), true,
          ARC_LOAD_SCHEMA, arcRows);
      Optional<BaselineManifest.Compiled> compiled = target.snapshotDigest().map(digest -> {
        NetworkFile.Encoding enc = NetworkFile.Encoding.of(cluster.askedConf());
        long bytes = NetworkFile.write(enc, fs, new Path(tmp, BaselineFiles.NETWORK), base);
        return new BaselineManifest.Compiled(digest, bytes, NetworkFile.layout(enc));
      });
      m = new BaselineManifest(BaselineManifest.VERSION, target.snapshotId(),
          target.contentHash(), base.nodeCount(), base.arcCount(), base.demandCount(),
          dsts.length, baseline.unroutable(), buckets,
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), target.writtenBy(),
          compiled);
      m.write(fs, tmp);
      fs.delete(new Path(tmp, OWNER), false);
      if (fs.exists(out)) {
        // Checked empty before the run (existing): a directory with nothing in it.
        fs.delete(out, false);
      }
      if (!fs.rename(tmp, out)) {
        throw new IOException("cannot rename " + tmp + " to " + out);
      }
    } catch (IOException e) {
      deleteQuietly(fs, tmp);
      throw new UncheckedIOException("cannot write the baseline store " + out, e);
    } catch (RuntimeException e) {
      deleteQuietly(fs, tmp);
      throw e;
    }
    return m;
  }

  /**
   * Removes the staging directories {@code PARENT/.STORE.tmp-*} of this store that runs which
   * died left behind (killed before they could clean up), by the rule every staging follows
   * ({@link ProcessOwner#deadStaging}), and says so. A live run's staging is left alone.
   */
  private static void removeDeadStaging(FileSystem fs, Path parent, String prefix)
      throws IOException {
    if (!fs.exists(parent)) {
      return;
    }
    Instant now = Instant.now();
    for (FileStatus s : fs.listStatus(parent)) {
      if (!s.isDirectory() || !s.getPath().getName().startsWith(prefix)) {
        continue;
      }
      Optional<String> gone = ProcessOwner.deadStaging(fs, s, OWNER, now);
      if (gone.isPresent() && fs.delete(s.getPath(), true)) {
        System.err.println("netimpact: removed the staging directory " + s.getPath()
            + " of a baseline store write that died (" + gone.get() + ")");
      }
    }
  }

  private static void deleteQuietly(FileSystem fs, Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException ignored) {
      // The failure being reported matters more than a temporary directory left behind.
    }
  }
}
