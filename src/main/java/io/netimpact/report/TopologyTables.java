package io.netimpact.report;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The topology tables (additions to docs/reports.md#tables), names and schemas in one place.
 * {@code topology_vertices} and {@code topology_edges} follow the GraphFrames layout (vertices
 * keyed by {@code id}, edges by {@code src}, {@code dst}) so that {@code GraphFrame(v, e)} takes
 * them as they are; {@code scenario_topology} has one row per sweep scenario.
 */
public final class TopologyTables {
  private TopologyTables() {}

  public static final String VERTICES = "topology_vertices";
  public static final String EDGES = "topology_edges";
  public static final String SCENARIO_TOPOLOGY = "scenario_topology";

  /**
   * One row per device. {@code component}: 0 is the component holding most demand, the others
   * follow by size; {@code articulation_point}: a device that carries demand and whose loss
   * splits the usable topology.
   */
  public static final StructType VERTICES_SCHEMA = schema(
      field("run_id", DataTypes.StringType), field("id", DataTypes.StringType),
      field("site", DataTypes.StringType), field("region", DataTypes.StringType),
      field("role", DataTypes.StringType), field("drained", DataTypes.BooleanType),
      field("component", DataTypes.LongType), field("component_size", DataTypes.LongType),
      field("articulation_point", DataTypes.BooleanType));

  /**
   * One row per link, {@code src} = its a end, {@code dst} = its b end. Loads are the baseline
   * routing's, Gbps: {@code load_ab_gbps} src to dst, {@code load_ba_gbps} back, {@code
   * load_gbps} the larger. {@code bridge}: a link that carries demand and whose loss splits the
   * usable topology.
   */
  public static final StructType EDGES_SCHEMA = schema(
      field("run_id", DataTypes.StringType), field("src", DataTypes.StringType),
      field("dst", DataTypes.StringType), field("link_id", DataTypes.StringType),
      field("capacity_gbps", DataTypes.DoubleType), field("usable", DataTypes.BooleanType),
      field("metric_ab", DataTypes.LongType), field("metric_ba", DataTypes.LongType),
      field("latency_ms", DataTypes.DoubleType), field("load_gbps", DataTypes.DoubleType),
      field("load_ab_gbps", DataTypes.DoubleType), field("load_ba_gbps", DataTypes.DoubleType),
      field("bridge", DataTypes.BooleanType));

  /** One row per sweep scenario: components before and after, what the change strands. */
  public static final StructType SCENARIO_TOPOLOGY_SCHEMA = schema(
      field("run_id", DataTypes.StringType), field("scenario_id", DataTypes.StringType),
      field("components_before", DataTypes.LongType),
      field("components_after", DataTypes.LongType),
      field("stranded_devices", DataTypes.LongType),
      field("stranded_demands", DataTypes.LongType),
      field("stranded_gbps", DataTypes.DoubleType));

  private static StructType schema(StructField... fields) {
    return DataTypes.createStructType(List.of(fields));
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, false);
  }
}
