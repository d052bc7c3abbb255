package io.netimpact.report;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ids that become path segments under {@code --out} (run ids: {@code TABLE/run_id=RUN/},
 * {@code _runs/RUN/}, {@code _staging/RUN-...}). They are checked where they are read, so that
 * no id can name a parent directory, a nested one or a Hadoop scheme: {@code a/..} or
 * {@code ../../x} would otherwise delete or write other runs' files, or files outside
 * {@code --out}.
 */
public final class RunIds {
  /** Letters, digits, '.', '_', '-'; starting with a letter or digit (so never "." or ".."). */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private RunIds() {}

  /** Why {@code id} cannot be a run id, or empty when it can. */
  public static Optional<String> problem(String id) {
    if (SAFE.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of("\"" + id + "\" cannot be a run id: it names directories under --out, "
        + "so it must be 1 to 200 letters, digits, '.', '_' or '-', starting with a letter or "
        + "digit");
  }

  /** {@code id} when it can be a run id; else an {@link IllegalArgumentException} for it. */
  public static String require(String id, String what) {
    problem(id).ifPresent(p -> {
      throw new IllegalArgumentException(what + ": " + p);
    });
    return id;
  }

  /**
   * The run id of a run: the {@code --run-id} flag when given (a bad one is a usage error
   * naming the flag), else the id of the change or sweep in {@code file} (a bad one is bad
   * input naming the file and its field {@code id}).
   */
  public static String resolve(Optional<String> flag, String fileId, String file) {
    if (flag.isPresent()) {
      return require(flag.get(), "--run-id");
    }
    problem(fileId).ifPresent(p -> {
      throw new BadInputException(new InputProblem(file, "", "id",
          p + " (the id is the default run id; give --run-id to keep it)"));
    });
    return fileId;
  }
}
