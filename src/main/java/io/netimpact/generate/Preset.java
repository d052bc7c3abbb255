package io.netimpact.generate;

/**
 * Named sizes. Devices, links, demand endpoints and demand rows of each (exact values from
 * {@link Shape}): small 282 / ~950 / 54 / ~1k (JSON lines); medium ~9.7k / ~40k / 464 / ~100k
 * (JSON lines); large ~100k / ~420k / 1,968 / ~1M (Parquet); xl ~970k / ~4.2M / 4,896 / ~5M
 * (Parquet).
 */
public enum Preset {
  SMALL(new Shape(3, 1, 4, 16, 4, 2, 4, 2, 2, 20), false),
  MEDIUM(new Shape(4, 2, 14, 80, 4, 8, 14, 4, 4, 216), false),
  LARGE(new Shape(8, 3, 20, 200, 4, 16, 20, 6, 6, 508), true),
  XL(new Shape(12, 4, 60, 330, 4, 32, 25, 8, 8, 1021), true);

  private final Shape shape;
  private final boolean parquet;

  Preset(Shape shape, boolean parquet) {
    this.shape = shape;
    this.parquet = parquet;
  }

  public Shape shape() {
    return shape;
  }

  /** Whether the tables are written as Parquet directories (else JSON lines). */
  public boolean parquet() {
    return parquet;
  }

  /**
   * Whether the demand scaling routes a reduced network without the ToRs (see {@link
   * Calibration}): only xl, where routing a million devices per destination on one machine
   * would take hours.
   */
  public boolean calibrateWithoutRacks() {
    return this == XL;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
