package io.netimpact.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.testing.ExternalTools;
import io.netimpact.testing.PublishedRuns;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's summary.html in a real browser: headless Chromium, offline, a fresh profile.
 * The screenshot is kept as {@code target/summary.png}.
 */
@Tag("slow")
class SummaryHtmlChromiumTest {
  static final String SNAPSHOT = "src/main/resources/samples/backbone";
  static final String CHANGES = "src/main/resources/samples/changes/";

  @TempDir
  Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private ExternalTools.Result chromium(String... args) throws IOException {
    ExternalTools.require("chromium", "chromium", "--version");
    List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile")));
    cmd.addAll(Arrays.asList(args));
    return ExternalTools.run(tmp, Map.of(), 120, cmd.toArray(String[]::new));
  }

  private Path review(String change) {
    Path out = tmp.resolve("reports");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", CHANGES + change, "--out", out.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    return out;
  }

  @Test
  void blockingChange_pageShowsVerdictWorstLinkAndItsUtilisationInTheBrowser()
      throws IOException {
    Path page = PublishedRuns.page(review("block-srlg-conduit.json"), "CR-1003");
    assertTrue(Files.exists(page), "summary.html is published with the run");
    ExternalTools.Result dom = chromium("--dump-dom", page.toUri().toString());
    assertEquals(0, dom.code(), dom.err());
    String html = dom.out();
    assertTrue(html.contains("id=\"verdict\">BLOCK</span>"), html);
    assertTrue(html.contains("lag-atl-lax-cr1"), html);
    assertTrue(html.contains("122.7 %"), html);
    assertTrue(html.contains("id=\"worst-links\""), "the bars are drawn: " + html);
    assertTrue(html.contains("Civil works in conduit I-80"), "the change's title: " + html);
    assertTrue(html.contains("id=\"reason\">BLOCK: lax-cr1-&gt;atl-cr1 (lag-atl-lax-cr1) over "
        + "capacity, 25.0% -&gt; 122.7%"), "why: " + html);
    assertTrue(html.contains("id=\"warn-line\""), "the warn level is drawn: " + html);
    assertTrue(html.contains("viewBox="), "the chart scales to the page width: " + html);

    assertTrue(html.contains("id=\"at-risk-note\">52 demands at risk; the 15 largest:"),
        "the demands the console counts: " + html);
    assertTrue(html.contains("100.0 \u2192 490.8 of 400.0 Gbps"), "Gbps beside %: " + html);
    screenshots(page, "review");
  }

  /**
   * Screenshots of {@code page} at a desktop and a phone width, kept as
   * {@code target/pages/NAME-desktop.png} and {@code NAME-narrow.png} to look at.
   */
  private void screenshots(Path page, String name) throws IOException {
    Files.createDirectories(Path.of("target/pages"));
    for (String[] size : new String[][] {{"desktop", "1280,2400"}, {"narrow", "400,2400"}}) {
      Path png = Path.of("target/pages/" + name + "-" + size[0] + ".png").toAbsolutePath();
      Files.deleteIfExists(png);
      ExternalTools.Result shot = chromium("--screenshot=" + png, "--window-size=" + size[1],
          "--hide-scrollbars", page.toUri().toString());
      assertEquals(0, shot.code(), shot.err());
      byte[] bytes = Files.readAllBytes(png);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
      assertTrue(bytes.length > 10_000, "a rendered page, not a blank one: " + bytes.length);
    }
  }

  @Test
  void sweepWithPlan_pageShowsTheWorstCasePerArcThePlanAndItsResidualInTheBrowser()
      throws IOException {
    Path out = tmp.resolve("sweep");
    // With classes of service, every class protected: the verdicts are those without classes,
    // and the page says which classes drop where.
    Path classed = ReviewCommandTest.classedCopyOfSample(tmp.resolve("classed"),
        NotebookExecutionTest.CLASSES);
    ReviewCommandTest.Run r = ReviewCommandTest.run("sweep", "--snapshot", classed.toString(),
        "--sweep", "src/main/resources/samples/sweeps/nightly.json", "--out", out.toString(),
        "--format", "json", "--run-id", "nightly", "--plan");
    assertEquals(0, r.code(), r.err());
    ExternalTools.Result dom = chromium("--dump-dom",
        PublishedRuns.page(out, "nightly").toUri().toString());
    assertEquals(0, dom.code(), dom.err());
    String html = dom.out();
    String worst = section(html, "id=\"worst-case\"");
    // Cutting conduit-i80 drives lax-cr1->atl-cr1 to 122.7 %: the worst arc, first.
    assertTrue(worst.matches("(?s).*?<td>lag-atl-lax-cr1</td><td>lax-cr1→atl-cr1</td>.*?"
        + "122\\.7 %.*?<td>srlg_down:conduit-i80</td>.*"), worst);
    String plan = section(html, "id=\"plan\"");
    assertTrue(plan.matches("(?s).*<td>lag-atl-lax-cr1</td><td class=\"n\">\\+3</td>.*"), plan);
    assertTrue(html.contains("id=\"plan-summary\">Target 80.0 %"), html);
    assertTrue(section(html, "id=\"residual\"").contains("site_down:sfo"), html);
    // The page opens with the verdicts, the riskiest scenarios and the plan, in that order.
    int verdicts = html.indexOf("id=\"verdicts\"");
    int riskiest = html.indexOf("id=\"scenarios\"");
    int planAt = html.indexOf("id=\"plan-summary\"");
    assertTrue(verdicts > 0 && riskiest > verdicts && planAt > riskiest, html);
    assertTrue(html.contains(">BLOCK: 9<") && html.contains(">RISK: 11<")
        && html.contains(">SAFE: 73<"), html);
    assertTrue(section(html, "id=\"facts\"").contains("8 scenarios remove devices whose own "
        + "traffic goes with them"), "lost traffic split into stranded and own: " + html);
    assertTrue(!html.contains("summed over the scenarios"), html);
    int classes = html.indexOf("<h2>Which classes drop where</h2>");
    assertTrue(classes > verdicts && classes < riskiest, "under the verdicts: " + html);
    // best-effort, served first, still drops most where the conduit cut overloads an arc.
    assertTrue(html.contains("<ul id=\"class-drops\"><li>class best-effort drops in 2 scenarios "
        + "(2 of them new drops), worst 83.8 Gbps on lax-cr1-&gt;atl-cr1 (lag-atl-lax-cr1) in "
        + "srlg_down:conduit-i80</li><li>class bulk drops in 2 scenarios"), html);
    screenshots(PublishedRuns.page(out, "nightly"), "sweep");
  }

  /** The table that starts with {@code marker}, up to its end. */
  private static String section(String html, String marker) {
    int start = html.indexOf(marker);
    assertTrue(start >= 0, "no " + marker + " in " + html);
    return html.substring(start, html.indexOf("</table>", start));
  }

  @Test
  void rerunningARun_replacesItsSummaryPage() throws IOException {
    Path out = tmp.resolve("reports");
    ReviewCommandTest.run("review", "--snapshot", SNAPSHOT, "--change",
        CHANGES + "safe-member-down.json", "--out", out.toString(), "--run-id", "same");
    ReviewCommandTest.Run r = ReviewCommandTest.run("review", "--snapshot", SNAPSHOT,
        "--change", CHANGES + "block-srlg-conduit.json", "--out", out.toString(), "--run-id",
        "same");
    assertEquals(0, r.code(), r.err());
    String html = Files.readString(PublishedRuns.page(out, "same"));
    assertTrue(html.contains("id=\"verdict\">BLOCK<"), html);
    assertTrue(html.contains("CR-1003"), html);
  }
}
