package io.netimpact.model;

import java.util.List;
import java.util.Objects;

/**
 * A change request: an ordered list of operations applied to a snapshot.
 *
 * @param id    the change's id; the scenario id in reports
 * @param title human title, or ""
 * @param ops   at least one operation, applied in order
 */
public record Change(String id, String title, List<ChangeOp> ops) {
  public Change {
    Checks.id(id, "change id");
    title = Objects.requireNonNullElse(title, "");
    ops = List.copyOf(ops);
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("change " + id + " has no ops");
    }
  }
}
