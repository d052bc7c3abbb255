package io.netimpact.model;

/** Argument checks shared by the records; each failure names the bad value. */
final class Checks {
  private Checks() {}

  static String id(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must be a non-empty string, got " + quote(value));
    }
    return value;
  }

  static double positiveFinite(double value, String what) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  /**
   * A capacity: finite and at least {@link Member#MIN_CAPACITY_GBPS}, below which a
   * utilisation (load / capacity) could overflow to infinity.
   */
  static double capacity(double value, String what) {
    positiveFinite(value, what);
    if (value < Member.MIN_CAPACITY_GBPS) {
      throw new IllegalArgumentException(what + " must be at least " + Member.MIN_CAPACITY_GBPS
          + " Gbps (1 bit/s), got " + value);
    }
    return value;
  }

  static double nonNegativeFinite(double value, String what) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  static int atLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be an integer >= 1, got " + value);
    }
    return value;
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "\"" + s + "\"";
  }
}
