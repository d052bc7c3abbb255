package io.netimpact.model;

/**
 * A record's rule broken by one of its fields: the field as the input names it (for example
 * {@code members[2].id}) and what is wrong with it. Readers locate it in their file and line.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  public InvalidFieldException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
