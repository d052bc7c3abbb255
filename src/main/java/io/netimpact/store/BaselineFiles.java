package io.netimpact.store;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.input.Locations;
import io.netimpact.report.DriverTables;

import io.netimpact.routes.StoredDag;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet files of a stored baseline, read and written with parquet-hadoop alone (no
 * Spark SQL: its first query costs a JVM seconds of start-up, most of a warm review's
 * budget). Column names live here and nowhere else.
 *
 * <p>{@code destinations/bucket=K/part-K.parquet}: one row per destination, {@code destination}
 * (int32), {@code truncated} (boolean), {@code settle_order} (list of int32) and {@code
 * distance} (list of int64, aligned), in the standard three-level list layout, so Spark reads
 * the directory as a table partitioned by {@code bucket}. {@code arc_load/}: one row per base
 * arc, {@code arc} (int32) and {@code load_gbps} (double), written by {@link DriverTables}.
 * Files are read with parquet's column readers straight into primitive arrays, never boxed:
 * O(values) per file.
 */
public final class BaselineFiles {
  public static final String ARC_LOAD = "arc_load";
  /** The compiled network: the job's Kryo serializer in an LZ4 stream (spark.NetworkFile). */
  public static final String NETWORK = "network.kryo.lz4";
  public static final String DESTINATIONS = "destinations";
  public static final String BUCKET = "bucket";
  static final String DESTINATION = "destination";
  static final String TRUNCATED = "truncated";
  static final String SETTLE_ORDER = "settle_order";
  static final String DISTANCE = "distance";
  public static final String ARC = "arc";
  public static final String LOAD_GBPS = "load_gbps";

  static final MessageType DAG_TYPE = Types.buildMessage()
      .required(PrimitiveTypeName.INT32).named(DESTINATION)
      .required(PrimitiveTypeName.BOOLEAN).named(TRUNCATED)
      .requiredGroup().as(LogicalTypeAnnotation.listType())
          .repeatedGroup().required(PrimitiveTypeName.INT32).named("element").named("list")
          .named(SETTLE_ORDER)
      .requiredGroup().as(LogicalTypeAnnotation.listType())
          .repeatedGroup().required(PrimitiveTypeName.INT64).named("element").named("list")
          .named(DISTANCE)
      .named("spark_schema");

  /** {@code arc_load} as {@link DriverTables} writes it (every column optional, as Spark's). */
  static final MessageType ARC_LOAD_TYPE = Types.buildMessage()
      .optional(PrimitiveTypeName.INT32).named(ARC)
      .optional(PrimitiveTypeName.DOUBLE).named(LOAD_GBPS)
      .named("spark_schema");

  private BaselineFiles() {}

  /** The file of bucket {@code k} under a store's {@code destinations/}. */
  public static Path bucketFile(Path store, int k) {
    return new Path(new Path(new Path(store, DESTINATIONS), BUCKET + "=" + k),
        "part-" + String.format("%05d", k) + ".snappy.parquet");
  }

