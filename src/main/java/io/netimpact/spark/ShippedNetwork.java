package io.netimpact.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import io.netimpact.routing.Network;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * How a {@link Network} crosses Kryo (broadcasts, the stored network file): its fields, or,
 * for a network read from a stored baseline's file, the file's bytes as they were read.
 * Re-encoding a network that has just been decoded from those very bytes would cost as much
 * as reading it (an xl network is about 1 GB of arrays and 13 million names); copying its 150
 * MB of encoded bytes costs a fraction of that. A reader decodes the bytes with the job's
 * encoding ({@link NetworkFile}), so it gets the same network either way. The bytes are kept
 * beside the network (weakly: they go when it goes), not in it: the network stays plain Java.
 * O(size of the network) to write its fields, O(encoded bytes) to write the bytes.
 */
final class ShippedNetwork extends Serializer<Network> {
  private static final Map<Network, byte[]> ENCODED =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final FieldSerializer<Network> fields;

  ShippedNetwork(Kryo kryo) {
    this.fields = new FieldSerializer<>(kryo, Network.class);
  }

  /** Remembers that {@code net} was decoded from {@code encoded} ({@link NetworkFile}). */
  static void decodedFrom(Network net, byte[] encoded) {
    ENCODED.put(net, encoded);
  }

  @Override
  public void write(Kryo kryo, Output out, Network net) {
    byte[] encoded = ENCODED.get(net);
    out.writeBoolean(encoded != null);
    if (encoded != null) {
      out.writeInt(encoded.length);
      out.writeBytes(encoded);
    } else {
      fields.write(kryo, out, net);
    }
  }

  @Override
  public Network read(Kryo kryo, Input in, Class<Network> type) {
    if (!in.readBoolean()) {
      return fields.read(kryo, in, type);
    }
    byte[] encoded = in.readBytes(in.readInt());
    SparkEnv env = SparkEnv.get();
    Network net = NetworkFile.decode(NetworkFile.Encoding.of(env != null ? env.conf()
        : new SparkConf(false)), encoded);
    decodedFrom(net, encoded);
    return net;
  }
}
