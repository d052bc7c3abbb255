package io.netimpact.input;

/** A field of one record is missing or invalid; the reader adds file and line. */
public final class FieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public FieldException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
