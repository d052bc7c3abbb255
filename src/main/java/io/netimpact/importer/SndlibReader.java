package io.netimpact.importer;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads SNDlib network files: the native text format
 * (http://sndlib.zib.de/html/docu/io-formats/native/network.description.html) and the XML
 * format (namespace {@code http://sndlib.zib.de/network}, also used by the dynamic demand
 * matrices, whose link list is empty). Problems are reported with file, line and field.
 * O(size of the file).
 */
final class SndlibReader {
  private SndlibReader() {}

  static SndlibNetwork read(Path path) {
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".xml") ? readXml(path) : readNative(path);
  }

  // ---- native text format ----

  private enum Section { NONE, META, NODES, LINKS, DEMANDS, ADMISSIBLE_PATHS, UNKNOWN }

  static SndlibNetwork readNative(Path path) {
    String file = path.toString();
    Map<String, String> meta = new LinkedHashMap<>();
    List<String> nodes = new ArrayList<>();
    Set<String> nodeSet = new HashSet<>();
    List<SndlibNetwork.LinkRow> links = new ArrayList<>();
    List<SndlibNetwork.DemandRow> demands = new ArrayList<>();
    Section section = Section.NONE;
    int depth = 0;
    boolean headerSeen = false;
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      String raw;
      while ((raw = r.readLine()) != null) {
        lineNo++;
        if (!headerSeen) {
          if (raw.isBlank()) {
            continue;
          }
          if (!raw.startsWith("?SNDlib native format") || !raw.contains("type: network")) {
            throw Problems.at(file, lineNo, "",
                "not an SNDlib native network file: expected the header "
                    + "\"?SNDlib native format; type: network; ...\", got \"" + clip(raw) + "\"");
          }
          headerSeen = true;
          continue;
        }
        int hash = raw.indexOf('#');
        String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
        if (line.isEmpty()) {
          continue;
        }
        String[] t = tokens(line);
        if (section == Section.NONE) {
          if (t.length != 2 || !t[1].equals("(")) {
            throw Problems.at(file, lineNo, "", "expected a section start \"NAME (\", got \""
                + clip(line) + "\"");
          }
          section = switch (t[0]) {
            case "META" -> Section.META;
            case "NODES" -> Section.NODES;
            case "LINKS" -> Section.LINKS;
            case "DEMANDS" -> Section.DEMANDS;
            case "ADMISSIBLE_PATHS" -> Section.ADMISSIBLE_PATHS;
            default -> Section.UNKNOWN;
          };
          depth = 1;
          continue;
        }
        if (t.length == 1 && t[0].equals(")") && depth == 1) {
          section = Section.NONE;
          depth = 0;
          continue;
        }
        switch (section) {
          case META -> {
            int eq = line.indexOf('=');
            if (eq <= 0) {
              throw Problems.at(file, lineNo, "META", "expected \"key = value\", got \""
                  + clip(line) + "\"");
            }
            meta.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
          }
          case NODES -> {
            if (!(t.length == 1 || (t.length == 5 && t[1].equals("(") && t[4].equals(")")))) {
              throw Problems.at(file, lineNo, "node",
                  "expected \"node_id ( x y )\", got \"" + clip(line) + "\"");
            }
            if (t.length == 5) {
              Problems.number(file, lineNo, "x", t[2]);
              Problems.number(file, lineNo, "y", t[3]);
            }
            if (!nodeSet.add(t[0])) {
              throw Problems.at(file, lineNo, "node_id", "duplicate node id \"" + t[0] + "\"");
            }
            nodes.add(t[0]);
          }
          case LINKS -> links.add(link(file, lineNo, line, t, nodeSet));
          case DEMANDS -> demands.add(demand(file, lineNo, line, t, nodeSet));
          case ADMISSIBLE_PATHS, UNKNOWN -> {
            // Only nesting matters here: the paths are SNDlib planning input the job ignores.
            for (String tok : t) {
              if (tok.equals("(")) {
                depth++;
              } else if (tok.equals(")")) {
                depth--;
              }
            }
            if (depth <= 0) {
              section = Section.NONE;
              depth = 0;
            }
          }
          default -> throw new IllegalStateException("section " + section);
        }
      }
      if (!headerSeen) {
        throw Problems.at(file, 0, "", "empty file: not an SNDlib native network file");
      }
      if (section != Section.NONE) {
        throw Problems.at(file, lineNo, "", "the file ends inside section " + section);
      }
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
    return new SndlibNetwork(file, meta, nodes, links, demands);
  }

  private static SndlibNetwork.LinkRow link(String file, long lineNo, String line, String[] t,
      Set<String> nodes) {
    // link_id ( source target ) pre_cap pre_cap_cost routing_cost setup_cost ( {cap cost}* )
    if (t.length < 11 || !t[1].equals("(") || !t[4].equals(")") || !t[9].equals("(")
        || !t[t.length - 1].equals(")") || (t.length - 11) % 2 != 0) {
      throw Problems.at(file, lineNo, "link", "expected \"link_id ( source target ) "
          + "pre_installed_capacity pre_installed_capacity_cost routing_cost setup_cost "
          + "( {module_capacity module_cost}* )\", got \"" + clip(line) + "\"");
    }
    requireNode(file, lineNo, "source", t[2], nodes);
    requireNode(file, lineNo, "target", t[3], nodes);
    double pre = Problems.number(file, lineNo, "pre_installed_capacity", t[5]);
    if (pre < 0) {
      throw Problems.at(file, lineNo, "pre_installed_capacity", "must be >= 0, got " + t[5]);
    }
    List<Double> modules = new ArrayList<>();
    for (int i = 10; i < t.length - 1; i += 2) {
      double cap = Problems.number(file, lineNo, "module_capacity", t[i]);
      if (!(cap > 0)) {
        throw Problems.at(file, lineNo, "module_capacity", "must be > 0, got " + t[i]);
      }
      modules.add(cap);
    }
    return new SndlibNetwork.LinkRow(t[0], t[2], t[3], pre, modules, lineNo);
  }

  private static SndlibNetwork.DemandRow demand(String file, long lineNo, String line,
      String[] t, Set<String> nodes) {
    // demand_id ( source target ) routing_unit demand_value max_path_length
    if (t.length != 8 || !t[1].equals("(") || !t[4].equals(")")) {
      throw Problems.at(file, lineNo, "demand", "expected \"demand_id ( source target ) "
          + "routing_unit demand_value max_path_length\", got \"" + clip(line) + "\"");
    }
    requireNode(file, lineNo, "source", t[2], nodes);
    requireNode(file, lineNo, "target", t[3], nodes);
    double unit = Problems.number(file, lineNo, "routing_unit", t[5]);
    double value = Problems.number(file, lineNo, "demand_value", t[6]);
    if (unit < 0 || value < 0) {
      throw Problems.at(file, lineNo, unit < 0 ? "routing_unit" : "demand_value",
          "must be >= 0, got " + (unit < 0 ? t[5] : t[6]));
    }
    return demandRow(file, lineNo, t[0], t[2], t[3], unit * value);
  }

  private static SndlibNetwork.DemandRow demandRow(String file, long lineNo, String id,
      String s, String d, double value) {
    if (s.equals(d)) {
      throw Problems.at(file, lineNo, "target", "equals the source \"" + s
          + "\": a demand needs two different nodes");
    }
    return new SndlibNetwork.DemandRow(id, s, d, value, lineNo);
  }

  private static void requireNode(String file, long lineNo, String field, String id,
      Set<String> nodes) {
    if (!nodes.contains(id)) {
      throw Problems.at(file, lineNo, field, "names unknown node \"" + id + "\"");
    }
  }

  /** Blank-separated tokens, with "(" and ")" always tokens of their own. */
  private static String[] tokens(String line) {
    return line.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
  }

  private static String clip(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }

  // ---- XML format ----

  static SndlibNetwork readXml(Path path) {
    String file = path.toString();
    XmlTree root = XmlTree.read(path);
    if (!root.name.equals("network")) {
      throw Problems.at(file, root.line, root.name,
          "not an SNDlib XML network: the root element is <" + root.name + ">, not <network>");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    root.child("meta").ifPresent(m -> m.children.forEach(c -> meta.put(c.name, c.text())));
    XmlTree structure = root.requiredChild(file, "networkStructure");
    List<String> nodes = new ArrayList<>();
    Set<String> nodeSet = new HashSet<>();
    for (XmlTree n : structure.requiredChild(file, "nodes").all("node")) {
      String id = n.attribute("id").filter(s -> !s.isBlank())
          .orElseThrow(() -> Problems.at(file, n.line, "id", "<node> without an id"));
      if (!nodeSet.add(id)) {
        throw Problems.at(file, n.line, "id", "duplicate node id \"" + id + "\"");
      }
      nodes.add(id);
    }
    List<SndlibNetwork.LinkRow> links = new ArrayList<>();
    structure.child("links").ifPresent(ls -> {
      for (XmlTree l : ls.all("link")) {
        String id = l.attribute("id").orElseThrow(
            () -> Problems.at(file, l.line, "id", "<link> without an id"));
        String s = l.required(file, "source");
        String t = l.required(file, "target");
        requireNode(file, l.line, "source", s, nodeSet);
        requireNode(file, l.line, "target", t, nodeSet);
        double pre = 0;
        var preModule = l.child("preInstalledModule");
        if (preModule.isPresent()) {
          pre = Problems.number(file, preModule.get().line, "preInstalledModule.capacity",
              preModule.get().required(file, "capacity"));
        }
        List<Double> modules = new ArrayList<>();
        var add = l.child("additionalModules");
        if (add.isPresent()) {
          for (XmlTree m : add.get().all("addModule")) {
            double cap = Problems.number(file, m.line, "addModule.capacity",
                m.required(file, "capacity"));
            if (!(cap > 0)) {
              throw Problems.at(file, m.line, "addModule.capacity", "must be > 0, got " + cap);
            }
            modules.add(cap);
          }
        }
        links.add(new SndlibNetwork.LinkRow(id, s, t, pre, modules, l.line));
      }
    });
    List<SndlibNetwork.DemandRow> demands = new ArrayList<>();
    root.child("demands").ifPresent(ds -> {
      for (XmlTree d : ds.all("demand")) {
        String id = d.attribute("id").orElse("");
        String s = d.required(file, "source");
        String t = d.required(file, "target");
        requireNode(file, d.line, "source", s, nodeSet);
        requireNode(file, d.line, "target", t, nodeSet);
        double v = Problems.number(file, d.line, "demandValue", d.required(file, "demandValue"));
        if (v < 0) {
          throw Problems.at(file, d.line, "demandValue", "must be >= 0, got " + v);
        }
        demands.add(demandRow(file, d.line, id, s, t, v));
      }
    });
    return new SndlibNetwork(file, meta, nodes, links, demands);
  }
}
