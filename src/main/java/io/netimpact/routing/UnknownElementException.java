package io.netimpact.routing;

/**
 * A change names a device, link, member, SRLG or site that the network does not have.
 * Carries the evidence: which op, which field, which id.
 */
public final class UnknownElementException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int opIndex;
  private final String field;
  private final String value;

  public UnknownElementException(int opIndex, String field, String kind, String value) {
    super("ops[" + opIndex + "]." + field + ": unknown " + kind + " \"" + value + "\"");
    this.opIndex = opIndex;
    this.field = field;
    this.value = value;
  }

  public int opIndex() {
    return opIndex;
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }
}
