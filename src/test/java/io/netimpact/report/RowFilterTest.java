package io.netimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's filters follow SQL: three-valued logic, case-insensitive names, no casts. */
class RowFilterTest {
  private static final List<String> COLUMNS = List.of("name", "util", "count");
  private static final List<Class<?>> TYPES = List.of(String.class, Double.class, Long.class);

  private static boolean keeps(String sql, Object... row) {
    return RowFilter.parse(sql, COLUMNS, TYPES).orElseThrow().test(Arrays.asList(row));
  }

  @Test
  void comparisonWithNull_isUnknown_soNeitherItNorItsNegationKeepsTheRow() {
    assertEquals(false, keeps("util > 0.5", "a", null, 1L));
    assertEquals(false, keeps("NOT util > 0.5", "a", null, 1L));
    assertEquals(true, keeps("util > 0.5 OR count = 1", "a", null, 1L));
    assertEquals(false, keeps("util > 0.5 AND count = 1", "a", null, 1L));
    assertEquals(true, keeps("util IS NULL", "a", null, 1L));
    assertEquals(false, keeps("count NOT IN (2, NULL)", "a", 0.1, 1L));
  }

  @Test
  void namesAndKeywords_ignoreCase_valuesDoNot() {
    assertTrue(keeps("NAME = 'lax' and Util between .1 AND 1e0", "lax", 0.5, 3L));
    assertEquals(false, keeps("name = 'LAX'", "lax", 0.5, 3L));
    assertTrue(keeps("name like 'la_%' and `count` >= -2", "lax-1", 0.5, 3L));
  }

  @Test
  void sqlOutsideThePart_isLeftToSpark() {
    assertTrue(RowFilter.parse("util * 100 > 50", COLUMNS, TYPES).isEmpty());
    assertTrue(RowFilter.parse("upper(name) = 'X'", COLUMNS, TYPES).isEmpty());
    assertTrue(RowFilter.parse("name = 1", COLUMNS, TYPES).isEmpty());
    assertTrue(RowFilter.parse("util > 0.5)", COLUMNS, TYPES).isEmpty());
  }

  @Test
  void unknownColumn_isNamed() {
    RowFilter.UnknownColumnException e = assertThrows(RowFilter.UnknownColumnException.class,
        () -> RowFilter.parse("utl > 0.5", COLUMNS, TYPES));
    assertEquals("utl", e.column());
  }
}
