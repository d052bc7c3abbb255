package io.netimpact.importer;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the user told the importer; everything else is a documented default.
 *
 * @param metric              metric rule; empty for the source's default (REPETITA: the
 *                            file's weights, the others: hop count)
 * @param unit                unit of an SNDlib file that states none; empty for the default
 *                            assumption (Mbit/s)
 * @param defaultCapacityGbps capacity of a Topology Zoo edge without a speed; empty for the
 *                            file's most common speed (1 Gbps when the file has none)
 * @param gravityDemands      replace (or supply) the demands with a gravity matrix
 * @param scaleToUtil         scale the demands so that the busiest arc's baseline utilisation
 *                            is this; empty to keep them (gravity demands default to 0.5)
 */
public record ImportOptions(Optional<MetricRule> metric, Optional<RateUnit> unit,
    OptionalDouble defaultCapacityGbps, boolean gravityDemands, OptionalDouble scaleToUtil) {

  /** Utilisation a gravity matrix is scaled to when no {@code scaleToUtil} is given. */
  public static final double GRAVITY_DEFAULT_UTIL = 0.5;

  public static final ImportOptions DEFAULTS = new ImportOptions(Optional.empty(),
      Optional.empty(), OptionalDouble.empty(), false, OptionalDouble.empty());

  public ImportOptions {
    defaultCapacityGbps.ifPresent(c -> {
      if (!(c > 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("default capacity must be a finite number > 0 Gbps, got " + c);
      }
    });
    scaleToUtil.ifPresent(u -> {
      if (!(u > 0) || Double.isInfinite(u)) {
        throw new IllegalArgumentException("target utilisation must be a finite number > 0, got " + u);
      }
    });
  }

  public ImportOptions withMetric(MetricRule m) {
    return new ImportOptions(Optional.of(m), unit, defaultCapacityGbps, gravityDemands, scaleToUtil);
  }

  public ImportOptions withUnit(RateUnit u) {
    return new ImportOptions(metric, Optional.of(u), defaultCapacityGbps, gravityDemands, scaleToUtil);
  }

  public ImportOptions withGravity(boolean g) {
    return new ImportOptions(metric, unit, defaultCapacityGbps, g, scaleToUtil);
  }

  public ImportOptions withScaleToUtil(double u) {
    return new ImportOptions(metric, unit, defaultCapacityGbps, gravityDemands, OptionalDouble.of(u));
  }

  public ImportOptions withDefaultCapacityGbps(double c) {
    return new ImportOptions(metric, unit, OptionalDouble.of(c), gravityDemands, scaleToUtil);
  }
}
