package io.netimpact.importer;

import io.netimpact.input.BadInputException;
import io.netimpact.input.InputProblem;
import io.netimpact.model.Demand;
import io.netimpact.model.TrafficInterval;
import io.netimpact.model.TrafficSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads SNDlib dynamic demand matrices (one XML file per time step, e.g.
 * {@code demandMatrix-abilene-zhang-5min-20040301-0000.xml}) into a {@link TrafficSeries}.
 *
 * <ul>
 *   <li>Interval id: the file's {@code meta/time} ({@code 20040301-0000}); start: that time as
 *       an ISO-8601 local date-time (the files state no time zone); length: {@code
 *       meta/granularity} ({@code 5min}, {@code 15min}, {@code 1day}).</li>
 *   <li>Units: {@code meta/unit} (MBITPERSEC in every published file) to Gbps.</li>
 *   <li>Demand values are taken as directed (s to t); zero demands are left out by SNDlib.</li>
 * </ul>
 * O(total size of the files), plus O(F log F) to order F files.
 */
public final class SndlibTraffic {
  private static final Pattern GRANULARITY = Pattern.compile("(\\d+)\\s*(min|h|hour|day)s?");
  private static final Pattern TIME = Pattern.compile("(\\d{8})(?:-(\\d{4}))?");

  private SndlibTraffic() {}

  /** The series and the notes on what was assumed. */
  public record Result(TrafficSeries series, List<String> notes) {}

  /**
   * @param inputs  XML files, or directories whose {@code *.xml} files are all read
   * @param devices node ids of the network the matrices belong to
   */
  public static Result read(List<Path> inputs, Set<String> devices) {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new BadInputException(new InputProblem(p.toString(), "", "", "cannot list: " + e));
        }
      } else {
        files.add(p);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no SNDlib demand matrix (*.xml) in " + inputs);
    }
    List<TrafficInterval> intervals = new ArrayList<>();
    String units = "";
    for (Path f : files) {
      SndlibNetwork m = SndlibReader.readXml(f);
      String file = f.toString();
      String time = m.metaValue("time").orElseThrow(() -> Problems.at(file, 0, "meta/time",
          "missing: a demand matrix of a series needs its time"));
      Matcher tm = TIME.matcher(time.trim());
      if (!tm.matches()) {
        throw Problems.at(file, 0, "meta/time", "expected YYYYMMDD or YYYYMMDD-HHMM, got \"" + time + "\"");
      }
      LocalDateTime start = LocalDateTime.parse(tm.group(1) + (tm.group(2) == null ? "0000" : tm.group(2)),
          DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
      String gran = m.metaValue("granularity").orElseThrow(() -> Problems.at(file, 0,
          "meta/granularity", "missing: the length of the interval is needed"));
      Matcher gm = GRANULARITY.matcher(gran.trim());
      if (!gm.matches()) {
        throw Problems.at(file, 0, "meta/granularity", "expected e.g. 5min, 1h or 1day, got \"" + gran + "\"");
      }
      int minutes = Integer.parseInt(gm.group(1)) * switch (gm.group(2)) {
        case "min" -> 1;
        case "h", "hour" -> 60;
        default -> 1440;
      };
      String unitText = m.metaValue("unit").orElseThrow(() -> Problems.at(file, 0, "meta/unit",
          "missing: the unit of the demand values is needed"));
      RateUnit unit = RateUnit.ofSndlib(unitText).orElseThrow(() -> Problems.at(file, 0,
          "meta/unit", "unknown SNDlib unit \"" + unitText + "\""));
      units = unitText;
      List<Demand> demands = new ArrayList<>(m.demands().size());
      for (SndlibNetwork.DemandRow d : m.demands()) {
        if (!devices.contains(d.source())) {
          throw Problems.at(file, d.line(), "source", "names node \"" + d.source()
              + "\", which the network does not have");
        }
        if (!devices.contains(d.target())) {
          throw Problems.at(file, d.line(), "target", "names node \"" + d.target()
              + "\", which the network does not have");
        }
        demands.add(Demand.of(d.source(), d.target(), unit.toGbps(d.value())));
      }
      intervals.add(new TrafficInterval(tm.group(0), start.toString(), minutes, demands));
    }
    intervals.sort(Comparator.comparing(TrafficInterval::startTime));
    for (int i = 1; i < intervals.size(); i++) {
      if (intervals.get(i).startTime().equals(intervals.get(i - 1).startTime())) {
        throw new IllegalArgumentException("two demand matrices for the same time "
            + intervals.get(i).start() + ": " + intervals.get(i).id());
      }
    }
    List<String> notes = List.of("traffic: " + intervals.size() + " measured SNDlib demand "
        + "matrices (" + intervals.get(0).start() + " .. " + intervals.get(intervals.size() - 1).start()
        + ", " + intervals.get(0).minutes() + " min each) in traffic/, unit " + units
        + " -> Gbps; start times as in the files (no time zone stated); matrices are not "
        + "scaled by --scale-to-util");
    return new Result(new TrafficSeries(intervals), notes);
  }
}
