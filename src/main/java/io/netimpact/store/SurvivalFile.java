package io.netimpact.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    Reading r = new Reading();
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      // Streamed: the file holds one entry per failure (tens of thousands on a large network),
      // and no tree of them is made.
      try (InputStream in = fs.open(p);
          JsonParser jp = Json.MAPPER.getFactory().createParser(in)) {
        r.read(jp);
      }
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(p.toString(), "", "",
          "cannot read the stored N-1 results: " + e.getMessage()));
    }
    if (r.version > VERSION || r.version < 1) {
      throw new BadInputException(new InputProblem(p.toString(), "", "version",
          "stored N-1 results of version " + r.versionText + ": this netimpact "
          + "reads versions 1 to " + VERSION + "; run baseline --survive again"));
    }
    if (r.warnUtil != warnUtil) {
      return Optional.empty();
    }
    if (r.broken != null) {
      throw new BadInputException(new InputProblem(p.toString(), "failures[" + r.brokenAt
          + "]", "", "broken stored N-1 result: " + r.broken));
    }
    return Optional.of(new Stored(r.out, r.stubs));
  }

  /** One pass over the file's tokens; the first broken entry is kept for after the checks. */
  private static final class Reading {
    int version = 1;
    String versionText = "1";
    double warnUtil = -1;
    final Map<String, FailureResult> out = new LinkedHashMap<>();
    final Map<String, List<String>> stubs = new java.util.HashMap<>();
    String broken;
    int brokenAt;

    void read(JsonParser jp) throws IOException {
      if (jp.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("no JSON object");
      }
      while (jp.nextToken() == JsonToken.FIELD_NAME) {
        String name = jp.currentName();
        JsonToken t = jp.nextToken();
        switch (name) {
          case "version" -> {
            versionText = t.isScalarValue() ? jp.getValueAsString() : t.asString();
            version = t.isScalarValue() ? jp.getValueAsInt(1) : 1;
          }
          case "warn_util" -> warnUtil = t.isNumeric() ? jp.getDoubleValue() : -1;
          case "failures" -> failures(jp, t);
          default -> jp.skipChildren();
        }
      }
    }

    private void failures(JsonParser jp, JsonToken t) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        jp.skipChildren();
        return;
      }
      int i = 0;
      while (jp.nextToken() != JsonToken.END_ARRAY) {
        try {
          entry(jp);
        } catch (IllegalArgumentException e) {
          if (broken == null) {
            broken = e.getMessage();
            brokenAt = i;
          }
          jp.skipChildren();
        }
        i++;
      }
    }

    /** One failure's entry, the parser on its start; leaves it on the entry's end. */
    private void entry(JsonParser jp) throws IOException {
      if (jp.currentToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("no JSON object");
      }
      String id = "";
      String severity = "";
      double maxUtil = 0;
      String worst = "";
      double stranded = 0;
      List<String> given = null;
      String problem = null;
      while (jp.nextToken() == JsonToken.FIELD_NAME) {
        String name = jp.currentName();
        JsonToken t = jp.nextToken();
        switch (name) {
          case "failure_id" -> id = text(jp, t);
          case "severity" -> severity = text(jp, t);
          case "max_util" -> maxUtil = jp.getValueAsDouble();
          case "worst_link_id" -> worst = text(jp, t);
          case "stranded_gbps" -> stranded = jp.getValueAsDouble();
          case "stubs_given_back" -> {
            given = new java.util.ArrayList<>();
            String bad = ids(jp, t, given);
            problem = problem == null ? bad : problem;
          }
          default -> jp.skipChildren();
        }
      }
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      out.put(id, new FailureResult(id, Verdict.valueOf(severity), maxUtil, worst, stranded));
      if (given != null) {
        stubs.put(id, given);
      }
    }

    private static String text(JsonParser jp, JsonToken t) throws IOException {
      if (!t.isScalarValue()) {
        jp.skipChildren();
        return "";
      }
      return jp.getValueAsString("");
    }

    /**
     * Reads a list of device ids into {@code ids}, the parser on its start, to its end;
     * returns what is wrong with it, or null.
     */
    private static String ids(JsonParser jp, JsonToken t, List<String> ids) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        jp.skipChildren();
        return "stubs_given_back is no list";
      }
      String problem = null;
      JsonToken e;
      while ((e = jp.nextToken()) != JsonToken.END_ARRAY) {
        if (e != JsonToken.VALUE_STRING && problem == null) {
          problem = "stubs_given_back holds " + (e.isScalarValue() ? jp.getText() : e.asString())
              + ", no device id";
        }
        if (e == JsonToken.VALUE_STRING) {
          ids.add(jp.getText());
        }
        jp.skipChildren();
      }
      return problem;
    }
  }
}
