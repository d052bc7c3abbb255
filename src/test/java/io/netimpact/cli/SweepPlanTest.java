package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.verdict.Thresholds;
import io.netimpact.input.ChangeReader;
import io.netimpact.report.ReportTables;
import io.netimpact.input.SnapshotReader;
import io.netimpact.snapshot.SnapshotWriter;
import io.netimpact.input.SweepReader;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import io.netimpact.model.Link;
import io.netimpact.model.Member;
import io.netimpact.model.Snapshot;
import io.netimpact.planning.AugmentPlan;
import io.netimpact.planning.AugmentRow;
import io.netimpact.planning.ResidualRow;
import io.netimpact.testing.Net;
import io.netimpact.testing.PlainPlans;
import io.netimpact.testing.PublishedRuns;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --plan} end to end, through the command line
 * (docs/semantics.md#the-augmentation-plan-sweep---plan). */
class SweepPlanTest {
  static final String SNAPSHOT = ReviewCommandTest.SNAPSHOT;
  static final String NIGHTLY = "src/main/resources/samples/sweeps/nightly.json";

  @TempDir
  static Path tmp;

  /** The sample sweep with --plan, once for the tests that read it. */
  static ReviewCommandTest.Run sample;

  @BeforeAll
  static void sweepTheSampleWithAPlan() {
    sample = ReviewCommandTest.run("sweep", "--snapshot", SNAPSHOT, "--sweep", NIGHTLY,
        "--out", tmp.resolve("plan").toString(), "--format", "json", "--run-id", "p", "--plan");
  }

  private static List<Row> table(Path out, String name) {
    return SparkTestSession.get().read().json(out.resolve(name).toString()).collectAsList();
  }

  @Test
  void sampleSweep_producesAPlan_thatSizesTheSrlgCutsOverloadByHand() {
    assertEquals(0, sample.code(), sample.err());
    String report = sample.out().lines().filter(l -> l.startsWith("report: ")).findFirst()
        .orElseThrow();
    assertTrue(report.contains(ReportTables.AUGMENT_PLAN)
        && report.contains(ReportTables.AUGMENT_RESIDUAL), report);
    assertTrue(sample.out().contains("augmentation plan (target 80 %)"), sample.out());
    Map<String, Row> rows = new HashMap<>();
    for (Row r : table(tmp.resolve("plan"), ReportTables.AUGMENT_PLAN)) {
      rows.put(r.getAs("link_id"), r);
      assertTrue(r.<Double>getAs("worst_util_after") <= 0.8 + 1e-9, r.toString());
    }
    // Cutting conduit-i80 puts 490.8 Gbps on lag-atl-lax-cr1 (4 x 100 Gbps, 122.7 %):
    // 490.8 / 0.8 = 613.5 Gbps needed, 213.5 more: three members, 700 Gbps, 70.1 %.
    Row atl = rows.get("lag-atl-lax-cr1");
    assertEquals(3L, atl.<Long>getAs("members_to_add"));
    assertEquals(100.0, atl.<Double>getAs("member_capacity_gbps"));
    assertEquals(400.0, atl.<Double>getAs("capacity_before_gbps"));
    assertEquals(700.0, atl.<Double>getAs("capacity_after_gbps"));
    assertEquals(1.227, atl.<Double>getAs("worst_util_before"), 1e-3);
    assertEquals("srlg_down:conduit-i80", atl.getAs("driving_scenario_id"));
    // Draining chi-cr2 puts 399.2 Gbps on lag-chi-den-cr1 (99.8 %): 499 needed, one member.
    assertEquals(1L, rows.get("lag-chi-den-cr1").<Long>getAs("members_to_add"));
    // Each site failure takes its own traffic with it: stranded, which capacity cannot fix.
    List<Row> residual = table(tmp.resolve("plan"), ReportTables.AUGMENT_RESIDUAL);
    assertEquals(8, residual.size(), residual.toString());
    for (Row r : residual) {
      assertTrue(r.<String>getAs("scenario_id").startsWith("site_down:"), r.toString());
      assertEquals("BLOCK", r.getAs("verdict"));
    }
  }

  @Test
  @Tag("slow")
  void thePlanAppliedWithReview_leavesEveryScenarioOutsideTheResidualSafe() throws IOException {
    assertEquals(0, sample.code(), sample.err());
    Path planFile = PublishedRuns.file(tmp.resolve("plan"), "p", ReportTables.AUGMENT_PLAN_FILE);
    // The change request is one review reads, for real: added capacity alone is SAFE.
    ReviewCommandTest.Run review = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", planFile.toString(), "--out", tmp.resolve("review").toString(), "--format",
        "json");
    assertEquals(0, review.code(), review.err());
    assertTrue(review.out().contains("VERDICT: SAFE"), review.out());
    // The sweep again on the snapshot with the plan applied.
    Configuration conf = new Configuration();
    Change plan = ChangeReader.read(planFile.toString(), conf);
    Snapshot s = new SnapshotReader(conf)
        .read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL).snapshot();
    Path augmented = tmp.resolve("augmented");
    SnapshotWriter.write(apply(s, plan), augmented.toString(), conf);
    ReviewCommandTest.Run again = ReviewCommandTest.run("sweep", "--snapshot",
        augmented.toString(), "--sweep", NIGHTLY, "--out", tmp.resolve("again").toString(),
        "--format", "json", "--run-id", "again");
    assertEquals(0, again.code(), again.err());
    Map<String, String> residual = new HashMap<>();
    table(tmp.resolve("plan"), ReportTables.AUGMENT_RESIDUAL).forEach(r ->
        residual.put(r.getAs("scenario_id"), r.getAs("verdict")));
    List<Row> summaries = table(tmp.resolve("again"), ReportTables.SCENARIO_SUMMARY);
    assertEquals(93, summaries.size());
    for (Row r : summaries) {
      String id = r.getAs("scenario_id");
      assertEquals(residual.getOrDefault(id, "SAFE"), r.getAs("verdict"), id);
    }
  }

  @Test
  void theSparkPlan_equalsThePlainJavaPlanThatRoutesEveryRoundAgain() {
    assertEquals(0, sample.code(), sample.err());
    Configuration conf = new Configuration();
    Snapshot s = new SnapshotReader(conf)
        .read(SNAPSHOT, SnapshotReader.OnBadRecord.FAIL).snapshot();
    var sweep = SweepReader.read(NIGHTLY, conf);
    AugmentPlan plain = PlainPlans.plan("p", sweep.id(), s, sweep.expand(s), 0.8,
        Thresholds.DEFAULT, new ArrayList<>());
    Map<String, Row> spark = new LinkedHashMap<>();
    table(tmp.resolve("plan"), ReportTables.AUGMENT_PLAN).forEach(r ->
        spark.put(r.getAs("link_id"), r));
    assertEquals(plain.rows().size(), spark.size());
    for (AugmentRow p : plain.rows()) {
      Row r = spark.get(p.linkId());
      assertEquals((long) p.membersToAdd(), r.<Long>getAs("members_to_add"), p.linkId());
      assertEquals(p.capacityAfterGbps(), r.<Double>getAs("capacity_after_gbps"), p.linkId());
      assertEquals(p.worstUtilBefore(), r.<Double>getAs("worst_util_before"), 1e-9);
      assertEquals(p.worstUtilAfter(), r.<Double>getAs("worst_util_after"), 1e-9);
      assertEquals(p.drivingScenarioId(), r.getAs("driving_scenario_id"), p.linkId());
    }
    assertEquals(plain.residual().stream().map(ResidualRow::scenarioId).sorted().toList(),
        table(tmp.resolve("plan"), ReportTables.AUGMENT_RESIDUAL).stream()
            .map(r -> r.<String>getAs("scenario_id")).sorted().toList());
  }

  @Test
  void aMemberThatRestoresMinLinks_isRoutedAgainOnSpark_andASecondRoundAddsMore()
      throws IOException {
    // ab: two members of 100 Gbps, min-links 2; a-c-b: 400 Gbps links, cost 2; a->b 170 Gbps
    // (85 % on ab). S1 takes m0 down: ab unusable, a->b over c. Round 1: the base needs one
    // member (170 / 0.8 - 200 = 12.5 Gbps); with it ab is usable in S1 again (m1 and plan-1
    // up), so the sweep is routed again: 170 on 200 in S1, one more member. Round 3 adds
    // nothing: S1 170 / 300 = 56.7 %.
    Path snap = tmp.resolve("minlinks");
    SnapshotWriter.write(Net.create().lag("ab", "a", "b", 1, 2, 100, 2)
        .link("ac", "a", "c", 1, 400).link("cb", "c", "b", 1, 400)
        .demand("a", "b", 170).snapshot(), snap.toString(), new Configuration());
    Path sweep = tmp.resolve("minlinks.json");
    Files.writeString(sweep, "{\"id\": \"ml\", \"changes\": [{\"id\": \"S1\", \"ops\": "
        + "[{\"op\": \"member_down\", \"link\": \"ab\", \"member\": \"m0\"}]}]}");
    Path out = tmp.resolve("minlinks-out");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", snap.toString(),
        "--sweep", sweep.toString(), "--out", out.toString(), "--format", "json", "--plan");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("3 rounds (1 routed again)"), r.out());
    List<Row> rows = table(out, ReportTables.AUGMENT_PLAN);
    assertEquals(1, rows.size());
    Row ab = rows.get(0);
    assertEquals("ab", ab.getAs("link_id"));
    assertEquals(2L, ab.<Long>getAs("members_to_add"));
    assertEquals(400.0, ab.<Double>getAs("capacity_after_gbps"));
    assertEquals(170.0 / 300, ab.<Double>getAs("worst_util_after"), 1e-12);
    assertEquals("S1", ab.getAs("driving_scenario_id"));
    assertEquals(0, table(out, ReportTables.AUGMENT_RESIDUAL).size());
  }

  @Test
  void targetUtil_outsideZeroToOne_orWithoutPlan_exits2() {
    for (String[] extra : List.of(new String[] {"--plan", "--target-util", "1.5"},
        new String[] {"--target-util", "0.7"})) {
      List<String> args = new ArrayList<>(List.of("sweep", "--snapshot", SNAPSHOT, "--sweep",
          NIGHTLY, "--out", tmp.resolve("bad").toString()));
      args.addAll(List.of(extra));
      ReviewCommandTest.Run r = ReviewCommandTest.run(args.toArray(String[]::new));
      assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("--target-util"), r.err());
    }
  }

  @Test
  void plan_onASnapshotWithTrafficEngineering_isRefusedWithExit2_andWritesNothing() {
    java.nio.file.Path out = tmp.resolve("te-plan");
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot",
        "src/main/resources/samples/backbone-te", "--sweep", NIGHTLY, "--out", out.toString(),
        "--plan");
    assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--plan") && r.err().contains("traffic engineering"), r.err());
    assertTrue(!java.nio.file.Files.exists(out.resolve("_runs")), "no run was published");
  }

  /** The snapshot with the plan's add_member ops applied (independently of the planner). */
  private static Snapshot apply(Snapshot s, Change plan) {
    Map<String, List<Member>> added = new HashMap<>();
    for (ChangeOp op : plan.ops()) {
      ChangeOp.AddMember a = (ChangeOp.AddMember) op;
      added.computeIfAbsent(a.link(), k -> new ArrayList<>()).add(a.member());
    }
    List<Link> links = new ArrayList<>();
    for (Link l : s.links()) {
      List<Member> ms = new ArrayList<>(l.members());
      ms.addAll(added.getOrDefault(l.id(), List.of()));
      links.add(l.withMembers(ms));
    }
    return new Snapshot(s.info(), s.devices(), links, s.demands());
  }
}
