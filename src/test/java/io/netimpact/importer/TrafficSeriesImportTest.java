package io.netimpact.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.input.TrafficSeriesReader;
import io.netimpact.snapshot.TrafficSeriesWriter;
import io.netimpact.model.Demand;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic/ layout: written in order, read back, and bad files located precisely. */
class TrafficSeriesImportTest {
  @TempDir
  Path dir;

  private final TrafficSeriesReader reader = new TrafficSeriesReader(new Configuration());

  @Test
  void writtenSeries_readsBackInOrder() {
    TrafficSeries s = new TrafficSeries(List.of(
        new TrafficInterval("20040301-0000", "2004-03-01T00:00", 5, List.of(Demand.of("a", "b", 0.5))),
        new TrafficInterval("20040301-0005", "2004-03-01T00:05", 5,
            List.of(Demand.of("a", "b", 0.25), Demand.of("b", "a", 1)))));
    TrafficSeriesWriter.write(s, dir.toString(), new Configuration());
    assertEquals(s, reader.read(dir.toString(), Set.of("a", "b")));
    assertEquals(true, Files.exists(dir.resolve("traffic/20040301-0005.jsonl")));
  }

  @Test
  void demandLineWithAnUnknownDevice_isReportedWithFileLineAndField() throws IOException {
    index("{\"intervals\": [{\"id\": \"t0\", \"start\": \"2004-03-01T00:00\", \"minutes\": 5, "
        + "\"path\": \"traffic/t0.jsonl\"}]}");
    Files.writeString(dir.resolve("traffic/t0.jsonl"),
        "{\"src\": \"a\", \"dst\": \"b\", \"gbps\": 1}\n{\"src\": \"a\", \"dst\": \"q\", \"gbps\": 1}\n");
    InputProblem p = problem();
    assertEquals(dir.resolve("traffic/t0.jsonl").toString(), p.file().replaceFirst("^file:", ""));
    assertEquals("line 2", p.location());
    assertEquals("dst", p.field());
  }

  @Test
  void negativeGbps_isReportedWithItsField() throws IOException {
    index("{\"intervals\": [{\"id\": \"t0\", \"start\": \"2004-03-01T00:00\", \"minutes\": 5, "
        + "\"path\": \"traffic/t0.jsonl\"}]}");
    Files.writeString(dir.resolve("traffic/t0.jsonl"), "{\"src\": \"a\", \"dst\": \"b\", \"gbps\": -1}\n");
    assertEquals("gbps", problem().field());
  }

  @Test
  void intervalsOutOfOrder_areRefused() throws IOException {
    index("{\"intervals\": [{\"id\": \"t1\", \"start\": \"2004-03-01T00:05\", \"minutes\": 5, "
        + "\"path\": \"traffic/t1.jsonl\"}, {\"id\": \"t0\", \"start\": \"2004-03-01T00:00\", "
        + "\"minutes\": 5, \"path\": \"traffic/t0.jsonl\"}]}");
    Files.writeString(dir.resolve("traffic/t0.jsonl"), "");
    Files.writeString(dir.resolve("traffic/t1.jsonl"), "");
    assertEquals("intervals", problem().field());
  }

  @Test
  void indexEntryWithABadStartOrAPathOutsideTheSnapshot_namesTheEntry() throws IOException {
    index("{\"intervals\": [{\"id\": \"t0\", \"start\": \"yesterday\", \"minutes\": 5, "
        + "\"path\": \"traffic/t0.jsonl\"}, {\"id\": \"t1\", \"start\": \"2004-03-01T00:05\", "
        + "\"minutes\": 5, \"path\": \"../elsewhere.jsonl\"}]}");
    Files.writeString(dir.resolve("traffic/t0.jsonl"), "");
    BadInputException e = assertThrows(BadInputException.class,
        () -> reader.read(dir.toString(), Set.of("a", "b")));
    assertEquals("intervals[0]", e.problems().get(0).location());
    assertEquals("start", e.problems().get(0).field());
    assertEquals("intervals[1]", e.problems().get(1).location());
    assertEquals("path", e.problems().get(1).field());
  }

  private void index(String json) throws IOException {
    Files.createDirectories(dir.resolve("traffic"));
    Files.writeString(dir.resolve("traffic/index.json"), json);
  }

  private InputProblem problem() {
    return assertThrows(BadInputException.class, () -> reader.read(dir.toString(), Set.of("a", "b")))
        .problems().get(0);
  }
}
