package io.netimpact.model;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Steady-state failure probabilities (contract 7.6): one per kind of element, and overrides
 * per element keyed {@code kind:id} ({@code link:l7}, {@code srlg:conduit-i80},
 * {@code device:r3}, {@code site:ams}). Failures are independent; a device failure is
 * {@code remove_device}.
 *
 * @param byKind    p per kind (link, srlg, device, site); a kind not given has p = 0
 * @param overrides p per element, keyed {@code kind:id}
 */
public record FailureModel(Map<Sweep.Each, Double> byKind, Map<String, Double> overrides) {
  public FailureModel {
    Map<Sweep.Each, Double> k = new EnumMap<>(Sweep.Each.class);
    byKind.forEach((kind, p) -> {
      if (kind == Sweep.Each.PAIR) {
        throw new IllegalArgumentException("a failure model has no probability for pairs");
      }
      k.put(kind, check(p, kind.name().toLowerCase()));
    });
    byKind = Map.copyOf(k);
    Map<String, Double> o = new LinkedHashMap<>();
    overrides.forEach((key, p) -> {
      kindOf(key);
      o.put(key, check(p, key));
    });
    overrides = java.util.Collections.unmodifiableMap(o);
  }

  /** A probability: finite, in [0, 1). */
  public static double check(double p, String what) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException(what + ": a probability must be in [0, 1), got " + p);
    }
    return p;
  }

  /** The kind an override key names ({@code link:l7} is a link). */
  public static Sweep.Each kindOf(String key) {
    int colon = key.indexOf(':');
    String kind = colon < 0 ? "" : key.substring(0, colon);
    Sweep.Each k = switch (kind) {
      case "link" -> Sweep.Each.LINK;
      case "srlg" -> Sweep.Each.SRLG;
      case "device" -> Sweep.Each.DEVICE;
      case "site" -> Sweep.Each.SITE;
      default -> null;
    };
    if (k == null || colon == key.length() - 1) {
      throw new IllegalArgumentException("\"" + key + "\" is not KIND:ID with KIND link, srlg, "
          + "device or site");
    }
    return k;
  }

  /** The probability that the element {@code kind:id} is failed. */
  public double p(Sweep.Each kind, String id) {
    Double o = overrides.get(kind.name().toLowerCase() + ":" + id);
    return o != null ? o : byKind.getOrDefault(kind, 0.0);
  }

  /** Whether any element of {@code kind} may have p > 0. */
  public boolean mayFail(Sweep.Each kind) {
    if (byKind.getOrDefault(kind, 0.0) > 0) {
      return true;
    }
    String prefix = kind.name().toLowerCase() + ":";
    return overrides.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix)
        && e.getValue() > 0);
  }
}
