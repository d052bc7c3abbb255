package io.netimpact.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Typed, strict access to the fields of one JSON record. A JSON null counts as absent. Every
 * field asked for (read, or tested with {@link #has}) is remembered, so that a record which
 * must be understood in full (a change op) can refuse the fields nobody asked for:
 * {@link #refuseUnknown}.
 */
public final class Fields {
  private final JsonNode node;
  private final String prefix;
  private final Set<String> asked = new LinkedHashSet<>();
  private final List<Fields> children = new ArrayList<>();

  Fields(JsonNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  public static Fields of(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new FieldException("", what + " must be a JSON object, got "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
    }
    return new Fields(node, "");
  }

  public String name(String field) {
    return prefix + field;
  }

  private JsonNode get(String field) {
    asked.add(field);
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  public boolean has(String field) {
    return get(field) != null;
  }

  public String requiredString(String field) {
    JsonNode v = get(field);
    if (v == null) {
      throw new FieldException(name(field), "missing required field");
    }
    if (!v.isTextual()) {
      throw new FieldException(name(field), "must be a string, got " + describe(v));
    }
    if (v.textValue().isEmpty()) {
      throw new FieldException(name(field), "must not be empty");
    }
    return v.textValue();
  }

  public String optionalString(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return "";
    }
    if (!v.isTextual()) {
      throw new FieldException(name(field), "must be a string, got " + describe(v));
    }
    return v.textValue();
  }

  public Optional<String> optionalNonEmptyString(String field) {
    return has(field) ? Optional.of(requiredString(field)) : Optional.empty();
  }

  public boolean bool(String field, boolean dflt) {
    JsonNode v = get(field);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new FieldException(name(field), "must be true or false, got " + describe(v));
    }
    return v.booleanValue();
  }

  public int positiveInt(String field) {
    JsonNode v = get(field);
    if (v == null) {
      throw new FieldException(name(field), "missing required field");
    }
    return positiveInt(field, v);
  }

  public OptionalInt optionalPositiveInt(String field) {
    JsonNode v = get(field);
    return v == null ? OptionalInt.empty() : OptionalInt.of(positiveInt(field, v));
  }

  public int positiveInt(String field, int dflt) {
    JsonNode v = get(field);
    return v == null ? dflt : positiveInt(field, v);
  }

  private int positiveInt(String field, JsonNode v) {
    if (!v.isNumber() || (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue()))) {
      throw new FieldException(name(field), "must be an integer, got " + describe(v));
    }
    java.math.BigDecimal d = v.decimalValue();
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw new FieldException(name(field), "must be an integer, got " + v.asText());
    }
    if (d.compareTo(java.math.BigDecimal.ONE) < 0
        || d.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new FieldException(name(field),
          "must be an integer between 1 and 2147483647, got " + v.asText());
    }
    return d.intValueExact();
  }

  public double number(String field, double dflt, boolean strictlyPositive) {
    JsonNode v = get(field);
    if (v == null) {
      if (Double.isNaN(dflt)) {
        throw new FieldException(name(field), "missing required field");
      }
      return dflt;
    }
    if (!v.isNumber()) {
      throw new FieldException(name(field), "must be a number, got " + describe(v));
    }
    double d = v.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new FieldException(name(field), "must be a finite number, got " + v.asText());
    }
    if (strictlyPositive ? !(d > 0) : !(d >= 0)) {
      throw new FieldException(name(field),
          "must be " + (strictlyPositive ? "> 0" : ">= 0") + ", got " + v.asText());
    }
    return d;
  }

  /**
   * A required capacity in Gbps: a finite number of at least {@link
   * io.netimpact.model.Member#MIN_CAPACITY_GBPS} (1 bit/s), below which utilisations overflow.
   */
  public double capacity(String field) {
    double d = requiredNumber(field, true);
    if (d < io.netimpact.model.Member.MIN_CAPACITY_GBPS) {
      throw new FieldException(name(field), "must be at least "
          + io.netimpact.model.Member.MIN_CAPACITY_GBPS + " Gbps (1 bit/s), got " + d
          + ": utilisation (load / capacity) would overflow");
    }
    return d;
  }

  /** A required number with no default. */
  public double requiredNumber(String field, boolean strictlyPositive) {
    return number(field, Double.NaN, strictlyPositive);
  }

  public List<String> stringList(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new FieldException(name(field), "must be a list of strings, got " + describe(v));
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.textValue().isEmpty()) {
        throw new FieldException(name(field) + "[" + i + "]",
            "must be a non-empty string, got " + describe(e));
      }
      out.add(e.textValue());
    }
    return out;
  }

  /** Elements of an array of objects, each with a field-name prefix for its messages. */
  public List<Fields> objects(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new FieldException(name(field), "must be a list of objects, got " + describe(v));
    }
    List<Fields> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = name(field) + "[" + i + "]";
      if (!e.isObject()) {
        throw new FieldException(p, "must be an object, got " + describe(e));
      }
      out.add(new Fields(e, p + "."));
    }
    children.addAll(out);
    return out;
  }

  /**
   * The fields of an object held in this record at a path {@link #objects} does not reach
   * (a segment of a candidate path), named under {@code prefix}; {@link #refuseUnknown} checks
   * it with this record's own.
   */
  Fields child(JsonNode value, String prefix) {
    Fields c = new Fields(value, prefix);
    children.add(c);
    return c;
  }

  /**
   * Refuses a field of this record (or of an element of a list of objects read through
   * {@link #objects}) that was never asked for: a misspelt optional field would otherwise be
   * ignored and the record mean something else ({@code "src_sites"} for {@code "src_site"}
   * widening a {@code scale_demands} to every demand). Call it after the record is read. The
   * message names the closest field that was asked for. O(fields).
   *
   * @throws FieldException naming the first unknown field
   */
  public void refuseUnknown() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!asked.contains(k)) {
        throw new FieldException(name(k), "unknown field" + Spelling.didYouMean(k, asked)
            + " (this object takes: " + String.join(", ", asked) + ")");
      }
    }
    for (Fields c : children) {
      c.refuseUnknown();
    }
  }

  public JsonNode raw(String field) {
    return get(field);
  }

  public static String describe(JsonNode v) {
    String text = v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString();
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return v.getNodeType().toString().toLowerCase() + " " + text;
  }
}
