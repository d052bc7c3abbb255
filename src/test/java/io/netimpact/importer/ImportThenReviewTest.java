package io.netimpact.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.cli.Main;
import io.netimpact.input.Json;
import io.netimpact.input.SnapshotReader;
import io.netimpact.input.TrafficSeriesReader;
import io.netimpact.model.Device;
import io.netimpact.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import command writes snapshots that the job's reader accepts and that a review runs
 * on: one network of each source. Starts a local Spark session in this JVM (the review
 * command creates it with getOrCreate).
 */
class ImportThenReviewTest {
  @TempDir
  Path dir;

  @Test
  void sndlibAbileneWithItsTrafficSeries_importsAndIsReviewed() {
    Path snap = dir.resolve("abilene");
    assertEquals(Main.EXIT_OK, Main.execute("import", "--from", "sndlib",
        "--in", RealData.of("sndlib/native/abilene.txt").toString(),
        "--traffic", RealData.of("sndlib/dynamic/abilene-5min-20040301").toString(),
        "--scale-to-util", "0.6", "--out", snap.toString()));
    Snapshot s = read(snap);
    assertEquals(12, s.devices().size());
    assertTrue(s.info().notes().contains("288 measured SNDlib demand matrices"));
    var series = new TrafficSeriesReader(new Configuration()).read(snap.toString(),
        s.devices().stream().map(Device::id).collect(Collectors.toSet()));
    assertEquals(288, series.intervals().size());
    assertEquals("2004-03-01T00:00", series.intervals().get(0).start());
    review(snap, s.links().get(0).id());
  }

  @Test
  void repetitaRocketfuelImportsAndIsReviewed() {
    Path snap = dir.resolve("rf1755");
    Path g = RealData.of("repetita/rocketfuel/rf1755_real_hard.graph");
    assertEquals(Main.EXIT_OK, Main.execute("import", "--from", "repetita", "--in", g.toString(),
        g.resolveSibling("rf1755_real_hard.0000.demands").toString(), "--scale-to-util", "0.5",
        "--out", snap.toString()));
    Snapshot s = read(snap);
    assertEquals(7482, s.demands().size());
    review(snap, s.links().get(0).id());
  }

  @Test
  void topologyZooGeantWithGravityDemandsImportsAndIsReviewed() throws IOException {
    Path snap = dir.resolve("geant2009");
    assertEquals(Main.EXIT_OK, Main.execute("import", "--from", "topologyzoo",
        "--in", RealData.of("topologyzoo/gml/Geant2009.gml").toString(), "--gravity-demands",
        "--out", snap.toString()));
    JsonNode manifest = Json.MAPPER.readTree(snap.resolve("manifest.json").toFile());
    assertEquals("Geant2009", manifest.get("snapshot_id").asText());
    assertTrue(manifest.get("notes").asText().contains("SYNTHETIC gravity matrix"));
    Snapshot s = read(snap);
    review(snap, s.links().get(0).id());
  }

  private static Snapshot read(Path snap) {
    return new SnapshotReader(new Configuration())
        .read(snap.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
  }

  private void review(Path snap, String linkId) {
    String changeId = "CR-down-" + Math.abs(linkId.hashCode());
    Path change = Inline.file(dir, changeId + ".json", "{\"id\": \"" + changeId + "\", \"title\": "
        + "\"take a link down\", \"ops\": [{\"op\": \"link_down\", \"link\": "
        + Json.MAPPER.valueToTree(linkId) + "}]}");
    Path out = dir.resolve("out-" + changeId);
    assertEquals(Main.EXIT_OK, Main.execute("review", "--snapshot", snap.toString(), "--change",
        change.toString(), "--out", out.toString(), "--format", "json",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2"));
    Path summary = out.resolve("scenario_summary").resolve("run_id=" + changeId);
    try (Stream<Path> files = Files.list(summary)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().contains("part-")
          && !p.getFileName().toString().startsWith(".")),
          "no part file in " + summary);
    } catch (IOException e) {
      throw new AssertionError("cannot list " + summary, e);
    }
  }
}
