package io.netimpact.importer;

import java.util.Locale;
import java.util.Optional;

/** A rate unit of the source data and its factor to the contract's Gbps. */
public enum RateUnit {
  BPS(1e-9, "bit/s"),
  KBPS(1e-6, "kbit/s"),
  MBPS(1e-3, "Mbit/s"),
  GBPS(1.0, "Gbit/s");

  private final double toGbps;
  private final String label;

  RateUnit(double toGbps, String label) {
    this.toGbps = toGbps;
    this.label = label;
  }

  /** {@code value} in this unit, in Gbps. */
  public double toGbps(double value) {
    return value * toGbps;
  }

  public String label() {
    return label;
  }

  /** The unit of an SNDlib META/meta {@code unit} value (MBITPERSEC, BITSPERSEC, ...). */
  static Optional<RateUnit> ofSndlib(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "BITSPERSEC", "BITPERSEC" -> Optional.of(BPS);
      case "KBITPERSEC", "KBITSPERSEC" -> Optional.of(KBPS);
      case "MBITPERSEC", "MBITSPERSEC" -> Optional.of(MBPS);
      case "GBITPERSEC", "GBITSPERSEC" -> Optional.of(GBPS);
      default -> Optional.empty();
    };
  }
}
