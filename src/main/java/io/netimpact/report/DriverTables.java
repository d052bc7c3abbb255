package io.netimpact.report;

import io.netimpact.input.Json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A report table that is already on the driver (a review's rows, a sweep's baseline and worst
 * case), written as one file by the driver: Parquet through parquet-hadoop, or JSON lines through
 * Jackson, in the layout Spark's writers give ({@code part-00000-*} files, columns in schema
 * order, nulls written, the Spark schema in the Parquet footer), so that readers cannot tell the
 * two apart. It saves a Spark SQL job and its commit per table: for a review, every table.
 * Flat schemas of strings, doubles, longs, ints and booleans. O(rows x columns).
 */
public final class DriverTables {
  /** The footer key under which Spark keeps a file's Spark schema. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  /** Rows above which a table is split into parts written at once (one per core at most). */
  public static final int ROWS_PER_PART = 250_000;
  private static final int MAX_PART_THREADS = 8;

  private DriverTables() {}

  /**
   * Writes {@code rows} into table directory {@code dir}: one file, or for a table of more
   * than {@link #ROWS_PER_PART} rows up to one file per core ({@code part-00000-*},
   * {@code part-00001-*}, ..., contiguous slices in row order, as Spark names a job's parts),
   * written at once. O(rows x columns) work over that many threads.
   *
   * @throws IllegalArgumentException for a column type other than the flat ones above
   */
  public static void write(FileSystem fs, Configuration hadoop, Path dir, boolean parquet,
      StructType schema, List<Row> rows) {
    int threads = Math.min(MAX_PART_THREADS, Runtime.getRuntime().availableProcessors());
    write(fs, hadoop, dir, parquet, schema, rows, ROWS_PER_PART, threads);
  }

