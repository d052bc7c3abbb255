package io.netimpact.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.cli.Main;
import io.netimpact.testing.JobProcesses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The account setup (emr/cloudformation/netimpact.json) and the scripts that use it, offline:
 * the template through cfn-lint (pinned in .ci/cfn-lint, installed into a virtualenv there when
 * this machine has no such cfn-lint) and read for the grants AWS documents; every script run
 * against a fake {@code aws} on PATH that records each call, answers the few it must, and
 * stands in for S3 with a local directory; the bootstrap action installing real wheels with
 * pip and no package index.
 */
@Tag("slow")
class EmrSetupTest {
  static final Path EMR = Path.of("emr");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CFN_LINT_PIN = "cfn-lint==1.51.0";
  /** The review service's command line, docs/service.md (serve's options). */
  static final Set<String> SERVE_OPTIONS = Set.of("--snapshot", "--snapshots", "--requests",
      "--out", "--baseline", "--format", "--warn-util", "--stop-after", "--idle-exit-s",
      "--master", "--conf");

  @TempDir
  Path tmp;

  // ---- the template -------------------------------------------------------------------------

  private static JsonNode resources() throws IOException {
    return EmrDefinitionsTest.template().path("Resources");
  }

  /** cfn-lint as pinned: .ci/cfn-lint's virtualenv, else the PATH's if the same version. */
  private Path cfnLint() throws Exception {
    Path dir = Path.of(".ci/cfn-lint");
    Path venv = dir.resolve("venv/bin/cfn-lint");
    if (Files.isExecutable(venv)) {
      return venv;
    }
    String version = CFN_LINT_PIN.substring(CFN_LINT_PIN.indexOf("==") + 2);
    try {
      JobProcesses.Result onPath = JobProcesses.run(List.of("cfn-lint", "--version"), Map.of(),
          tmp.resolve("cfn-version"), 60);
      if (onPath.code() == 0 && onPath.out().trim().equals("cfn-lint " + version)) {
        return Path.of("cfn-lint");
      }
    } catch (IOException notInstalled) {
      // install below
    }
    assertEquals(CFN_LINT_PIN, Files.readString(dir.resolve("requirements.txt")).lines()
        .filter(l -> l.startsWith("cfn-lint")).findFirst().orElse(""), "one pin");
    JobProcesses.Result mk = JobProcesses.run(List.of("python3", "-m", "venv",
        dir.resolve("venv").toString()), Map.of(), tmp.resolve("venv"), 120);
    assertEquals(0, mk.code(), "python3 -m venv (Debian: python3-venv):\n" + mk.err());
    JobProcesses.Result pip = JobProcesses.run(List.of(dir.resolve("venv/bin/pip").toString(),
        "install", "--quiet", "-r", dir.resolve("requirements.txt").toString()), Map.of(),
        tmp.resolve("pip"), 600);
    assertEquals(0, pip.code(), "pip install -r .ci/cfn-lint/requirements.txt:\n" + pip.err());
    return venv;
  }

  @Test
  void template_passesCfnLint_whichRejectsABrokenCopy() throws Exception {
    Path lint = cfnLint();
    Path template = EMR.resolve("cloudformation/netimpact.json");
    JobProcesses.Result r = JobProcesses.run(List.of(lint.toString(), "--include-checks", "I",
        "--", template.toString()), Map.of(), tmp.resolve("lint"), 300);
    assertEquals(0, r.code(), "cfn-lint, errors, warnings and informational:\n" + r.out()
        + r.err());
    // The linter reads what matters here: a misspelt IAM action and a missing property fail.
    ObjectNode broken = (ObjectNode) EmrDefinitionsTest.template().deepCopy();
    ((ObjectNode) broken.path("Resources").path("StatesRole").path("Properties")
        .path("Policies").get(0).path("PolicyDocument").path("Statement").get(0))
        .putArray("Action").add("elasticmapreduce:RunJobFlows");
    Path bad = tmp.resolve("broken.json");
    Files.writeString(bad, broken.toPrettyString());
    JobProcesses.Result b = JobProcesses.run(List.of(lint.toString(), "--", bad.toString()),
        Map.of(), tmp.resolve("lint-broken"), 300);
    assertNotEquals(0, b.code(), "a misspelt action is reported");
    assertTrue(b.out().contains("runjobflows"), b.out());
    ObjectNode noRole = (ObjectNode) EmrDefinitionsTest.template().deepCopy();
    ((ObjectNode) noRole.path("Resources").path("NightlySweep").path("Properties"))
        .remove("RoleArn");
    Files.writeString(bad, noRole.toPrettyString());
    assertNotEquals(0, JobProcesses.run(List.of(lint.toString(), "--", bad.toString()),
        Map.of(), tmp.resolve("lint-norole"), 300).code(), "a state machine needs a role");
  }

  /** Every action each resource pattern of a policy document allows (Fn::If statements kept). */
  private static Map<String, Set<String>> allowed(JsonNode document) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (JsonNode st : document.path("Statement")) {
      if (st.has("Fn::If")) {
        st = st.path("Fn::If").get(1);
      }
      assertEquals("Allow", st.path("Effect").asText(), st.toString());
      List<String> actions = texts(st.path("Action"));
      JsonNode res = st.path("Resource");
      List<JsonNode> resources = new ArrayList<>();
      if (res.isArray()) {
        res.forEach(resources::add);
      } else {
        resources.add(res);
      }
      for (JsonNode r : resources) {
        String key = r.isTextual() ? r.asText() : r.has("Fn::Sub") ? r.path("Fn::Sub").asText()
            : r.toString();
        out.computeIfAbsent(key, k -> new TreeSet<>()).addAll(actions);
      }
    }
    return out;
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static JsonNode policy(JsonNode role) {
    return role.path("Properties").path("Policies").get(0).path("PolicyDocument");
  }

