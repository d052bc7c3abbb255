package io.netimpact.spark;

import io.netimpact.report.TopologyTables;
import io.netimpact.routing.BaselineLoads;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkView;
import io.netimpact.routing.PairEvaluator;
import io.netimpact.topology.Components;
import io.netimpact.topology.SinglePoints;
import io.netimpact.topology.Stranding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/**
 * The Spark side of the topology analysis: GraphX connected components of the baseline, the
 * baseline routing spread over tasks by destination, the GraphFrames-layout tables, and the
 * per-scenario {@code scenario_topology} rows (plain-Java union-find on executors: GraphX per
 * scenario would cost a Spark job each).
 */
public final class SparkTopology {
  private SparkTopology() {}

  /**
   * Connected components of the usable topology with GraphX ({@code connectedComponents}, label
   * propagation: O(diameter) supersteps of O(V + E) each), relabelled like {@link
   * Components#of} so that both agree exactly.
   */
  /** {@link #components(JavaSparkContext, NetworkView)} on the cluster. */
  public static Components components(Cluster cluster, NetworkView net) {
    return components(cluster.jsc(), net);
  }

  /**
   * Networks with more usable links than this have their components found by GraphX ({@link
   * #components(Cluster, NetworkView)}); up to it, by union-find on the driver ({@link
   * Components#of}), which holds the compiled network anyway: the same labels, with no Spark
   * job. GraphX's label propagation costs a Spark job per superstep, seconds on a network of a
   * few hundred devices whose union-find takes microseconds.
   */
  public static final int DRIVER_COMPONENT_LINKS = 200_000;

  /**
   * The components of {@code net}: by union-find on the driver when it has at most {@link
   * #DRIVER_COMPONENT_LINKS} links (O(V + E α(V)), no Spark job), by GraphX above (O(diameter)
   * supersteps of O(V + E)). The same {@link Components} either way.
   */
  public static Components componentsWhereCheapest(Cluster cluster, NetworkView net) {
    return net.linkCount() <= DRIVER_COMPONENT_LINKS ? Components.of(net)
        : components(cluster, net);
  }

  /** {@link #baselineLoads(JavaSparkContext, Broadcast)}, the network broadcast once. */
  public static double[] baselineLoads(Cluster cluster, Network net) {
    return baselineLoads(cluster.jsc(), cluster.jsc().broadcast(net));
  }

  /** The topology run: {@code topology_vertices} and {@code topology_edges} published as one run. */
  public static void publishTopology(Cluster cluster, String out, ReportWriter.Format format,
      String runId, Network net, Components components, double[] load) {
    ReportWriter w = new ReportWriter(cluster.session(), out, format);
    graphTables(cluster.session(), runId, net, components, load).forEach(w::add);
    w.publish(runId);
  }

