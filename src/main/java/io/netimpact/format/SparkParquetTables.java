package io.netimpact.format;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Parquet tables through Spark: schema checked on read, rows streamed to the driver. */
public final class SparkParquetTables implements ParquetTables {
  private final SparkSession spark;

  public SparkParquetTables(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public Iterator<String> rows(String path, String table, List<String> required) {
    Dataset<Row> df;
    try {
      df = spark.read().parquet(path);
    } catch (Exception e) {
      throw unreadable(path, e);
    }
    Set<String> found = new TreeSet<>(Arrays.asList(df.columns()));
    for (String col : required) {
      if (!found.contains(col)) {
        throw new BadInputException(new InputProblem(path, "", col,
            "the Parquet schema lacks this column (found: " + String.join(", ", found) + ")"));
      }
    }
    Iterator<String> it;
    try {
      it = df.toJSON().toLocalIterator();
    } catch (Exception e) {
      throw unreadable(path, e);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return it.hasNext();
        } catch (Exception e) {
          throw unreadable(path, e);
        }
      }

      @Override
      public String next() {
        try {
          return it.next();
        } catch (Exception e) {
          throw unreadable(path, e);
        }
      }
    };
  }

  private static BadInputException unreadable(String path, Exception e) {
    return e instanceof BadInputException b ? b : new BadInputException(new InputProblem(path,
        "", "", "cannot read the Parquet table: " + rootMessage(e)));
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }
}
