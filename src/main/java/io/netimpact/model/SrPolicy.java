package io.netimpact.model;

import java.util.HashSet;
import java.util.List;

/**
 * An SR-TE policy (docs/semantics.md#traffic-engineering): it steers the demand rows from {@code
 * head} to {@code
 * endpoint} of its classes into the first valid of its candidate paths.
 *
 * @param id             unique, non-empty
 * @param head           device id of the head end
 * @param endpoint       device id of the endpoint, different from {@code head}
 * @param classes        demand classes it steers; empty = every class
 * @param up             admin state
 * @param candidatePaths segment lists, most preferred first; at least one, none empty
 */
public record SrPolicy(String id, String head, String endpoint, List<String> classes,
    boolean up, List<List<Segment>> candidatePaths) {

  public SrPolicy {
    Checks.id(id, "policy id");
    Checks.id(head, "head");
    Checks.id(endpoint, "endpoint");
    if (head.equals(endpoint)) {
      throw new IllegalArgumentException("policy " + id + ": head and endpoint must differ (both "
          + head + ")");
    }
    classes = List.copyOf(new java.util.LinkedHashSet<>(classes));
    candidatePaths = candidatePaths.stream().map(List::copyOf).toList();
    if (candidatePaths.isEmpty()) {
      throw new IllegalArgumentException("policy " + id + " needs at least one candidate path");
    }
    for (List<Segment> path : candidatePaths) {
      if (path.isEmpty()) {
        throw new IllegalArgumentException("policy " + id + " has an empty segment list");
      }
    }
  }

  /** Whether a demand row of class {@code trafficClass} ("" = none) is of this policy's classes. */
  public boolean steersClass(String trafficClass) {
    return Steerable.matches(classes, trafficClass);
  }

  public SrPolicy withUp(boolean up) {
    return new SrPolicy(id, head, endpoint, classes, up, candidatePaths);
  }

  /** Steering by class set, shared by policies and LSPs. */
  static final class Steerable {
    private Steerable() {}

    static boolean matches(List<String> classes, String trafficClass) {
      return classes.isEmpty() || new HashSet<>(classes).contains(trafficClass);
    }
  }
}