  /**
   * Writes one bucket's DAGs as {@code file} (replacing it: a retried task writes the same
   * file again). O(values).
   */
  public static int writeDags(Configuration hadoop, Path file, Iterable<StoredDag> dags) {
    int rows = 0;
    try (ParquetWriter<StoredDag> w = new DagWriter(file).withConf(hadoop)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (StoredDag d : dags) {
        w.write(d);
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return rows;
  }

  /** The Parquet files of a table directory (recursively: bucket directories), by name. */
  public static List<Path> files(Configuration hadoop, Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir)) {
        throw new BadInputException(new InputProblem(Locations.qualified(fs, dir), "", "",
            "missing: a baseline store needs this table (write the store again)"));
      }
      List<Path> out = new ArrayList<>();
      collect(fs, dir, out);
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void collect(FileSystem fs, Path dir, List<Path> out) throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (st.isDirectory()) {
        collect(fs, st.getPath(), out);
      } else if (name.endsWith(".parquet")) {
        out.add(st.getPath());
      }
    }
  }

  /**
   * Every DAG of one bucket file, read column by column (parquet's column readers, no record
   * assembly: for repeated fields that costs about a microsecond per value, seconds for a
   * store in a fresh JVM). O(values).
   */
  public static List<StoredDag> readDags(Configuration hadoop, Path file) {
    List<StoredDag> out = new ArrayList<>();
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      require(file, schema, DAG_TYPE);
      for (Columns c = Columns.next(r, schema); c != null; c = Columns.next(r, schema)) {
        int rows = c.rows();
        ColumnReader dst = c.column(DESTINATION);
        ColumnReader truncated = c.column(TRUNCATED);
        int[][] orders = intLists(c.column(SETTLE_ORDER, "list", "element"), rows);
        long[][] distances = longLists(c.column(DISTANCE, "list", "element"), rows);
        for (int i = 0; i < rows; i++) {
          out.add(new StoredDag(dst.getInteger(), truncated.getBoolean(), orders[i],
              distances[i]));
          dst.consume();
          truncated.consume();
        }
      }
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(file.toString(), "", "", e.getMessage()));
    } catch (IOException | RuntimeException e) {
      throw unreadable(hadoop, file, e);
    }
    return out;
  }

  /**
   * A store file that cannot be read: broken (cut short, not Parquet, undecodable: the
   * reader's runtime errors, an end of file) is bad input, exit 2, to be written again; any
   * other I/O failure is the storage's (unreachable, refused), exit 1.
   */
  static RuntimeException unreadable(Configuration hadoop, Path file, Exception e) {
    if (e instanceof IOException io && !(io instanceof java.io.EOFException)
        && !(io instanceof org.apache.hadoop.fs.ChecksumException)
        && !String.valueOf(io.getMessage()).contains("not a Parquet file")) {
      return new UncheckedIOException("cannot read " + file, io);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new BadInputException(new InputProblem(Locations.qualified(hadoop, file), "", "",
        "a broken baseline store file (cut short or corrupt: " + root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst()
            .orElse("")) + "); write the store again"));
  }

  /** One row group's column readers. */
  private record Columns(ColumnReadStoreImpl store, MessageType schema, int rows) {
    static Columns next(ParquetFileReader r, MessageType schema) throws IOException {
      PageReadStore pages = r.readNextRowGroup();
      return pages == null ? null : new Columns(new ColumnReadStoreImpl(pages,
          new GroupRecordConverter(schema).getRootConverter(), schema,
          r.getFooter().getFileMetaData().getCreatedBy()), schema,
          Math.toIntExact(pages.getRowCount()));
    }

    ColumnReader column(String... path) {
      return store.getColumnReader(schema.getColumnDescription(path));
    }
  }

  /** A list column's rows (repetition level 0 starts a row; an empty list has no value). */
  private static int[][] intLists(ColumnReader c, int rows) {
    int[][] out = new int[rows][];
    int maxDef = c.getDescriptor().getMaxDefinitionLevel();
    IntArrayList cur = new IntArrayList();
    int row = -1;
    for (long v = c.getTotalValueCount(); v > 0; v--) {
      if (c.getCurrentRepetitionLevel() == 0) {
        if (row >= 0) {
          out[row] = cur.toIntArray();
        }
        cur.clear();
        row++;
      }
      if (c.getCurrentDefinitionLevel() == maxDef) {
        cur.add(c.getInteger());
      }
      c.consume();
    }
    if (row >= 0) {
      out[row] = cur.toIntArray();
    }
    return out;
  }

  private static long[][] longLists(ColumnReader c, int rows) {
    long[][] out = new long[rows][];
    int maxDef = c.getDescriptor().getMaxDefinitionLevel();
    LongArrayList cur = new LongArrayList();
    int row = -1;
    for (long v = c.getTotalValueCount(); v > 0; v--) {
      if (c.getCurrentRepetitionLevel() == 0) {
        if (row >= 0) {
          out[row] = cur.toLongArray();
        }
        cur.clear();
        row++;
      }
      if (c.getCurrentDefinitionLevel() == maxDef) {
        cur.add(c.getLong());
      }
      c.consume();
    }
    if (row >= 0) {
      out[row] = cur.toLongArray();
    }
    return out;
  }

  /**
   * The base arc loads of {@code arc_load/} (Gbps by arc, {@code arcs} of them): every arc once.
   * O(arcs).
   */
  public static double[] readArcLoads(Configuration hadoop, Path dir, int arcs) {
    double[] load = new double[arcs];
    boolean[] seen = new boolean[arcs];
    int rows = 0;
    String where = Locations.qualified(hadoop, dir);
    for (Path file : files(hadoop, dir)) {
      try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file,
          hadoop))) {
        MessageType schema = r.getFooter().getFileMetaData().getSchema();
        require(file, schema, ARC_LOAD_TYPE);
        for (Columns c = Columns.next(r, schema); c != null; c = Columns.next(r, schema)) {
          ColumnReader arc = c.column(ARC);
          ColumnReader gbps = c.column(LOAD_GBPS);
          for (int i = 0; i < c.rows(); i++) {
            int a = arc.getCurrentDefinitionLevel() == 1 ? arc.getInteger() : -1;
            if (a < 0 || a >= arcs || seen[a] || gbps.getCurrentDefinitionLevel() != 1) {
              throw new BadInputException(new InputProblem(where, "", ARC, "arc index " + a
                  + (a < 0 || a >= arcs ? " is outside the " + arcs + " arcs of the network"
                  : seen[a] ? " is given twice" : " has no load")));
            }
            seen[a] = true;
            load[a] = gbps.getDouble();
            arc.consume();
            gbps.consume();
            rows++;
          }
        }
      } catch (BadInputException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw unreadable(hadoop, file, e);
      }
    }
    if (rows != arcs) {
      throw new BadInputException(new InputProblem(where, "", "", "has " + rows + " rows for "
          + "a network of " + arcs + " arcs (write the store again)"));
    }
    return load;
  }

  /** Fails, naming the file and the columns found, unless it has {@code expected}'s columns. */
  private static MessageType require(Path file, MessageType fileSchema, MessageType expected) {
    List<String> found = new ArrayList<>();
    for (Type t : fileSchema.getFields()) {
      found.add(t.getName());
    }
    for (Type t : expected.getFields()) {
      if (!fileSchema.containsField(t.getName())
          || !fileSchema.getType(t.getName()).equals(t)) {
        throw new BadInputException(new InputProblem(file.toString(), "", t.getName(),
            "missing or of another type (expected " + t.toString().trim() + "); found "
                + "columns " + found));
      }
    }
    return expected;
  }

  private static final class DagWriter extends ParquetWriter.Builder<StoredDag, DagWriter> {
    DagWriter(Path file) {
      super(file);
    }

    @Override
    protected DagWriter self() {
      return this;
    }

    @Override
    protected WriteSupport<StoredDag> getWriteSupport(Configuration conf) {
      return new WriteSupport<>() {
        private RecordConsumer rc;

        @Override
        public WriteContext init(Configuration configuration) {
          return new WriteContext(DAG_TYPE, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
          rc = recordConsumer;
        }

        @Override
        public void write(StoredDag d) {
          rc.startMessage();
          rc.startField(DESTINATION, 0);
          rc.addInteger(d.destination());
          rc.endField(DESTINATION, 0);
          rc.startField(TRUNCATED, 1);
          rc.addBoolean(d.truncated());
          rc.endField(TRUNCATED, 1);
          list(SETTLE_ORDER, 2, d.order().length, i -> rc.addInteger(d.order()[i]));
          list(DISTANCE, 3, d.distances().length, i -> rc.addLong(d.distances()[i]));
          rc.endMessage();
        }

        private void list(String name, int index, int n, java.util.function.IntConsumer add) {
          rc.startField(name, index);
          rc.startGroup();
          if (n > 0) {
            rc.startField("list", 0);
            for (int i = 0; i < n; i++) {
              rc.startGroup();
              rc.startField("element", 0);
              add.accept(i);
              rc.endField("element", 0);
              rc.endGroup();
            }
            rc.endField("list", 0);
          }
          rc.endGroup();
          rc.endField(name, index);
        }
      };
    }
  }
}
