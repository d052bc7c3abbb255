package io.netimpact.cli;

import io.netimpact.model.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code KINDS} of {@code --survive}: a comma list of link, srlg, device, site. */
final class SurviveKinds {
  private SurviveKinds() {}

  /** The kinds in the order given, each once. */
  static List<Sweep.Each> parse(String list, String option) {
    List<Sweep.Each> out = new ArrayList<>();
    for (String k : list.split(",", -1)) {
      String t = k.trim().toLowerCase(Locale.ROOT);
      Sweep.Each e = switch (t) {
        case "link" -> Sweep.Each.LINK;
        case "srlg" -> Sweep.Each.SRLG;
        case "device" -> Sweep.Each.DEVICE;
        case "site" -> Sweep.Each.SITE;
        default -> throw new IllegalArgumentException(option + " takes a comma list of link, "
            + "srlg, device, site; got \"" + k + "\" in \"" + list + "\"");
      };
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
