package io.netimpact.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netimpact.cli.Main;
import io.netimpact.spark.NetimpactKryoRegistrator;
import io.netimpact.testing.JobProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The emr/ definitions, read as AWS would read them, offline: the state machine (as the stack in
 * emr/cloudformation/netimpact.json deploys it) through the Amazon States Language validator
 * (npm's asl-validator, installed by this test from .ci/asl-validator's lock file) and walked
 * for its promises (the cluster is always terminated once created), the cluster and step JSON
 * against the fields AWS documents for them, the steps' spark-submit arguments parsed by the
 * job's real command line, and the scripts run in their dry mode, which prints the AWS CLI
 * calls they would make. The stack's grants, bucket and schedule: EmrSetupTest.
 */
class EmrDefinitionsTest {
  static final Path EMR = Path.of("emr");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String RELEASE = "emr-7.9.0";

  /** RunJobFlow's request fields (EMR API reference), as createCluster.sync takes them. */
  static final Set<String> RUN_JOB_FLOW = Set.of("Name", "LogUri", "LogEncryptionKmsKeyId",
      "AdditionalInfo", "ReleaseLabel", "Instances", "Steps", "BootstrapActions",
      "SupportedProducts", "NewSupportedProducts", "Applications", "Configurations",
      "VisibleToAllUsers", "JobFlowRole", "ServiceRole", "Tags", "SecurityConfiguration",
      "AutoScalingRole", "ScaleDownBehavior", "CustomAmiId", "EbsRootVolumeSize",
      "EbsRootVolumeIops", "EbsRootVolumeThroughput", "RepoUpgradeOnBoot",
      "KerberosAttributes", "StepConcurrencyLevel", "ManagedScalingPolicy",
      "PlacementGroupConfigs", "AutoTerminationPolicy", "OSReleaseLabel");
  /** JobFlowInstancesConfig's fields. */
  static final Set<String> INSTANCES = Set.of("MasterInstanceType", "SlaveInstanceType",
      "InstanceCount", "InstanceGroups", "InstanceFleets", "Ec2KeyName", "Placement",
      "KeepJobFlowAliveWhenNoSteps", "TerminationProtected", "UnhealthyNodeReplacement",
      "HadoopVersion", "Ec2SubnetId", "Ec2SubnetIds", "EmrManagedMasterSecurityGroup",
      "EmrManagedSlaveSecurityGroup", "ServiceAccessSecurityGroup",
      "AdditionalMasterSecurityGroups", "AdditionalSlaveSecurityGroups");
  /** InstanceGroupConfig's fields (the API's; the CLI file uses InstanceGroupType instead). */
  static final Set<String> INSTANCE_GROUP = Set.of("Name", "Market", "InstanceRole",
      "BidPrice", "InstanceType", "InstanceCount", "Configurations", "EbsConfiguration",
      "AutoScalingPolicy", "CustomAmiId");
  /** What `aws emr create-cluster --instance-groups` reads per group. */
  static final Set<String> CLI_INSTANCE_GROUP = Set.of("Name", "InstanceGroupType",
      "InstanceCount", "InstanceType", "Market", "BidPrice", "EbsConfiguration",
      "Configurations", "AutoScalingPolicy", "CustomAmiId");
  /** What `aws emr add-steps --steps file://...` reads per step. */
  static final Set<String> CLI_STEP = Set.of("Type", "Name", "ActionOnFailure", "Jar", "Args",
      "MainClass", "Properties");
  /** EventBridge Scheduler CreateSchedule's fields, and its Target's. */
  static final Set<String> CREATE_SCHEDULE = Set.of("Name", "GroupName", "ScheduleExpression",
      "ScheduleExpressionTimezone", "StartDate", "EndDate", "Description", "State",
      "KmsKeyArn", "Target", "FlexibleTimeWindow", "ActionAfterCompletion", "ClientToken");
  static final Set<String> SCHEDULE_TARGET = Set.of("Arn", "RoleArn", "Input", "RetryPolicy",
      "DeadLetterConfig", "EcsParameters", "EventBridgeParameters", "KinesisParameters",
      "SageMakerPipelineParameters", "SqsParameters");

  @TempDir
  Path tmp;

  private static JsonNode read(String file) throws IOException {
    return JSON.readTree(EMR.resolve(file).toFile());
  }

  /** The account setup: emr/cloudformation/netimpact.json. */
  static JsonNode template() throws IOException {
    return read("cloudformation/netimpact.json");
  }

