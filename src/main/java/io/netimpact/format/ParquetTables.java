package io.netimpact.format;

import java.util.Iterator;
import java.util.List;

/** Reads a Parquet table directory as JSON records (one per row), for the snapshot reader. */
public interface ParquetTables {

  /**
   * Rows of the table at {@code path} as JSON objects, in file order.
   *
   * @param required columns that must exist; a missing one is a {@link BadInputException}
   *     naming the columns found
   */
  Iterator<String> rows(String path, String table, List<String> required);

  /** For callers with no Spark session: every Parquet table is an error. */
  ParquetTables NONE = (path, table, required) -> {
    throw new BadInputException(new InputProblem(path, "", "",
        "Parquet tables need a Spark session; this reader has none"));
  };
}
