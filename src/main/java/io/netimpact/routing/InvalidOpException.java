package io.netimpact.routing;

/**
 * An op of a change that cannot apply to the network as it is (its result would overflow, or
 * it adds an element whose id exists). Carries the evidence: which op and which field.
 */
public final class InvalidOpException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int opIndex;
  private final String field;
  private final String reason;

  public InvalidOpException(int opIndex, String field, String reason) {
    super("ops[" + opIndex + "]" + (field.isEmpty() ? "" : "." + field) + ": " + reason);
    this.opIndex = opIndex;
    this.field = field;
    this.reason = reason;
  }

  public int opIndex() {
    return opIndex;
  }

  /** The op's field at fault, "" when the op as a whole is. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
