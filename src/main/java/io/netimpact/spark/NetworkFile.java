package io.netimpact.spark;

import com.esotericsoftware.kryo.Kryo;
import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.input.Locations;
import io.netimpact.routing.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.io.CompressionCodec;
import org.apache.spark.io.LZ4CompressionCodec;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializationStream;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A compiled {@link Network} as one file of a stored baseline ({@code network.kryo.lz4}),
 * written and read with Spark's Kryo serializer configured as the job's (netimpact's
 * registrator: the very encoding in which the network is broadcast to the executors), in
 * Spark's LZ4 stream (a fifth of the size for about 0.1 s per 80 MB), through Hadoop's file
 * system (local or {@code s3a://}). Only the network's arrays are written; its lazily built
 * indexes (id maps, groupings, slots) are transient and rebuilt on first use, and its transit
 * stubs, found where it was compiled, travel with it.
 *
 * <p>Kryo's field serializer has no schema of its own: a file is only read by a build whose
 * {@link #layout} (the Spark version, the registration ids of the classes written and the
 * network's serialized fields, names and types) is the writer's. O(size of the network) to
 * write and to read.
 */
final class NetworkFile {
  /** Bump when the network's encoding changes in a way the field list does not show. */
  private static final int ENCODING = 2;
  private static final ClassTag<Network> TAG = ClassTag$.MODULE$.apply(Network.class);

  private NetworkFile() {}

  /** The job's Kryo serializer and Spark's LZ4 codec. */
  record Encoding(KryoSerializer kryo, CompressionCodec lz4) {
    /** From {@code conf}, with netimpact's registrator unless it names one. */
    static Encoding of(SparkConf conf) {
      SparkConf c = conf.clone();
      c.setIfMissing("spark.kryo.registrator", NetimpactKryoRegistrator.class.getName());
      return new Encoding(new KryoSerializer(c), new LZ4CompressionCodec(c));
    }
  }

  /** Writes {@code net} as {@code file} (replacing it); returns the file's size in bytes. */
  static long write(Encoding enc, FileSystem fs, Path file, Network net) {
    try {
      try (OutputStream out = enc.lz4().compressedOutputStream(fs.create(file, true))) {
        SerializationStream s = enc.kryo().newInstance().serializeStream(out);
        s.writeObject(net, TAG);
        s.close();
      }
      return fs.getFileStatus(file).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The network of {@code file}, which must be {@code bytes} long (a store cut short by a
   * failed copy is bad input naming the file); a file Kryo cannot read is bad input too.
   */
  static Network read(Encoding enc, Configuration hadoop, Path file, long bytes) {
    String where = Locations.qualified(hadoop, file);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      long len = fs.exists(file) ? fs.getFileStatus(file).getLen() : -1;
      if (len != bytes) {
        throw new BadInputException(new InputProblem(where, "", "", (len < 0 ? "missing"
            : "has " + len + " bytes") + ", the manifest says " + bytes + " (the store is "
            + "incomplete: write it again)"));
      }
      byte[] encoded = new byte[Math.toIntExact(bytes)];
      try (InputStream in = fs.open(file)) {
        org.apache.commons.io.IOUtils.readFully(in, encoded);
      }
      Network net = decode(enc, encoded);
      // Shipped to the executors as these bytes, not encoded again (ShippedNetwork).
      ShippedNetwork.decodedFrom(net, encoded);
      return net;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (com.esotericsoftware.kryo.KryoException | ClassCastException
        | IllegalStateException e) {
      throw new BadInputException(new InputProblem(where, "", "", "is not a network this build "
          + "can read (" + e.getMessage() + "); write the store again"));
    }
  }

  /** The network encoded in {@code encoded} (the bytes of a network file). */
  static Network decode(Encoding enc, byte[] encoded) {
    try (InputStream in = enc.lz4().compressedInputStream(
        new java.io.ByteArrayInputStream(encoded))) {
      DeserializationStream s = enc.kryo().newInstance().deserializeStream(in);
      Network net = s.readObject(TAG);
      s.close();
      return net;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode a network of " + encoded.length
          + " bytes", e);
    }
  }

  /**
   * The fingerprint (SHA-256, hex) of how a network is encoded by {@code enc}: the encoding
   * number (Kryo in LZ4), the Spark version, the registration ids of {@link Network} and of the types of its
   * fields, and its serialized fields (non-static, non-transient, by name, with their types).
   * O(fields).
   */
  static String layout(Encoding enc) {
    Kryo k = enc.kryo().newKryo();
    List<Field> fields = Arrays.stream(Network.class.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers())
            && !Modifier.isTransient(f.getModifiers()))
        .sorted(Comparator.comparing(Field::getName)).toList();
    StringBuilder text = new StringBuilder("netimpact network kryo lz4 ").append(ENCODING)
        .append("; spark ").append(org.apache.spark.package$.MODULE$.SPARK_VERSION())
        .append("; ").append(Network.class.getName()).append('#')
        .append(k.getRegistration(Network.class).getId()).append("; ");
    text.append(fields.stream().map(f -> f.getName() + ":" + f.getType().getName() + "#"
        + k.getRegistration(f.getType()).getId()).collect(Collectors.joining(",")));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
