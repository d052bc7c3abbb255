package io.netimpact.spark;

import io.netimpact.format.BadInputException;
import io.netimpact.format.BaselineManifest;
import io.netimpact.format.DriverTables;
import io.netimpact.format.InputProblem;
import io.netimpact.format.Locations;
import io.netimpact.impact.Baseline;
import io.netimpact.routing.Network;
import io.netimpact.routing.StoredDag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
 *       the executors one bucket per task, so that a reader's task reads whole buckets.</li>
 * </ul>
 * A store is written into a temporary sibling directory and renamed into place once complete
 * (its manifest last), so a failed run leaves no store behind; the temporary directory is
 * removed on failure. Column names live here and nowhere else.
 */
public final class BaselineStore {
  static final String ARC_LOAD = "arc_load";
  static final String DESTINATIONS = "destinations";
  static final String BUCKET = "bucket";
  static final String[] DESTINATION_COLUMNS =
      {"destination", "truncated", "settle_order", "distance"};
  static final StructType ARC_LOAD_SCHEMA = new StructType()
      .add("arc", DataTypes.IntegerType, false)
      .add("load_gbps", DataTypes.DoubleType, false);
  static final StructType DESTINATIONS_SCHEMA = new StructType()
      .add(DESTINATION_COLUMNS[0], DataTypes.IntegerType, false)
      .add(DESTINATION_COLUMNS[1], DataTypes.BooleanType, false)
      .add(DESTINATION_COLUMNS[2], DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add(DESTINATION_COLUMNS[3], DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add(BUCKET, DataTypes.IntegerType, false);

  private BaselineStore() {}

  /** A store opened for reading: where it is (as given) and its manifest. */
  public record Opened(String dir, BaselineManifest manifest) {}

  /**
   * Where a run writes a store and for what.
   *
   * @param dir         the store directory (empty or missing)
   * @param snapshotId  the snapshot's id
   * @param contentHash the compiled network's {@link io.netimpact.routing.ContentHash}
   * @param writtenBy   what writes it ({@code baseline}, {@code sweep ID})
   */
  public record Target(String dir, String snapshotId, String contentHash, String writtenBy) {}

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

  /** The base arc loads and traffic without a path of an opened store. O(arcs). */
  static Baseline baseline(Cluster cluster, Opened store, Network base) {
    BaselineManifest m = store.manifest();
    String dir = new Path(store.dir(), ARC_LOAD).toString();
    Dataset<Row> t = cluster.session().read().parquet(dir);
    requireColumns(t, dir, ARC_LOAD_SCHEMA.fieldNames());
    double[] load = new double[base.arcCount()];
    boolean[] seen = new boolean[load.length];
    int rows = 0;
    for (Row r : t.select("arc", "load_gbps").collectAsList()) {
      int a = r.getInt(0);
      if (a < 0 || a >= load.length || seen[a]) {
        throw new BadInputException(new InputProblem(dir, "", "arc", "arc index " + a
            + (a < 0 || a >= load.length ? " is outside the " + load.length + " arcs of the "
            + "network" : " is given twice")));
      }
      seen[a] = true;
      load[a] = r.getDouble(1);
      rows++;
    }
    if (rows != m.arcs() || m.arcs() != load.length) {
      throw new BadInputException(new InputProblem(dir, "", "", "has " + rows + " rows; the "
          + "manifest says " + m.arcs() + " arcs and the network has " + load.length));
    }
    return new Baseline(load, m.unroutableGbps());
  }

  /**
   * The stored DAGs of an opened store, read on the executors: Spark's file source spreads the
   * bucket files over tasks, each task reading whole files. O(stored DAG sizes).
   */
  static JavaRDD<StoredDag> destinations(Cluster cluster, Opened store) {
    String dir = new Path(store.dir(), DESTINATIONS).toString();
    Dataset<Row> t = cluster.session().read().parquet(dir);
    requireColumns(t, dir, DESTINATION_COLUMNS);
    // Internal rows: the lists are copied straight into primitive arrays, never boxed.
    return t.select(DESTINATION_COLUMNS[0], Arrays.copyOfRange(DESTINATION_COLUMNS, 1, 4))
        .queryExecution().toRdd().toJavaRDD()
        .map((InternalRow r) -> new StoredDag(r.getInt(0), r.getBoolean(1),
            r.getArray(2).toIntArray(), r.getArray(3).toLongArray()));
  }

  private static void requireColumns(Dataset<Row> t, String dir, String[] required) {
    List<String> found = Arrays.asList(t.columns());
    for (String c : required) {
      if (!found.contains(c)) {
        throw new BadInputException(new InputProblem(dir, "", c, "missing column; found "
            + found));
      }
    }
  }

  /**
   * Writes the store of {@code base} at {@code target}: {@code dags} (partition k holding the
   * destinations of bucket k, as {@link SparkEvaluator} routes them) by the executors, the
   * arc loads and the manifest by the driver, into a temporary sibling directory that is
   * renamed into place at the end. O(stored DAG sizes + arcs).
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
    Path tmp = new Path(out.getParent(), "." + out.getName() + ".tmp-" + UUID.randomUUID());
    int[] rank = new int[base.nodeCount()];
    int[] dsts = base.destinations();
    for (int i = 0; i < dsts.length; i++) {
      rank[dsts[i]] = i;
    }
    BaselineManifest m = new BaselineManifest(BaselineManifest.VERSION, target.snapshotId(),
        target.contentHash(), base.nodeCount(), base.arcCount(), base.demandCount(),
        dsts.length, baseline.unroutable(), buckets,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), target.writtenBy());
    try {
      JavaRDD<Row> rows = dags.map(s -> RowFactory.create(s.destination(), s.truncated(),
          s.order(), s.distances(), BaselineManifest.bucket(rank[s.destination()], buckets)));
      cluster.session().createDataFrame(rows, DESTINATIONS_SCHEMA).write()
          .mode(SaveMode.ErrorIfExists).partitionBy(BUCKET)
          .parquet(new Path(tmp, DESTINATIONS).toString());
      double[] load = baseline.load();
      List<Row> arcRows = new ArrayList<>(load.length);
      for (int a = 0; a < load.length; a++) {
        arcRows.add(RowFactory.create(a, load[a]));
      }
      DriverTables.write(fs, hadoop, new Path(tmp, ARC_LOAD), true, ARC_LOAD_SCHEMA, arcRows);
      m.write(fs, tmp);
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

  private static void deleteQuietly(FileSystem fs, Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException ignored) {
      // The failure being reported matters more than a temporary directory left behind.
    }
  }
}