  /**
   * Loads and initialises the Parquet writing stack (parquet-hadoop, its Snappy codec, the
   * local file system of {@code hadoop}) by writing one row of every flat type into a
   * temporary directory, removed at once. The first table a JVM writes otherwise pays for it:
   * on two busy cores, seconds for the first few hundred rows. Meant for a thread of its own
   * while the driver reads its inputs (on a second core that the reading leaves idle); it
   * changes nothing, and a failure is ignored (the real write reports its own).
   */
  public static void warmUp(Configuration hadoop) {
    java.nio.file.Path dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("netimpact-warm-up-");
      StructType schema = new StructType().add("s", DataTypes.StringType)
          .add("d", DataTypes.DoubleType).add("l", DataTypes.LongType)
          .add("i", DataTypes.IntegerType).add("b", DataTypes.BooleanType);
      FileSystem fs = FileSystem.getLocal(hadoop);
      write(fs, hadoop, new Path(dir.toUri()), true, schema,
          List.of(org.apache.spark.sql.RowFactory.create("s", 1.0, 1L, 1, true)), ROWS_PER_PART,
          1);
      fs.delete(new Path(dir.toUri()), true);
    } catch (IOException | RuntimeException e) {
      // Nothing to warm: the real write says what is wrong, if anything is.
    } finally {
      if (dir != null) {
        try (var files = java.nio.file.Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
          // left for the system's temporary-file cleaning
        }
      }
    }
  }

  /** {@link #write} with the part size and thread count given (tests). */
  static void write(FileSystem fs, Configuration hadoop, Path dir, boolean parquet,
      StructType schema, List<Row> rows, int rowsPerPart, int threads) {
    int n = rows.size();
    int parts = (int) Math.max(1, Math.min(threads, ((long) n + rowsPerPart - 1) / rowsPerPart));
    String job = UUID.randomUUID().toString();
    try {
      fs.mkdirs(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + dir, e);
    }
    IntStream stream = IntStream.range(0, parts);
    (parts > 1 ? stream.parallel() : stream).forEach(i -> {
      String name = String.format(java.util.Locale.ROOT, "part-%05d-%s-c000%s", i, job,
          parquet ? ".snappy.parquet" : ".json");
      Path file = new Path(dir, name);
      List<Row> slice = rows.subList((int) ((long) n * i / parts),
          (int) ((long) n * (i + 1) / parts));
      try {
        if (parquet) {
          writeParquet(hadoop, file, schema, slice);
        } else {
          writeJson(fs, file, schema, slice);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    });
  }

  private static void writeParquet(Configuration hadoop, Path file, StructType schema,
      List<Row> rows) throws IOException {
    try (ParquetWriter<Row> w = new RowWriter.Builder(file, schema).withConf(hadoop)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (Row r : rows) {
        w.write(r);
      }
    }
  }

  /**
   * Writes a row's fields straight into Parquet's record consumer, by column index and a type
   * decided once per column: no intermediate record object per row and no lookup of a column
   * by name. A string seen before in the same file is handed over as the bytes encoded the
   * first time (ids repeat across a table's rows). O(columns) per row.
   */
  private static final class RowWriter extends WriteSupport<Row> {
    private static final int STRING = 0;
    private static final int DOUBLE = 1;
    private static final int LONG = 2;
    private static final int INT = 3;
    private static final int BOOLEAN = 4;
    /** Distinct strings kept encoded per file, at most; past that the cache starts again. */
    private static final int MAX_CACHED = 1 << 16;

    private final StructType schema;
    private final MessageType type;
    private final String[] names;
    private final int[] kinds;
    private final Map<String, Binary> encoded = new java.util.HashMap<>();
    private RecordConsumer out;

    RowWriter(StructType schema) {
      this.schema = schema;
      this.type = parquetType(schema);
      StructField[] fields = schema.fields();
      names = new String[fields.length];
      kinds = new int[fields.length];
      for (int i = 0; i < fields.length; i++) {
        DataType t = fields[i].dataType();
        names[i] = fields[i].name();
        kinds[i] = t.equals(DataTypes.StringType) ? STRING : t.equals(DataTypes.DoubleType)
            ? DOUBLE : t.equals(DataTypes.LongType) ? LONG
            : t.equals(DataTypes.IntegerType) ? INT : BOOLEAN;
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(type, Map.of(SPARK_SCHEMA_KEY, schema.json()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override
    public void write(Row r) {
      out.startMessage();
      for (int i = 0; i < kinds.length; i++) {
        if (r.isNullAt(i)) {
          continue;
        }
        out.startField(names[i], i);
        switch (kinds[i]) {
          case STRING -> out.addBinary(binary(r.getString(i)));
          case DOUBLE -> out.addDouble(r.getDouble(i));
          case LONG -> out.addLong(r.getLong(i));
          case INT -> out.addInteger(r.getInt(i));
          default -> out.addBoolean(r.getBoolean(i));
        }
        out.endField(names[i], i);
      }
      out.endMessage();
    }

    private Binary binary(String s) {
      Binary b = encoded.get(s);
      if (b == null) {
        if (encoded.size() >= MAX_CACHED) {
          encoded.clear();
        }
        b = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
        encoded.put(s, b);
      }
      return b;
    }

    /** The builder {@link ParquetWriter} asks for, bound to one schema. */
    static final class Builder extends ParquetWriter.Builder<Row, Builder> {
      private final StructType schema;

      Builder(Path file, StructType schema) {
        super(file);
        this.schema = schema;
      }

      @Override
      protected Builder self() {
        return this;
      }

      @Override
      protected WriteSupport<Row> getWriteSupport(Configuration conf) {
        return new RowWriter(schema);
      }
    }
  }

  /** The Parquet schema Spark writes for {@code schema}: every column optional. */
  static MessageType parquetType(StructType schema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (StructField f : schema.fields()) {
      DataType t = f.dataType();
      if (t.equals(DataTypes.StringType)) {
        b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
            .named(f.name());
      } else if (t.equals(DataTypes.DoubleType)) {
        b.optional(PrimitiveTypeName.DOUBLE).named(f.name());
      } else if (t.equals(DataTypes.LongType)) {
        b.optional(PrimitiveTypeName.INT64).named(f.name());
      } else if (t.equals(DataTypes.IntegerType)) {
        b.optional(PrimitiveTypeName.INT32).named(f.name());
      } else if (t.equals(DataTypes.BooleanType)) {
        b.optional(PrimitiveTypeName.BOOLEAN).named(f.name());
      } else {
        throw new IllegalArgumentException("column " + f.name() + ": " + t.simpleString()
            + " is not a flat type this writer takes");
      }
    }
    return b.named("spark_schema");
  }

  /**
   * One JSON object per line, streamed through a Jackson generator: the same text as writing
   * each row as an object node (fields in schema order, nulls written), without a node or a
   * string per row.
   */
  private static void writeJson(FileSystem fs, Path file, StructType schema, List<Row> rows)
      throws IOException {
    StructField[] fields = schema.fields();
    try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(file, true),
        StandardCharsets.UTF_8), 1 << 16);
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
      g.setRootValueSeparator(null);
      for (Row r : rows) {
        g.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
          String f = fields[i].name();
          Object v = r.get(i);
          g.writeFieldName(f);
          if (v == null) {
            g.writeNull();
          } else if (v instanceof String x) {
            g.writeString(x);
          } else if (v instanceof Double x) {
            g.writeNumber(x);
          } else if (v instanceof Long x) {
            g.writeNumber(x);
          } else if (v instanceof Integer x) {
            g.writeNumber(x);
          } else if (v instanceof Boolean x) {
            g.writeBoolean(x);
          } else {
            throw new IllegalArgumentException("column " + f + ": a " + v.getClass().getName()
                + " is not a flat value this writer takes");
          }
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }
}
