package io.netimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateReviewTest {
  @TempDir
  static Path tmp;
  static Path snapshot;

  @BeforeAll
  static void generateThroughTheCli() {
    snapshot = tmp.resolve("small");
    assertEquals(Main.EXIT_OK, Main.execute("generate", "--preset", "small", "--seed", "11",
        "--out", snapshot.toString(), "--conf", "spark.hadoop.io.file.buffer.size=131072"));
  }

  @Test
  void review_runsOnTheSmallPreset_andSuggestedChangesGetTheirVerdicts() throws IOException {
    assertEquals("SAFE", review("safe-drain-spine.json", "GEN-SAFE-1"));
    assertEquals("BLOCK", review("block-srlg-cut.json", "GEN-BLOCK-1"));
  }

  private static String review(String change, String runId) throws IOException {
    Path out = tmp.resolve("out");
    int code = Main.execute("review", "--snapshot", snapshot.toString(), "--change",
        snapshot.resolve("changes").resolve(change).toString(), "--out", out.toString(),
        "--format", "json", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=2");
    assertEquals(Main.EXIT_OK, code);
    Path summary = out.resolve("scenario_summary").resolve("run_id=" + runId);
    List<Path> parts;
    try (Stream<Path> s = Files.list(summary)) {
      parts = s.filter(p -> p.getFileName().toString().contains("part-")
          && !p.getFileName().toString().startsWith(".")).toList();
    }
    assertTrue(!parts.isEmpty(), "no part file in " + summary);
    JsonNode row = new ObjectMapper().readTree(Files.readAllLines(parts.get(0)).get(0));
    return row.get("verdict").asText();
  }

  @Test
  void generate_rejectsAnUnknownPreset() {
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("generate", "--preset", "huge", "--seed",
        "1", "--out", tmp.resolve("x").toString()));
  }
}
