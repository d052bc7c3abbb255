package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.report.ReportTables;
import io.netimpact.importer.RealData;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** review and sweep with --traffic-series on SNDlib Abilene and its 288 measured matrices. */
@Tag("slow")
class TrafficSeriesCommandTest {

  @TempDir
  static Path tmp;

  @BeforeAll
  static void importAbilene() {
    ReviewCommandTest.Run r = ReviewCommandTest.run("import", "--from", "sndlib", "--in",
        RealData.of("sndlib/native/abilene.txt").toString(), "--traffic",
        RealData.of("sndlib/dynamic/abilene-5min-20040301").toString(), "--scale-to-util", "0.6",
        "--out", tmp.resolve("abilene").toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void review_reportsTheWorstIntervalAndHoursAtRisk() throws IOException {
    Path change = tmp.resolve("c.json");
    Files.writeString(change, "{\"id\":\"CR-A\",\"ops\":[{\"op\":\"link_down\","
        + "\"link\":\"ATLAM5_ATLAng\"}]}");
    Path out = tmp.resolve("review");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot",
        tmp.resolve("abilene").toString(), "--change", change.toString(), "--out",
        out.toString(), "--format", "json", "--traffic-series");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("traffic series (288 intervals, 24.0 h)"), r.out());
    List<Row> rows = SparkTestSession.get().read()
        .json(out.resolve(ReportTables.SCENARIO_SERIES).toString()).collectAsList();
    assertEquals(1, rows.size());
    Row row = rows.get(0);
    assertEquals(288L, (long) row.getAs("intervals"));
    // ATLAM5 hangs off ATLAng alone: cutting that link loses its traffic in every interval.
    assertEquals(24.0, (double) row.getAs("hours_at_risk_after"), 1e-9);
    assertTrue((double) row.getAs("max_lost_gbps_after") > 0);
  }

  @Test
  void sweep_writesOneSeriesRowPerScenario() {
    Path sweep = tmp.resolve("s.json");
    Path out = tmp.resolve("sweep");
    try {
      Files.writeString(sweep, "{\"id\":\"ab\",\"generators\":[{\"each\":\"link\"}]}");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot",
        tmp.resolve("abilene").toString(), "--sweep", sweep.toString(), "--out",
        out.toString(), "--format", "json", "--traffic-series");
    assertEquals(0, r.code(), r.err());
    var series = SparkTestSession.get().read()
        .json(out.resolve(ReportTables.SCENARIO_SERIES).toString());
    assertEquals(15, series.count(), "one row per link of Abilene");
    assertTrue(r.out().indexOf("link_down:ATLAM5_ATLAng") < r.out().indexOf("+0.00 h"),
        "the stranding cut ranks first: " + r.out());
  }
}
