package io.netimpact.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the project: strict JSON, but NaN/Infinity are read as numbers
 * so that the field check can name them instead of failing as a syntax error. A key given
 * twice in one object is an error (by default the last value would silently win, so
 * {@code "up":true,"up":false} would take a link down without a word).
 */
public final class Json {
  private static final String DUPLICATE = "Duplicate field '";

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private Json() {}

  /**
   * A parse failure as the field at fault and what is wrong: a duplicate key names its path
   * ({@code members[1].up}) and says "duplicate key"; anything else is "malformed JSON" of the
   * record as a whole.
   */
  public static FieldException problem(JsonProcessingException e) {
    String msg = String.valueOf(e.getOriginalMessage());
    if (msg.startsWith(DUPLICATE) && msg.lastIndexOf('\'') > DUPLICATE.length()) {
      String key = msg.substring(DUPLICATE.length(), msg.lastIndexOf('\''));
      String field = key;
      if (e.getProcessor() instanceof JsonParser p) {
        field = fieldPath(p.getParsingContext().pathAsPointer().toString(), key);
      }
      return new FieldException(field, "duplicate key \"" + key + "\": a key may appear only "
          + "once in an object (which value was meant?)");
    }
    return new FieldException("", "malformed JSON: " + msg);
  }

  /** {@link #problem} located in {@code file} at {@code location} ("line 3", "record 7"). */
  /**
   * A small JSON file (a manifest: at most 1 MiB, a larger one is refused) through Hadoop's file system, as a tree;
   * {@code file} names it in problems. A missing file is {@code missing}'s problem, a malformed
   * one the parser's, located by line; any other failure "cannot read".
   */
  public static com.fasterxml.jackson.databind.JsonNode readSmall(
      org.apache.hadoop.conf.Configuration hadoop, org.apache.hadoop.fs.Path p, String file,
      java.util.function.Supplier<InputProblem> missing) {
    try (java.io.InputStream in = InputFiles.open(hadoop, p)) {
      byte[] bytes = in.readNBytes(1 << 20);
      if (in.read() >= 0) {
        // Cut at 1 MiB it would parse as malformed, or as another document: refused as it is.
        throw new BadInputException(new InputProblem(file, "", "", "larger than 1 MiB: not a "
            + "manifest"));
      }
      return MAPPER.readTree(bytes);
    } catch (java.io.FileNotFoundException e) {
      throw new BadInputException(missing.get());
    } catch (JsonProcessingException e) {
      throw new BadInputException(problem(file, line(e), e));
    } catch (java.io.IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
  }

  public static InputProblem problem(String file, String location, JsonProcessingException e) {
    FieldException f = problem(e);
    return new InputProblem(file, location, f.field(), f.getMessage());
  }

  /** The line of a parse failure in a whole document, as a location. */
  public static String line(JsonProcessingException e) {
    return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
  }

  /** {@code /members/1/up} as {@code members[1].up}; the key alone when the path lacks it. */
  private static String fieldPath(String pointer, String key) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.matches("[0-9]+")) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    String path = sb.toString();
    return path.endsWith(key) ? path : key;
  }
}
