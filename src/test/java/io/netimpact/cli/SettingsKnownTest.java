package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every netimpact.* setting, from any source, is a known one or refused with the closest. */
class SettingsKnownTest {
  @TempDir
  Path tmp;

  private static void refused(Runnable r, String source) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(source), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean \"netimpact.warn-util\"?"), e.getMessage());
  }

  @Test
  void misspeltSettingInTheSparkConfiguration_isRefused() {
    refused(() -> JobSettings.resolve(List.of(), Optional.empty(),
        Map.of("spark.netimpact.warn_util", "0.5"), Optional.empty()), "Spark configuration");
  }

  @Test
  void misspeltSettingInConf_isRefused() {
    refused(() -> JobSettings.resolve(List.<String[]>of(new String[] {"netimpact.warnutil",
        "0.5"}), Optional.empty(), Map.of(), Optional.empty()), "--conf netimpact.warnutil");
  }

  @Test
  void misspeltSettingInAFile_isRefused() throws IOException {
    Path props = Files.writeString(tmp.resolve("p.properties"), "netimpact.warn_util=0.5\n");
    refused(() -> JobSettings.resolve(List.of(), Optional.of(props), Map.of(),
        Optional.empty()), "--properties-file");
    refused(() -> JobSettings.resolve(List.of(), Optional.empty(), Map.of(),
        Optional.of(props)), "defaults file");
  }

  @Test
  void knownSettingsAndOtherKeys_pass() {
    JobSettings s = JobSettings.resolve(List.<String[]>of(new String[] {
        "spark.netimpact.warn-util", "0.5"}, new String[] {"spark.executor.memory", "2g"}),
        Optional.empty(), Map.of("spark.app.name", "x"), Optional.empty());
    assertEquals("0.5", s.get(JobSettings.WARN_UTIL).value());
  }
}
