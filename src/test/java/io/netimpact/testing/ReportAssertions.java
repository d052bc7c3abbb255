package io.netimpact.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.verdict.DemandImpact;
import io.netimpact.verdict.ImpactReport;
import io.netimpact.verdict.LinkImpact;
import io.netimpact.verdict.ScenarioSummary;

/** Row-by-row comparison of scenario reports, loads within 1e-9 relative. */
public final class ReportAssertions {
  private ReportAssertions() {}

  /** Asserts two reports agree row by row (loads within 1e-9 relative). */
  public static void assertSameReport(ImpactReport full, ImpactReport inc, String what) {
    ScenarioSummary p = full.summary();
    ScenarioSummary q = inc.summary();
    assertEquals(p.verdict(), q.verdict(), what);
    assertClose(p.maxUtilAfter(), q.maxUtilAfter(), what + " max util");
    assertEquals(p.linksOverWarnAfter(), q.linksOverWarnAfter(), what);
    assertEquals(p.linksOverCapacityAfter(), q.linksOverCapacityAfter(), what);
    assertClose(p.unroutableGbpsAfter(), q.unroutableGbpsAfter(), what + " unroutable");
    assertClose(p.overflowGbpsAfter(), q.overflowGbpsAfter(), what + " overflow");
    assertEquals(p.affectedDemands(), q.affectedDemands(), what + " affected demands");
    assertEquals(full.links().size(), inc.links().size(), what + " link rows " + full.links()
        + "\n vs " + inc.links());
    for (int i = 0; i < full.links().size(); i++) {
      LinkImpact x = full.links().get(i);
      LinkImpact y = inc.links().get(i);
      String arc = what + " " + x.linkId() + ":" + x.fromDevice();
      assertEquals(x.linkId() + x.fromDevice(), y.linkId() + y.fromDevice(), arc);
      assertClose(x.loadAfterGbps(), y.loadAfterGbps(), arc);
      assertClose(x.capacityAfterGbps(), y.capacityAfterGbps(), arc);
      assertEquals(x.statusAfter(), y.statusAfter(), arc);
    }
    for (int i = 0; i < full.demands().size(); i++) {
      DemandImpact x = full.demands().get(i);
      DemandImpact y = inc.demands().get(i);
      assertEquals(x.src() + x.dst() + x.status(), y.src() + y.dst() + y.status(), what);
      assertEquals(x.latencyBefore().isPresent(), y.latencyBefore().isPresent(), what);
      assertEquals(x.latencyAfter().isPresent(), y.latencyAfter().isPresent(), what);
      if (x.latencyAfter().isPresent()) {
        assertClose(x.latencyAfter().getAsDouble(), y.latencyAfter().getAsDouble(), what);
      }
    }
  }

  public static void assertClose(double x, double y, String what) {
    assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), what);
  }

  /**
   * Asserts two reports are the same row for row and field for field (every component of every
   * record: ids, verdicts, reasons, statuses exactly; doubles within 1e-9 relative, for sums
   * taken in another order).
   */
  public static void assertIdentical(ImpactReport expected, ImpactReport actual, String what) {
    assertSameValue(expected, actual, what);
  }

  private static void assertSameValue(Object x, Object y, String what) {
    if (x instanceof Double a && y instanceof Double b) {
      if (!(a.isNaN() && b.isNaN())) {
        assertClose(a, b, what);
      }
    } else if (x instanceof java.util.OptionalDouble a && y instanceof java.util.OptionalDouble b) {
      assertEquals(a.isPresent(), b.isPresent(), what);
      if (a.isPresent()) {
        assertClose(a.getAsDouble(), b.getAsDouble(), what);
      }
    } else if (x instanceof java.util.List<?> a && y instanceof java.util.List<?> b) {
      assertEquals(a.size(), b.size(), what + " size");
      for (int i = 0; i < a.size(); i++) {
        assertSameValue(a.get(i), b.get(i), what + "[" + i + "]");
      }
    } else if (x instanceof double[] a && y instanceof double[] b) {
      assertEquals(a.length, b.length, what + " length");
      for (int i = 0; i < a.length; i++) {
        assertClose(a[i], b[i], what + "[" + i + "]");
      }
    } else if (x != null && x.getClass().isRecord() && y != null
        && x.getClass() == y.getClass()) {
      for (java.lang.reflect.RecordComponent c : x.getClass().getRecordComponents()) {
        try {
          assertSameValue(c.getAccessor().invoke(x), c.getAccessor().invoke(y),
              what + "." + c.getName());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(what + "." + c.getName() + ": " + e, e);
        }
      }
    } else {
      assertEquals(x, y, what);
    }
  }
}
