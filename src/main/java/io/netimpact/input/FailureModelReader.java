package io.netimpact.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.FailureModel;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.Sweep;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a failure model ({@code sweep --failure-model FILE}, docs/availability.md):
 * {@code {"link": p, "srlg": p, "device": p, "site": p, "overrides": {"link:l7": p}}}, each p
 * in [0, 1), every override naming an element of the snapshot. Problems are located as
 * {@code FILE, field overrides.link:l7}.
 */
public final class FailureModelReader {
  private FailureModelReader() {}

  private static final String[] KINDS = {"link", "srlg", "device", "site"};

  public static FailureModel read(String file, Configuration hadoop, Snapshot s) {
    return parse(file, ChangeReader.readTree(file, hadoop), s);
  }

  /** The model in {@code root}, read from {@code file}, checked against {@code s}. */
  public static FailureModel parse(String file, JsonNode root, Snapshot s) {
    try {
      Fields f = Fields.of(root, "a failure model");
      Map<Sweep.Each, Double> byKind = new EnumMap<>(Sweep.Each.class);
      for (String k : KINDS) {
        if (f.has(k)) {
          byKind.put(Sweep.Each.valueOf(k.toUpperCase(java.util.Locale.ROOT)),
              probability(f.number(k, 0, false), k));
        }
      }
      Map<String, Double> overrides = new LinkedHashMap<>();
      JsonNode o = f.raw("overrides");
      if (o != null && !o.isObject()) {
        throw new FieldException("overrides", "must be an object of \"KIND:ID\": p, got "
            + Fields.describe(o));
      }
      Set<String> links = new HashSet<>();
      Set<String> srlgs = new HashSet<>();
      for (Link l : s.links()) {
        links.add(l.id());
        srlgs.addAll(l.srlgs());
      }
      Set<String> devices = new HashSet<>();
      Set<String> sites = new HashSet<>();
      for (Device d : s.devices()) {
        devices.add(d.id());
        if (!d.site().isEmpty()) {
          sites.add(d.site());
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = o == null ? java.util.Collections
          .emptyIterator() : o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        String field = "overrides." + key;
        Sweep.Each kind;
        try {
          kind = FailureModel.kindOf(key);
        } catch (IllegalArgumentException ex) {
          throw new FieldException(field, ex.getMessage());
        }
        String id = key.substring(key.indexOf(':') + 1);
        Set<String> known = switch (kind) {
          case LINK -> links;
          case SRLG -> srlgs;
          case DEVICE -> devices;
          default -> sites;
        };
        if (!known.contains(id)) {
          throw new FieldException(field, "unknown " + kind.name().toLowerCase() + " \"" + id
              + "\"" + Spelling.didYouMean(id, known));
        }
        JsonNode v = e.getValue();
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
          throw new FieldException(field, "must be a number, got " + Fields.describe(v));
        }
        overrides.put(key, probability(v.doubleValue(), field));
      }
      f.refuseUnknown();
      return new FailureModel(byKind, overrides);
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, "", e.field(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(file, "", "", e.getMessage()));
    }
  }

  private static double probability(double p, String field) {
    if (!(p >= 0 && p < 1)) {
      throw new FieldException(field, "a probability must be in [0, 1), got " + p);
    }
    return p;
  }
}
