package io.netimpact.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.BadInputException;
import io.netimpact.survival.FailureResult;
import io.netimpact.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored N-1 results ({@code survival.json}) keep each failure's stubs given back from
 * version 2 on; a file of version 1 (no version, no stubs) is read as before, and one of a
 * newer version or with a broken list is refused with the file and the field named.
 */
class SurvivalFileVersionTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir
  Path tmp;

  @Test
  void stubsGivenBack_roundTrip_andOnlyForTheFailuresThatHaveThem() {
    List<FailureResult> results = List.of(
        new FailureResult("link_down:l1", Verdict.SAFE, 0.5, "l2", 0.0),
        new FailureResult("srlg_down:g1", Verdict.RISK, 0.9, "l3", 0.0));
    SurvivalFile.write(HADOOP, tmp.toString(), List.of("link", "srlg"), 0.8, results,
        Map.of("link_down:l1", List.of("r1", "r2"), "srlg_down:g1", List.of()));
    SurvivalFile.Stored s = SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8).orElseThrow();
    assertEquals(results, List.copyOf(s.results().values()));
    assertEquals(Map.of("link_down:l1", List.of("r1", "r2"), "srlg_down:g1", List.of()),
        s.stubsGivenBack());
    assertTrue(SurvivalFile.readStored(HADOOP, tmp.toString(), 0.7).isEmpty(),
        "another warn utilisation");
    SurvivalFile.write(HADOOP, tmp.toString(), List.of("link"), 0.8, results);
    assertTrue(SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8).orElseThrow()
        .stubsGivenBack().isEmpty());
  }

  @Test
  void versionOne_isReadWithoutStubs() throws Exception {
    write("{\"kinds\": [\"link\"], \"warn_util\": 0.8, \"failures\": [{\"failure_id\": "
        + "\"link_down:l1\", \"severity\": \"BLOCK\", \"max_util\": 1.2, \"worst_link_id\": "
        + "\"l2\", \"stranded_gbps\": 3.5}]}");
    SurvivalFile.Stored s = SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8).orElseThrow();
    assertEquals(new FailureResult("link_down:l1", Verdict.BLOCK, 1.2, "l2", 3.5),
        s.results().get("link_down:l1"));
    assertTrue(s.stubsGivenBack().isEmpty());
  }

  @Test
  void newerVersion_orBrokenStubs_areRefusedNamingTheFileAndField() throws Exception {
    write("{\"version\": 3, \"kinds\": [\"link\"], \"warn_util\": 0.8, \"failures\": []}");
    BadInputException e = assertThrows(BadInputException.class,
        () -> SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8));
    assertTrue(e.getMessage().contains(SurvivalFile.FILE) && e.getMessage().contains("version"),
        e.getMessage());
    write("{\"version\": 2, \"kinds\": [\"link\"], \"warn_util\": 0.8, \"failures\": ["
        + "{\"failure_id\": \"link_down:l1\", \"severity\": \"SAFE\", \"max_util\": 0.1, "
        + "\"worst_link_id\": \"l2\", \"stranded_gbps\": 0, \"stubs_given_back\": [7]}]}");
    e = assertThrows(BadInputException.class,
        () -> SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8));
    assertTrue(e.getMessage().contains("failures[0]")
        && e.getMessage().contains("stubs_given_back"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("." + SurvivalFile.FILE + ".tmp")));
  }

  @Test
  void aBrokenEntryAmongGoodOnes_orATruncatedFile_isRefusedNamingTheEntry() throws Exception {
    String good = "{\"failure_id\": \"link_down:l1\", \"severity\": \"SAFE\", \"max_util\": "
        + "0.1, \"worst_link_id\": \"l2\", \"stranded_gbps\": 0, \"stubs_given_back\": []}";
    write("{\"version\": 2, \"kinds\": [\"link\"], \"warn_util\": 0.8, \"failures\": ["
        + good + ", {\"failure_id\": \"link_down:l2\", \"severity\": \"FINE\"}, " + good
        + "]}");
    BadInputException e = assertThrows(BadInputException.class,
        () -> SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8));
    assertTrue(e.getMessage().contains("failures[1]") && e.getMessage().contains("FINE"),
        e.getMessage());
    write("{\"version\": 2, \"kinds\": [\"link\"], \"warn_util\": 0.8, \"failures\": ["
        + good + ", {\"failure_id\": \"link_down:l2\", \"severity\": \"SAFE\", "
        + "\"stubs_given_back\": {\"a\": 1}}]}");
    e = assertThrows(BadInputException.class,
        () -> SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8));
    assertTrue(e.getMessage().contains("failures[1]")
        && e.getMessage().contains("stubs_given_back is no list"), e.getMessage());
    write("{\"version\": 2, \"kinds\": [\"link\"], \"warn_util\": 0.8, \"failures\": ["
        + good + ", {\"failure_id\": \"link_d");
    e = assertThrows(BadInputException.class,
        () -> SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8));
    assertTrue(e.getMessage().contains(SurvivalFile.FILE)
        && e.getMessage().contains("cannot read"), e.getMessage());
    // Written for another warn utilisation: not used, whatever its entries hold.
    write("{\"version\": 2, \"kinds\": [\"link\"], \"warn_util\": 0.7, \"failures\": ["
        + good + "]}");
    assertTrue(SurvivalFile.readStored(HADOOP, tmp.toString(), 0.8).isEmpty());
  }

  private void write(String json) throws Exception {
    Files.writeString(tmp.resolve(SurvivalFile.FILE), json, StandardCharsets.UTF_8);
  }
}
