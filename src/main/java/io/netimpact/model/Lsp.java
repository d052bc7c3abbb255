package io.netimpact.model;

import java.util.List;

/**
 * An RSVP-TE LSP (docs/semantics.md#traffic-engineering): a reservation of {@code bandwidthGbps}
 * from {@code head} to
 * {@code tail}, placed by CSPF; it carries the demand rows from head to tail of its classes.
 *
 * @param id            unique, non-empty
 * @param head          device id of the head end
 * @param tail          device id of the tail end, different from {@code head}
 * @param bandwidthGbps the reservation, Gbps, finite and &gt;= 0
 * @param setupPriority 0..7, 0 placed first
 * @param classes       demand classes it carries; empty = every class
 * @param up            admin state
 */
public record Lsp(String id, String head, String tail, double bandwidthGbps, int setupPriority,
    List<String> classes, boolean up) {
  /** The contract's default setup priority. */
  public static final int DEFAULT_PRIORITY = 7;

  public Lsp {
    Checks.id(id, "LSP id");
    Checks.id(head, "head");
    Checks.id(tail, "tail");
    if (head.equals(tail)) {
      throw new IllegalArgumentException("LSP " + id + ": head and tail must differ (both "
          + head + ")");
    }
    Checks.nonNegativeFinite(bandwidthGbps, "bandwidth_gbps");
    if (setupPriority < 0 || setupPriority > 7) {
      throw new IllegalArgumentException("setup_priority must be an integer 0..7, got "
          + setupPriority);
    }
    classes = List.copyOf(new java.util.LinkedHashSet<>(classes));
  }

  public boolean steersClass(String trafficClass) {
    return SrPolicy.Steerable.matches(classes, trafficClass);
  }

  public Lsp withUp(boolean up) {
    return new Lsp(id, head, tail, bandwidthGbps, setupPriority, classes, up);
  }

  public Lsp withBandwidth(double gbps) {
    return new Lsp(id, head, tail, gbps, setupPriority, classes, up);
  }
}
