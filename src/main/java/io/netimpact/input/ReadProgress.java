package io.netimpact.input;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Says how far the reading of a large input has got, every {@code interval} (a 2-million-line
 * demand table takes about 10 s to read and validate, otherwise silent). Small inputs, read
 * within the first interval, print nothing. The clock is read once every 4,096 records.
 */
final class ReadProgress {
  static final long EVERY_NANOS = 5_000_000_000L;

  private final String what;
  private final PrintStream out;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private long next;
  private long records;

  ReadProgress(String what, PrintStream out, long intervalNanos) {
    this.what = what;
    this.out = out;
    this.intervalNanos = intervalNanos;
    this.next = start + intervalNanos;
  }

  /** The standard one: stderr, every 5 s. */
  static ReadProgress of(String what) {
    return new ReadProgress(what, System.err, EVERY_NANOS);
  }

  /** One more record read. */
  void record() {
    records++;
    if ((records & 4095) == 0 || intervalNanos == 0) {
      long now = System.nanoTime();
      if (now >= next) {
        next = now + intervalNanos;
        double s = (now - start) / 1e9;
        out.printf(Locale.ROOT, "netimpact: reading %s: %,d records in %.1f s (%,.0f/s)%n",
            what, records, s, records / Math.max(s, 1e-9));
      }
    }
  }
}
