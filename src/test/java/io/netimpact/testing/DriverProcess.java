package io.netimpact.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code io.netimpact.job.Main} in a JVM of its own (a real driver process that can die),
 * with the build's classpath (target/classpath.txt is written by the build).
 */
public final class DriverProcess {
  private DriverProcess() {}

  /** Exit code and combined output of one run. */
  public record Result(int code, String output) {}

  public static Result run(List<String> jvmProperties, String... args)
      throws IOException, InterruptedException {
    String cp = "target/classes:" + Files.readString(Path.of("target/classpath.txt")).trim();
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dlog4j2.configurationFile=conf/log4j2.properties"));
    cmd.addAll(jvmProperties);
    cmd.addAll(List.of("-cp", cp, "io.netimpact.job.Main"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--conf", "spark.ui.enabled=false", "--master", "local[1]"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("driver did not finish: " + cmd);
    }
    return new Result(p.exitValue(), new String(out));
  }
}
