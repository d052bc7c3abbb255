package io.netimpact.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The filters people give {@code show --where}, evaluated on the driver: the part of Spark SQL
 * made of columns, literals (numbers, quoted strings, {@code TRUE}, {@code FALSE}), the
 * comparisons {@code = == != <> < <= > >=}, {@code [NOT] IN (...)}, {@code [NOT] LIKE},
 * {@code [NOT] BETWEEN ... AND ...}, {@code IS [NOT] NULL}, {@code AND}, {@code OR},
 * {@code NOT} and parentheses. Keywords and column names are case-insensitive, string values
 * are not; a comparison with a null is unknown, and a row is kept only when the filter is true
 * (SQL's three-valued logic). Anything else (arithmetic, functions, a string compared with a
 * number) is {@link #parse}'s empty answer: the caller asks Spark. Parsing is O(length);
 * evaluating O(nodes) per row.
 */
public final class RowFilter {
  /** A filter's value on one row: TRUE, FALSE, or null for unknown. */
  private interface Node {
    Boolean test(List<Object> row);
  }

  /** A column or a literal. */
  private interface Operand {
    Object value(List<Object> row);
  }

  /** A filter naming a column the table lacks: a caller's mistake, with the column. */
  public static final class UnknownColumnException extends IllegalArgumentException {
    private final String column;

    UnknownColumnException(String column) {
      super("no column \"" + column + "\"");
      this.column = column;
    }

    public String column() {
      return column;
    }
  }

  private final Node root;

  private RowFilter(Node root) {
    this.root = root;
  }

  /** Whether {@code row} (cells in the columns' order given to {@link #parse}) passes. */
  public boolean test(List<Object> row) {
    return Boolean.TRUE.equals(root.test(row));
  }

  /**
   * {@code sql} over a table of {@code columns} whose cells have the classes {@code types}
   * (null where unknown), or empty when it is outside the part of Spark SQL taken here.
   *
   * @throws UnknownColumnException when it names a column the table lacks
   */
  public static Optional<RowFilter> parse(String sql, List<String> columns,
      List<Class<?>> types) {
    Parser p;
    try {
      p = new Parser(tokens(sql), columns, types);
      Node n = p.or();
      if (p.i != p.t.size()) {
        return Optional.empty();
      }
      return Optional.of(new RowFilter(n));
    } catch (Outside e) {
      return Optional.empty();
    }
  }

  /** Thrown while parsing what this class does not take. */
  private static final class Outside extends RuntimeException {
    Outside() {
      super(null, null, false, false);
    }
  }

  private record Token(char kind, String text) {}

  private static final Pattern NUMBER = Pattern.compile(
      "[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?|\\.[0-9]+([eE][+-]?[0-9]+)?");

  /** Kinds: w word, ` quoted name, s string, n number, o operator, ( ) , punctuation. */
  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token('w', s.substring(i, j)));
        i = j;
      } else if (c == '`') {
        int j = s.indexOf('`', i + 1);
        if (j < 0) {
          throw new Outside();
        }
        out.add(new Token('`', s.substring(i + 1, j)));
        i = j + 1;
      } else if (c == '\'' || c == '"') {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          if (s.charAt(j) == '\\') {
            throw new Outside();
          }
          b.append(s.charAt(j++));
        }
        if (j >= s.length()) {
          throw new Outside();
        }
        out.add(new Token('s', b.toString()));
        i = j + 1;
      } else if (Character.isDigit(c) || c == '.') {
        var m = NUMBER.matcher(s).region(i, s.length());
        if (!m.lookingAt()) {
          throw new Outside();
        }
        out.add(new Token('n', m.group()));
        i = m.end();
        if (i < s.length() && Character.isLetter(s.charAt(i))) {
          throw new Outside();
        }
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(new Token(c, String.valueOf(c)));
        i++;
      } else if ("=!<>".indexOf(c) >= 0) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        String op = List.of("==", "!=", "<>", "<=", ">=").contains(two) ? two
            : String.valueOf(c);
        if (op.equals("!")) {
          throw new Outside();
        }
        out.add(new Token('o', op));
        i += op.length();
      } else if (c == '-') {
        out.add(new Token('-', "-"));
        i++;
      } else {
        throw new Outside();
      }
    }
    return out;
  }

  private static final class Parser {
    final List<Token> t;
    final List<String> columns;
    final List<Class<?>> types;
    int i;

    Parser(List<Token> t, List<String> columns, List<Class<?>> types) {
      this.t = t;
      this.columns = columns;
      this.types = types;
    }

    private boolean word(String w) {
      if (i < t.size() && t.get(i).kind() == 'w' && t.get(i).text().equalsIgnoreCase(w)) {
        i++;
        return true;
      }
      return false;
    }

    private boolean peekWord(String w) {
      return i < t.size() && t.get(i).kind() == 'w' && t.get(i).text().equalsIgnoreCase(w);
    }

    private void expect(char kind) {
      if (i >= t.size() || t.get(i).kind() != kind) {
        throw new Outside();
      }
      i++;
    }

    Node or() {
      Node a = and();
      while (word("OR")) {
        Node l = a;
        Node r = and();
        a = row -> {
          Boolean x = l.test(row);
          if (Boolean.TRUE.equals(x)) {
            return true;
          }
          Boolean y = r.test(row);
          return Boolean.TRUE.equals(y) ? Boolean.TRUE : x == null || y == null ? null : false;
        };
      }
      return a;
    }

    Node and() {
      Node a = not();
      while (word("AND")) {
        Node l = a;
        Node r = not();
        a = row -> {
          Boolean x = l.test(row);
          if (Boolean.FALSE.equals(x)) {
            return false;
          }
          Boolean y = r.test(row);
          return Boolean.FALSE.equals(y) ? Boolean.FALSE : x == null || y == null ? null : true;
        };
      }
      return a;
    }

    Node not() {
      if (word("NOT")) {
        Node n = not();
        return row -> {
          Boolean x = n.test(row);
          return x == null ? null : !x;
        };
      }
      return predicate();
    }

    Node predicate() {
      if (i < t.size() && t.get(i).kind() == '(') {
        int at = i;
        i++;
        try {
          Node n = or();
          expect(')');
          return n;
        } catch (Outside e) {
          i = at;
          throw e;
        }
      }
      Operand left = operand();
      if (word("IS")) {
        boolean negated = word("NOT");
        if (!word("NULL")) {
          throw new Outside();
        }
        return row -> (left.value(row) == null) != negated;
      }
      boolean negated = word("NOT");
      Node n;
      if (word("IN")) {
        expect('(');
        List<Operand> items = new ArrayList<>();
        do {
          items.add(operand());
        } while (i < t.size() && t.get(i).kind() == ',' && ++i > 0);
        expect(')');
        for (Operand o : items) {
          comparable(left, o);
        }
        n = row -> {
          Object v = left.value(row);
          if (v == null) {
            return null;
          }
          boolean unknown = false;
          for (Operand o : items) {
            Object w = o.value(row);
            if (w == null) {
              unknown = true;
            } else if (compare(v, w) == 0) {
              return true;
            }
          }
          return unknown ? null : false;
        };
      } else if (word("LIKE")) {
        if (i >= t.size() || t.get(i).kind() != 's') {
          throw new Outside();
        }
        Pattern p = like(t.get(i++).text());
        if (type(left) != String.class) {
          throw new Outside();
        }
        n = row -> {
          Object v = left.value(row);
          return v == null ? null : p.matcher(v.toString()).matches();
        };
      } else if (word("BETWEEN")) {
        Operand lo = operand();
        if (!word("AND")) {
          throw new Outside();
        }
        Operand hi = operand();
        comparable(left, lo);
        comparable(left, hi);
        n = row -> {
          Object v = left.value(row);
          Object a = lo.value(row);
          Object b = hi.value(row);
          return v == null || a == null || b == null ? null
              : compare(v, a) >= 0 && compare(v, b) <= 0;
        };
      } else {
        if (negated || i >= t.size() || t.get(i).kind() != 'o') {
          throw new Outside();
        }
        String op = t.get(i++).text();
        Operand right = operand();
        comparable(left, right);
        return row -> {
          Object a = left.value(row);
          Object b = right.value(row);
          if (a == null || b == null) {
            return null;
          }
          int c = compare(a, b);
          return switch (op) {
            case "=", "==" -> c == 0;
            case "!=", "<>" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
          };
        };
      }
      if (!negated) {
        return n;
      }
      Node inner = n;
      return row -> {
        Boolean x = inner.test(row);
        return x == null ? null : !x;
      };
    }

    /** Refuses a comparison Spark would make with a cast (a string with a number, ...). */
    private void comparable(Operand a, Operand b) {
      Class<?> x = type(a);
      Class<?> y = type(b);
      if (x == null || y == null) {
        return;
      }
      boolean same = Number.class.isAssignableFrom(x) ? Number.class.isAssignableFrom(y)
          : x == y;
      if (!same) {
        throw new Outside();
      }
    }

    /** The class of an operand's values; null for a column of unknown type or NULL. */
    private Class<?> type(Operand o) {
      if (o instanceof Column c) {
        return types.get(c.index());
      }
      Object v = ((Literal) o).value();
      return v == null ? null : v instanceof Number ? Number.class : v.getClass();
    }

    Operand operand() {
      if (i >= t.size()) {
        throw new Outside();
      }
      Token k = t.get(i++);
      switch (k.kind()) {
        case 's':
          return new Literal(k.text());
        case 'n':
          return new Literal(Double.parseDouble(k.text()));
        case '-':
          if (i < t.size() && t.get(i).kind() == 'n') {
            return new Literal(-Double.parseDouble(t.get(i++).text()));
          }
          throw new Outside();
        case '`':
          return column(k.text());
        case 'w':
          String w = k.text().toUpperCase(Locale.ROOT);
          if (w.equals("TRUE") || w.equals("FALSE")) {
            return new Literal(w.equals("TRUE"));
          }
          if (w.equals("NULL")) {
            return new Literal(null);
          }
          if (i < t.size() && t.get(i).kind() == '(') {
            throw new Outside();
          }
          if (List.of("AND", "OR", "NOT", "IS", "IN", "LIKE", "BETWEEN", "CASE")
              .contains(w)) {
            throw new Outside();
          }
          return column(k.text());
        default:
          throw new Outside();
      }
    }

    private Column column(String name) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).equalsIgnoreCase(name)) {
          return new Column(c);
        }
      }
      if (i < t.size() && (t.get(i).kind() == '(' || peekWord("."))) {
        throw new Outside();
      }
      throw new UnknownColumnException(name);
    }
  }

  private record Column(int index) implements Operand {
    @Override
    public Object value(List<Object> row) {
      return row.get(index);
    }
  }

  private record Literal(Object value) implements Operand {
    @Override
    public Object value(List<Object> row) {
      return value;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a.getClass() != b.getClass()) {
      // Types differ only where a column's type was not known when parsed: never equal.
      return a.toString().compareTo(b.toString()) == 0 ? 1 : a.toString().compareTo(b.toString());
    }
    return ((Comparable) a).compareTo(b);
  }

  /** SQL LIKE: {@code %} any run, {@code _} one character, the rest literal. */
  private static Pattern like(String p) {
    StringBuilder re = new StringBuilder();
    for (char c : p.toCharArray()) {
      re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
