package io.netimpact.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines strictly: invalid bytes and lines longer than a limit are errors that
 * name the line, instead of replacement characters or an out-of-memory error. Lines are split
 * on the byte '\n' (which never occurs inside a UTF-8 sequence) and each line is decoded on
 * its own, so an error is reported on the line that holds it. A line is refused as soon as
 * it passes the limit, without reading on to its end: a stream that never ends a line (a
 * FIFO, {@code /dev/zero}) is refused after {@code limit} bytes instead of read forever.
 * O(bytes) time, O(limit) memory.
 */
final class BoundedLineReader implements AutoCloseable {
  private final InputStream in;
  private final int maxBytes;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[256];
  private long lineNo;

  /** @param maxChars longest line accepted, in characters (bytes are counted, up to 4 each) */
  BoundedLineReader(InputStream stream, int maxChars) {
    this.in = new BufferedInputStream(stream, 1 << 16);
    this.maxBytes = maxChars;
  }

  /** The number of the line last returned, from 1. */
  long lineNumber() {
    return lineNo;
  }

  /**
   * The next line without its terminator, or null at the end.
   *
   * @throws LineException for invalid UTF-8 (reading can go on with the next line) or a line
   *     longer than the limit (fatal: the rest of it is not read)
   */
  String next() throws IOException {
    int n = 0;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (n >= maxBytes) {
        // Refused here, not at the line's end, which may never come: reading cannot go on.
        lineNo++;
        line = new byte[256];
        throw new LineException(lineNo, "is longer than " + maxBytes + " characters", true);
      }
      if (n == line.length) {
        line = Arrays.copyOf(line, Math.min(maxBytes, n * 2));
      }
      line[n++] = (byte) b;
      b = in.read();
    }
    lineNo++;
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    // A UTF-8 byte order mark, which some editors write, is not part of the first record.
    int from = lineNo == 1 && n >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
        && (line[2] & 0xff) == 0xBF ? 3 : 0;
    try {
      return decoder.decode(ByteBuffer.wrap(line, from, n - from)).toString();
    } catch (CharacterCodingException e) {
      throw new LineException(lineNo, "is not valid UTF-8", false);
    }
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
