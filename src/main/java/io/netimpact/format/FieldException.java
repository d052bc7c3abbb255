package io.netimpact.format;

/** A field of one record is missing or invalid; the reader adds file and line. */
final class FieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  FieldException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  String field() {
    return field;
  }
}
