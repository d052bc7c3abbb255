package io.netimpact.generate;

import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** One snapshot table being streamed out, record by record (JSON lines or Parquet). */
public interface TableOutput extends AutoCloseable {
  void device(Device d);

  void link(Link l);

  void demand(Demand d);

  /** Records written so far. */
  long count();

  @Override
  void close();

  /**
   * Opens {@code DIR/TABLE.jsonl} or the Parquet directory {@code DIR/TABLE/}, first removing
   * either form left by an earlier run so the reader cannot pick up a stale table.
   */
  static TableOutput open(String dir, String table, boolean parquet, Configuration hadoop) {
    Path jsonl = new Path(dir, table + ".jsonl");
    Path pq = new Path(dir, table);
    try {
      FileSystem fs = jsonl.getFileSystem(hadoop);
      fs.delete(jsonl, false);
      fs.delete(pq, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir + "/" + table, e);
    }
    return parquet ? new ParquetTableOutput(pq, table, hadoop) : new Jsonl(
        SnapshotWriter.TableWriter.open(dir, table, hadoop));
  }

  /** JSON lines through the project's own {@link SnapshotWriter}. */
  final class Jsonl implements TableOutput {
    private final SnapshotWriter.TableWriter w;

    Jsonl(SnapshotWriter.TableWriter w) {
      this.w = w;
    }

    @Override
    public void device(Device d) {
      w.device(d);
    }

    @Override
    public void link(Link l) {
      w.link(l);
    }

    @Override
    public void demand(Demand d) {
      w.demand(d);
    }

    @Override
    public long count() {
      return w.count();
    }

    @Override
    public void close() {
      w.close();
    }
  }
}
