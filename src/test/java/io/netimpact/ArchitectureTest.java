package io.netimpact;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Spark at the edges: the model and the engines are plain Java; dependencies run one way. */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.netimpact");

  @Test
  void plainJavaPackages_doNotUseSparkOrHadoop() {
    noClasses().that().resideInAnyPackage("io.netimpact.model..", "io.netimpact.routing..",
            "io.netimpact.impact..", "io.netimpact.importer..", "io.netimpact.series..",
            "io.netimpact.topology..", "io.netimpact.planning..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..",
            "org.apache.hadoop..", "scala..")
        .check(MAIN);
  }

  @Test
  void model_dependsOnNoEngine() {
    noClasses().that().resideInAPackage("io.netimpact.model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.routing..",
            "io.netimpact.impact..", "io.netimpact.io..", "io.netimpact.job..",
            "com.fasterxml..")
        .check(MAIN);
  }

  @Test
  void routing_doesNotDependOnImpactIoOrJob() {
    noClasses().that().resideInAPackage("io.netimpact.routing..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.impact..",
            "io.netimpact.io..", "io.netimpact.job..")
        .check(MAIN);
  }

  @Test
  void impact_doesNotDependOnIoOrJob() {
    noClasses().that().resideInAPackage("io.netimpact.impact..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.io..",
            "io.netimpact.job..")
        .check(MAIN);
  }

  @Test
  void topology_doesNotDependOnImpactIoOrJob() {
    noClasses().that().resideInAPackage("io.netimpact.topology..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.impact..",
            "io.netimpact.io..", "io.netimpact.job..")
        .check(MAIN);
  }

  @Test
  void planning_doesNotDependOnIoOrJob() {
    noClasses().that().resideInAPackage("io.netimpact.planning..")
        .should().dependOnClassesThat().resideInAnyPackage("io.netimpact.io..",
            "io.netimpact.job..", "com.fasterxml..")
        .check(MAIN);
  }

  @Test
  void io_doesNotDependOnJob() {
    noClasses().that().resideInAPackage("io.netimpact.io..")
        .should().dependOnClassesThat().resideInAPackage("io.netimpact.job..")
        .check(MAIN);
  }
}
