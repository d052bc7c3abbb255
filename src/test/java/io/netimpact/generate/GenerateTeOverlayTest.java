package io.netimpact.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.SnapshotReader;
import io.netimpact.model.Snapshot;
import io.netimpact.te.TeOverlay;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --te: LSPs and policies that read back as valid TE tables and place. */
class GenerateTeOverlayTest {
  @TempDir
  Path dir;

  @Test
  void smallPresetWithTe_readsBackWithLspsAndPoliciesThatPlace() {
    SnapshotGenerator.generate(Preset.SMALL, 3, dir.toString(), new Configuration(),
        SnapshotGenerator.Format.AUTO, true);
    Snapshot s = new SnapshotReader(new Configuration())
        .read(dir.toString(), SnapshotReader.OnBadRecord.FAIL).snapshot();
    assertTrue(s.te().lsps().size() > 0, "LSPs: " + s.te().lsps().size());
    assertTrue(s.te().policies().size() > 0, "policies: " + s.te().policies().size());
    TeOverlay ov = TeOverlay.of(s, true);
    long up = java.util.stream.IntStream.range(0, s.te().lsps().size())
        .filter(j -> ov.before().lsps().isUp(j)).count();
    assertTrue(up > s.te().lsps().size() / 2, up + " of " + s.te().lsps().size() + " placed");
    long steering = java.util.stream.IntStream.range(0, s.te().policies().size())
        .filter(i -> ov.before().candidate(i) >= 0).count();
    assertTrue(steering > s.te().policies().size() / 2, steering + " policies steer");
  }
}
