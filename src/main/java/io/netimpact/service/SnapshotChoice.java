package io.netimpact.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which snapshot of a snapshot prefix the service should serve: the newest complete one by
 * {@code taken_at}, and what each poll of the prefix must look at to know it.
 *
 * <p>A poll lists the prefix's immediate children once ({@link Listed}: a directory name and
 * the modification time the listing gives it). A directory is examined (its marker looked
 * for, then its manifest read) only while it is unknown or its listed time changed; once it
 * is known complete ({@link #complete}) or refused ({@link #refuse}) it costs nothing more
 * until its listed time changes. So a poll is one listing plus one check per directory still
 * being written, and a snapshot that failed to read is not read again on every poll.
 *
 * <p>The order is {@code (taken_at, directory name)}: the newest is the greatest, the
 * directory name breaking ties. O(children) per poll.
 */
public final class SnapshotChoice {
  /** A child directory of the prefix as one listing saw it. */
  public record Listed(String dir, long stamp) {
    public Listed {
      Objects.requireNonNull(dir, "dir");
    }
  }

  /** A complete snapshot: its directory, listed time, id and {@code taken_at}. */
  public record Known(String dir, long stamp, String snapshotId, Instant takenAt) {
    public Known {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(snapshotId, "snapshotId");
      Objects.requireNonNull(takenAt, "takenAt");
    }
  }

  /** Newest last. */
  public static final Comparator<Known> ORDER = Comparator.comparing(Known::takenAt)
      .thenComparing(Known::dir);

  private final Map<String, Known> known = new HashMap<>();
  private final Map<String, Long> refused = new HashMap<>();

  /**
   * The directories of {@code listing} to examine: not known complete nor refused at their
   * listed time. Known and refused directories that are gone from the listing are forgotten.
   */
  public List<Listed> toExamine(List<Listed> listing) {
    Map<String, Long> now = new HashMap<>();
    listing.forEach(l -> now.put(l.dir(), l.stamp()));
    known.keySet().retainAll(now.keySet());
    refused.keySet().retainAll(now.keySet());
    return listing.stream().filter(l -> !(known.containsKey(l.dir())
        && known.get(l.dir()).stamp() == l.stamp())
        && !Objects.equals(refused.get(l.dir()), l.stamp())).toList();
  }

  /** Records a complete snapshot (its marker present and its manifest read). */
  public void complete(Known k) {
    known.put(k.dir(), k);
    refused.remove(k.dir());
  }

  /**
   * Records that directory {@code dir}, listed at {@code stamp}, failed to read or prepare: it
   * is not examined again until its listed time changes.
   */
  public void refuse(String dir, long stamp) {
    known.remove(dir);
    refused.put(dir, stamp);
  }

  /** Whether {@code dir} is refused at its current listed time. */
  public boolean refused(String dir) {
    return refused.containsKey(dir);
  }

  /** The newest known complete snapshot, if any. */
  public Optional<Known> newest() {
    return known.values().stream().max(ORDER);
  }

  /** The newest known complete snapshot that is newer than {@code current}, if any. */
  public Optional<Known> newerThan(Known current) {
    return newest().filter(k -> ORDER.compare(k, current) > 0);
  }

  /** Every known complete snapshot, newest first. */
  public List<Known> newestFirst() {
    return known.values().stream().sorted(ORDER.reversed()).toList();
  }
}
