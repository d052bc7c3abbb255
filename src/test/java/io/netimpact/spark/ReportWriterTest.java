package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The publish code's own guard: whatever checked an id before, no target leaves --out. */
class ReportWriterTest {
  @Test
  void inside_refusesEveryPathThatIsNotADirectoryOfItsOwnUnderOut() {
    Path root = new Path("file:/tmp/o");
    for (String bad : List.of("_runs/../../x/_SUCCESS", "_runs/a/../_SUCCESS", "../x", "a//b",
        "_runs/./x", "t/run_id=a:b", "/abs", "x/")) {
      assertThrows(IllegalArgumentException.class, () -> ReportWriter.inside(root, bad), bad);
    }
    assertEquals(new Path("file:/tmp/o/_runs/r-1/_SUCCESS"),
        ReportWriter.inside(root, "_runs/r-1/_SUCCESS"));
    assertEquals(new Path("s3a://b/p/t/run_id=r"),
        ReportWriter.inside(new Path("s3a://b/p"), "t/run_id=r"));
  }

  @Test
  void failpoints_parseTheirActions_andRefuseATypo() {
    var points = Failpoints.parse("publish.after-moves=halt@2;sweep.route-unit=sleep(250);"
        + "publish.before-marker=pause(/tmp/go);serve.evaluate-batch=fail@1");
    assertEquals(new Failpoints.Action("halt", "", 2), points.get("publish.after-moves"));
    assertEquals(new Failpoints.Action("sleep", "250", 0), points.get("sweep.route-unit"));
    assertEquals(new Failpoints.Action("pause", "/tmp/go", 0), points.get("publish.before-marker"));
    assertEquals(new Failpoints.Action("fail", "", 1), points.get("serve.evaluate-batch"));
    for (String bad : List.of("publish.before-marker=hlat", "x=sleep", "x=halt(3)", "x=fail(now)",
        "x=sleep(soon)")) {
      assertThrows(IllegalArgumentException.class, () -> Failpoints.parse(bad), bad);
    }
  }
}
