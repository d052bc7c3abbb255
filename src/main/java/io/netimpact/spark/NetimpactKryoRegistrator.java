package io.netimpact.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.netimpact.report.PageTally;
import io.netimpact.impact.ScenarioState;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.series.SeriesEvaluator;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers the classes that cross process boundaries. The compiled network is a plain class
 * of primitive arrays (Kryo's field serializer); a scenario's mask and a scenario's state are
 * written in their own flat form ({@link FlatSerializer}); records of plain components go
 * through their canonical constructor ({@link RecordSerializer}); other types that hold
 * records, fastutil maps or immutable lists use Java serialization inside Kryo, as Kryo 4
 * cannot build records.
 */
public final class NetimpactKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    // Its fields, or the stored bytes it was read from (ShippedNetwork).
    kryo.register(Network.class, new ShippedNetwork(kryo));
    kryo.register(Network[].class);
    // Kryo 4 cannot build records (final fields): a record of plain components goes through
    // its canonical constructor (RecordSerializer), any other through Java serialization, and
    // so do classes holding records or fastutil maps.
    kryo.addDefaultSerializer(Record.class, RecordSerializer.FACTORY);
    // Every batch of the service and every sweep ships these: their flat form, without Java
    // serialization's stream, class descriptors and block headers per object.
    kryo.register(ScenarioState.class, new FlatSerializer<>(ScenarioState::write,
        ScenarioState::read));
    kryo.register(ScenarioMask.class, new FlatSerializer<>(ScenarioMask::write,
        ScenarioMask::read));
    // A task's assembled scenarios: each report and its extra through their own serializers,
    // the worst case (primitive arrays) through Java's; Java serialization of the whole part
    // (its reports' every row object) would cost most of a pair sweep's assembly and writing.
    kryo.register(SparkEvaluator.AssembledPart.class, new AssembledPartSerializer());
    // Holds an EnumMap, which Kryo's field serializer cannot rebuild.
    kryo.register(PageTally.class, new JavaSerializer());
    // Holds records (ClassImpact) inside its own nested class.
    kryo.register(io.netimpact.report.ClassDropTally.class, new JavaSerializer());
    // Availability: a fastutil map of per-demand sums; arrays with indexes made on arrival.
    kryo.register(io.netimpact.availability.Accumulator.class, new JavaSerializer());
    kryo.register(io.netimpact.availability.Hazards.class, new JavaSerializer());
    // Hold immutable lists, which Kryo's field serializer cannot rebuild on an executor (local
    // mode never deserializes broadcasts; ExecutorLossTest runs them on real executor JVMs).
    kryo.register(WorkPlan.class, new JavaSerializer());
    kryo.register(io.netimpact.impact.PairComposition.class, new JavaSerializer());
    // Classes of service: the classes (records, an immutable list) and the per-class loads.
    kryo.register(io.netimpact.impact.ClassService.class, new JavaSerializer());
    kryo.register(SeriesEvaluator.Prepared.class, new JavaSerializer());
    // The Hadoop configuration the baseline store's tasks read and write with: its value is
    // transient to Kryo's field serializer.
    kryo.register(org.apache.spark.util.SerializableConfiguration.class, new JavaSerializer());
    kryo.register(boolean[].class);
    kryo.register(int[].class);
    kryo.register(long[].class);
    kryo.register(double[].class);
    kryo.register(String[].class);
  }

  /**
   * {@link SparkEvaluator.AssembledPart}: the number of scenarios, each report ({@link
   * RecordSerializer}) and its extra (whatever Kryo writes for its class), then the worst case
   * by Java serialization (a handful of primitive arrays). O(the part's rows).
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class AssembledPartSerializer
      extends com.esotericsoftware.kryo.Serializer<SparkEvaluator.AssembledPart> {
    private final JavaSerializer java = new JavaSerializer();

    @Override
    public void write(Kryo kryo, com.esotericsoftware.kryo.io.Output out,
        SparkEvaluator.AssembledPart part) {
      java.util.ArrayList<scala.Tuple2<io.netimpact.verdict.ImpactReport, Object>> scenarios =
          part.scenarios();
      out.writeInt(scenarios.size(), true);
      for (scala.Tuple2<io.netimpact.verdict.ImpactReport, Object> t : scenarios) {
        kryo.writeObject(out, t._1());
        kryo.writeClassAndObject(out, t._2());
      }
      java.write(kryo, out, part.worst());
    }

    @Override
    public SparkEvaluator.AssembledPart read(Kryo kryo, com.esotericsoftware.kryo.io.Input in,
        Class<SparkEvaluator.AssembledPart> type) {
      int n = in.readInt(true);
      java.util.ArrayList<scala.Tuple2<io.netimpact.verdict.ImpactReport, Object>> scenarios =
          new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        io.netimpact.verdict.ImpactReport r =
            kryo.readObject(in, io.netimpact.verdict.ImpactReport.class);
        scenarios.add(new scala.Tuple2<>(r, kryo.readClassAndObject(in)));
      }
      return new SparkEvaluator.AssembledPart(scenarios,
          (io.netimpact.impact.WorstCase) java.read(kryo, in, (Class) io.netimpact.impact.WorstCase.class));
    }
  }

  /** The classes written in their own flat form: records may hold them as components. */
  static final java.util.Set<Class<?>> FLAT = java.util.Set.of(ScenarioState.class,
      ScenarioMask.class);

  /**
   * A class that writes itself as flat primitives on a {@link java.io.DataOutput} and reads
   * itself back from a {@link java.io.DataInput} (the same form Java serialization carries),
   * here on Kryo's own buffers. O(the value's size).
   */
  static final class FlatSerializer<T> extends com.esotericsoftware.kryo.Serializer<T> {
    interface Writer<T> {
      void write(T value, java.io.DataOutput out) throws java.io.IOException;
    }

    interface Reader<T> {
      T read(java.io.DataInput in) throws java.io.IOException;
    }

    private final Writer<T> writer;
    private final Reader<T> reader;

    FlatSerializer(Writer<T> writer, Reader<T> reader) {
      this.writer = writer;
      this.reader = reader;
    }

    @Override
    public void write(Kryo kryo, com.esotericsoftware.kryo.io.Output out, T value) {
      try {
        writer.write(value, new com.esotericsoftware.kryo.io.KryoDataOutput(out));
      } catch (java.io.IOException e) {
        throw new com.esotericsoftware.kryo.KryoException(e);
      }
    }

    @Override
    public T read(Kryo kryo, com.esotericsoftware.kryo.io.Input in, Class<T> type) {
      try {
        return reader.read(new com.esotericsoftware.kryo.io.KryoDataInput(in));
      } catch (java.io.IOException e) {
        throw new com.esotericsoftware.kryo.KryoException(e);
      }
    }
  }

  /**
   * A record written as its components and rebuilt through its canonical constructor (so its
   * validation runs, as with Java serialization), without Java serialization's per-object class
   * descriptors and reflection: primitives and strings written directly, enums, records, boxed
   * values, the {@link #FLAT} classes and lists of them through Kryo. A record with any other component (a map, an
   * Optional, an array of objects) keeps Java serialization. A list is rebuilt as an {@link
   * java.util.ArrayList} and handed to the constructor, which copies it where it keeps lists
   * immutable. Writing and reading are O(components + list elements).
   */
  static final class RecordSerializer<T extends Record>
      extends com.esotericsoftware.kryo.Serializer<T> {
    static final com.esotericsoftware.kryo.factories.SerializerFactory FACTORY = (kryo, type) ->
        supported(type) ? new RecordSerializer<>(type) : new JavaSerializer();

    private final java.lang.reflect.RecordComponent[] components;
    private final java.lang.invoke.MethodHandle[] accessors;
    private final java.lang.invoke.MethodHandle constructor;

    @SuppressWarnings({"rawtypes", "unchecked"})
    private RecordSerializer(Class type) {
      this.components = type.getRecordComponents();
      this.accessors = new java.lang.invoke.MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      try {
        java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
        for (int i = 0; i < components.length; i++) {
          java.lang.reflect.Method m = components[i].getAccessor();
          m.setAccessible(true);
          accessors[i] = lookup.unreflect(m).asType(java.lang.invoke.MethodType.methodType(
              Object.class, Object.class));
          types[i] = components[i].getType();
        }
        java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        // One array in, the record out: invoked exactly, with no adaptation per call.
        this.constructor = lookup.unreflectConstructor(c)
            .asSpreader(Object[].class, components.length)
            .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot serialize record " + type.getName(), e);
      }
    }

    /** Whether every component of {@code type} is one this serializer writes. */
    static boolean supported(Class<?> type) {
      if (!type.isRecord()) {
        return false;
      }
      for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
        Class<?> t = c.getType();
        if (t == java.util.List.class) {
          if (!(c.getGenericType() instanceof java.lang.reflect.ParameterizedType p)
              || !(p.getActualTypeArguments()[0] instanceof Class<?> e) || !plain(e)) {
            return false;
          }
        } else if (!plain(t) && !(t.isArray() && t.getComponentType().isPrimitive())) {
          return false;
        }
      }
      return true;
    }

    /** Primitives, their boxes, strings, enums, records and the {@link #FLAT} classes. */
    private static boolean plain(Class<?> t) {
      return t.isPrimitive() || t == String.class || t.isEnum() || t.isRecord()
          || t == Integer.class || t == Long.class || t == Double.class || t == Boolean.class
          || FLAT.contains(t);
    }

    @Override
    public void write(Kryo kryo, com.esotericsoftware.kryo.io.Output out, T record) {
      try {
        for (int i = 0; i < components.length; i++) {
          Class<?> t = components[i].getType();
          Object v = (Object) accessors[i].invokeExact((Object) record);
          if (t == double.class) {
            out.writeDouble((Double) v);
          } else if (t == long.class) {
            out.writeLong((Long) v);
          } else if (t == int.class) {
            out.writeInt((Integer) v);
          } else if (t == boolean.class) {
            out.writeBoolean((Boolean) v);
          } else if (t == String.class) {
            out.writeString((String) v);
          } else if (t == java.util.List.class) {
            java.util.List<?> list = (java.util.List<?>) v;
            out.writeInt(list == null ? -1 : list.size(), true);
            if (list != null) {
              for (Object e : list) {
                kryo.writeClassAndObject(out, e);
              }
            }
          } else {
            kryo.writeClassAndObject(out, v);
          }
        }
      } catch (Throwable e) {
        throw new IllegalStateException("cannot write " + record.getClass().getName(), e);
      }
    }

    @Override
    public T read(Kryo kryo, com.esotericsoftware.kryo.io.Input in, Class<T> type) {
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        Class<?> t = components[i].getType();
        if (t == double.class) {
          values[i] = in.readDouble();
        } else if (t == long.class) {
          values[i] = in.readLong();
        } else if (t == int.class) {
          values[i] = in.readInt();
        } else if (t == boolean.class) {
          values[i] = in.readBoolean();
        } else if (t == String.class) {
          values[i] = in.readString();
        } else if (t == java.util.List.class) {
          int n = in.readInt(true);
          if (n >= 0) {
            java.util.List<Object> list = new java.util.ArrayList<>(n);
            for (int k = 0; k < n; k++) {
              list.add(kryo.readClassAndObject(in));
            }
            values[i] = list;
          }
        } else {
          values[i] = kryo.readClassAndObject(in);
        }
      }
      try {
        @SuppressWarnings("unchecked")
        T record = (T) (Object) constructor.invokeExact(values);
        return record;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot rebuild " + type.getName(), e);
      }
    }
  }
}
