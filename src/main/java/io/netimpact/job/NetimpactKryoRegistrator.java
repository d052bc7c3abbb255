package io.netimpact.job;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.netimpact.impact.DemandChange;
import io.netimpact.impact.DestinationOutcome;
import io.netimpact.impact.LoadTotals;
import io.netimpact.impact.SweepEngine;
import io.netimpact.routing.Delta;
import io.netimpact.series.SeriesEvaluator;
import io.netimpact.routing.Network;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers the classes that cross process boundaries. The compiled network and the load
 * totals are plain classes of primitive arrays (Kryo's field serializer); result types that
 * hold records or immutable lists use Java serialization inside Kryo, as Kryo 4 cannot build
 * records.
 */
public final class NetimpactKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(Network.class);
    kryo.register(Network[].class);
    kryo.register(LoadTotals.class);
    // Kryo 4 cannot build records (final fields): every record goes through Java
    // serialization, and so do classes holding records or fastutil maps.
    kryo.addDefaultSerializer(Record.class, new JavaSerializer());
    kryo.register(DestinationOutcome.class, new JavaSerializer());
    kryo.register(DemandChange.class, new JavaSerializer());
    kryo.register(SweepEngine.ScenarioPartial.class, new JavaSerializer());
    kryo.register(Delta.class);
    // Hold immutable lists, which Kryo's field serializer cannot rebuild on an executor (local
    // mode never deserializes broadcasts: ExecutorLossTest on real executor JVMs found this).
    kryo.register(WorkPlan.class, new JavaSerializer());
    kryo.register(SeriesEvaluator.Prepared.class, new JavaSerializer());
    kryo.register(boolean[].class);
    kryo.register(int[].class);
    kryo.register(long[].class);
    kryo.register(double[].class);
    kryo.register(String[].class);
  }
}
