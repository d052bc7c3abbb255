package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.input.Json;
import io.netimpact.report.ClassTable;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --plan} with classes of service (docs/classes.md#sizing-with-classes): the
 * conduit cut makes protected best-effort drop on the sample; the plan's links, applied
 * together with the same cut, leave no class dropping at all, protected or not.
 */
@Tag("slow")
class ClassPlanCommandTest {
  private static final String CONDUIT_OP = "{\"op\": \"srlg_down\", \"srlg\": \"conduit-i80\"}";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  @Test
  void planWithClasses_leavesNoProtectedClassDroppingInTheScenario() throws IOException {
    Path snap = ReviewCommandTest.copyOfSample(tmp.resolve("classed"));
    Files.writeString(snap.resolve("classes.json"), """
        [{"class": "best-effort", "priority": 0, "protected": true},
         {"class": "bulk", "priority": 1}]""");
    Path sweep = tmp.resolve("sweep.json");
    Files.writeString(sweep, "{\"id\": \"plan\", \"changes\": [{\"id\": \"CR-1003\", \"ops\": ["
        + CONDUIT_OP + "]}]}");
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = ReviewCommandTest.run("sweep", "--snapshot", snap.toString(),
        "--sweep", sweep.toString(), "--out", out.toString(), "--format", "json", "--run-id",
        "p", "--plan");
    assertTrue(s.code() == 0 || s.code() == 3, s.err());
    JsonNode before = Json.MAPPER.readTree(ClassReviewCommandTest.lines(out,
        ReportTables.SCENARIO_SUMMARY).get(0));
    assertTrue(before.get(ClassTable.PROTECTED_DROPPED).asDouble() > 0,
        "without the plan the cut drops protected traffic: " + before);
    // The plan as a change, applied with the cut in one review.
    Path planFile;
    try (Stream<Path> f = Files.list(out.resolve("_runs").resolve("p"))) {
      planFile = f.filter(p -> p.getFileName().toString().endsWith("augment_plan.json"))
          .findFirst().orElseThrow();
    }
    ObjectNode plan = (ObjectNode) Json.MAPPER.readTree(planFile.toFile());
    ((ArrayNode) plan.get("ops")).add(Json.MAPPER.readTree(CONDUIT_OP));
    plan.put("id", "planned-cut");
    Path change = tmp.resolve("planned-cut.json");
    Files.writeString(change, plan.toString());
    Path reviewOut = tmp.resolve("review");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", snap.toString(),
        "--change", change.toString(), "--out", reviewOut.toString(), "--format", "json",
        "--run-id", "r");
    assertTrue(r.code() == 0 || r.code() == 3, r.err());
    JsonNode after = Json.MAPPER.readTree(ClassReviewCommandTest.lines(reviewOut,
        ReportTables.SCENARIO_SUMMARY).get(0));
    assertEquals(0.0, after.get(ClassTable.PROTECTED_DROPPED).asDouble(), after.toString());
    assertEquals(0.0, after.get(ClassTable.DROPPED).asDouble(), after.toString());
  }
}
