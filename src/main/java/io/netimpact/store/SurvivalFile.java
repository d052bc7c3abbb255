package io.netimpact.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.verdict.Verdict;
import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.input.Json;
import io.netimpact.survival.FailureResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The N-1 results of a stored baseline ({@code baseline --survive KINDS}, contract section
 * 7.2): every single failure of the kinds evaluated without any change, as {@code survival.json}
 * beside the store's other files: {@code {"kinds": [...], "warn_util": U, "failures":
 * [{"failure_id", "severity", "max_util", "worst_link_id", "stranded_gbps"}, ...]}}. The
 * severities depend on the warn utilisation, so a review with another one does not use them.
 */
public final class SurvivalFile {
  /** The file's name in the store directory. */
  public static final String FILE = "survival.json";

  private SurvivalFile() {}

  /** Writes (replaces) the store's N-1 results. Written whole, then renamed into place. */
  public static void write(Configuration hadoop, String dir, List<String> kinds,
      double warnUtil, List<FailureResult> results) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode k = root.putArray("kinds");
    kinds.forEach(k::add);
    root.put("warn_util", warnUtil);
    ArrayNode fs = root.putArray("failures");
    for (FailureResult r : results) {
      ObjectNode o = fs.addObject();
      o.put("failure_id", r.failureId());
      o.put("severity", r.severity().name());
      o.put("max_util", r.maxUtil());
      o.put("worst_link_id", r.worstLinkId());
      o.put("stranded_gbps", r.strandedGbps());
    }
    Path p = new Path(dir, FILE);
    Path tmp = new Path(dir, "." + FILE + ".tmp");
    try {
      FileSystem fs2 = p.getFileSystem(hadoop);
      try (OutputStream out = fs2.create(tmp, true)) {
        out.write(root.toString().getBytes(StandardCharsets.UTF_8));
      }
      fs2.delete(p, false);
      if (!fs2.rename(tmp, p)) {
        throw new IOException("cannot rename " + tmp + " to " + p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  /**
   * The store's N-1 results by failure id, when it has them for {@code warnUtil}; empty
   * otherwise (no file, or written for another warn utilisation). A broken file exits 2.
   */
  public static Optional<Map<String, FailureResult>> read(Configuration hadoop, String dir,
      double warnUtil) {
    Path p = new Path(dir, FILE);
    JsonNode root;
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(p)) {
        root = Json.MAPPER.readTree(in);
      }
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(p.toString(), "", "",
          "cannot read the stored N-1 results: " + e.getMessage()));
    }
    if (root == null || root.path("warn_util").asDouble(-1) != warnUtil) {
      return Optional.empty();
    }
    Map<String, FailureResult> out = new LinkedHashMap<>();
    JsonNode fs = root.path("failures");
    for (int i = 0; i < fs.size(); i++) {
      JsonNode f = fs.get(i);
      try {
        out.put(f.path("failure_id").asText(), new FailureResult(
            f.path("failure_id").asText(), Verdict.valueOf(f.path("severity").asText()),
            f.path("max_util").asDouble(), f.path("worst_link_id").asText(),
            f.path("stranded_gbps").asDouble()));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BadInputException(new InputProblem(p.toString(), "failures[" + i + "]", "",
            "broken stored N-1 result: " + e.getMessage()));
      }
    }
    return Optional.of(out);
  }
}
