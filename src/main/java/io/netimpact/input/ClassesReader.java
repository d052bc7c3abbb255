package io.netimpact.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.ServiceClass;
import io.netimpact.model.ServiceClasses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads a snapshot's optional {@code classes.json} (docs/classes.md): a JSON array of
 * {@code {"class", "priority", "protected"}} objects. A snapshot without the file has {@link
 * ServiceClasses#NONE}. Every problem is located by file, record (the array element, from 1)
 * and field, and all of them are reported at once: unknown keys, a class named twice, a
 * priority that is not an integer &gt;= 0, two classes sharing a priority (strict priority
 * needs a strict order). O(classes).
 */
public final class ClassesReader {
  public static final String FILE = "classes.json";

  private ClassesReader() {}

  /** The classes of the snapshot at {@code root}, or {@link ServiceClasses#NONE}. */
  public static ServiceClasses read(Configuration hadoop, Path root) {
    Path p = new Path(root, FILE);
    try {
      if (!p.getFileSystem(hadoop).exists(p)) {
        return ServiceClasses.NONE;
      }
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(p.toString(), "", "", "cannot read: " + e));
    }
    String file = p.toString();
    JsonNode node = Json.readSmall(hadoop, p, file,
        () -> new InputProblem(file, "", "", InputFiles.notFound(p)));
    return parse(file, node);
  }

  /** The classes a parsed {@code classes.json} lists; {@code file} names it in problems. */
  public static ServiceClasses parse(String file, JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new BadInputException(new InputProblem(file, "", "", "must be a JSON array of "
          + "{\"class\", \"priority\", \"protected\"} objects, got "
          + (node == null ? "nothing" : Fields.describe(node))));
    }
    List<InputProblem> problems = new ArrayList<>();
    List<ServiceClass> out = new ArrayList<>();
    Map<String, Integer> byName = new HashMap<>();
    Map<Integer, Integer> byPriority = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String where = "record " + (i + 1);
      try {
        Fields f = Fields.of(node.get(i), "a class");
        String name = f.requiredString("class");
        int priority = priority(f);
        boolean protect = f.bool("protected", false);
        f.refuseUnknown();
        Integer first = byName.putIfAbsent(name, i + 1);
        if (first != null) {
          throw new FieldException("class", "class \"" + name + "\" is already listed in record "
              + first + ": a class has one priority");
        }
        Integer same = byPriority.putIfAbsent(priority, i + 1);
        if (same != null) {
          throw new FieldException("priority", "priority " + priority + " is already given to "
              + "record " + same + ": strict priority needs a different number per class "
              + "(lower is served first)");
        }
        out.add(new ServiceClass(name, priority, protect));
      } catch (FieldException e) {
        problems.add(new InputProblem(file, where, e.field(), e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems);
    }
    return ServiceClasses.of(out);
  }

  private static int priority(Fields f) {
    JsonNode v = f.raw("priority");
    if (v == null) {
      throw new FieldException(f.name("priority"), "missing required field (an integer >= 0, "
          + "lower is served first)");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw new FieldException(f.name("priority"), "must be an integer >= 0 (lower is served "
          + "first), got " + Fields.describe(v));
    }
    return v.intValue();
  }
}
