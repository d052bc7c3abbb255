package io.netimpact.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Change;
import io.netimpact.model.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/** Reads sweep files (docs/inputs.md#sweep-file), locating problems as {@code FILE,
 * changes[i].ops[j]}. */
public final class SweepReader {
  private SweepReader() {}

  public static Sweep read(String file, Configuration hadoop) {
    JsonNode root = ChangeReader.readTree(file, hadoop);
    String loc = "";
    try {
      Fields f = Fields.of(root, "a sweep");
      if (root.has("ops") && !root.has("changes") && !root.has("generators")) {
        throw new FieldException("changes", "missing (and no \"generators\"), and the file has "
            + "\"ops\": it looks like a change request; review it with "
            + "`netimpact review --change " + file + "`");
      }
      String id = f.requiredString("id");
      List<Change> changes = new ArrayList<>();
      JsonNode cs = f.raw("changes");
      if (cs != null && !cs.isArray()) {
        throw new FieldException("changes", "must be a list of change requests");
      }
      for (int i = 0; cs != null && i < cs.size(); i++) {
        changes.add(ChangeReader.parse(file, cs.get(i), "changes[" + i + "]"));
      }
      List<Sweep.Generator> gens = new ArrayList<>();
      List<Fields> gs = f.objects("generators");
      for (int i = 0; i < gs.size(); i++) {
        loc = "generators[" + i + "]";
        Fields g = new Fields(root.get("generators").get(i), "");
        String each = g.requiredString("each");
        Sweep.Each e;
        try {
          e = Sweep.Each.valueOf(each.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
          throw new FieldException("each", "must be device, link, srlg, site or pair, got \""
              + each + "\"");
        }
        String op = g.has("op") ? g.requiredString("op") : Sweep.Generator.defaultOp(e);
        List<Sweep.Each> of = new ArrayList<>();
        if (e == Sweep.Each.PAIR || g.has("of")) {
          for (String k : g.stringList("of")) {
            Sweep.Each kind;
            try {
              kind = Sweep.Each.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
              kind = Sweep.Each.PAIR;
            }
            if (kind == Sweep.Each.PAIR) {
              throw new FieldException("of", "each kind must be link, srlg, device or site, "
                  + "got \"" + k + "\"");
            }
            of.add(kind);
          }
        }
        try {
          gens.add(new Sweep.Generator(e, op, g.optionalNonEmptyString("role"),
              g.optionalNonEmptyString("site"), g.optionalNonEmptyString("region"), of));
        } catch (IllegalArgumentException ex) {
          throw new FieldException(ex.getMessage().startsWith("op ") ? "op"
              : ex.getMessage().startsWith("of:") ? "of" : "each", ex.getMessage());
        }
        // A misspelt filter ("rol") would otherwise widen the generator to every element.
        g.refuseUnknown();
      }
      loc = "";
      return new Sweep(id, changes, gens);
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, loc, e.field(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(file, loc, "", e.getMessage()));
    }
  }
}
