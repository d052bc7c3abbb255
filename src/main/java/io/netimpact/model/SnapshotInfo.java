package io.netimpact.model;

import java.util.Objects;

/**
 * The manifest of a snapshot.
 *
 * @param snapshotId non-empty id, carried into every report row
 * @param takenAt    ISO-8601 time the snapshot was taken, or ""
 * @param source     where the data came from (generator, importer), or ""
 * @param notes      free text: assumptions made when the snapshot was built, or ""
 */
public record SnapshotInfo(String snapshotId, String takenAt, String source, String notes) {
  public SnapshotInfo {
    Checks.id(snapshotId, "snapshot_id");
    takenAt = Objects.requireNonNullElse(takenAt, "");
    source = Objects.requireNonNullElse(source, "");
    notes = Objects.requireNonNullElse(notes, "");
  }

  public static SnapshotInfo of(String snapshotId) {
    return new SnapshotInfo(snapshotId, "", "", "");
  }
}
