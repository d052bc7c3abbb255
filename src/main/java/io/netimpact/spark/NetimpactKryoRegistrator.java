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
 * of primitive arrays (Kryo's field serializer); types that hold records, fastutil maps or
 * immutable lists use Java serialization inside Kryo, as Kryo 4 cannot build records.
 */
public final class NetimpactKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    // Its fields, or the stored bytes it was read from (ShippedNetwork).
    kryo.register(Network.class, new ShippedNetwork(kryo));
    kryo.register(Network[].class);
    // Kryo 4 cannot build records (final fields): every record goes through Java
    // serialization, and so do classes holding records or fastutil maps.
    kryo.addDefaultSerializer(Record.class, new JavaSerializer());
    kryo.register(ScenarioState.class, new JavaSerializer());
    kryo.register(ScenarioMask.class, new JavaSerializer());
    // Holds an EnumMap, which Kryo's field serializer cannot rebuild.
    kryo.register(PageTally.class, new JavaSerializer());
    // Holds records (ClassImpact) inside its own nested class.
    kryo.register(io.netimpact.report.ClassDropTally.class, new JavaSerializer());
    // Availability: a fastutil map of per-demand sums; arrays with indexes made on arrival.
    kryo.register(io.netimpact.availability.Accumulator.class, new JavaSerializer());
    kryo.register(io.netimpact.availability.Hazards.class, new JavaSerializer());
    // Hold immutable lists, which Kryo's field serializer cannot rebuild on an executor (local
    // mode never deserializes broadcasts: ExecutorLossTest on real executor JVMs found this).
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
}
