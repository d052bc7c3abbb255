package io.netimpact.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.model.FailureModel;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import io.netimpact.testing.Net;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failure models: probabilities in [0, 1), overrides naming elements of the snapshot. */
class FailureModelReaderTest {
  private static final String FILE = "model.json";
  private static final Snapshot SQUARE = Net.create().device("a", "s1").device("d", "s2")
      .link("ab", "a", "b", 1, 100).link("bd", "b", "d", 1, 100).demand("a", "d", 1).snapshot();

  private static FailureModel read(String json) throws Exception {
    return FailureModelReader.parse(FILE, Json.MAPPER.readTree(json), SQUARE);
  }

  @Test
  void probabilitiesAndOverrides_areRead() throws Exception {
    FailureModel m = read("{\"link\": 0.001, \"device\": 0, \"overrides\": {\"link:ab\": 0.01,"
        + " \"site:s2\": 0.0005}}");
    assertEquals(0.01, m.p(Sweep.Each.LINK, "ab"));
    assertEquals(0.001, m.p(Sweep.Each.LINK, "bd"));
    assertEquals(0.0005, m.p(Sweep.Each.SITE, "s2"));
    assertEquals(0, m.p(Sweep.Each.SRLG, "any"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"link\": 1}|link|[0, 1)",
      "{\"link\": -0.1}|link|>= 0",
      "{\"srlg\": \"often\"}|srlg|must be a number",
      "{\"overrides\": {\"link:zz\": 0.1}}|overrides.link:zz|unknown link \"zz\"",
      "{\"overrides\": {\"srlg:conduit\": 0.1}}|overrides.srlg:conduit|unknown srlg",
      "{\"overrides\": {\"device:q\": 0.1}}|overrides.device:q|unknown device",
      "{\"overrides\": {\"site:s9\": 0.1}}|overrides.site:s9|unknown site",
      "{\"overrides\": {\"lnk:ab\": 0.1}}|overrides.lnk:ab|KIND:ID",
      "{\"overrides\": {\"link:ab\": 1.5}}|overrides.link:ab|[0, 1)",
      "{\"overrides\": [1]}|overrides|must be an object",
      "{\"links\": 0.1}|links|unknown field"})
  void badModel_isLocatedByField(String json, String field, String says) {
    BadInputException e = assertThrows(BadInputException.class, () -> read(json));
    InputProblem p = e.problems().get(0);
    assertEquals(FILE, p.file());
    assertEquals(field, p.field());
    assertTrue(p.message().contains(says), p.message());
  }
}
