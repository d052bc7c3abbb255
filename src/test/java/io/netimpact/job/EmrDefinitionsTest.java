package io.netimpact.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.testing.JobProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The emr/ definitions, offline: valid JSON, the steps' spark-submit arguments name the real
 * main class and parse with the job's real command line, the scripts are valid bash and call
 * the AWS CLI with a step that parses too, and no credentials are written anywhere.
 */
class EmrDefinitionsTest {
  static final Path EMR = Path.of("emr");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private static JsonNode read(String file) throws IOException {
    return JSON.readTree(EMR.resolve(file).toFile());
  }

  /**
   * Checks one step's arguments (command-runner's: spark-submit first) and returns the job's
   * parsed subcommand.
   */
  private static CommandLine.ParseResult assertValidStep(List<String> args) throws Exception {
    assertEquals("spark-submit", args.get(0), args.toString());
    int cls = args.indexOf("--class");
    assertTrue(cls > 0, "--class given: " + args);
    assertEquals("cluster", args.get(args.indexOf("--deploy-mode") + 1));
    Class<?> main = Class.forName(args.get(cls + 1));
    assertEquals(Main.class, main);
    String jar = args.get(cls + 2);
    assertTrue(jar.startsWith("s3://") && jar.endsWith(".jar"), jar);
    List<String> jobArgs = args.subList(cls + 3, args.size());
    // Parses without running: unknown options, bad enums or missing required ones throw.
    // Case-insensitive enums as in Main.execute, which is what runs on the cluster.
    CommandLine.ParseResult pr = new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true).parseArgs(jobArgs.toArray(String[]::new));
    CommandLine.ParseResult sub = pr.subcommand();
    assertTrue(sub != null, "a subcommand: " + jobArgs);
    assertEquals("yarn", sub.matchedOptionValue("--master", ""));
    for (String path : List.of("--snapshot", "--out")) {
      assertTrue(sub.matchedOptionValue(path, "").startsWith("s3://"), path + " on S3");
    }
    return sub;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void everyDefinition_isValidJson_andHoldsNoCredentials() throws IOException {
    try (Stream<Path> files = Files.walk(EMR)) {
      // The definitions and scripts; the README names the masked keys on purpose.
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")
          || p.toString().endsWith(".sh"))::iterator) {
        String text = Files.readString(f);
        if (f.toString().endsWith(".json")) {
          JSON.readTree(text);
        }
        for (String forbidden : List.of("access.key", "secret.key", "AKIA", "session.token",
            "aws_secret_access_key")) {
          assertFalse(text.contains(forbidden), f + " mentions " + forbidden);
        }
      }
    }
  }

  @Test
  void clusterConfiguration_setsKryoTheRegistratorAndTheCommitters() throws Exception {
    JsonNode conf = read("configurations.json");
    JsonNode spark = null;
    for (JsonNode c : conf) {
      if (c.path("Classification").asText().equals("spark-defaults")) {
        spark = c.path("Properties");
      }
    }
    assertTrue(spark != null, "a spark-defaults classification");
    assertEquals("org.apache.spark.serializer.KryoSerializer", spark.path("spark.serializer")
        .asText());
    String registrator = spark.path("spark.kryo.registrator").asText();
    assertEquals(NetimpactKryoRegistrator.class, Class.forName(registrator));
    assertEquals("true", spark.path("spark.sql.parquet.fs.optimized.committer"
        + ".optimization-enabled").asText());
    assertEquals("magic", spark.path("spark.hadoop.fs.s3a.committer.name").asText());
    // The release ships the Spark the job is built for.
    String script = Files.readString(EMR.resolve("create-cluster.sh"));
    assertTrue(script.matches("(?s).*emr-7\\.(9|10)\\.0.*"), "EMR 7.9 or 7.10");
    for (JsonNode g : read("instance-groups.json")) {
      assertTrue(g.path("InstanceCount").asInt() >= 1);
    }
  }

  @Test
  void steps_runTheRealMainClass_withArgumentsTheJobAccepts() throws Exception {
    JsonNode nightly = read("steps/nightly-sweep.json").get(0);
    assertEquals("command-runner.jar", nightly.path("Jar").asText());
    assertEquals("sweep", assertValidStep(strings(nightly.path("Args"))).commandSpec().name());
    JsonNode review = read("steps/review.json").get(0);
    assertEquals("review", assertValidStep(strings(review.path("Args"))).commandSpec().name());
  }

  @Test
  void nightlySchedule_startsTheStateMachine_whoseStepParses() throws Exception {
    JsonNode schedule = read("nightly-schedule.json");
    assertTrue(schedule.path("ScheduleExpression").asText().startsWith("cron("));
    JsonNode input = JSON.readTree(schedule.path("Target").path("Input").asText());
    assertTrue(input.has("clusterId") && input.has("scheduledTime"), input.toString());
    assertTrue(schedule.path("Target").path("Arn").asText().contains(":stateMachine:"));

    JsonNode asl = read("nightly-sweep.asl.json");
    JsonNode step = asl.path("States").path("Sweep");
    assertEquals("arn:aws:states:::elasticmapreduce:addStep.sync", step.path("Resource")
        .asText());
    String array = step.path("Parameters").path("Step").path("HadoopJarStep").path("Args.$")
        .asText();
    // Evaluates the States.Array(...) of quoted literals and $.runId, the only reference used.
    Matcher m = Pattern.compile("'([^']*)'|\\$\\.(\\w+)").matcher(
        array.substring("States.Array(".length()));
    List<String> args = new ArrayList<>();
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : "nightly-2026-11-24");
    }
    CommandLine.ParseResult sub = assertValidStep(args);
    assertEquals("sweep", sub.commandSpec().name());
    assertEquals("nightly-2026-11-24", sub.matchedOptionValue("--run-id", ""));
  }

  @Test
  void addReviewStep_callsAwsWithAStepTheJobAccepts() throws Exception {
    assertEquals(0, JobProcesses.run(List.of("bash", "-n", "emr/add-review-step.sh"), Map.of(),
        tmp.resolve("n1"), 30).code());
    assertEquals(0, JobProcesses.run(List.of("bash", "-n", "emr/create-cluster.sh"), Map.of(),
        tmp.resolve("n2"), 30).code());
    // A stand-in aws records its arguments: the script is run for real, AWS is not.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path calls = tmp.resolve("calls.txt");
    Path aws = bin.resolve("aws");
    Files.writeString(aws, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > " + calls
        + "\necho s-STEP123\n");
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    JobProcesses.Result r = JobProcesses.run(List.of("bash", "emr/add-review-step.sh",
        "--cluster-id", "j-TEST", "--change", "s3://b/changes/CR \"quoted\".json",
        "--fail-on", "block", "--run-id", "CR-9"),
        Map.of("PATH", bin + ":" + System.getenv("PATH"), "NETIMPACT_BUCKET", "b"),
        tmp.resolve("run"), 30);
    assertEquals(0, r.code(), r.err());
    assertEquals("s-STEP123", r.out().trim());
    List<String> awsArgs = Files.readAllLines(calls);
    assertEquals(List.of("emr", "add-steps", "--cluster-id", "j-TEST", "--steps"),
        awsArgs.subList(0, 5));
    JsonNode steps = JSON.readTree(awsArgs.get(5));
    List<String> args = strings(steps.get(0).path("Args"));
    CommandLine.ParseResult sub = assertValidStep(args);
    assertEquals("review", sub.commandSpec().name());
    assertEquals("s3://b/changes/CR \"quoted\".json", sub.matchedOptionValue("--change", ""));
    assertEquals("s3://b/jars/netimpact.jar", args.get(args.indexOf("--class") + 2));
    assertEquals("CR-9", sub.matchedOptionValue("--run-id", ""));

    JobProcesses.Result missing = JobProcesses.run(List.of("bash", "emr/add-review-step.sh",
        "--cluster-id", "j-TEST"), Map.of("PATH", bin + ":" + System.getenv("PATH")),
        tmp.resolve("bad"), 30);
    assertEquals(2, missing.code(), "no --change is a usage error");
  }
}