  static Components components(JavaSparkContext jsc, NetworkView net) {
    List<Tuple2<Object, Integer>> vertices = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      if (net.isPresent(v)) {
        vertices.add(new Tuple2<>((long) v, v));
      }
    }
    List<Edge<Integer>> edges = new ArrayList<>();
    for (int l = 0; l < net.linkCount(); l++) {
      if (net.arcUsable(2 * l)) {
        edges.add(new Edge<>(net.tail(2 * l), net.head(2 * l), l));
      }
    }
    int slices = Math.max(1, Math.min(jsc.defaultParallelism(), edges.size() / 5000 + 1));
    ClassTag<Integer> tag = ClassTag$.MODULE$.apply(Integer.class);
    Graph<Integer, Integer> g = Graph.apply(jsc.parallelize(vertices, slices).rdd(),
        jsc.parallelize(edges, slices).rdd(), -1, StorageLevel.MEMORY_ONLY(),
        StorageLevel.MEMORY_ONLY(), tag, tag);
    Graph<Object, Integer> cc = g.ops().connectedComponents();
    List<Tuple2<Object, Object>> labels = cc.vertices().toJavaRDD().collect();
    cc.unpersist(false);
    g.unpersist(false);
    long[] raw = new long[net.nodeCount()];
    Arrays.fill(raw, Components.ABSENT);
    for (Tuple2<Object, Object> t : labels) {
      raw[(int) (long) (Long) t._1()] = (Long) t._2();
    }
    return Components.fromRoots(raw);
  }

  /**
   * Baseline arc loads, Gbps: one ECMP routing per destination, destinations spread over
   * tasks, per-task partial loads summed by a tree reduce. O(D (E log V)) work in all.
   */
  static double[] baselineLoads(JavaSparkContext jsc, Broadcast<Network> netBc) {
    Network net = netBc.value();
    List<Integer> dsts = Arrays.stream(net.destinations()).boxed().toList();
    if (dsts.isEmpty()) {
      return new double[net.arcCount()];
    }
    int arcs = net.arcCount();
    return jsc.parallelize(dsts, Math.min(dsts.size(), 4 * jsc.defaultParallelism()))
        .mapPartitions(it -> {
          PairEvaluator pe = new PairEvaluator(netBc.value());
          BaselineLoads.Sum sum = new BaselineLoads.Sum(arcs);
          while (it.hasNext()) {
            sum.add(pe.baselineForNow(it.next()));
          }
          return List.of(sum.load()).iterator();
        }).treeReduce((a, b) -> new BaselineLoads.Sum(a, 0).add(b, 0).load());
  }

  /** {@code topology_vertices} and {@code topology_edges} of the baseline. O(V + E). */
  static Map<String, Dataset<Row>> graphTables(SparkSession spark, String runId, Network net,
      Components components, double[] arcLoad) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    graphRows(runId, net, components, arcLoad).forEach((name, t) -> out.put(name,
        spark.createDataFrame(t.rows(), t.schema()).coalesce(1)));
    return out;
  }

  /**
   * The rows of {@code topology_vertices} and {@code topology_edges} of the baseline, made on
   * the driver (which writes them without a Spark job: {@link ReportWriter#add(String,
   * org.apache.spark.sql.types.StructType, List)}). O(V + E).
   */
  public static Map<String, ReportWriter.Rows> graphRows(String runId, Network net,
      Components components, double[] arcLoad) {
    Components ranked = components.ranked(net);
    int[] size = ranked.sizes();
    SinglePoints spof = SinglePoints.of(net, arcLoad);
    List<Row> vertices = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      if (net.isPresent(v)) {
        int c = ranked.of(v);
        vertices.add(RowFactory.create(runId, net.nodeId(v), net.site(v), net.region(v),
            net.role(v), net.isDrained(v), (long) c, (long) size[c],
            spof.articulationPoint()[v]));
      }
    }
    List<Row> edges = new ArrayList<>();
    for (int l = 0; l < net.linkCount(); l++) {
      if (!net.isPresent(net.linkA(l)) || !net.isPresent(net.linkB(l))) {
        continue;
      }
      double ab = arcLoad[2 * l];
      double ba = arcLoad[2 * l + 1];
      edges.add(RowFactory.create(runId, net.nodeId(net.linkA(l)), net.nodeId(net.linkB(l)),
          net.linkId(l), net.linkCapacity(l), net.isUsable(l), (long) net.arcMetric(2 * l),
          (long) net.arcMetric(2 * l + 1), net.linkLatencyMs(l), Math.max(ab, ba), ab, ba,
          spof.bridge()[l]));
    }
    Map<String, ReportWriter.Rows> out = new LinkedHashMap<>();
    out.put(TopologyTables.VERTICES, new ReportWriter.Rows(TopologyTables.VERTICES_SCHEMA,
        vertices));
    out.put(TopologyTables.EDGES, new ReportWriter.Rows(TopologyTables.EDGES_SCHEMA, edges));
    return out;
  }

  /**
   * The sweep's topology tables: the baseline graph (GraphX components computed once by the
   * caller) and one {@code scenario_topology} row per scenario, made where each scenario's
   * report is assembled (one view per task, each scenario's mask shown on it).
   */
  public static Map<String, Dataset<Row>> sweepTables(SparkSession spark, String runId, Network base,
      Components before, double[] arcLoad, JavaRDD<Row> scenarioRows, int scenarios,
      int partitions) {
    Map<String, Dataset<Row>> out = graphTables(spark, runId, base, before, arcLoad);
    int files = Math.max(1, Math.min(partitions, scenarios / 20000 + 1));
    out.put(TopologyTables.SCENARIO_TOPOLOGY, spark.createDataFrame(scenarioRows,
        TopologyTables.SCENARIO_TOPOLOGY_SCHEMA).coalesce(files));
    return out;
  }

  /** One {@code scenario_topology} row. */
  public static Row scenarioRow(String runId, String scenarioId, Stranding s) {
    return RowFactory.create(runId, scenarioId, (long) s.componentsBefore(),
        (long) s.componentsAfter(), (long) s.strandedDevices(), (long) s.strandedDemands(),
        s.strandedGbps());
  }

}
