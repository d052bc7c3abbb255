package io.netimpact.importer;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree read with the JDK's StAX parser, keeping each element's line for
 * error messages (DOM drops it). Namespaces are ignored: SNDlib uses one default namespace.
 * O(size of the file).
 */
final class XmlTree {
  final String name;
  final long line;
  final List<String[]> attributes = new ArrayList<>();
  final List<XmlTree> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private XmlTree(String name, long line) {
    this.name = name;
    this.line = line;
  }

  static XmlTree read(Path path) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // No DTDs or external entities: the files are data, not documents to resolve.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    String file = path.toString();
    try (InputStream in = Files.newInputStream(path)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      Deque<XmlTree> open = new ArrayDeque<>();
      XmlTree root = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          XmlTree t = new XmlTree(r.getLocalName(), r.getLocation().getLineNumber());
          for (int i = 0; i < r.getAttributeCount(); i++) {
            t.attributes.add(new String[] {r.getAttributeLocalName(i), r.getAttributeValue(i)});
          }
          if (open.isEmpty()) {
            root = t;
          } else {
            open.peek().children.add(t);
          }
          open.push(t);
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          open.pop();
        } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
          if (!open.isEmpty()) {
            open.peek().text.append(r.getText());
          }
        }
      }
      if (root == null) {
        throw new BadInputException(new InputProblem(file, "", "", "no XML element"));
      }
      return root;
    } catch (XMLStreamException e) {
      String loc = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber();
      throw new BadInputException(new InputProblem(file, loc, "",
          "malformed XML: " + e.getMessage()));
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
  }

  /** Trimmed text content (SNDlib pads values with blanks). */
  String text() {
    return text.toString().trim();
  }

  Optional<XmlTree> child(String childName) {
    for (XmlTree c : children) {
      if (c.name.equals(childName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  List<XmlTree> all(String childName) {
    List<XmlTree> out = new ArrayList<>();
    for (XmlTree c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  Optional<String> attribute(String attr) {
    for (String[] a : attributes) {
      if (a[0].equals(attr)) {
        return Optional.of(a[1]);
      }
    }
    return Optional.empty();
  }

  /** The trimmed text of a required child, or a problem naming this element's line. */
  String required(String file, String childName) {
    return child(childName).map(XmlTree::text).filter(s -> !s.isEmpty())
        .orElseThrow(() -> Problems.at(file, line, childName,
            "missing in <" + name + ">"));
  }

  XmlTree requiredChild(String file, String childName) {
    return child(childName).orElseThrow(() -> Problems.at(file, line, childName,
        "missing in <" + name + ">"));
  }
}
