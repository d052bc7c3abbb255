package io.netimpact.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines strictly: invalid bytes and lines longer than a limit are errors that
 * name the line, instead of replacement characters or an out-of-memory error.
 */
final class BoundedLineReader implements AutoCloseable {
  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[65536];
  private int pos;
  private int len;
  private long lineNo;
  private StringBuilder line = new StringBuilder(256);

  BoundedLineReader(InputStream stream, int maxChars) {
    this.in = new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    this.maxChars = maxChars;
  }

  /** The number of the line last returned, from 1. */
  long lineNumber() {
    return lineNo;
  }

  /**
   * The next line without its terminator, or null at the end.
   *
   * @throws LineException for invalid UTF-8 or an over-long line (the rest of that line is
   *     skipped, so reading can go on)
   */
  String next() throws IOException {
    line.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        try {
          len = in.read(buf, 0, buf.length);
        } catch (CharacterCodingException e) {
          lineNo++;
          throw new LineException(lineNo, "is not valid UTF-8", true);
        }
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      char c = buf[pos++];
      if (c == '\n') {
        break;
      }
      if (!tooLong) {
        if (line.length() >= maxChars) {
          tooLong = true;
          line = new StringBuilder(256);
        } else {
          line.append(c);
        }
      }
    }
    lineNo++;
    if (tooLong) {
      throw new LineException(lineNo, "is longer than " + maxChars + " characters", false);
    }
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A line that cannot be read; {@code fatal} when reading cannot go on after it. */
  static final class LineException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;
    final boolean fatal;

    LineException(long line, String what, boolean fatal) {
      super("line " + line + " " + what);
      this.line = line;
      this.fatal = fatal;
    }
  }
}
