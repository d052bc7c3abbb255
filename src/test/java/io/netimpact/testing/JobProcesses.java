package io.netimpact.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs the job in a JVM of its own, as a user or a cluster would: the Maven test classpath
 * (target/classpath.txt, written by the build), the opens Spark needs on Java 17, stdout and
 * stderr captured. A run that outlives its timeout is killed with its children.
 */
public final class JobProcesses {
  /** What Spark needs opened on Java 17 (the same list as the pom's spark.jvm.opens). */
  public static final List<String> OPENS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false");

  /**
   * Options every job JVM started here gets (unless its command sets them itself): these JVMs
   * live seconds and route small networks, so the C1 compiler alone and the serial collector
   * cost about 40 % less CPU than the server defaults on two cores, and the job behaves the
   * same.
   */
  public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC");

  private JobProcesses() {}

  /** {@code cmd} with {@link #SHORT_LIVED} after the java binary, if it starts a JVM here. */
  static List<String> shortLived(List<String> cmd) {
    if (cmd.isEmpty() || !cmd.get(0).equals(java())
        || cmd.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel")
            || a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
      return cmd;
    }
    List<String> c = new ArrayList<>(cmd.size() + SHORT_LIVED.size());
    c.add(cmd.get(0));
    c.addAll(SHORT_LIVED);
    c.addAll(cmd.subList(1, cmd.size()));
    return c;
  }

  /** Exit code and captured output of a finished process. */
  public record Result(int code, String out, String err) {}

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The dependency jars of the test classpath, as the build listed them. */
  public static List<String> dependencyJars() throws IOException {
    String cp = Files.readString(Path.of("target/classpath.txt")).trim();
    return List.of(cp.split(java.io.File.pathSeparator));
  }

  /** target/classes, target/test-classes and every dependency jar, absolute. */
  public static String testClasspath() throws IOException {
    List<String> parts = new ArrayList<>(List.of(
        Path.of("target/classes").toAbsolutePath().toString(),
        Path.of("target/test-classes").toAbsolutePath().toString()));
    parts.addAll(dependencyJars());
    return String.join(java.io.File.pathSeparator, parts);
  }

  /** Packs target/classes into a jar: the job as spark-submit would receive it. */
  public static Path jarOfClasses(Path jar) throws IOException {
    Path classes = Path.of("target/classes");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * Starts {@code cmd} without waiting, stdout and stderr to {@code logs}; the caller waits
   * (and kills it, with its children, if it must).
   */
  public static Process start(List<String> cmd, Map<String, String> env, Path logs)
      throws IOException {
    Files.createDirectories(logs);
    ProcessBuilder pb = new ProcessBuilder(shortLived(cmd))
        .redirectOutput(logs.resolve("stdout.txt").toFile())
        .redirectError(logs.resolve("stderr.txt").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs {@code cmd} in the working directory with extra environment; kills it on timeout. */
  public static Result run(List<String> cmd, Map<String, String> env, Path logs, long seconds)
      throws IOException, InterruptedException {
    Files.createDirectories(logs);
    Path out = logs.resolve("stdout.txt");
    Path err = logs.resolve("stderr.txt");
    ProcessBuilder pb = new ProcessBuilder(shortLived(cmd)).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out after " + seconds + " s: " + cmd + "\nstderr:\n"
            + Files.readString(err));
      }
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /**
   * A stand-in Spark distribution under {@code dir}: {@code jars/} holds links to the test
   * classpath's jars, which is where local-cluster executors look for Spark.
   */
  public static Path fakeSparkHome(Path dir) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    for (String jar : dependencyJars()) {
      Path p = Path.of(jar);
      Path link = jars.resolve(p.getFileName());
      if (jar.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(link)) {
        Files.createSymbolicLink(link, p.toAbsolutePath());
      }
    }
    return dir;
  }

  /** Executor classpath for local-cluster runs: this build's classes. */
  public static String executorClasspath() {
    return Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
        + Path.of("target/test-classes").toAbsolutePath();
  }
}
