package io.netimpact.report;

/**
 * Text from the inputs (ids, titles, messages quoting them) made safe to print on a terminal
 * or in a text file read on one: control characters other than the line feed (escape
 * sequences that could clear the screen or rewrite a verdict, carriage returns that overwrite
 * a line, C1 controls) and the bidirectional overrides that reorder what is shown are printed
 * as {@code \\u001B}-style escapes. Printable text, including non-ASCII, is unchanged. O(length).
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with every unsafe character (class comment) escaped. */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && safe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (safe(c)) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean safe(char c) {
    if (c == '\n') {
      return true;
    }
    if (Character.getType(c) == Character.CONTROL) {
      return false;
    }
    // Bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069).
    return !(c >= '\u202A' && c <= '\u202E') && !(c >= '\u2066' && c <= '\u2069');
  }
}
