package io.netimpact.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The verdict with classes of service (docs/classes.md): BLOCK when the change makes traffic
 * unroutable that was routable, or makes a protected class drop on an arc where it did not;
 * RISK when it makes another class drop where it did not, or puts an arc above warn that was
 * not; else SAFE. With classes an arc over capacity is not BLOCK by itself: what it drops
 * decides.
 * The reason names the class, the arc and the Gbps newly dropped (the largest such row).
 */
public final class ClassVerdict {
  private ClassVerdict() {}

  public static Verdict of(boolean newlyUnroutable, boolean newlyWarn, ClassReport classes) {
    if (newlyUnroutable || classes.newlyProtected()) {
      return Verdict.BLOCK;
    }
    return classes.newlyOther() || newlyWarn ? Verdict.RISK : Verdict.SAFE;
  }

  /** The one-line reason for {@code verdict}, from the scenario's rows. O(rows). */
  public static String reason(Verdict verdict, List<LinkImpact> links,
      List<DemandImpact> demands, Thresholds th, ClassReport classes,
      java.util.function.Predicate<String> isProtected) {
    StringBuilder why = new StringBuilder();
    if (verdict == Verdict.BLOCK) {
      String lost = VerdictReason.of(Verdict.BLOCK, List.of(), demands, th);
      if (demands.stream().anyMatch(d -> d.status() == DemandStatus.UNROUTABLE && d.gbps() > 0)) {
        why.append(lost.substring("BLOCK: ".length()));
      }
      newDrop(why, classes.rows(), r -> isProtected.test(r.trafficClass()), "protected class");
    } else if (verdict == Verdict.RISK) {
      newDrop(why, classes.rows(), r -> !isProtected.test(r.trafficClass()), "class");
      if (why.isEmpty()) {
        return VerdictReason.of(Verdict.RISK, links, demands, th);
      }
    } else {
      return VerdictReason.of(verdict, links, demands, th);
    }
    if (why.isEmpty()) {
      why.append("no arc or demand in the rows explains it");
    }
    return verdict + ": " + why;
  }

  private static void newDrop(StringBuilder why, List<ClassImpact> rows,
      java.util.function.Predicate<ClassImpact> which, String what) {
    List<ClassImpact> hits = rows.stream()
        .filter(r -> r.droppedAfterGbps() > 0 && r.droppedBeforeGbps() == 0 && which.test(r))
        .toList();
    if (hits.isEmpty()) {
      return;
    }
    ClassImpact w = hits.stream().min(Comparator.comparingDouble(ClassImpact::droppedAfterGbps)
        .reversed().thenComparing(ClassImpact::linkId).thenComparing(ClassImpact::fromDevice)
        .thenComparing(ClassImpact::trafficClass)).get();
    if (!why.isEmpty()) {
      why.append("; ");
    }
    why.append(what).append(' ').append(w.trafficClass()).append(" newly drops ")
        .append(String.format(Locale.ROOT, "%.1f", w.droppedAfterGbps())).append(" Gbps on ")
        .append(w.fromDevice()).append(VerdictReason.ARROW).append(w.toDevice()).append(" (")
        .append(w.linkId()).append(')');
    if (hits.size() > 1) {
      why.append(" (").append(hits.size()).append(" new drops)");
    }
  }
}
