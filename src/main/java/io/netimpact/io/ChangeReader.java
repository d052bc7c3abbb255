package io.netimpact.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netimpact.model.Change;
import io.netimpact.model.ChangeOp;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads change requests (contract section 3) from JSON, locating problems as
 * {@code FILE, ops[i], field F}.
 */
public final class ChangeReader {
  private ChangeReader() {}

  /** Reads one change request file, local or on any Hadoop file system. */
  public static Change read(String file, Configuration hadoop) {
    return parse(file, readTree(file, hadoop), "");
  }

  /** Reads a whole JSON document (at most 64 MiB). */
  static JsonNode readTree(String file, Configuration hadoop) {
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem(hadoop).open(p)) {
      byte[] bytes = in.readNBytes(64 << 20);
      if (in.read() >= 0) {
        throw new BadInputException(new InputProblem(file, "", "", "larger than 64 MiB"));
      }
      return Json.MAPPER.readTree(bytes);
    } catch (FileNotFoundException e) {
      throw new BadInputException(new InputProblem(file, "", "", "missing: no such file "
          + Locations.qualified(hadoop, p)));
    } catch (JsonProcessingException e) {
      throw new BadInputException(new InputProblem(file, "line " + e.getLocation().getLineNr(),
          "", "malformed JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BadInputException(new InputProblem(file, "", "", "cannot read: " + e));
    }
  }

  /**
   * Parses a change object; {@code where} prefixes locations when the change sits inside a
   * larger document (a sweep's {@code changes[2]}).
   */
  static Change parse(String file, JsonNode node, String where) {
    String loc = where;
    try {
      Fields f = Fields.of(node, "a change request");
      if (where.isEmpty() && !node.has("ops")
          && (node.has("generators") || node.has("changes"))) {
        throw new FieldException("ops", "missing, and the file has \"changes\" or "
            + "\"generators\": it looks like a sweep file; run it with "
            + "`netimpact sweep --sweep " + file + "`");
      }
      String id = f.requiredString("id");
      String title = f.optionalString("title");
      List<Fields> opNodes = f.objects("ops");
      if (opNodes.isEmpty()) {
        throw new FieldException("ops", "must list at least one op");
      }
      List<ChangeOp> ops = new ArrayList<>();
      for (int i = 0; i < opNodes.size(); i++) {
        loc = (where.isEmpty() ? "" : where + ".") + "ops[" + i + "]";
        ops.add(op(new Fields(node.get("ops").get(i), "")));
      }
      return new Change(id, title, ops);
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, loc, e.field(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(new InputProblem(file, loc, "", e.getMessage()));
    }
  }

  /** One op object. */
  static ChangeOp op(Fields f) {
    String op = f.requiredString("op");
    return switch (op) {
      case "drain_device" -> new ChangeOp.SetDrained(f.requiredString("device"), true);
      case "undrain_device" -> new ChangeOp.SetDrained(f.requiredString("device"), false);
      case "remove_device" -> new ChangeOp.RemoveDevice(f.requiredString("device"));
      case "link_down" -> new ChangeOp.SetLinkUp(f.requiredString("link"), false);
      case "link_up" -> new ChangeOp.SetLinkUp(f.requiredString("link"), true);
      case "member_down" -> new ChangeOp.SetMemberUp(f.requiredString("link"),
          f.requiredString("member"), false);
      case "member_up" -> new ChangeOp.SetMemberUp(f.requiredString("link"),
          f.requiredString("member"), true);
      case "set_metric" -> {
        String dir = f.has("direction") ? f.requiredString("direction") : "both";
        ChangeOp.Direction d;
        try {
          d = ChangeOp.Direction.parse(dir);
        } catch (IllegalArgumentException e) {
          throw new FieldException("direction", e.getMessage());
        }
        yield new ChangeOp.SetMetric(f.requiredString("link"), f.positiveInt("metric"), d);
      }
      case "set_capacity" -> new ChangeOp.SetCapacity(f.requiredString("link"),
          f.requiredString("member"), f.requiredNumber("capacity_gbps", true));
      case "add_link" -> {
        JsonNode link = f.raw("link");
        if (link == null) {
          throw new FieldException("link", "missing required field (a full link object)");
        }
        try {
          yield new ChangeOp.AddLink(SnapshotRecords.link(link));
        } catch (FieldException e) {
          throw new FieldException("link." + e.field(), e.getMessage());
        }
      }
      case "srlg_down" -> new ChangeOp.SrlgDown(f.requiredString("srlg"));
      case "site_down" -> new ChangeOp.SiteDown(f.requiredString("site"));
      case "scale_demands" -> new ChangeOp.ScaleDemands(
          f.requiredNumber("factor", false),
          f.optionalNonEmptyString("src_site"), f.optionalNonEmptyString("dst_site"));
      default -> throw new FieldException("op", "unknown op \"" + op + "\" (known: drain_device, "
          + "undrain_device, remove_device, link_down, link_up, member_down, member_up, "
          + "set_metric, set_capacity, add_link, srlg_down, site_down, scale_demands)");
    };
  }
}
