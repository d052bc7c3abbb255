package io.netimpact.importer;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GML reader (the Topology Zoo's format): nested {@code key value} lists where a value is
 * a number, a double-quoted string or a {@code [ ... ]} list. Duplicate keys are kept in
 * order, which is what lets parallel edges through (strict graph readers reject them).
 * O(size of the file).
 */
final class Gml {
  private Gml() {}

  /** One {@code key value} pair; {@code value} is a String, a Double or a {@link Block}. */
  record Entry(String key, Object value, long line) {}

  /** A {@code [ ... ]} list of entries. */
  record Block(List<Entry> entries, long line) {
    List<Block> blocks(String key) {
      List<Block> out = new ArrayList<>();
      for (Entry e : entries) {
        if (e.key().equals(key) && e.value() instanceof Block b) {
          out.add(b);
        }
      }
      return out;
    }

    Optional<Entry> first(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** A scalar as text (numbers in their shortest form), if present. */
    Optional<String> text(String key) {
      return first(key).filter(e -> !(e.value() instanceof Block)).map(e -> e.value() instanceof Double d
          && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : e.value().toString());
    }

    Optional<Double> number(String key) {
      return first(key).filter(e -> e.value() instanceof Double).map(e -> (Double) e.value());
    }
  }

  static Block read(Path path) {
    String file = path.toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
    Parser p = new Parser(file, text);
    Block top = p.list(false, 1);
    return top;
  }

  private static final class Parser {
    final String file;
    final String s;
    int pos;
    long line = 1;

    Parser(String file, String s) {
      this.file = file;
      this.s = s;
    }

    Block list(boolean nested, long startLine) {
      List<Entry> out = new ArrayList<>();
      while (true) {
        skipBlank();
        if (pos >= s.length()) {
          if (nested) {
            throw Problems.at(file, startLine, "", "the list opened here is never closed with ']'");
          }
          return new Block(out, startLine);
        }
        char c = s.charAt(pos);
        if (c == ']') {
          if (!nested) {
            throw Problems.at(file, line, "", "']' without a matching '['");
          }
          pos++;
          return new Block(out, startLine);
        }
        long keyLine = line;
        String key = word();
        if (key.isEmpty()) {
          throw Problems.at(file, line, "", "expected a key, got '" + c + "'");
        }
        skipBlank();
        if (pos >= s.length()) {
          throw Problems.at(file, keyLine, key, "has no value");
        }
        char v = s.charAt(pos);
        Object value;
        if (v == '[') {
          pos++;
          value = list(true, keyLine);
        } else if (v == '"') {
          value = string(key);
        } else {
          String w = word();
          try {
            value = Double.parseDouble(w);
          } catch (NumberFormatException e) {
            throw Problems.at(file, keyLine, key, "expected a number, a \"string\" or a [list], got \""
                + w + "\"");
          }
        }
        out.add(new Entry(key, value, keyLine));
      }
    }

    private String string(String key) {
      long start = line;
      int end = s.indexOf('"', pos + 1);
      if (end < 0) {
        throw Problems.at(file, start, key, "string never closed with '\"'");
      }
      String v = s.substring(pos + 1, end);
      for (int i = pos; i < end; i++) {
        if (s.charAt(i) == '\n') {
          line++;
        }
      }
      pos = end + 1;
      return v;
    }

    private String word() {
      int start = pos;
      while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '['
          && s.charAt(pos) != ']' && s.charAt(pos) != '"') {
        pos++;
      }
      return s.substring(start, pos);
    }

    private void skipBlank() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '\n') {
          line++;
        } else if (c == '#') {
          // GML comments run to the end of the line
          while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
          }
          continue;
        } else if (!Character.isWhitespace(c)) {
          return;
        }
        pos++;
      }
    }
  }
}
