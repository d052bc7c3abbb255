package io.netimpact.input;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet table directory read on the driver with parquet-hadoop, each row materialised
 * straight into a Jackson object for {@link SnapshotRecords} (no JSON text, no Spark job).
 * The files are those {@link InputFiles#tableFiles} lists (sub-directories included, names
 * that start with {@code _} or {@code .} skipped: {@code _SUCCESS}, checksums), read in the
 * order of their relative paths, through the Hadoop file system of the path (local,
 * {@code s3a://}).
 *
 * <p>Values are the nodes {@link Json#MAPPER} would make of Spark's {@code toJSON} of the row,
 * so that a record parses, and fails, exactly as it did through Spark: int32/int64 are
 * integral numbers, float/double are decimal numbers (their shortest decimal text, trailing
 * zeros stripped) or the texts {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"},
 * booleans, UTF-8 strings, LIST groups (standard three-level and legacy two-level) arrays
 * with {@code null} for a null element, bare repeated fields arrays, other groups objects;
 * a null value leaves its field out. Other types (INT96, decimals, dates, maps, plain binary)
 * of a column that is read are a {@link BadInputException} naming the file and column.
 *
 * <p>Only the top-level columns asked for are read (the requested schema), so extra columns
 * cost nothing. Rows are streamed one row group at a time: memory is one row group's column
 * chunks plus the row being handed out. O(rows x columns read) time.
 */
final class ParquetRows {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CANNOT_READ = "cannot read the Parquet table: ";

  private ParquetRows() {}

  /**
   * Hands each row of the table at {@code dir} to {@code row}, in file order then row order.
   * An exception thrown by {@code row} ends the read and propagates unchanged.
   *
   * @param required top-level columns the first file must have; a missing one is a
   *     {@link BadInputException} for the table naming the columns found
   * @param columns the top-level columns to read (the others are not read at all)
   */
  static void read(Configuration hadoop, Path dir, Collection<String> required,
      Collection<String> columns, Consumer<ObjectNode> row) {
    Map<String, FileStatus> files = dataFiles(hadoop, dir, columns);
    boolean first = true;
    for (Map.Entry<String, FileStatus> f : files.entrySet()) {
      FileStatus file = f.getValue();
      String name = new Path(dir, f.getKey()).toString();
      try (ParquetFileReader reader = open(hadoop, file, name)) {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        if (first) {
          requireColumns(dir, schema, required);
          first = false;
        }
        List<Type> wanted = new ArrayList<>();
        for (Type t : schema.getFields()) {
          if (columns.contains(t.getName())) {
            wanted.add(t);
          }
        }
        MessageType requested = new MessageType(schema.getName(), wanted);
        if (wanted.isEmpty()) {
          for (long n = reader.getRecordCount(); n > 0; n--) {
            row.accept(NODES.objectNode());
          }
          continue;
        }
        reader.setRequestedSchema(requested);
        Materializer materializer = new Materializer(requested, name);
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(requested, schema);
        while (true) {
          PageReadStore pages = readRowGroup(reader, name);
          if (pages == null) {
            break;
          }
          RecordReader<ObjectNode> records = io.getRecordReader(pages, materializer);
          for (long n = pages.getRowCount(); n > 0; n--) {
            row.accept(nextRecord(records, name));
          }
        }
      } catch (IOException e) {
        throw unreadable(name, e);
      }
    }
  }

  /** The row as Spark's {@code toJSON} wrote it: numbers from the double they hold. */
  static String sparkJson(JsonNode row) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      write(g, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode v) throws IOException {
    if (v.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v.isArray()) {
      g.writeStartArray();
      for (JsonNode e : v) {
        write(g, e);
      }
      g.writeEndArray();
    } else if (v.isBigDecimal()) {
      g.writeNumber(v.doubleValue());
    } else {
      g.writeTree(v);
    }
  }

  /** The table's files, the way every reader lists them ({@link InputFiles#tableFiles}). */
  private static Map<String, FileStatus> dataFiles(Configuration hadoop, Path dir,
      Collection<String> columns) {
    Map<String, FileStatus> files;
    try {
      files = InputFiles.tableFiles(dir.getFileSystem(hadoop), dir, columns);
    } catch (IOException e) {
      throw unreadable(dir.toString(), e);
    }
    if (files.isEmpty()) {
      throw new BadInputException(new InputProblem(dir.toString(), "", "", CANNOT_READ
          + "the directory has no data files (names not starting with _ or .)"));
    }
    return files;
  }

  private static ParquetFileReader open(Configuration hadoop, FileStatus file, String name) {
    try {
      return ParquetFileReader.open(InputFiles.parquet(hadoop, file));
    } catch (IOException | RuntimeException e) {
      throw unreadable(name, e);
    }
  }

  private static PageReadStore readRowGroup(ParquetFileReader reader, String file) {
    try {
      return reader.readNextRowGroup();
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e);
    }
  }

  private static ObjectNode nextRecord(RecordReader<ObjectNode> records, String file) {
    try {
      return records.read();
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(file, e);
    }
  }

  private static void requireColumns(Path dir, MessageType schema, Collection<String> required) {
    Set<String> found = new TreeSet<>();
    for (Type t : schema.getFields()) {
      found.add(t.getName());
    }
    for (String col : required) {
      if (!found.contains(col)) {
        throw new BadInputException(new InputProblem(dir.toString(), "", col,
            "the Parquet schema lacks this column (found: " + String.join(", ", found) + ")"));
      }
    }
  }

  private static BadInputException unreadable(String file, Exception e) {
    return new BadInputException(new InputProblem(file, "", "", CANNOT_READ + rootMessage(e)));
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }

  /** Rows of one file as objects: the converter tree of its requested schema. */
  private static final class Materializer extends RecordMaterializer<ObjectNode> {
    private ObjectNode current;
    private final ObjectConverter root;

    Materializer(MessageType schema, String file) {
      root = new ObjectConverter(schema, v -> current = (ObjectNode) v, file, "");
    }

    @Override
    public ObjectNode getCurrentRecord() {
      return current;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  /**
   * The converter of a value of type {@code t} (its repetition is the parent's business),
   * handing the value to {@code sink}.
   */
  private static Converter converter(Type t, Consumer<JsonNode> sink, String file, String path) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    if (t.isPrimitive()) {
      return primitive(t.asPrimitiveType(), sink, file, path);
    }
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return new ListConverter(t.asGroupType(), sink, file, path);
    }
    if (a != null) {
      throw unsupported(file, path, "group (" + a + ")");
    }
    return new ObjectConverter(t.asGroupType(), sink, file, path);
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static BadInputException unsupported(String file, String path, String type) {
    return new BadInputException(new InputProblem(file, "", path, "unsupported Parquet type "
        + type + ": a snapshot column is int32, int64, float, double, boolean, string, a list "
        + "or a group of these"));
  }

  private static PrimitiveConverter primitive(PrimitiveType t, Consumer<JsonNode> sink,
      String file, String path) {
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    String type = t.getPrimitiveTypeName().name().toLowerCase() + (a == null ? "" : " (" + a
        + ")");
    switch (t.getPrimitiveTypeName()) {
      case BOOLEAN:
        return new PrimitiveConverter() {
          @Override
          public void addBoolean(boolean value) {
            sink.accept(BooleanNode.valueOf(value));
          }
        };
      case INT32:
        if (a == null || a instanceof IntLogicalTypeAnnotation) {
          boolean unsigned = a != null && !((IntLogicalTypeAnnotation) a).isSigned();
          return new PrimitiveConverter() {
            @Override
            public void addInt(int value) {
              sink.accept(unsigned ? integral(Integer.toUnsignedLong(value))
                  : IntNode.valueOf(value));
            }
          };
        }
        break;
      case INT64:
        if (a == null || a instanceof IntLogicalTypeAnnotation i && i.isSigned()) {
          return new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
              sink.accept(integral(value));
            }
          };
        }
        break;
      case FLOAT:
        return new PrimitiveConverter() {
          @Override
          public void addFloat(float value) {
            sink.accept(floating(Float.toString(value)));
          }
        };
      case DOUBLE:
        return new PrimitiveConverter() {
          @Override
          public void addDouble(double value) {
            sink.accept(floating(Double.toString(value)));
          }
        };
      case BINARY:
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return new TextConverter(sink);
        }
        break;
      default:
        break;
    }
    throw unsupported(file, path, type);
  }

  /** An integral number as Jackson parses its text: an int when it fits, else a long. */
  private static JsonNode integral(long v) {
    return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
  }

  /**
   * A float or double, given as its shortest text, as {@link Json#MAPPER} parses Spark's
   * {@code toJSON} of it, so messages quote it as JSON input would be quoted: a big decimal with trailing zeros
   * stripped ({@code 100.0} is {@code 1E+2}), or the text {@code "NaN"}, {@code "Infinity"} or
   * {@code "-Infinity"}, which toJSON quoted.
   */
  private static JsonNode floating(String text) {
    char last = text.charAt(text.length() - 1);
    return last == 'N' || last == 'y' ? TextNode.valueOf(text)
        : DecimalNode.valueOf(new BigDecimal(text).stripTrailingZeros());
  }

  /** UTF-8 strings; a dictionary-encoded column decodes each dictionary entry once. */
  private static final class TextConverter extends PrimitiveConverter {
    private final Consumer<JsonNode> sink;
    private TextNode[] dictionary;

    TextConverter(Consumer<JsonNode> sink) {
      this.sink = sink;
    }

    @Override
    public void addBinary(Binary value) {
      sink.accept(TextNode.valueOf(value.toStringUsingUTF8()));
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary d) {
      dictionary = new TextNode[d.getMaxId() + 1];
      for (int i = 0; i <= d.getMaxId(); i++) {
        dictionary[i] = TextNode.valueOf(d.decodeToBinary(i).toStringUsingUTF8());
      }
    }

    @Override
    public void addValueFromDictionary(int id) {
      sink.accept(dictionary[id]);
    }
  }

  /**
   * A group as an object, in schema order. A bare repeated field (not under a LIST) collects
   * its values as an array, empty when it has none, as Spark reads it.
   */
  private static final class ObjectConverter extends GroupConverter {
    private final GroupType type;
    private final Consumer<JsonNode> sink;
    private final Converter[] fields;
    private final boolean hasRepeated;
    private ObjectNode current;

    ObjectConverter(GroupType type, Consumer<JsonNode> sink, String file, String path) {
      this.type = type;
      this.sink = sink;
      this.fields = new Converter[type.getFieldCount()];
      boolean repeated = false;
      for (int i = 0; i < fields.length; i++) {
        Type f = type.getType(i);
        String name = f.getName();
        if (f.isRepetition(Type.Repetition.REPEATED)) {
          repeated = true;
          fields[i] = converter(f, v -> {
            JsonNode array = current.get(name);
            (array == null ? current.putArray(name) : (ArrayNode) array).add(v);
          }, file, child(path, name));
        } else {
          fields[i] = converter(f, v -> current.set(name, v), file, child(path, name));
        }
      }
      this.hasRepeated = repeated;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {
      current = NODES.objectNode();
    }

    @Override
    public void end() {
      if (hasRepeated) {
        addEmptyRepeated();
      }
      sink.accept(current);
    }

    /** Rebuilds the object in schema order with {@code []} for repeated fields left empty. */
    private void addEmptyRepeated() {
      ObjectNode full = NODES.objectNode();
      for (Type f : type.getFields()) {
        JsonNode v = current.get(f.getName());
        if (v != null) {
          full.set(f.getName(), v);
        } else if (f.isRepetition(Type.Repetition.REPEATED)) {
          full.putArray(f.getName());
        }
      }
      current = full;
    }
  }

  /**
   * A LIST group as an array. The repeated field inside is the element itself in the legacy
   * two-level form (a primitive, a group of several fields, or a group named {@code array} or
   * {@code NAME_tuple}, Spark's rules), else it wraps the element (three-level form).
   */
  private static final class ListConverter extends GroupConverter {
    private final Consumer<JsonNode> sink;
    private final Converter repeated;
    private ArrayNode current;

    ListConverter(GroupType type, Consumer<JsonNode> sink, String file, String path) {
      this.sink = sink;
      if (type.getFieldCount() != 1 || !type.getType(0).isRepetition(Type.Repetition.REPEATED)) {
        throw unsupported(file, path, "LIST group without one repeated field");
      }
      Type r = type.getType(0);
      Consumer<JsonNode> add = v -> current.add(v);
      String at = child(path, r.getName());
      boolean twoLevel = r.isPrimitive() || r.asGroupType().getFieldCount() > 1
          || r.getName().equals("array") || r.getName().equals(type.getName() + "_tuple");
      if (twoLevel) {
        repeated = converter(r, add, file, at);
      } else {
        Type element = r.asGroupType().getType(0);
        if (element.isRepetition(Type.Repetition.REPEATED)) {
          throw unsupported(file, child(at, element.getName()), "repeated LIST element");
        }
        repeated = new ElementConverter(element, add, file, child(at, element.getName()));
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      current = NODES.arrayNode();
    }

    @Override
    public void end() {
      sink.accept(current);
    }
  }

  /** The repeated wrapper of a three-level list: one element each, null when absent. */
  private static final class ElementConverter extends GroupConverter {
    private final Consumer<JsonNode> sink;
    private final Converter element;
    private JsonNode value;

    ElementConverter(Type element, Consumer<JsonNode> sink, String file, String path) {
      this.sink = sink;
      this.element = converter(element, v -> value = v, file, path);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
      value = null;
    }

    @Override
    public void end() {
      sink.accept(value == null ? NullNode.getInstance() : value);
    }
  }
}
