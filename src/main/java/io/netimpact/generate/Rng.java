package io.netimpact.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams: one per named part of the network, so that the
 * order in which parts are generated (or skipped) never changes another part's numbers.
 * {@link SplittableRandom}'s algorithm is specified by the JDK, so a seed gives the same
 * network on every Java version.
 */
final class Rng {
  private Rng() {}

  static SplittableRandom stream(long seed, String part) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return new SplittableRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
