package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.report.ClassTable;
import io.netimpact.report.ReportTables;
import io.netimpact.testing.ServedRuns;
import io.netimpact.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on a snapshot with {@code classes.json}: every answer is the run {@code review}
 * publishes for the same change, {@code class_impact}, the class verdict and the two summary
 * columns included; a growth of every demand is routed (not grown) and equal too.
 */
@org.junit.jupiter.api.Tag("slow")
class ClassServeTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  @Test
  void serveWithClasses_publishesTheRunsOfReview_classRowsAndVerdictIncluded()
      throws Exception {
    // Every sample demand is best-effort or bulk: best-effort protected, bulk served last.
    Path snapshot = ReviewCommandTest.classedCopyOfSample(tmp.resolve("classed"), """
        [{"class": "best-effort", "priority": 0, "protected": true},
         {"class": "bulk", "priority": 1}]""");
    Map<String, String> requests = new LinkedHashMap<>();
    for (String c : ServeCommandTest.SAMPLES) {
      requests.put(c, Files.readString(Path.of(ServeCommandTest.CHANGES + c)));
    }
    requests.put("grow.json", "{\"id\": \"GROW-1\", \"ops\": [{\"op\": \"scale_demands\", "
        + "\"factor\": 1.6}]}");
    Path inbox = Files.createDirectories(tmp.resolve("requests"));
    Path changes = Files.createDirectories(tmp.resolve("changes"));
    for (Map.Entry<String, String> e : requests.entrySet()) {
      Files.writeString(inbox.resolve(e.getKey()), e.getValue());
      Files.writeString(changes.resolve(e.getKey()), e.getValue());
    }
    Path out = tmp.resolve("out");
    ReviewCommandTest.Run s = ReviewCommandTest.run("serve", "--snapshot", snapshot.toString(),
        "--requests", inbox.toString(), "--out", out.toString(), "--format", "json",
        "--stop-after", String.valueOf(requests.size()));
    assertEquals(0, s.code(), s.out() + s.err());
    Path cold = tmp.resolve("cold");
    int classRows = 0;
    for (String name : requests.keySet()) {
      String id = ServeCommandTest.assertServedAsAColdReview(snapshot, changes.resolve(name),
          cold, out);
      JsonNode summary = ServedRuns.rows(out, id, ReportTables.SCENARIO_SUMMARY, Set.of())
          .values().iterator().next();
      assertTrue(summary.has(ClassTable.DROPPED) && summary.has(ClassTable.PROTECTED_DROPPED),
          summary.toString());
      classRows += ServedRuns.rows(out, id, ClassTable.CLASS_IMPACT, Set.of()).size();
    }
    assertTrue(classRows > 0, "the conduit cut and the growth drop traffic: class rows");
    // The conduit cut drops protected best-effort traffic: BLOCK by the class rule, saying so.
    JsonNode conduit = ServedRuns.rows(out, "CR-1003", ReportTables.SCENARIO_SUMMARY,
        Set.of()).values().iterator().next();
    assertEquals("BLOCK", conduit.path("verdict").asText());
    assertTrue(conduit.path("reason").asText().contains("protected class best-effort newly "
        + "drops"), conduit.toString());
  }
}
