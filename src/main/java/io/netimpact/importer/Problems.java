package io.netimpact.importer;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;

/** Builds located {@link BadInputException}s for the line-oriented source formats. */
final class Problems {
  private Problems() {}

  static BadInputException at(String file, long line, String field, String message) {
    return new BadInputException(new InputProblem(file, line > 0 ? "line " + line : "", field,
        message));
  }

  static double number(String file, long line, String field, String text) {
    try {
      double v = Double.parseDouble(text);
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw at(file, line, field, "must be a finite number, got \"" + text + "\"");
      }
      return v;
    } catch (NumberFormatException e) {
      throw at(file, line, field, "must be a number, got \"" + text + "\"");
    }
  }

  static int integer(String file, long line, String field, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw at(file, line, field, "must be an integer, got \"" + text + "\"");
    }
  }
}
