package io.netimpact.input;

import java.util.List;

/** Input data the job cannot use; the CLI turns it into exit code 2. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 10;
  private final transient List<InputProblem> problems;

  public BadInputException(List<InputProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public BadInputException(InputProblem problem) {
    this(List.of(problem));
  }

  public List<InputProblem> problems() {
    return problems;
  }

  private static String format(List<InputProblem> problems) {
    StringBuilder sb = new StringBuilder("bad input: ").append(problems.get(0));
    for (int i = 1; i < Math.min(SHOWN, problems.size()); i++) {
      sb.append("\n  also: ").append(problems.get(i));
    }
    if (problems.size() > SHOWN) {
      sb.append("\n  and ").append(problems.size() - SHOWN).append(" more problems");
    }
    return sb.toString();
  }
}
