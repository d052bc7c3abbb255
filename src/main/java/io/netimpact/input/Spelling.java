package io.netimpact.input;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The closest known name to a misspelt one (a field, a setting, a table), for "did you mean"
 * hints: the one within two edits (case ignored), the first of equally close ones. O(names x
 * name length squared).
 */
public final class Spelling {
  private static final int MAX_EDITS = 2;
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

  private Spelling() {}

  /** The closest of {@code known} to {@code given}, if one is within two edits. */
  public static Optional<String> closest(String given, Collection<String> known) {
    String best = null;
    int bestD = MAX_EDITS + 1;
    String g = given.toLowerCase(Locale.ROOT);
    for (String n : known) {
      int d = DISTANCE.apply(g, n.toLowerCase(Locale.ROOT));
      // -1: more than MAX_EDITS apart.
      if (d >= 0 && d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " (did you mean \"x\"?)"} for the closest name, or "" when none is close. */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(n -> " (did you mean \"" + n + "\"?)").orElse("");
  }
}
