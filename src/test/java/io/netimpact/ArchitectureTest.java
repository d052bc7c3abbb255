package io.netimpact;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Spark at the edges, and dependencies that run one way: {@code cli -> pipeline -> publish ->
 * spark -> {input, report, store} -> impact -> routing -> model}, with the plain values the kernel
 * hands up ({@code routes}) and the impact records and verdict rules ({@code verdict}) at the
 * bottom, depending on nothing of netimpact. Only the Spark layer ({@code spark}, and {@code
 * publish} above it) and the formats at the boundary ({@code input}, {@code snapshot}, {@code
 * report}, {@code store}) use Spark or Hadoop (and the generator, a tool beside the layers, writes
 * its Parquet tables through Hadoop); the command line and the pipelines are plain Java that reach
 * Spark only through netimpact's own {@code spark} and {@code publish} classes.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.netimpact");
  private static final String[] BOUNDARY = {"io.netimpact.input..", "io.netimpact.snapshot..",
      "io.netimpact.report..", "io.netimpact.store.."};
  private static final String[] SPARK_AND_HADOOP =
      {"org.apache.spark..", "org.apache.hadoop..", "scala.."};

  private static String[] andFormats(String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(BOUNDARY),
        java.util.Arrays.stream(more)).toArray(String[]::new);
  }

  @Test
  void onlyTheSparkLayerAndTheFormats_useSparkOrHadoop() {
    noClasses().that().resideInAnyPackage("io.netimpact.model..", "io.netimpact.routing..",
            "io.netimpact.impact..", "io.netimpact.importer..", "io.netimpact.series..",
            "io.netimpact.topology..", "io.netimpact.te..", "io.netimpact.planning..",
            "io.netimpact.survival..", "io.netimpact.pipeline..", "io.netimpact.cli..",
            "io.netimpact.deduce..", "io.netimpact.service..", "io.netimpact.availability..",
            "io.netimpact.routes..", "io.netimpact.verdict..")
        .should().dependOnClassesThat().resideInAnyPackage(SPARK_AND_HADOOP)
        .check(MAIN);
  }

  @Test
  void theGenerator_writesThroughHadoopButNeverUsesSpark() {
    noClasses().that().resideInAPackage("io.netimpact.generate..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
        .check(MAIN);
  }

  @Test
  void model_dependsOnNoEngine() {
    noClasses().that().resideInAPackage("io.netimpact.model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            andFormats("io.netimpact.routing..", "io.netimpact.routes..", "io.netimpact.impact..",
            "io.netimpact.verdict..", "io.netimpact.spark..", "io.netimpact.publish..",
            "io.netimpact.pipeline..", "io.netimpact.cli..", "com.fasterxml.."))
        .check(MAIN);
  }

  @Test
  void routing_doesNotDependOnImpactOrTheEdges() {
    noClasses().that().resideInAPackage("io.netimpact.routing..")
        .should().dependOnClassesThat().resideInAnyPackage(
            andFormats("io.netimpact.impact..", "io.netimpact.verdict..", "io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli.."))
        .check(MAIN);
  }

  @Test
  void impactAndTopology_doNotDependOnTheEdges() {
    noClasses().that().resideInAnyPackage("io.netimpact.impact..", "io.netimpact.topology..",
            "io.netimpact.series..")
        .should().dependOnClassesThat().resideInAnyPackage(andFormats("io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli.."))
        .check(MAIN);
  }

  @Test
  void deduce_doesNotDependOnTheEdges() {
    noClasses().that().resideInAPackage("io.netimpact.deduce..")
        .should().dependOnClassesThat().resideInAnyPackage(andFormats("io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli..",
            "com.fasterxml.."))
        .check(MAIN);
  }

  @Test
  void topology_doesNotDependOnImpact() {
    noClasses().that().resideInAPackage("io.netimpact.topology..")
        .should().dependOnClassesThat().resideInAPackage("io.netimpact.impact..")
        .check(MAIN);
  }

  @Test
  void planning_doesNotDependOnTheEdges() {
    noClasses().that().resideInAPackage("io.netimpact.planning..")
        .should().dependOnClassesThat().resideInAnyPackage(andFormats("io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli..",
            "com.fasterxml.."))
        .check(MAIN);
  }

  @Test
  void survival_decidesOnly_withoutTheEdgesOrTheFormats() {
    noClasses().that().resideInAPackage("io.netimpact.survival..")
        .should().dependOnClassesThat().resideInAnyPackage(andFormats("io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli..",
            "com.fasterxml.."))
        .check(MAIN);
  }

  @Test
  void availability_weighsScenarios_withoutTheEdgesOrTheFormats() {
    noClasses().that().resideInAPackage("io.netimpact.availability..")
        .should().dependOnClassesThat().resideInAnyPackage(andFormats("io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli..",
            "com.fasterxml..", "io.netimpact.te..", "io.netimpact.planning..",
            "io.netimpact.survival.."))
        .check(MAIN);
  }

  @Test
  void theLayersBelowAvailability_doNotDependOnIt() {
    noClasses().that().resideInAnyPackage("io.netimpact.model..", "io.netimpact.routing..",
            "io.netimpact.impact..", "io.netimpact.input..", "io.netimpact.topology..")
        .should().dependOnClassesThat().resideInAPackage("io.netimpact.availability..")
        .check(MAIN);
  }

  @Test
  void formats_dependOnNeitherSparkLayerNorPipelineNorCli() {
    noClasses().that().resideInAnyPackage(BOUNDARY)
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.spark..",
            "io.netimpact.publish..", "io.netimpact.pipeline..", "io.netimpact.cli..")
        .check(MAIN);
  }

  @Test
  void inputs_doNotDependOnReportsOrTheStore() {
    noClasses().that().resideInAnyPackage("io.netimpact.input..", "io.netimpact.snapshot..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.report..",
            "io.netimpact.store..")
        .check(MAIN);
  }

  @Test
  void sparkLayer_dependsOnNeitherPublishingNorPipelineNorCli() {
    noClasses().that().resideInAPackage("io.netimpact.spark..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.publish..",
            "io.netimpact.pipeline..", "io.netimpact.cli..")
        .check(MAIN);
  }

  @Test
  void serviceBookkeeping_dependsOnNoEngineNorEdge() {
    noClasses().that().resideInAPackage("io.netimpact.service..")
        .should().dependOnClassesThat().resideInAnyPackage(andFormats("io.netimpact.routing..",
            "io.netimpact.routes..", "io.netimpact.impact..", "io.netimpact.verdict..",
            "io.netimpact.spark..", "io.netimpact.publish..", "io.netimpact.pipeline..",
            "io.netimpact.cli..", "com.fasterxml.."))
        .check(MAIN);
  }

  @Test
  void publishing_dependsOnNeitherPipelineNorCli() {
    noClasses().that().resideInAPackage("io.netimpact.publish..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.pipeline..",
            "io.netimpact.cli..")
        .check(MAIN);
  }

  @Test
  void routes_whatTheKernelHandsUp_dependsOnNothingOfNetimpact() {
    onlyItself("io.netimpact.routes..");
  }

  @Test
  void verdict_theImpactRecordsAndRules_dependOnNothingOfNetimpact() {
    onlyItself("io.netimpact.verdict..");
  }

  private static void onlyItself(String pkg) {
    noClasses().that().resideInAPackage(pkg)
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.netimpact..")
            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(pkg))))
        .check(MAIN);
  }

  @Test
  void pipelines_doNotDependOnTheCommandLine() {
    noClasses().that().resideInAPackage("io.netimpact.pipeline..")
        .should().dependOnClassesThat().resideInAPackage("io.netimpact.cli..")
        .check(MAIN);
  }

  @Test
  void pipelines_printNothing() {
    noClasses().that().resideInAPackage("io.netimpact.pipeline..")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().dependOnClassesThat().areAssignableTo(java.io.PrintStream.class)
        .check(MAIN);
  }
}
