package io.netimpact.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Snapshot;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot generated in memory is the one the generator's files hold. */
class GeneratedSnapshotInMemoryTest {
  @TempDir
  Path tmp;

  @Test
  void snapshotInMemory_equalsTheWrittenFilesReadBack() {
    Configuration conf = new Configuration();
    SnapshotGenerator.generate(Preset.SMALL, 7, tmp.toString(), conf,
        SnapshotGenerator.Format.JSONL);
    Snapshot read = new SnapshotReader(conf).read(tmp.toString(),
        SnapshotReader.OnBadRecord.FAIL).snapshot();
    Snapshot made = SnapshotGenerator.snapshot(Preset.SMALL, 7);
    assertEquals(read.info(), made.info());
    assertEquals(read.devices(), made.devices());
    assertEquals(read.links(), made.links());
    assertEquals(read.demands(), made.demands());
  }
}