  /** The nightly sweep state machine, as the template deploys it (before substitution). */
  static JsonNode asl() throws IOException {
    return template().path("Resources").path("NightlySweep").path("Properties")
        .path("Definition");
  }

  private static Set<String> fields(JsonNode object) {
    Set<String> out = new HashSet<>();
    object.fieldNames().forEachRemaining(f -> out.add(f.replaceFirst("\\.\\$$", "")));
    return out;
  }

  private static void assertOnlyDocumented(Set<String> documented, JsonNode object, String what) {
    Set<String> unknown = new HashSet<>(fields(object));
    unknown.removeAll(documented);
    assertTrue(unknown.isEmpty(), what + ": undocumented fields " + unknown);
  }

  /**
   * Checks one step's arguments (command-runner's: spark-submit first) and returns the job's
   * parsed subcommand: client deploy mode, one YARN attempt, the real main class and options.
   */
  private static CommandLine.ParseResult assertValidStep(List<String> args) throws Exception {
    assertEquals("spark-submit", args.get(0), args.toString());
    int cls = args.indexOf("--class");
    assertTrue(cls > 0, "--class given: " + args);
    List<String> submit = args.subList(0, cls);
    assertEquals("client", submit.get(submit.indexOf("--deploy-mode") + 1),
        "the driver's exit code is the step's only in client mode: " + args);
    assertEquals("spark.yarn.maxAppAttempts=1", submit.get(submit.indexOf("--conf") + 1),
        "a failed run is not started again by YARN: " + args);
    assertEquals(Main.class, Class.forName(args.get(cls + 1)));
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

  /** Evaluates a States.Array(...) of quoted literals and JSONPath references. */
  private static List<String> statesArray(String expression, Map<String, String> paths) {
    Matcher m = Pattern.compile("'([^']*)'|(\\$[.\\w]+)").matcher(
        expression.substring("States.Array(".length()));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : paths.get(m.group(2)));
    }
    return out;
  }

  private static Map<String, String> classification(String name) throws IOException {
    Map<String, String> props = new HashMap<>();
    for (JsonNode c : read("configurations.json")) {
      if (c.path("Classification").asText().equals(name)) {
        c.path("Properties").fields().forEachRemaining(e -> props.put(e.getKey(),
            e.getValue().asText()));
      }
    }
    return props;
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
  void clusterConfiguration_leavesOtherSparkApplicationsAndEmrsCommittersAlone()
      throws Exception {
    for (JsonNode c : read("configurations.json")) {
      String text = c.toString();
      // A cluster-wide registrator breaks every application without the job's jar (Studio,
      // spark-shell); the job sets Kryo and its registrator itself.
      assertFalse(text.contains("spark.kryo.registrator"), text);
      assertFalse(text.contains("spark.serializer"), text);
      // EMR picks its committers (EMRFS S3-optimized; for S3A since 6.15 its
      // MagicCommitProtocol): overriding the S3A factory or protocol would replace them.
      for (String k : List.of("fs.s3a.committer", "mapreduce.outputcommitter.factory",
          "spark.sql.sources.commitProtocolClass", "spark.sql.parquet.output.committer")) {
        assertFalse(text.contains(k), k + " in " + text);
      }
    }
    assertEquals("io.netimpact.spark.NetimpactKryoRegistrator", io.netimpact.spark.Cluster
        .sparkConf(new io.netimpact.spark.SubmitSettings(java.util.Optional.empty(), Map.of()), "t")
        .get("spark.kryo.registrator"), "the job sets its own registrator");
    assertEquals("true", classification("emrfs-site").get("fs.s3.enableServerSideEncryption"));
    assertEquals("AES256", classification("core-site").get("fs.s3a.encryption.algorithm"));
    for (JsonNode g : read("instance-groups.json")) {
      assertOnlyDocumented(CLI_INSTANCE_GROUP, g, "instance-groups.json");
      assertTrue(g.path("InstanceCount").asInt() >= 1);
    }
    for (JsonNode g : read("instance-groups-spot-task.json")) {
      assertOnlyDocumented(CLI_INSTANCE_GROUP, g, "instance-groups-spot-task.json");
      assertEquals("TASK", g.path("InstanceGroupType").asText(), "Spot only for task nodes");
      assertEquals("SPOT", g.path("Market").asText());
    }
    JsonNode limits = read("managed-scaling.json").path("ComputeLimits");
    assertEquals("Instances", limits.path("UnitType").asText());
    int core = 0;
    for (JsonNode g : read("instance-groups.json")) {
      core += g.path("InstanceGroupType").asText().equals("CORE") ? g.path("InstanceCount")
          .asInt() : 0;
    }
    assertEquals(core, limits.path("MaximumCoreCapacityUnits").asInt(), "core stays on-demand");
    assertEquals(core, limits.path("MaximumOnDemandCapacityUnits").asInt(), "beyond is Spot");
    assertTrue(limits.path("MaximumCapacityUnits").asInt() > core);
  }

  @Test
  void steps_runTheRealMainClass_inClientMode_once() throws Exception {
    JsonNode review = read("steps/review.json").get(0);
    assertOnlyDocumented(CLI_STEP, review, "steps/review.json");
    assertEquals("review", assertValidStep(strings(review.path("Args"))).commandSpec().name());
  }

  @Test
  @Tag("slow")
  void stateMachine_isValidAmazonStatesLanguage() throws Exception {
    Path dir = Path.of(".ci/asl-validator");
    Path validator = dir.resolve("node_modules/.bin/asl-validator");
    if (!Files.isExecutable(validator)) {
      JobProcesses.Result install = JobProcesses.run(List.of("npm", "ci", "--no-audit",
          "--no-fund", "--prefix", dir.toString()), Map.of(), tmp.resolve("npm"), 300);
      assertEquals(0, install.code(), "npm ci in .ci/asl-validator:\n" + install.err());
    }
    Path machine = tmp.resolve("nightly-sweep.asl.json");
    Files.writeString(machine, asl().toPrettyString());
    JobProcesses.Result r = JobProcesses.run(List.of(validator.toString(), "--json-path",
        machine.toString()), Map.of(), tmp.resolve("asl"), 60);
    assertEquals(0, r.code(), r.out() + r.err());
    Path broken = tmp.resolve("broken.asl.json");
    Files.writeString(broken, "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", "
        + "\"Next\": \"Nowhere\"}}}");
    assertEquals(1, JobProcesses.run(List.of(validator.toString(), "--json-path",
        broken.toString()), Map.of(), tmp.resolve("asl-broken"), 60).code(),
        "the validator rejects a machine that is not valid");
  }

  @Test
  void stateMachine_createsAClusterPerNight_runsTheSweep_andAlwaysTerminatesIt()
      throws Exception {
    JsonNode states = asl().path("States");
    JsonNode create = states.path("CreateCluster");
    assertEquals("arn:aws:states:::elasticmapreduce:createCluster.sync",
        create.path("Resource").asText());
    JsonNode cluster = create.path("Parameters");
    assertOnlyDocumented(RUN_JOB_FLOW, cluster, "RunJobFlow");
    assertOnlyDocumented(INSTANCES, cluster.path("Instances"), "Instances");
    assertEquals(RELEASE, cluster.path("ReleaseLabel").asText());
    assertEquals("netimpact-emr-service", cluster.path("ServiceRole").asText());
    assertEquals("netimpact", cluster.path("SecurityConfiguration").asText());
    assertTrue(cluster.path("Instances").path("KeepJobFlowAliveWhenNoSteps").asBoolean(),
        "the cluster waits for the step the next state adds");
    assertTrue(cluster.path("AutoTerminationPolicy").path("IdleTimeout").asInt() > 0,
        "a cluster that outlives its state machine ends by itself");
    assertEquals(read("configurations.json"), cluster.path("Configurations"),
        "the nightly cluster is configured like the review cluster");
    Iterator<JsonNode> cli = read("instance-groups.json").iterator();
    for (JsonNode g : cluster.path("Instances").path("InstanceGroups")) {
      assertOnlyDocumented(INSTANCE_GROUP, g, "InstanceGroupConfig");
      JsonNode c = cli.next();
      assertEquals(c.path("InstanceGroupType").asText(), g.path("InstanceRole").asText());
      assertEquals(c.path("InstanceType"), g.path("InstanceType"));
      assertEquals(c.path("InstanceCount"), g.path("InstanceCount"));
    }
    boolean tagged = false;
    for (JsonNode t : cluster.path("Tags")) {
      tagged |= t.path("Key").asText().equals("for-use-with-amazon-emr-managed-policies")
          && t.path("Value").asText().equals("true");
    }
    assertTrue(tagged, "AmazonEMRServicePolicy_v2 acts only on resources with this tag");

    JsonNode sweep = states.path(create.path("Next").asText());
    assertEquals("arn:aws:states:::elasticmapreduce:addStep.sync", sweep.path("Resource")
        .asText());
    assertEquals("$.cluster.clusterId", sweep.path("Parameters").path("ClusterId.$").asText());
    assertEquals("$.ClusterId", create.path("ResultSelector").path("clusterId.$").asText());
    List<String> args = statesArray(sweep.path("Parameters").path("Step").path("HadoopJarStep")
        .path("Args.$").asText(), Map.of("$.run.runId", "nightly-2026-11-24"));
    CommandLine.ParseResult sub = assertValidStep(args);
    assertEquals("sweep", sub.commandSpec().name());
    assertEquals("nightly-2026-11-24", sub.matchedOptionValue("--run-id", ""));
    assertTrue(sweep.path("TimeoutSeconds").asInt() > 0);

    // Every way on from a created cluster (success, failure, timeout) passes a terminate.
    Deque<String> todo = new ArrayDeque<>(List.of(create.path("Next").asText()));
    Set<String> seen = new HashSet<>();
    int terminates = 0;
    while (!todo.isEmpty()) {
      String name = todo.pop();
      JsonNode s = states.path(name);
      assertFalse(s.isMissingNode(), "state " + name);
      if (!seen.add(name)) {
        continue;
      }
      if (s.path("Resource").asText().endsWith("elasticmapreduce:terminateCluster.sync")) {
        assertEquals("$.cluster.clusterId", s.path("Parameters").path("ClusterId.$").asText());
        terminates++;
        continue;
      }
      String type = s.path("Type").asText();
      assertFalse(type.equals("Succeed") || type.equals("Fail") || s.path("End").asBoolean(),
          "state " + name + " ends the execution without terminating the cluster");
      List<JsonNode> next = new ArrayList<>();
      next.add(s.path("Next"));
      next.add(s.path("Default"));
      s.path("Catch").forEach(c -> next.add(c.path("Next")));
      s.path("Choices").forEach(c -> next.add(c.path("Next")));
      next.stream().filter(JsonNode::isTextual).forEach(n -> todo.push(n.asText()));
      if (s.path("Type").asText().equals("Task")) {
        assertTrue(s.path("Catch").size() > 0, name + " catches its failures");
      }
    }
    assertTrue(terminates > 0, "a terminate state");
    // A failed night must end the execution FAILED: that is what the alert rule matches.
    JsonNode outcome = states.path(states.path("TerminateCluster").path("Next").asText());
    assertEquals("Choice", outcome.path("Type").asText());
    assertEquals("Fail", states.path(outcome.path("Choices").get(0).path("Next").asText())
        .path("Type").asText());
  }

  /** One dry run of a script: its exit code, stdout and the AWS CLI calls it printed. */
  private record DryRun(int code, String out, List<List<String>> calls) {}

  private DryRun dryRun(String name, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "emr/" + name, "--dry-run"));
    cmd.addAll(List.of(args));
    JobProcesses.Result r = JobProcesses.run(cmd, env, tmp.resolve(name + "-"
        + System.nanoTime()), 60);
    List<List<String>> calls = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      if (line.startsWith("[\"aws\"")) {
        calls.add(strings(JSON.readTree(line)));
      }
    }
    return new DryRun(r.code(), r.out(), calls);
  }

  @Test

  @Tag("slow")
  void addReviewStep_addsAClientModeStepTheJobAccepts_andTellsVerdictFromFailure()
      throws Exception {
    assertEquals(0, JobProcesses.run(List.of("bash", "-n", "emr/add-review-step.sh"), Map.of(),
        tmp.resolve("n1"), 30).code());
    Map<String, String> env = Map.of("NETIMPACT_BUCKET", "b");
    DryRun r = dryRun("add-review-step.sh", env, "--cluster-id", "j-TEST", "--change",
        "s3://b/changes/CR \"quoted\".json", "--fail-on", "block", "--run-id", "CR-9");
    assertEquals(0, r.code());
    assertEquals("s-DRYRUN", r.out().trim());
    List<String> add = r.calls().get(0);
    assertEquals(List.of("aws", "emr", "add-steps", "--cluster-id", "j-TEST", "--steps"),
        add.subList(0, 6));
    JsonNode step = JSON.readTree(add.get(6)).get(0);
    assertOnlyDocumented(CLI_STEP, step, "add-steps --steps");
    List<String> args = strings(step.path("Args"));
    CommandLine.ParseResult sub = assertValidStep(args);
    assertEquals("review", sub.commandSpec().name());
    assertEquals("s3://b/changes/CR \"quoted\".json", sub.matchedOptionValue("--change", ""));
    assertEquals("s3://b/jars/netimpact.jar", args.get(args.indexOf("--class") + 2));
    assertEquals("CR-9", sub.matchedOptionValue("--run-id", ""));

    String[] wait = {"--cluster-id", "j-TEST", "--change", "s3://b/changes/CR-7.json",
        "--fail-on", "block", "--wait", "--poll", "0"};
    DryRun done = dryRun("add-review-step.sh", env, wait);
    assertEquals(0, done.code(), "a completed step");
    assertTrue(done.calls().stream().noneMatch(c -> c.contains("wait")),
        "no CLI waiter (it gives up after 30 minutes): " + done.calls());
    assertTrue(done.calls().get(1).containsAll(List.of("describe-step", "Step.Status.State")));
    DryRun verdict = dryRun("add-review-step.sh", Map.of("NETIMPACT_BUCKET", "b",
        "NETIMPACT_DRY_STATE", "FAILED"), wait);
    assertEquals(Main.EXIT_VERDICT, verdict.code(), "failed, with this run's BLOCK summary");
    assertTrue(verdict.calls().stream().anyMatch(c -> c.contains("cp")
        && c.contains("s3://b/reports/reviews/_runs/CR-7/_SUCCESS")),
        "the summary is found through the run marker: " + verdict.calls());
    assertTrue(verdict.calls().stream().anyMatch(c -> c.contains("head-object")
        && c.stream().anyMatch(x -> x.startsWith("reports/reviews/_runs/CR-7/")
            && x.endsWith("-summary.txt"))), verdict.calls().toString());
    DryRun failed = dryRun("add-review-step.sh", Map.of("NETIMPACT_BUCKET", "b",
        "NETIMPACT_DRY_STATE", "CANCELLED"), "--cluster-id", "j-TEST", "--change",
        "s3://b/changes/CR-7.json", "--wait", "--poll", "0");
    assertEquals(Main.EXIT_INTERNAL, failed.code(), "failed without a verdict to blame");

    assertEquals(2, dryRun("add-review-step.sh", Map.of(), "--cluster-id", "j-TEST").code(),
        "no --change is a usage error");
  }

  @Test
  void createCluster_usesV2RolesThePinnedReleaseAndWhatEmrStudioNeeds() throws Exception {
    assertEquals(0, JobProcesses.run(List.of("bash", "-n", "emr/create-cluster.sh"), Map.of(),
        tmp.resolve("n2"), 30).code());
    Map<String, String> env = Map.of("NETIMPACT_BUCKET", "b", "SUBNET_ID", "subnet-1");
    List<String> call = dryRun("create-cluster.sh", env).calls().get(0);
    assertEquals(List.of("aws", "emr", "create-cluster"), call.subList(0, 3));
    assertEquals(RELEASE, call.get(call.indexOf("--release-label") + 1));
    assertEquals("netimpact-emr-service", call.get(call.indexOf("--service-role") + 1));
    assertEquals("netimpact", call.get(call.indexOf("--security-configuration") + 1));
    assertFalse(call.contains("--use-default-roles"));
    assertTrue(call.containsAll(List.of("Name=Spark", "Name=Livy",
        "Name=JupyterEnterpriseGateway")), call.toString());
    assertEquals("Path=s3://b/bootstrap/notebook-python.sh,Name=notebook-python,"
        + "Args=[s3://b/bootstrap/wheels/]", call.get(call.indexOf("--bootstrap-actions") + 1),
        "the bootstrap installs the wheels staged in the bucket");
    String requirements = Files.readString(EMR.resolve("bootstrap/notebook-requirements.txt"));
    for (String lib : List.of("pandas", "matplotlib", "pyarrow")) {
      assertTrue(requirements.contains(lib), lib);
    }
    List<String> service = dryRun("create-cluster.sh", env, "--service").calls().get(0);
    assertEquals("netimpact-service", service.get(service.indexOf("--name") + 1));
    assertFalse(service.contains("--bootstrap-actions"), "the service needs no notebooks");
    assertEquals("netimpact-emr-service", service.get(service.indexOf("--service-role") + 1));
    assertFalse(call.contains("--managed-scaling-policy"));
    List<String> spot = dryRun("create-cluster.sh", env, "--spot-tasks").calls().get(0);
    JsonNode groups = JSON.readTree(spot.get(spot.indexOf("--instance-groups") + 1));
    assertEquals("SPOT", groups.get(groups.size() - 1).path("Market").asText());
    assertTrue(spot.contains("--managed-scaling-policy"));
    assertEquals(RELEASE, asl().path("States").path("CreateCluster")
        .path("Parameters").path("ReleaseLabel").asText(), "one release for both clusters");
  }
}