  @Test
  void stateMachineRole_hasTheGrantsAwsDocumentsForCreatingClusters() throws Exception {
    JsonNode res = resources();
    Map<String, Set<String>> states = allowed(policy(res.path("StatesRole")));
    // Step Functions' documented createCluster policy: a cluster being created has no ARN yet.
    assertTrue(states.getOrDefault("*", Set.of()).containsAll(Set.of(
        "elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster",
        "elasticmapreduce:TerminateJobFlows")), "RunJobFlow on *: " + states);
    String clusters = "arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:${AWS::AccountId}"
        + ":cluster/*";
    assertEquals(Set.of("elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep",
        "elasticmapreduce:CancelSteps"), states.get(clusters), "addStep.sync on the clusters");
    // PassRole for exactly the two roles the machine's cluster names.
    JsonNode cluster = EmrDefinitionsTest.asl().path("States").path("CreateCluster")
        .path("Parameters");
    Set<String> passed = new HashSet<>();
    states.forEach((r, a) -> {
      if (a.contains("iam:PassRole")) {
        passed.add(r);
      }
    });
    assertEquals(Set.of("{\"Fn::GetAtt\":[\"EmrServiceRole\",\"Arn\"]}",
        "{\"Fn::GetAtt\":[\"Ec2Role\",\"Arn\"]}"), passed);
    assertEquals(res.path("EmrServiceRole").path("Properties").path("RoleName").asText(),
        cluster.path("ServiceRole").asText());
    assertEquals(res.path("Ec2InstanceProfile").path("Properties").path("InstanceProfileName")
        .asText(), cluster.path("JobFlowRole").asText());
    assertEquals(res.path("SecurityConfiguration").path("Properties").path("Name").asText(),
        cluster.path("SecurityConfiguration").asText(), "the stack's security configuration");
    // EMR's cleanup service-linked role: made by the stack, or by EMR with the first cluster.
    JsonNode slr = res.path("EmrCleanupRole");
    assertEquals("AWS::IAM::ServiceLinkedRole", slr.path("Type").asText());
    assertEquals("elasticmapreduce.amazonaws.com", slr.path("Properties")
        .path("AWSServiceName").asText());
    assertEquals("CleanupRole", slr.path("Condition").asText(), "skipped where it exists");
    String slrArn = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
        + "elasticmapreduce.amazonaws.com*/AWSServiceRoleForEMRCleanup*";
    assertEquals(Set.of("iam:CreateServiceLinkedRole"), states.get(slrArn));
    for (String rule : List.of("RunJobFlow", "AddJobFlowSteps", "TerminateJobFlows")) {
      assertTrue(states.getOrDefault("arn:${AWS::Partition}:events:${AWS::Region}:"
          + "${AWS::AccountId}:rule/StepFunctionsGetEventForEMR" + rule + "Rule", Set.of())
          .contains("events:PutRule"), "the .sync integration's managed rule for " + rule);
    }
    // The EMR service role passes only the instance role, only to EC2.
    Map<String, Set<String>> service = allowed(policy(res.path("EmrServiceRole")));
    assertEquals(Map.of("{\"Fn::GetAtt\":[\"Ec2Role\",\"Arn\"]}", Set.of("iam:PassRole")),
        service);
    assertTrue(res.path("EmrServiceRole").path("Properties").path("ManagedPolicyArns").get(0)
        .path("Fn::Sub").asText().endsWith("/AmazonEMRServicePolicy_v2"));
  }

  @Test
  void instanceRole_readsTheInputs_writesOnlyReportsRequestsAndLogs() throws Exception {
    Map<String, Set<String>> ec2 = allowed(policy(resources().path("Ec2Role")));
    String prefix = "arn:${AWS::Partition}:s3:::${Bucket}/";
    for (Map.Entry<String, Set<String>> e : ec2.entrySet()) {
      assertFalse(e.getKey().equals("*"), "no statement on every resource");
      assertTrue(e.getValue().stream().noneMatch(a -> a.endsWith(":*")), "no wildcard action");
      if (e.getValue().stream().anyMatch(a -> a.startsWith("s3:Put")
          || a.startsWith("s3:Delete"))) {
        assertTrue(Set.of(prefix + "reports/*", prefix + "requests/*", prefix + "emr-logs/*")
            .contains(e.getKey()), "writes only reports, requests and logs: " + e.getKey());
      }
    }
    for (String read : List.of("jars", "bootstrap", "snapshots", "sweeps", "changes",
        "baselines", "reports", "requests")) {
      assertTrue(ec2.getOrDefault(prefix + read + "/*", Set.of()).contains("s3:GetObject"),
          read);
    }
    assertTrue(ec2.get(prefix + "reports/*").contains("s3:AbortMultipartUpload"));
    // The service moves handled requests out of the listing: it deletes them there.
    assertTrue(ec2.get(prefix + "requests/*").contains("s3:DeleteObject"));
    JsonNode list = null;
    for (JsonNode st : policy(resources().path("Ec2Role")).path("Statement")) {
      if (texts(st.path("Action")).contains("s3:ListBucket")) {
        list = st;
      }
    }
    List<String> prefixes = texts(list.path("Condition").path("StringLike").path("s3:prefix"));
    for (String p : List.of("bootstrap/*", "requests/*", "reports/*", "snapshots/*")) {
      assertTrue(prefixes.contains(p), "lists " + p + ": the bootstrap copies a prefix; S3A "
          + "lists what it reads");
    }
  }

