package io.netimpact.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The optional TE tables of a snapshot (docs/inputs.md#sr-te-policy,
 * docs/semantics.md#traffic-engineering): SR-TE policies and RSVP-TE LSPs,
 * ids unique within each table. References to devices and links, and steering conflicts with
 * the demand rows, are checked by {@link Snapshot} (and, with file and line, by the reader).
 */
public record TrafficEngineering(List<SrPolicy> policies, List<Lsp> lsps) {
  /** No TE at all: every row follows plain IGP. */
  public static final TrafficEngineering NONE = new TrafficEngineering(List.of(), List.of());

  public TrafficEngineering {
    policies = List.copyOf(policies);
    lsps = List.copyOf(lsps);
    Set<String> ids = new HashSet<>();
    for (SrPolicy p : policies) {
      if (!ids.add(p.id())) {
        throw new IllegalArgumentException("duplicate policy id " + p.id());
      }
    }
    ids.clear();
    for (Lsp l : lsps) {
      if (!ids.add(l.id())) {
        throw new IllegalArgumentException("duplicate LSP id " + l.id());
      }
    }
  }

  public boolean isEmpty() {
    return policies.isEmpty() && lsps.isEmpty();
  }

  public Optional<SrPolicy> policy(String id) {
    return policies.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Lsp> lsp(String id) {
    return lsps.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /**
   * Why a demand row could be steered two ways (two policies, or a policy and an LSP), or
   * empty. O(policies + LSPs of the row's (src, dst)) given the indexes {@link #conflicts}
   * builds.
   */
  public static Optional<String> conflict(List<SrPolicy> policies, List<Lsp> lsps, Demand row) {
    SrPolicy first = null;
    for (SrPolicy p : policies) {
      if (p.head().equals(row.src()) && p.endpoint().equals(row.dst())
          && p.steersClass(row.trafficClass())) {
        if (first != null) {
          return Optional.of("policies " + first.id() + " and " + p.id() + " could both steer "
              + describe(row));
        }
        first = p;
      }
    }
    if (first != null) {
      for (Lsp l : lsps) {
        if (l.head().equals(row.src()) && l.tail().equals(row.dst())
            && l.steersClass(row.trafficClass())) {
          return Optional.of("policy " + first.id() + " and LSP " + l.id() + " could both steer "
              + describe(row));
        }
      }
    }
    return Optional.empty();
  }

  /** The first steering conflict of any demand row, or empty. O(rows + policies + LSPs). */
  public Optional<String> conflicts(List<Demand> rows) {
    if (isEmpty()) {
      return Optional.empty();
    }
    java.util.Map<String, List<SrPolicy>> byPair = new java.util.HashMap<>();
    for (SrPolicy p : policies) {
      byPair.computeIfAbsent(p.head() + "\u0000" + p.endpoint(), k -> new java.util.ArrayList<>())
          .add(p);
    }
    java.util.Map<String, List<Lsp>> lspsByPair = new java.util.HashMap<>();
    for (Lsp l : lsps) {
      lspsByPair.computeIfAbsent(l.head() + "\u0000" + l.tail(), k -> new java.util.ArrayList<>())
          .add(l);
    }
    for (Demand d : rows) {
      String key = d.src() + "\u0000" + d.dst();
      List<SrPolicy> ps = byPair.get(key);
      if (ps != null) {
        Optional<String> c = conflict(ps, lspsByPair.getOrDefault(key, List.of()), d);
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(Demand row) {
    return "the demand row " + row.src() + " -> " + row.dst()
        + (row.trafficClass().isEmpty() ? " (no class)" : " of class " + row.trafficClass());
  }
}
