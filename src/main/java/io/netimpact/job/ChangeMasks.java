package io.netimpact.job;

import io.netimpact.io.BadInputException;
import io.netimpact.io.InputProblem;
import io.netimpact.model.Change;
import io.netimpact.routing.Network;
import io.netimpact.routing.ScenarioMask;
import io.netimpact.routing.UnknownElementException;

/** A change file's change turned into its mask once, with every problem located in the file. */
final class ChangeMasks {
  private ChangeMasks() {}

  /**
   * @param file   the file the change came from
   * @param prefix where the change sits in the file ("" for a change file, "changes[3]." in
   *               a sweep file)
   */
  static ScenarioMask of(Network base, Change change, String file, String prefix) {
    try {
      return ScenarioMask.of(base, change);
    } catch (UnknownElementException e) {
      throw new BadInputException(new InputProblem(file, prefix + "ops[" + e.opIndex() + "]",
          e.field(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(file,
          prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "", e.getMessage()));
    }
  }
}
