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
 * [{"failure_id", "severity", "max_util", "worst_link_id", "stranded_gbps",
 * "stubs_given_back"}, ...], "version": 2}}. The severities depend on the warn utilisation, so
 * a review with another one does not use them.
 *
 * <p>{@code stubs_given_back} (version 2; left out when not known) lists the ids of the
 * devices the failure gives back to routing: the stubs of its sites (devices that carry no
 * demand's traffic, which the evaluators leave out) that may carry traffic once it has
 * happened. They depend on the network and the failure only, so a warm review takes them from
 * here instead of finding them again for every failure (a Dijkstra inside the failure's site
 * per border device). A file without a version (version 1) has none; it is read as before.
 */
public final class SurvivalFile {
  /** The file's name in the store directory. */
  public static final String FILE = "survival.json";
  /** The version this class writes, and the newest it reads. */
  public static final int VERSION = 2;

  /**
   * A store's N-1 results by failure id, and the stubs given back (device ids) of the failures
   * for which they are known.
   */
  public record Stored(Map<String, FailureResult> results,
      Map<String, List<String>> stubsGivenBack) {
    public Stored {
      results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
      stubsGivenBack = Map.copyOf(stubsGivenBack);
    }
  }

  private SurvivalFile() {}

  /** Writes (replaces) the store's N-1 results. Written whole, then renamed into place. */
  public static void write(Configuration hadoop, String dir, List<String> kinds,
      double warnUtil, List<FailureResult> results) {
    write(hadoop, dir, kinds, warnUtil, results, Map.of());
  }

  /**
   * Writes (replaces) the store's N-1 results with the stubs given back of the failures in
   * {@code stubsGivenBack} (by failure id; device ids). Written whole, then renamed into place.
   */
  public static void write(Configuration hadoop, String dir, List<String> kinds,
      double warnUtil, List<FailureResult> results, Map<String, List<String>> stubsGivenBack) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", VERSION);
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
      List<String> stubs = stubsGivenBack.get(r.failureId());
      if (stubs != null) {
        stubs.forEach(o.putArray("stubs_given_back")::add);
      }
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
   * The store's N-1 results and the stubs given back it keeps, when it has them for {@code
   * warnUtil}; empty otherwise (no file, or written for another warn utilisation). A broken
   * file, or one of a newer version, exits 2.
   */
  public static Optional<Stored> readStored(Configuration hadoop, String dir,
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
    int version = root == null ? 1 : root.path("version").asInt(1);
    if (version > VERSION || version < 1) {
      throw new BadInputException(new InputProblem(p.toString(), "", "version",
          "stored N-1 results of version " + root.path("version").asText() + ": this netimpact "
          + "reads versions 1 to " + VERSION + "; run baseline --survive again"));
    }
    if (root == null || root.path("warn_util").asDouble(-1) != warnUtil) {
      return Optional.empty();
    }
    Map<String, FailureResult> out = new LinkedHashMap<>();
    Map<String, List<String>> stubs = new java.util.HashMap<>();
    JsonNode fs = root.path("failures");
    for (int i = 0; i < fs.size(); i++) {
      JsonNode f = fs.get(i);
      try {
        out.put(f.path("failure_id").asText(), new FailureResult(
            f.path("failure_id").asText(), Verdict.valueOf(f.path("severity").asText()),
            f.path("max_util").asDouble(), f.path("worst_link_id").asText(),
            f.path("stranded_gbps").asDouble()));
        JsonNode given = f.get("stubs_given_back");
        if (given != null) {
          if (!given.isArray()) {
            throw new IllegalArgumentException("stubs_given_back is no list");
          }
          List<String> ids = new java.util.ArrayList<>(given.size());
          for (JsonNode id : given) {
            if (!id.isTextual()) {
              throw new IllegalArgumentException("stubs_given_back holds " + id + ", no device id");
            }
            ids.add(id.asText());
          }
          stubs.put(f.path("failure_id").asText(), ids);
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BadInputException(new InputProblem(p.toString(), "failures[" + i + "]", "",
            "broken stored N-1 result: " + e.getMessage()));
      }
    }
    return Optional.of(new Stored(out, stubs));
  }
}
