package io.netimpact.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A what-if sweep (docs/inputs.md#sweep-file): explicit changes and generators that make one
 * scenario per device, link, SRLG or site.
 *
 * @param id         the sweep's id (the default run id)
 * @param changes    explicit change requests, kept as they are
 * @param generators generators, expanded in order after the explicit changes
 */
public record Sweep(String id, List<Change> changes, List<Generator> generators) {
  public Sweep {
    Checks.id(id, "sweep id");
    changes = List.copyOf(changes);
    generators = List.copyOf(generators);
  }

  /**
   * Whether the sweep lists nothing: valid only beside a failure model
   * (docs/availability.md), which makes the scenarios; {@link #expansion} refuses it.
   */
  public boolean isEmpty() {
    return changes.isEmpty() && generators.isEmpty();
  }

  /**
   * What a generator iterates over. {@code PAIR} iterates over the unordered pairs of the
   * single failures of its {@link Generator#of} kinds (contract section 7.3).
   */
  public enum Each { DEVICE, LINK, SRLG, SITE, PAIR }

  /**
   * One generator. {@code op} is {@code drain_device} (default) or {@code remove_device} for
   * devices, {@code pair} for pairs; the filters (empty = any) select devices by role, site and
   * region. {@code of} (pairs only, non-empty; empty for the others) lists the kinds whose
   * single failures are paired.
   */
  public record Generator(Each each, String op, Optional<String> role, Optional<String> site,
      Optional<String> region, List<Each> of) {
    /** A generator of single scenarios. */
    public Generator(Each each, String op, Optional<String> role, Optional<String> site,
        Optional<String> region) {
      this(each, op, role, site, region, List.of());
    }

    public Generator {
      Objects.requireNonNull(each, "each");
      Objects.requireNonNull(op, "op");
      of = List.copyOf(of);
      if ((each == Each.PAIR) == of.isEmpty()) {
        throw new IllegalArgumentException(each == Each.PAIR
            ? "of: a pair generator needs a non-empty list of kinds (link, srlg, device, site)"
            : "of: only a pair generator takes \"of\"");
      }
      if (of.contains(Each.PAIR)) {
        throw new IllegalArgumentException("of: a pair generator pairs link, srlg, device or "
            + "site failures, not pairs");
      }
      String expected = switch (each) {
        case DEVICE -> "drain_device|remove_device";
        case LINK -> "link_down";
        case SRLG -> "srlg_down";
        case SITE -> "site_down";
        case PAIR -> "pair";
      };
      if (!("|" + expected + "|").contains("|" + op + "|")) {
        throw new IllegalArgumentException(
            "op \"" + op + "\" does not go with each " + each.name().toLowerCase()
                + " (expected " + expected.replace("|", " or ") + ")");
      }
      boolean devices = each == Each.DEVICE || of.contains(Each.DEVICE);
      if (!devices && (role.isPresent() || site.isPresent() || region.isPresent())) {
        throw new IllegalArgumentException("role, site and region filter devices only");
      }
    }

    public static String defaultOp(Each each) {
      return switch (each) {
        case DEVICE -> "drain_device";
        case LINK -> "link_down";
        case SRLG -> "srlg_down";
        case SITE -> "site_down";
        case PAIR -> "pair";
      };
    }
  }

  /**
   * The scenarios of this sweep on a snapshot: the explicit changes, then each generator's,
   * in snapshot order (SRLGs and sites in order of first appearance). A generated scenario's
   * id is {@code op:element}. O(V + E) per generator.
   *
   * @throws IllegalArgumentException when two scenarios would share an id, or when the sweep
   *     makes no scenario at all (naming the generators that matched nothing)
   */
  public List<Change> expand(Snapshot s) {
    return expansion(s).changes();
  }

  /**
   * The scenarios of {@link #expand} and which of them a pair generator made ({@code pairs},
   * by index): the report lists pairs only when they are not SAFE (contract section 7.3).
   */
  public record Expansion(List<Change> changes, java.util.BitSet pairs) {
    public Expansion {
      changes = List.copyOf(changes);
      pairs = (java.util.BitSet) pairs.clone();
    }

    /** Whether scenario {@code i} is a pair of failures. */
    public boolean isPair(int i) {
      return pairs.get(i);
    }

    /** How many scenarios are pairs. */
    public int pairCount() {
      return pairs.cardinality();
    }
  }

  /** {@link #expand} with the pairs marked. Same checks, same order. */
  public Expansion expansion(Snapshot s) {
    if (isEmpty()) {
      throw new IllegalArgumentException("sweep " + id + " has no changes and no generators");
    }
    List<Change> out = new ArrayList<>(changes);
    java.util.BitSet pairs = new java.util.BitSet();
    for (Generator g : generators) {
      int from = out.size();
      out.addAll(scenarios(g, s));
      if (g.each() == Each.PAIR) {
        pairs.set(from, out.size());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the sweep makes no scenario: "
          + String.join("; ", unmatched(s)));
    }
    Set<String> ids = new HashSet<>();
    for (Change c : out) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("two scenarios have the id \"" + c.id() + "\"");
      }
    }
    return new Expansion(out, pairs);
  }

  /**
   * The generators that make no scenario on {@code s} (a filter that matches no device, a
   * snapshot without SRLGs), each as {@code generators[i] (each device, role "x") matches
   * nothing}: a sweep that silently skips what was asked for would look safer than it is.
   */
  public List<String> unmatched(Snapshot s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < generators.size(); i++) {
      Generator g = generators.get(i);
      if (scenarios(g, s).isEmpty()) {
        StringBuilder sb = new StringBuilder("generators[" + i + "] (each "
            + g.each().name().toLowerCase());
        if (g.each() == Each.PAIR) {
          sb.append(" of ").append(g.of().stream().map(k -> k.name().toLowerCase()).toList());
        }
        g.role().ifPresent(v -> sb.append(", role \"").append(v).append('"'));
        g.site().ifPresent(v -> sb.append(", site \"").append(v).append('"'));
        g.region().ifPresent(v -> sb.append(", region \"").append(v).append('"'));
        out.add(sb.append(") matches no ").append(g.each() == Each.PAIR
            ? "two distinct failures" : g.each().name().toLowerCase())
            .append(" of the snapshot").toString());
      }
    }
    return out;
  }

  /**
   * The single failures of {@code kinds} on {@code s} (contract section 7.2): in the order of
   * the kinds, each kind's scenarios as its generator makes them ({@code link_down},
   * {@code srlg_down}, {@code site_down}, and {@code remove_device} for devices, the filters
   * applying to devices); a scenario already made by an earlier kind is not made again.
   * O(kinds x (V + E)).
   */
  public static List<Change> failures(List<Each> kinds, Optional<String> role,
      Optional<String> site, Optional<String> region, Snapshot s) {
    java.util.LinkedHashMap<String, Change> out = new java.util.LinkedHashMap<>();
    for (Each k : kinds) {
      if (k == Each.PAIR) {
        throw new IllegalArgumentException("a failure is a link, srlg, device or site");
      }
      Generator g = k == Each.DEVICE
          ? new Generator(k, "remove_device", role, site, region)
          : new Generator(k, Generator.defaultOp(k), Optional.empty(), Optional.empty(),
              Optional.empty());
      for (Change c : scenarios(g, s)) {
        out.putIfAbsent(c.id(), c);
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Change {@code first} then {@code second}: {@code first}'s ops then {@code second}'s, the
   * id {@code <first id>+<second id>} (contract section 7.3).
   */
  public static Change then(Change first, Change second) {
    List<ChangeOp> ops = new ArrayList<>(first.ops());
    ops.addAll(second.ops());
    return new Change(first.id() + "+" + second.id(), first.title() + ", then "
        + second.title(), ops);
  }

  private static List<Change> scenarios(Generator g, Snapshot s) {
    List<Change> out = new ArrayList<>();
    switch (g.each()) {
      case PAIR -> {
        List<Change> singles = failures(g.of(), g.role(), g.site(), g.region(), s);
        for (int i = 0; i < singles.size(); i++) {
          for (int j = i + 1; j < singles.size(); j++) {
            out.add(then(singles.get(i), singles.get(j)));
          }
        }
      }
      case DEVICE -> {
        for (Device d : s.devices()) {
          if (matches(g.role(), d.role()) && matches(g.site(), d.site())
              && matches(g.region(), d.region())) {
            ChangeOp op = g.op().equals("remove_device") ? new ChangeOp.RemoveDevice(d.id())
                : new ChangeOp.SetDrained(d.id(), true);
            out.add(generated(op));
          }
        }
      }
      case LINK -> s.links().forEach(l -> out.add(generated(new ChangeOp.SetLinkUp(l.id(),
          false))));
      case SRLG -> {
        Set<String> seen = new java.util.LinkedHashSet<>();
        s.links().forEach(l -> seen.addAll(l.srlgs()));
        seen.forEach(g1 -> out.add(generated(new ChangeOp.SrlgDown(g1))));
      }
      case SITE -> {
        Set<String> seen = new java.util.LinkedHashSet<>();
        s.devices().forEach(d -> {
          if (!d.site().isEmpty()) {
            seen.add(d.site());
          }
        });
        seen.forEach(site -> out.add(generated(new ChangeOp.SiteDown(site))));
      }
    }
    return out;
  }

  private static boolean matches(Optional<String> filter, String value) {
    return filter.isEmpty() || filter.get().equals(value);
  }

  private static Change generated(ChangeOp op) {
    return new Change(op.opName() + ":" + op.target(), op.opName() + " " + op.target(),
        List.of(op));
  }
}
