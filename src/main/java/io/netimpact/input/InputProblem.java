package io.netimpact.input;

/**
 * One problem in input data, located.
 *
 * @param file     the file or table, as the user named it
 * @param location "line 12", "record 7", "ops[1]", or "" for the file as a whole
 * @param field    the field at fault, or "" when the record as a whole is
 * @param message  what is wrong, with the bad value
 */
public record InputProblem(String file, String location, String field, String message) {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (!location.isEmpty()) {
      sb.append(", ").append(location);
    }
    if (!field.isEmpty()) {
      sb.append(", field ").append(field);
    }
    return sb.append(": ").append(message).toString();
  }
}
