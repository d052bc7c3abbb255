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
    if (changes.isEmpty() && generators.isEmpty()) {
      throw new IllegalArgumentException("sweep " + id + " has no changes and no generators");
    }
  }

  /** What a generator iterates over. */
  public enum Each { DEVICE, LINK, SRLG, SITE }

  /**
   * One generator. {@code op} is {@code drain_device} (default) or {@code remove_device} for
   * devices; the filters (empty = any) select devices by role, site and region.
   */
  public record Generator(Each each, String op, Optional<String> role, Optional<String> site,
      Optional<String> region) {
    public Generator {
      Objects.requireNonNull(each, "each");
      Objects.requireNonNull(op, "op");
      String expected = switch (each) {
        case DEVICE -> "drain_device|remove_device";
        case LINK -> "link_down";
        case SRLG -> "srlg_down";
        case SITE -> "site_down";
      };
      if (!("|" + expected + "|").contains("|" + op + "|")) {
        throw new IllegalArgumentException(
            "op \"" + op + "\" does not go with each " + each.name().toLowerCase()
                + " (expected " + expected.replace("|", " or ") + ")");
      }
      if (each != Each.DEVICE && (role.isPresent() || site.isPresent() || region.isPresent())) {
        throw new IllegalArgumentException("role, site and region filter devices only");
      }
    }

    public static String defaultOp(Each each) {
      return switch (each) {
        case DEVICE -> "drain_device";
        case LINK -> "link_down";
        case SRLG -> "srlg_down";
        case SITE -> "site_down";
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
    List<Change> out = new ArrayList<>(changes);
    for (Generator g : generators) {
      out.addAll(scenarios(g, s));
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
    return out;
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
        g.role().ifPresent(v -> sb.append(", role \"").append(v).append('"'));
        g.site().ifPresent(v -> sb.append(", site \"").append(v).append('"'));
        g.region().ifPresent(v -> sb.append(", region \"").append(v).append('"'));
        out.add(sb.append(") matches no ").append(g.each().name().toLowerCase())
            .append(" of the snapshot").toString());
      }
    }
    return out;
  }

  private static List<Change> scenarios(Generator g, Snapshot s) {
    List<Change> out = new ArrayList<>();
    switch (g.each()) {
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