  @Test
  void bucket_isPrivateEncryptedAndAbortsItsUploads_inTheStacksRegion() throws Exception {
    JsonNode bucket = resources().path("Bucket");
    assertEquals("AWS::S3::Bucket", bucket.path("Type").asText());
    assertEquals("Retain", bucket.path("DeletionPolicy").asText(), "reports outlive the stack");
    JsonNode p = bucket.path("Properties");
    p.path("PublicAccessBlockConfiguration").forEach(b -> assertTrue(b.asBoolean()));
    assertEquals(4, p.path("PublicAccessBlockConfiguration").size());
    boolean aborts = false;
    Set<String> expires = new HashSet<>();
    for (JsonNode rule : p.path("LifecycleConfiguration").path("Rules")) {
      assertEquals("Enabled", rule.path("Status").asText());
      if (rule.has("AbortIncompleteMultipartUpload")) {
        aborts = !rule.has("Prefix") && !rule.has("Filter")
            && rule.path("AbortIncompleteMultipartUpload").path("DaysAfterInitiation").asInt()
            >= 1;
      }
      if (rule.has("ExpirationInDays")) {
        expires.add(rule.path("Prefix").asText());
      }
    }
    assertTrue(aborts, "an abort rule for the whole bucket");
    assertEquals(Set.of("emr-logs/", "requests/_done/"), expires, "only logs and handled "
        + "requests expire; reports stay");
    // Where a bucket is made by the CLI, outside us-east-1 it needs its region named.
    try (Stream<Path> files = Files.walk(EMR)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        for (String line : Files.readAllLines(f)) {
          if (line.contains("create-bucket ") || line.contains("create-bucket\t")) {
            assertTrue(line.contains("LocationConstraint"), f + ": " + line);
          }
        }
      }
    }
  }

  @Test
  void stateMachine_substitutionsFillEveryPlaceholder_andTheScheduleAndAlertWatchIt()
      throws Exception {
    JsonNode machine = resources().path("NightlySweep").path("Properties");
    Set<String> used = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(machine.path("Definition").toString());
    while (m.find()) {
      used.add(m.group(1));
    }
    Set<String> given = new TreeSet<>();
    machine.path("DefinitionSubstitutions").fieldNames().forEachRemaining(given::add);
    assertEquals(Set.of("BucketName", "SubnetId"), used);
    assertEquals(used, given, "every placeholder filled, nothing else");

    JsonNode schedule = resources().path("NightlySchedule").path("Properties");
    assertTrue(EmrDefinitionsTest.CREATE_SCHEDULE.containsAll(fieldNames(schedule)),
        fieldNames(schedule).toString());
    assertTrue(EmrDefinitionsTest.SCHEDULE_TARGET.containsAll(fieldNames(schedule
        .path("Target"))));
    assertEquals("NightlySweep", schedule.path("Target").path("Arn").path("Ref").asText());
    JsonNode input = JSON.readTree(schedule.path("Target").path("Input").asText());
    assertEquals(Set.of("scheduledTime"), fieldNames(input), "no cluster id to go stale");
    assertEquals("<aws.scheduler.scheduled-time>", input.path("scheduledTime").asText());
    assertEquals(Map.of("{\"Ref\":\"NightlySweep\"}", Set.of("states:StartExecution")),
        allowed(policy(resources().path("SchedulerRole"))));

    JsonNode rule = resources().path("NightlyFailedRule").path("Properties");
    JsonNode pattern = rule.path("EventPattern");
    assertEquals(Set.of("FAILED", "TIMED_OUT", "ABORTED"), Set.copyOf(texts(pattern
        .path("detail").path("status"))));
    assertEquals("NightlySweep", pattern.path("detail").path("stateMachineArn").get(0)
        .path("Ref").asText());
    assertEquals("AlertTopic", rule.path("Targets").get(0).path("Arn").path("Ref").asText());
    JsonNode publish = resources().path("AlertTopicPolicy").path("Properties")
        .path("PolicyDocument").path("Statement").get(0);
    assertEquals("events.amazonaws.com", publish.path("Principal").path("Service").asText());
    assertEquals("NightlyFailedRule", publish.path("Condition").path("ArnEquals")
        .path("aws:SourceArn").path("Fn::GetAtt").get(0).asText());
  }

  @Test
  void network_madeWhereNoneIsGiven_isPrivateWithOnlyAnS3GatewayEndpoint() throws Exception {
    JsonNode res = resources();
    Set<String> types = new TreeSet<>();
    res.forEach(r -> types.add(r.path("Type").asText()));
    for (String open : List.of("AWS::EC2::InternetGateway", "AWS::EC2::NatGateway",
        "AWS::EC2::EIP", "AWS::EC2::Route", "AWS::EC2::VPCGatewayAttachment")) {
      assertFalse(types.contains(open), "no way to the internet: " + open);
    }
    for (String name : List.of("Vpc", "PrivateSubnet", "PrivateRouteTable",
        "PrivateSubnetRoutes", "S3Endpoint")) {
      assertEquals("MakeNetwork", res.path(name).path("Condition").asText(), name);
    }
    assertEquals("{\"Fn::Equals\":[{\"Ref\":\"SubnetId\"},\"\"]}", EmrDefinitionsTest
        .template().path("Conditions").path("MakeNetwork").toString(), "only without a subnet");
    for (String tagged : List.of("Vpc", "PrivateSubnet")) {
      boolean tag = false;
      for (JsonNode t : res.path(tagged).path("Properties").path("Tags")) {
        tag |= t.path("Key").asText().equals("for-use-with-amazon-emr-managed-policies")
            && t.path("Value").asText().equals("true");
      }
      assertTrue(tag, tagged + " carries the tag the v2 service policy needs");
    }
    assertTrue(res.path("Vpc").path("Properties").path("EnableDnsHostnames").asBoolean(),
        "EMR needs DNS hostnames in its VPC");
    assertFalse(res.path("PrivateSubnet").path("Properties").path("MapPublicIpOnLaunch")
        .asBoolean());
    JsonNode endpoint = res.path("S3Endpoint").path("Properties");
    assertEquals("Gateway", endpoint.path("VpcEndpointType").asText());
    assertEquals("com.amazonaws.${AWS::Region}.s3", endpoint.path("ServiceName")
        .path("Fn::Sub").asText());
    assertEquals("PrivateRouteTable", endpoint.path("RouteTableIds").get(0).path("Ref")
        .asText(), "on the subnet's route table");
    assertEquals("PrivateRouteTable", res.path("PrivateSubnetRoutes").path("Properties")
        .path("RouteTableId").path("Ref").asText());
    // The state machine and the scripts use the subnet made, or the one given.
    String chosen = "{\"Fn::If\":[\"MakeNetwork\",{\"Ref\":\"PrivateSubnet\"},"
        + "{\"Ref\":\"SubnetId\"}]}";
    assertEquals(chosen, res.path("NightlySweep").path("Properties")
        .path("DefinitionSubstitutions").path("SubnetId").toString());
    assertEquals(chosen, EmrDefinitionsTest.template().path("Outputs").path("SubnetId")
        .path("Value").toString());
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> out = new TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  // ---- the scripts, against a fake aws ------------------------------------------------------

  /** What a run of a script did: exit code, output, and each aws call's arguments. */
  record Run(int code, String out, String err, List<List<String>> calls) {
    List<String> call(String... prefix) {
      for (List<String> c : calls) {
        if (c.size() >= prefix.length && c.subList(0, prefix.length).equals(List.of(prefix))) {
          return c;
        }
      }
      throw new AssertionError("no call " + List.of(prefix) + " in " + calls);
    }

    String after(List<String> call, String option) {
      int i = call.indexOf(option);
      assertTrue(i >= 0, option + " in " + call);
      return call.get(i + 1);
    }
  }

  /**
   * A fake aws on PATH: records each call (one JSON array a line), answers a call that has all
   * the arguments of a rule with the rule's output and exit code (else nothing, 0), and serves
   * {@code s3 cp --recursive s3://B/P DIR} from the directory s3/B/P under the test's tmp.
   */
  private Path fakeAws() throws IOException {
    Path bin = tmp.resolve("bin");
    Files.createDirectories(bin);
    Path aws = bin.resolve("aws");
    Files.writeString(aws, String.join("\n",
        "#!/usr/bin/env python3",
        "import json, os, shutil, sys",
        "args = sys.argv[1:]",
        "with open(os.environ['FAKE_AWS_LOG'], 'a') as log:",
        "    log.write(json.dumps(args) + '\\n')",
        "if args[:2] == ['s3', 'cp'] and '--recursive' in args:",
        "    paths = [a for a in args[2:] if not a.startswith('--')]",
        "    src = os.path.join(os.environ['FAKE_S3'], paths[0][len('s3://'):])",
        "    if not os.path.isdir(src):",
        "        sys.exit(0)",
        "    shutil.copytree(src, paths[1], dirs_exist_ok=True)",
        "    sys.exit(0)",
        "for prefix, out, code in json.load(open(os.environ['FAKE_AWS_RULES'])):",
        "    if all(a in args for a in prefix):",
        "        if out:",
        "            print(out)",
        "        if code:",
        "            sys.stderr.write('An error occurred (NoSuchEntity)\\n')",
        "        sys.exit(code)",
        ""));
    aws.toFile().setExecutable(true);
    return bin;
  }

  private Run run(List<List<Object>> rules, Map<String, String> env, String... command)
      throws Exception {
    Path bin = fakeAws();
    Path log = tmp.resolve("aws-" + System.nanoTime() + ".log");
    Files.writeString(log, "");
    Path rulesFile = tmp.resolve("rules-" + System.nanoTime() + ".json");
    Files.writeString(rulesFile, JSON.writeValueAsString(rules));
    Map<String, String> all = new HashMap<>(env);
    all.put("PATH", bin + ":" + all.getOrDefault("PATH", System.getenv("PATH")));
    all.put("FAKE_AWS_LOG", log.toString());
    all.put("FAKE_AWS_RULES", rulesFile.toString());
    all.put("FAKE_S3", tmp.resolve("s3").toString());
    List<String> cmd = new ArrayList<>(List.of("bash"));
    cmd.addAll(List.of(command));
    JobProcesses.Result r = JobProcesses.run(cmd, all, tmp.resolve("run-" + System.nanoTime()),
        120);
    List<List<String>> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      calls.add(texts(JSON.readTree(line)));
    }
    return new Run(r.code(), r.out(), r.err(), calls);
  }

  private static final List<Object> OUTPUT_BUCKET = List.of(List.of("describe-stacks",
      "Stacks[0].Outputs[?OutputKey=='BucketName'].OutputValue"),
      "netimpact-111122223333-eu-west-1", 0);
  private static final List<Object> OUTPUT_SUBNET = List.of(List.of("describe-stacks",
      "Stacks[0].Outputs[?OutputKey=='SubnetId'].OutputValue"), "subnet-0made", 0);
  private static final List<Object> SUBNET_VPC = List.of(List.of("ec2", "describe-subnets"),
      "vpc-0def", 0);

  @Test
  void setup_deploysTheStackInItsRegion_andUploadsToTheBucketItMade() throws Exception {
    Run r = run(List.of(List.of(List.of("iam", "get-role"), "", 254), OUTPUT_BUCKET,
        SUBNET_VPC), Map.of(),
        "emr/setup.sh", "--region", "eu-west-1", "--subnet", "subnet-0abc",
        "--alert-email", "oncall@example.com", "--jar", "pom.xml");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("iam", "get-role", "--role-name", "AWSServiceRoleForEMRCleanup"),
        r.calls().get(0).subList(0, 4), "looks for EMR's cleanup role first");
    List<String> deploy = r.call("cloudformation", "deploy");
    assertEquals("eu-west-1", r.after(deploy, "--region"));
    assertEquals(EMR.resolve("cloudformation/netimpact.json").toAbsolutePath().normalize(),
        Path.of(r.after(deploy, "--template-file")).toAbsolutePath().normalize());
    assertEquals("CAPABILITY_NAMED_IAM", r.after(deploy, "--capabilities"));
    List<String> overrides = deploy.subList(deploy.indexOf("--parameter-overrides") + 1,
        deploy.indexOf("--tags"));
    assertEquals(List.of("CreateEmrCleanupRole=true", "SubnetId=subnet-0abc",
        "AlertEmail=oncall@example.com"), overrides, "the role is missing: the stack makes it; "
        + "parameters not given keep their last value");
    // Every parameter given exists in the template.
    JsonNode params = EmrDefinitionsTest.template().path("Parameters");
    overrides.forEach(o -> assertTrue(params.has(o.substring(0, o.indexOf('='))), o));
    assertTrue(r.calls().stream().noneMatch(c -> c.contains("create-bucket")),
        "the stack makes the bucket, in its own region");
    for (List<String> c : r.calls().subList(1, r.calls().size())) {
      assertEquals("eu-west-1", r.after(c, "--region"), "every regional call names it: " + c);
    }
    List<String> tag = r.call("ec2", "create-tags");
    assertEquals("subnet-0abc", r.after(tag, "--resources"));
    assertEquals("vpc-0def", tag.get(tag.indexOf("--resources") + 2), "the subnet's VPC too: "
        + "the v2 service policy makes the cluster's security groups only in a tagged VPC");
    assertEquals("subnet-0abc", r.after(r.call("ec2", "describe-subnets"), "--subnet-ids"));
    assertEquals("Key=for-use-with-amazon-emr-managed-policies,Value=true", r.after(tag,
        "--tags"));
    Set<String> uploaded = new TreeSet<>();
    for (List<String> c : r.calls()) {
      if (c.subList(0, 2).equals(List.of("s3", "cp"))) {
        uploaded.add(c.get(c.size() - 1));
      }
    }
    assertEquals(Set.of("s3://netimpact-111122223333-eu-west-1/bootstrap/notebook-python.sh",
        "s3://netimpact-111122223333-eu-west-1/sweeps/nightly.json",
        "s3://netimpact-111122223333-eu-west-1/jars/netimpact.jar"), uploaded);
    assertTrue(r.out().contains("NETIMPACT_BUCKET=netimpact-111122223333-eu-west-1"), r.out());

    // Where EMR's cleanup role exists already, the stack leaves it alone; without --subnet the
    // stack makes the network and the scripts get its subnet.
    Run again = run(List.of(List.of(List.of("iam", "get-role"),
        "arn:aws:iam::111122223333:role/aws-service-role/elasticmapreduce.amazonaws.com/"
        + "AWSServiceRoleForEMRCleanup", 0), OUTPUT_BUCKET, OUTPUT_SUBNET), Map.of(),
        "emr/setup.sh", "--region", "eu-west-1", "--bucket", "my-reports",
        "--jar", "no-such.jar");
    assertEquals(0, again.code(), again.err());
    List<String> second = again.call("cloudformation", "deploy");
    assertTrue(second.contains("CreateEmrCleanupRole=false"), second.toString());
    assertTrue(second.contains("BucketName=my-reports"), second.toString());
    assertTrue(second.stream().noneMatch(a -> a.startsWith("SubnetId=")), second.toString());
    assertTrue(again.calls().stream().noneMatch(c -> c.contains("create-tags")),
        "the stack tags what it makes");
    assertTrue(again.out().contains("SUBNET_ID=subnet-0made"), again.out());
    assertTrue(again.calls().stream().noneMatch(c -> c.contains("s3://netimpact-111122223333"
        + "-eu-west-1/jars/netimpact.jar")), "no jar built: none uploaded");
    assertTrue(again.err().contains("no job jar"), again.err());

    Run noRegion = run(List.of(), Map.of("AWS_REGION", "", "AWS_DEFAULT_REGION", ""),
        "emr/setup.sh", "--subnet", "subnet-0abc");
    assertEquals(2, noRegion.code());
    assertTrue(noRegion.calls().isEmpty(), "nothing called without a region");
    Run failed = run(List.of(List.of(List.of("cloudformation", "deploy"), "", 255)), Map.of(),
        "emr/setup.sh", "--region", "eu-west-1", "--subnet", "subnet-0abc");
    assertNotEquals(0, failed.code(), "a failed deploy stops the setup");
    assertTrue(failed.calls().stream().noneMatch(c -> c.get(0).equals("s3")),
        "nothing uploaded after a failed deploy");
  }

  @Test
  void sweepAddedByHand_isTheMachinesStep_withThatNightsRunId() throws Exception {
    Run r = run(List.of(List.of(List.of("emr", "add-steps"), "s-1", 0)),
        Map.of("NETIMPACT_BUCKET", "bk"), "emr/add-sweep-step.sh", "--cluster-id", "j-1",
        "--date", "2026-11-24");
    assertEquals(0, r.code(), r.err());
    assertEquals("s-1", r.out().trim());
    List<String> add = r.call("emr", "add-steps");
    JsonNode step = JSON.readTree(r.after(add, "--steps")).get(0);
    List<String> args = texts(step.path("Args"));
    // The same arguments the state machine gives that night.
    List<String> machine = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|(\\$[.\\w]+)").matcher(EmrDefinitionsTest.asl()
        .path("States").path("Sweep").path("Parameters").path("Step").path("HadoopJarStep")
        .path("Args.$").asText().substring("States.Array(".length()));
    while (m.find()) {
      machine.add(m.group(1) != null ? m.group(1).replace("${BucketName}", "bk")
          : "nightly-2026-11-24");
    }
    assertEquals(machine, args);
    CommandLine.ParseResult sweep = parse(args);
    assertEquals("sweep", sweep.commandSpec().name());
    assertEquals("nightly-2026-11-24", sweep.matchedOptionValue("--run-id", ""));
    assertEquals("s3://bk/reports/nightly/", sweep.matchedOptionValue("--out", ""));

    Run today = run(List.of(), Map.of("NETIMPACT_BUCKET", "bk"), "emr/add-sweep-step.sh",
        "--cluster-id", "j-1");
    assertEquals(0, today.code(), today.err());
    String runId = parse(texts(JSON.readTree(today.after(today.call("emr", "add-steps"),
        "--steps")).get(0).path("Args"))).matchedOptionValue("--run-id", "");
    assertTrue(runId.matches("nightly-\\d{4}-\\d{2}-\\d{2}"), "today's night: " + runId);
    assertEquals(2, run(List.of(), Map.of("NETIMPACT_BUCKET", "bk"), "emr/add-sweep-step.sh",
        "--cluster-id", "j-1", "--date", "24.11.2026").code(), "a date that is not one");
  }

  /** The job's arguments of a command-runner step (after the jar), parsed by the real CLI. */
  private static CommandLine.ParseResult parse(List<String> stepArgs) {
    List<String> job = stepArgs.subList(stepArgs.indexOf("--class") + 3, stepArgs.size());
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs(job.toArray(String[]::new)).subcommand();
  }

  @Test
  void reviewService_runsServeInClientMode_onTheContractsCommandLine() throws Exception {
    Run r = run(List.of(List.of(List.of("emr", "add-steps"), "s-9", 0)),
        Map.of("NETIMPACT_BUCKET", "bk"), "emr/add-review-service.sh", "--cluster-id", "j-7",
        "--baseline", "s3a://bk/baselines/base-1/", "--idle-exit-s", "900");
    assertEquals(0, r.code(), r.err());
    JsonNode step = JSON.readTree(r.after(r.call("emr", "add-steps"), "--steps")).get(0);
    assertTrue(EmrDefinitionsTest.CLI_STEP.containsAll(fieldNames(step)));
    assertEquals("command-runner.jar", step.path("Jar").asText());
    assertEquals("CONTINUE", step.path("ActionOnFailure").asText(), "a stopped service does "
        + "not end the cluster's other steps");
    List<String> args = texts(step.path("Args"));
    assertEquals(List.of("spark-submit", "--deploy-mode", "client", "--conf",
        "spark.yarn.maxAppAttempts=1", "--class", Main.class.getName(),
        "s3://bk/jars/netimpact.jar", "serve"), args.subList(0, 9));
    Map<String, String> options = new LinkedHashMap<>();
    List<String> job = args.subList(9, args.size());
    for (int i = 0; i < job.size(); i += 2) {
      assertTrue(job.get(i).startsWith("--"), "option, value pairs: " + job);
      options.put(job.get(i), job.get(i + 1));
    }
    assertTrue(SERVE_OPTIONS.containsAll(options.keySet()), "contract 7.1's options only: "
        + options.keySet());
    assertEquals(Map.of("--snapshot", "s3a://bk/snapshots/latest/",
        "--requests", "s3a://bk/requests/", "--out", "s3a://bk/reports/service/",
        "--master", "yarn", "--baseline", "s3a://bk/baselines/base-1/",
        "--idle-exit-s", "900"), options);
    // Once the job has the command, its own parser must take the step as well.
    CommandLine cli = new CommandLine(new Main());
    if (cli.getSubcommands().containsKey("serve")) {
      assertEquals("serve", parse(args).commandSpec().name());
    }
    // The file itself, for aws emr add-steps --steps file://..., is the same step.
    JsonNode file = JSON.readTree(EMR.resolve("steps/review-service.json").toFile()).get(0);
    List<String> fileArgs = texts(file.path("Args"));
    assertEquals(args.subList(0, 8).toString().replace("bk", "example-netimpact"),
        fileArgs.subList(0, 8).toString());
    assertFalse(fileArgs.contains("--idle-exit-s"), "the file's service runs until stopped");

    assertEquals(2, run(List.of(), Map.of("NETIMPACT_BUCKET", "bk"),
        "emr/add-review-service.sh", "--cluster-id", "j-7", "--idle-exit-s", "ten").code());
    assertEquals(2, run(List.of(), Map.of("NETIMPACT_BUCKET", "bk"),
        "emr/add-review-service.sh").code(), "no cluster: usage");
  }

  // ---- the bootstrap action -----------------------------------------------------------------

  /** A minimal pure-Python wheel: one module, its metadata and record. */
  private static void wheel(Path file, String name, String version) throws IOException {
    String dist = name + "-" + version + ".dist-info/";
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(name + ".py", "VALUE = 42\n");
    entries.put(dist + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: "
        + version + "\n");
    entries.put(dist + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        + "Tag: py3-none-any\n");
    StringBuilder record = new StringBuilder();
    entries.keySet().forEach(k -> record.append(k).append(",,\n"));
    record.append(dist).append("RECORD,,\n");
    entries.put(dist + "RECORD", record.toString());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  @Test
  void bootstrap_installsTheStagedWheels_withoutAnyPackageIndex() throws Exception {
    Path staged = tmp.resolve("s3/bk/bootstrap/wheels");
    Files.createDirectories(staged);
    wheel(staged.resolve("netimpact_probe-1.0-py3-none-any.whl"), "netimpact_probe", "1.0");
    Files.writeString(staged.resolve("requirements.txt"), "netimpact_probe==1.0\n");
    // sudo on the node: here it runs the command as is, into a target directory of the test.
    Path site = tmp.resolve("site");
    Path bin = fakeAws();
    Path sudo = bin.resolve("sudo");
    Files.writeString(sudo, "#!/bin/sh\necho \"$*\" >> \"$FAKE_SUDO_LOG\"\nexec \"$@\" --target "
        + "\"$FAKE_SITE\"\n");
    sudo.toFile().setExecutable(true);
    Path sudoLog = tmp.resolve("sudo.log");
    Files.writeString(sudoLog, "");
    // An index that cannot answer: the install must not need one.
    Map<String, String> env = Map.of("FAKE_SUDO_LOG", sudoLog.toString(), "FAKE_SITE",
        site.toString(), "PIP_INDEX_URL", "http://127.0.0.1:9/simple",
        "PIP_NO_CACHE_DIR", "1");
    Run r = run(List.of(), env, "emr/bootstrap/notebook-python.sh", "s3://bk/bootstrap/wheels/");
    assertEquals(0, r.code(), r.err());
    List<String> copy = r.call("s3", "cp");
    assertTrue(copy.contains("--recursive") && copy.contains("s3://bk/bootstrap/wheels/"),
        copy.toString());
    String install = Files.readString(sudoLog).trim();
    assertTrue(install.contains(" install --no-index --find-links "), install);
    assertTrue(install.contains("--disable-pip-version-check"), "no call to PyPI at all");
    assertTrue(Files.isRegularFile(site.resolve("netimpact_probe.py")), "installed: " + install);

    Run empty = run(List.of(), env, "emr/bootstrap/notebook-python.sh",
        "s3://bk/bootstrap/nothing/");
    assertEquals(1, empty.code());
    assertTrue(empty.err().contains("s3://bk/bootstrap/nothing/")
        && empty.err().contains("emr/stage-wheels.sh"), empty.err());
    String script = Files.readString(EMR.resolve("bootstrap/notebook-python.sh"));
    for (String line : script.replace("\\\n", " ").split("\n")) {
      if (!line.trim().startsWith("#") && line.contains(" install ")) {
        assertTrue(line.contains("--no-index"), "every install is --no-index: " + line);
      }
    }
  }

  // ---- the bash macOS ships -------------------------------------------------------------------

  /** Constructs bash 3.2 (macOS's /bin/bash) does not have, or treats differently. */
  static final Map<String, Pattern> BASH4 = Map.of(
      "mapfile/readarray", Pattern.compile("\\b(mapfile|readarray)\\b"),
      "case conversion ${x,,} ${x^^}", Pattern.compile("\\$\\{[^}]*(,,|\\^\\^|,|\\^)}"),
      "associative array", Pattern.compile("\\b(declare|local|typeset)\\s+-[a-zA-Z]*A"),
      "[[ -v ]]", Pattern.compile("\\[\\[\\s+-v\\b"),
      "negative index", Pattern.compile("\\$\\{\\w+\\[-\\d+]}"),
      "nameref", Pattern.compile("\\b(declare|local)\\s+-[a-zA-Z]*n\\b"),
      "|& or &>>", Pattern.compile("\\|&|&>>"),
      "${x@Q}", Pattern.compile("\\$\\{\\w+@\\w}"),
      "coproc", Pattern.compile("\\bcoproc\\b"));

  @Test
  void scripts_avoidBash4Constructs_andEveryOneChecksTheVersion() throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(EMR)) {
      scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
    }
    assertTrue(scripts.size() >= 8, scripts.toString());
    for (Path s : scripts) {
      // The code: comment lines may name what they avoid.
      String text = String.join("\n", Files.readAllLines(s).stream()
          .filter(l -> !l.trim().startsWith("#")).toList());
      for (Map.Entry<String, Pattern> c : BASH4.entrySet()) {
        Matcher m = c.getValue().matcher(text);
        assertFalse(m.find(), s + " uses " + c.getKey() + " (bash 4+): " + (m.hitEnd() ? ""
            : text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end()
            + 40))));
      }
      // "${arr[@]}" of an empty array is an unbound variable under set -u before bash 4.4.
      Matcher empty = Pattern.compile("(\\w+)=\\(\\)").matcher(text);
      while (empty.find()) {
        assertFalse(text.contains("\"${" + empty.group(1) + "[@]}\""), s + ": array "
            + empty.group(1) + " may be empty when expanded");
      }
      assertEquals(0, JobProcesses.run(List.of("bash", "-n", s.toString()), Map.of(),
          tmp.resolve("n-" + s.getFileName()), 30).code(), s + " parses");
      if (!s.getFileName().toString().equals("aws-call.sh")
          && !s.toString().contains("bootstrap")) {
        assertTrue(text.contains(". \"$HERE/aws-call.sh\""), s + " sources the version check");
      }
    }
    String check = Files.readString(EMR.resolve("aws-call.sh"));
    assertTrue(check.contains("BASH_VERSINFO"), "aws-call.sh checks the version");
    // A shell that is not bash (here sh) is refused by name, before any call.
    JobProcesses.Result notBash = JobProcesses.run(List.of("sh", "-c",
        ". emr/aws-call.sh; echo ran"), Map.of(), tmp.resolve("sh"), 30);
    assertEquals(2, notBash.code(), notBash.out() + notBash.err());
    assertFalse(notBash.out().contains("ran"));
    assertTrue(notBash.err().contains("need bash 3.2 or later"), notBash.err());
    JobProcesses.Result bash = JobProcesses.run(List.of("bash", "-c",
        ". emr/aws-call.sh; echo ran"), Map.of(), tmp.resolve("bash"), 30);
    assertEquals("ran", bash.out().trim(), bash.err());
  }

  /**
   * The scripts' dry runs under a real bash 3.2 when NETIMPACT_BASH32 names one (for example
   * bash-3.2.57 built from GNU's sources, as macOS ships it); skipped otherwise.
   */
  @Test
  void scripts_runUnderBash32_whenOneIsGiven() throws Exception {
    String bash32 = System.getenv().getOrDefault("NETIMPACT_BASH32", "");
    org.junit.jupiter.api.Assumptions.assumeTrue(!bash32.isEmpty(), "NETIMPACT_BASH32 unset");
    JobProcesses.Result v = JobProcesses.run(List.of(bash32, "-c", "echo $BASH_VERSION"),
        Map.of(), tmp.resolve("v"), 30);
    assertTrue(v.out().startsWith("3.2."), v.out());
    Map<String, String> env = Map.of("NETIMPACT_BUCKET", "bk", "SUBNET_ID", "subnet-1",
        "NETIMPACT_DRY_STATE", "FAILED");
    List<List<String>> runs = List.of(
        List.of("emr/create-cluster.sh", "--dry-run"),
        List.of("emr/create-cluster.sh", "--dry-run", "--service", "--spot-tasks"),
        List.of("emr/add-sweep-step.sh", "--cluster-id", "j-1", "--dry-run"),
        List.of("emr/add-review-service.sh", "--cluster-id", "j-1", "--dry-run"),
        List.of("emr/setup.sh", "--region", "eu-west-1", "--subnet", "subnet-1", "--dry-run"));
    for (List<String> run : runs) {
      List<String> cmd = new ArrayList<>(List.of(bash32));
      cmd.addAll(run);
      JobProcesses.Result r = JobProcesses.run(cmd, env, tmp.resolve("b32-" + System.nanoTime()),
          60);
      assertEquals(0, r.code(), run + "\n" + r.err());
      assertTrue(r.err().contains("[\"aws\","), run + " made its calls");
    }
    // A BLOCK summary on a failed step is the verdict, exit 3.
    JobProcesses.Result verdict = JobProcesses.run(List.of(bash32, "emr/add-review-step.sh",
        "--cluster-id", "j-1", "--change", "s3://bk/changes/CR-7.json", "--fail-on", "block",
        "--wait", "--poll", "0", "--dry-run"), env, tmp.resolve("b32-verdict"), 60);
    assertEquals(Main.EXIT_VERDICT, verdict.code(), verdict.err());
  }
}
